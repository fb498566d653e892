#!/usr/bin/python3
"""The PyTorch-Python peer of `chorus-cli train` for the TextCNN and BiLSTM-attention families, and
of `chorus-cli predict` for a TextCNN.

The models are written op for op like models/text/textcnn.cpp and rnnattentionclassifier.cpp
(same layers, masking, padding and initialisation by PyTorch's defaults), and the loop is what a
PyTorch user writes: token ids prepared once, a shuffled order per epoch, batches padded to their
longest post, AdamW, cross-entropy, loss.item() every step; at the end of each epoch an evaluation
on the validation part and a checkpoint (model and optimiser state), and a test evaluation at the
end, as Chorus's trainer does.

Usage:
    /usr/bin/python3 pytorch_train.py train POSTS.jsonl --model textcnn|rnn_attention
        --train N --valid N --test N --vocabulary V [--max-length 64] [--batch 64] [--epochs E]
        [--threads T] [--lr 0.001] [--weight-decay 0.01] [--seed S] [--checkpoint PATH]
        [--param name=value]...
    /usr/bin/python3 pytorch_train.py predict POSTS.jsonl --checkpoint PATH [--text "..."] OUT.csv

POSTS.jsonl: one {"id", "text", "label"} object per line. The first N posts train, the next ones
validate and test (the generated posts are independent and identically distributed, so their
order is as good as Chorus's random split); V, taken from Chorus's run, sizes the embedding table
so both sides update the same number of weights.

Throughput is measured as Chorus's trainer measures it: samples per second over windows of 10
steps (aligned to the step count, plus the last step of an epoch). The last line of output is
"RESULT {json}".
"""
import argparse
import collections
import csv
import json
import random
import resource
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

REPORT_WINDOW = 10


def real_token_mask(lengths, length):
    lengths = lengths.clamp(1, max(length, 1))
    return torch.arange(length).unsqueeze(0) < lengths.unsqueeze(1)


class TextCnn(nn.Module):
    def __init__(self, vocabulary, classes, embedding_dim=128, kernel_sizes=(3, 4, 5), filters=100, dropout=0.5):
        super().__init__()
        self.kernel_sizes = list(kernel_sizes)
        self.embedding = nn.Embedding(vocabulary, embedding_dim, padding_idx=0)
        self.convolutions = nn.ModuleList(nn.Conv1d(embedding_dim, filters, w) for w in self.kernel_sizes)
        self.dropout = nn.Dropout(dropout)
        self.output = nn.Linear(filters * len(self.kernel_sizes), classes)

    def forward(self, tokens, lengths):
        length = tokens.size(1)
        mask = real_token_mask(lengths, length)
        embedded = self.embedding(tokens) * mask.unsqueeze(2).to(torch.float32)
        embedded = embedded.transpose(1, 2)
        padding = mask.logical_not().unsqueeze(1)
        pooled = []
        for width, conv in zip(self.kernel_sizes, self.convolutions):
            features = torch.relu(conv(F.pad(embedded, (0, width - 1))))
            features = features.masked_fill(padding, float("-inf"))
            pooled.append(features.max(2)[0])
        return self.output(self.dropout(torch.cat(pooled, 1)))


class RnnAttention(nn.Module):
    def __init__(self, vocabulary, classes, embedding_dim=128, hidden=128, layers=1, attention_dim=128, dropout=0.3):
        super().__init__()
        self.embedding = nn.Embedding(vocabulary, embedding_dim, padding_idx=0)
        self.rnn = nn.LSTM(embedding_dim, hidden, num_layers=layers, bidirectional=True, batch_first=True,
                           dropout=dropout if layers > 1 else 0.0)
        self.attention_projection = nn.Linear(2 * hidden, attention_dim)
        self.attention_score = nn.Linear(attention_dim, 1, bias=False)
        self.dropout = nn.Dropout(dropout)
        self.output = nn.Linear(2 * hidden, classes)

    def forward(self, tokens, lengths):
        length = tokens.size(1)
        mask = real_token_mask(lengths, length)
        packed = pack_padded_sequence(self.embedding(tokens), lengths.clamp(1, max(length, 1)), batch_first=True,
                                      enforce_sorted=False)
        states, _ = self.rnn(packed)
        states, _ = pad_packed_sequence(states, batch_first=True, padding_value=0.0, total_length=length)
        scores = self.attention_score(torch.tanh(self.attention_projection(states))).squeeze(2)
        scores = scores.masked_fill(mask.logical_not(), float("-inf"))
        weights = torch.softmax(scores, 1)
        context = torch.bmm(weights.unsqueeze(1), states).squeeze(1)
        return self.output(self.dropout(context))


def make_model(name, vocabulary, classes, params):
    if name == "textcnn":
        return TextCnn(vocabulary, classes, **params)
    if name == "rnn_attention":
        return RnnAttention(vocabulary, classes, **params)
    raise SystemExit(f"unknown model {name}")


def parse_param(text):
    name, _, value = text.partition("=")
    value = json.loads(value)
    return name, tuple(value) if isinstance(value, list) else value


def read_posts(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


class Encoding:
    """Words by training frequency (ties by first appearance), capped at the run's vocabulary:
    0 is padding and 1 the unknown word, as in Chorus's vocabulary."""

    def __init__(self, texts, size, max_length):
        counts = collections.Counter(word for text in texts for word in text.split())
        words = [w for w, _ in counts.most_common(max(0, size - 2))]
        self.index = {w: n + 2 for n, w in enumerate(words)}
        self.size = size
        self.max_length = max_length

    def encode(self, text):
        ids = [self.index.get(w, 1) for w in text.split()][: self.max_length]
        return torch.tensor(ids if ids else [0], dtype=torch.long)

    def state(self):
        return {"index": self.index, "size": self.size, "max_length": self.max_length}

    @classmethod
    def from_state(cls, state):
        e = cls.__new__(cls)
        e.index, e.size, e.max_length = state["index"], state["size"], state["max_length"]
        return e


def batches(encoded, labels, order, batch_size):
    for begin in range(0, len(order), batch_size):
        rows = order[begin:begin + batch_size]
        tokens = pad_sequence([encoded[r] for r in rows], batch_first=True)
        lengths = torch.tensor([len(encoded[r]) for r in rows], dtype=torch.long)
        yield tokens, lengths, torch.tensor([labels[r] for r in rows], dtype=torch.long)


def evaluate(model, encoded, labels, batch_size):
    model.eval()
    correct = 0
    loss_sum = 0.0
    with torch.no_grad():
        for tokens, lengths, target in batches(encoded, labels, list(range(len(encoded))), batch_size):
            logits = model(tokens, lengths)
            loss_sum += F.cross_entropy(logits, target).item() * len(target)
            correct += int((logits.argmax(1) == target).sum())
    model.train()
    return {"loss": loss_sum / max(1, len(encoded)), "accuracy": correct / max(1, len(encoded))}


def train(args):
    process_start = time.perf_counter()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    posts = read_posts(args.posts)
    needed = args.train + args.valid + args.test
    if len(posts) < needed:
        raise SystemExit(f"{args.posts}: {len(posts)} posts, {needed} needed")
    classes = sorted({p["label"] for p in posts})
    class_of = {c: n for n, c in enumerate(classes)}
    parts = {"train": posts[:args.train], "valid": posts[args.train:args.train + args.valid],
             "test": posts[args.train + args.valid:needed]}
    encoding = Encoding([p["text"] for p in parts["train"]], args.vocabulary, args.max_length)
    encoded = {k: [encoding.encode(p["text"]) for p in v] for k, v in parts.items()}
    labels = {k: [class_of[p["label"]] for p in v] for k, v in parts.items()}
    params = dict(parse_param(p) for p in args.param)
    model = make_model(args.model, args.vocabulary, len(classes), params)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    prepared_s = time.perf_counter() - process_start

    rng = random.Random(args.seed)
    train_x, train_y = encoded["train"], labels["train"]
    batches_per_epoch = (len(train_x) + args.batch - 1) // args.batch
    windows = []  # (epoch, first window of the epoch, samples per second)
    step = 0
    loop_start = time.perf_counter()
    model.train()
    for epoch in range(args.epochs):
        order = list(range(len(train_x)))
        rng.shuffle(order)
        window_start = time.perf_counter()
        window_samples = 0
        first_window = True
        for batch_index, (tokens, lengths, target) in enumerate(batches(train_x, train_y, order, args.batch), 1):
            optimizer.zero_grad()
            loss = F.cross_entropy(model(tokens, lengths), target)
            loss.backward()
            optimizer.step()
            step += 1
            loss_value = loss.item()
            if loss_value != loss_value:
                raise SystemExit(f"training diverged at step {step}")
            window_samples += len(target)
            if step % REPORT_WINDOW == 0 or batch_index == batches_per_epoch:
                now = time.perf_counter()
                windows.append((epoch, first_window, window_samples / (now - window_start)))
                first_window = False
                window_start, window_samples = now, 0
        valid = evaluate(model, encoded["valid"], labels["valid"], args.batch)
        torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch + 1},
                   args.checkpoint)
    loop_s = time.perf_counter() - loop_start
    test = evaluate(model, encoded["test"], labels["test"], args.batch)
    torch.save({"model": model.state_dict(), "encoding": encoding.state(), "classes": classes,
                "name": args.model, "params": params}, args.checkpoint)
    steady = sorted(rate for _, first, rate in windows if not first)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = {
        "samples": len(train_x) * args.epochs,
        "steps": step,
        "threads": torch.get_num_threads(),
        "prepare_s": prepared_s,
        "loop_s": loop_s,
        "loop_samples_per_s": len(train_x) * args.epochs / loop_s,
        "window_samples_per_s": steady[len(steady) // 2] if steady else None,
        "windows": len(steady),
        "valid": valid,
        "test": test,
        "peak_rss_kb": rss,
        "torch": torch.__version__,
    }
    print(f"{args.model}: {step} steps, median window {result['window_samples_per_s'] or 0:.0f} samples/s, "
          f"loop {loop_s:.2f} s, test accuracy {test['accuracy']:.4f}")
    print("RESULT " + json.dumps(result))


def predict(args):
    start = time.perf_counter()
    torch.set_num_threads(args.threads)
    state = torch.load(args.checkpoint)
    encoding = Encoding.from_state(state["encoding"])
    classes = state["classes"]
    model = make_model(state["name"], encoding.size, len(classes), state["params"])
    model.load_state_dict(state["model"])
    model.eval()
    loaded_s = time.perf_counter() - start
    if args.text:
        posts = [{"id": "", "text": t} for t in args.text]
    else:
        posts = read_posts(args.posts)
    compute_start = time.perf_counter()
    with open(args.output, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["post_id", "text", "predicted"] + [f"p:{c}" for c in classes])
        with torch.no_grad():
            for begin in range(0, len(posts), 256):
                chunk = posts[begin:begin + 256]
                encoded = [encoding.encode(p["text"]) for p in chunk]
                tokens = pad_sequence(encoded, batch_first=True)
                lengths = torch.tensor([len(e) for e in encoded], dtype=torch.long)
                probabilities = torch.softmax(model(tokens, lengths), 1)
                for p, row in zip(chunk, probabilities.tolist()):
                    best = max(range(len(row)), key=row.__getitem__)
                    out.writerow([p["id"], p["text"], classes[best]] + row)
    compute_s = time.perf_counter() - compute_start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print("RESULT " + json.dumps({"posts": len(posts), "load_s": loaded_s, "predict_s": compute_s, "peak_rss_kb": rss}))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["train", "predict"])
    parser.add_argument("posts")
    parser.add_argument("output", nargs="?", help="predict: the CSV to write")
    parser.add_argument("--model", default="textcnn")
    parser.add_argument("--train", type=int, default=0)
    parser.add_argument("--valid", type=int, default=0)
    parser.add_argument("--test", type=int, default=0)
    parser.add_argument("--vocabulary", type=int, default=0)
    parser.add_argument("--max-length", type=int, default=64)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--threads", type=int, default=torch.get_num_threads())
    parser.add_argument("--lr", type=float, default=0.001)
    parser.add_argument("--weight-decay", type=float, default=0.01)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--checkpoint", default="pytorch_checkpoint.pt")
    parser.add_argument("--param", action="append", default=[], help="model parameter name=JSON value")
    parser.add_argument("--text", action="append", default=[])
    args = parser.parse_args()
    if args.command == "train":
        if args.train <= 0 or args.vocabulary <= 2:
            raise SystemExit("train needs --train N and --vocabulary V")
        train(args)
    else:
        if not args.output:
            raise SystemExit("predict needs an output CSV")
        predict(args)


if __name__ == "__main__":
    sys.exit(main())
