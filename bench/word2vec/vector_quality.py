#!/usr/bin/python3
"""The quality check of the word2vec benchmark: scores word-vector files (word2vec text format, as
chorus-bench-word2vec --save, gensim's save_word2vec_format and fastText's .vec write) on the
topic structure planted in the generated corpus, and measures how far their neighbours agree.

Usage: /usr/bin/python3 vector_quality.py NAME=VECTORS.txt [NAME=VECTORS.txt ...] [--probes 400]

The corpus that bench/run_all.py writes names its words "t<topic>w<rank>" (content words of one
topic; a sentence is about one topic) and "f<rank>" (function words used everywhere), so the
right neighbours of a topic word are known: the words of its topic. For the `--probes` most
frequent topic words present in every file (the file order is the corpus frequency order):
- topic precision@10: the fraction of a probe's 10 nearest neighbours (cosine) from its own topic;
- overlap@10 with the first file: the mean fraction of a probe's 10 nearest neighbours that the
  first file's vectors also put among the 10 nearest.
Prints one line per file and "RESULT {json}".
"""
import argparse
import json
import re

import numpy as np

TOPIC_WORD = re.compile(r"^t(\d+)w\d+$")


def load(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        count, dims = (int(v) for v in f.readline().split())
        words, rows = [], np.empty((count, dims), dtype=np.float32)
        for n, line in enumerate(f):
            parts = line.rstrip().split(" ")
            if len(parts) != dims + 1:
                continue
            words.append(parts[0])
            rows[len(words) - 1] = np.asarray(parts[1:], dtype=np.float32)
    rows = rows[:len(words)]
    rows /= np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)
    return words, rows


def neighbours(words, rows, probes, k):
    index = {w: n for n, w in enumerate(words)}
    probe_rows = rows[[index[p] for p in probes]]
    similarity = probe_rows @ rows.T
    similarity[np.arange(len(probes)), [index[p] for p in probes]] = -np.inf
    best = np.argpartition(-similarity, k, axis=1)[:, :k]
    return [set(words[j] for j in row) for row in best]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", help="NAME=PATH")
    parser.add_argument("--probes", type=int, default=400)
    parser.add_argument("--k", type=int, default=10)
    args = parser.parse_args()

    loaded = []
    for spec in args.files:
        name, _, path = spec.partition("=")
        loaded.append((name, *load(path)))
    common = set(loaded[0][1])
    for _, words, _ in loaded[1:]:
        common &= set(words)
    probes = [w for w in loaded[0][1] if w in common and TOPIC_WORD.match(w)][:args.probes]
    if not probes:
        raise SystemExit("no topic words common to all files")

    results = {}
    reference = None
    for name, words, rows in loaded:
        found = neighbours(words, rows, probes, args.k)
        precision = np.mean([
            sum(1 for w in near if TOPIC_WORD.match(w) and TOPIC_WORD.match(w).group(1) ==
                TOPIC_WORD.match(p).group(1)) / args.k
            for p, near in zip(probes, found)])
        if reference is None:
            reference = found
        overlap = np.mean([len(a & b) / args.k for a, b in zip(found, reference)])
        results[name] = {"vocabulary": len(words), "topic_precision": float(precision), "overlap": float(overlap)}
        print(f"{name}: vocabulary {len(words)}, topic precision@{args.k} {precision:.4f}, "
              f"overlap@{args.k} with {loaded[0][0]} {overlap:.4f}")
    print("RESULT " + json.dumps({"probes": len(probes), "k": args.k, "reference": loaded[0][0], "files": results}))


if __name__ == "__main__":
    main()
