#!/usr/bin/python3
"""Runs Chorus's benchmark pairs side by side with their peers and writes the tables.

    /usr/bin/python3 bench/run_all.py [--quick] [--rounds N] [--threads T] [--build-dir DIR]
        [--work DIR] [--output FILE.md] [--only a,b] [--skip a,b]

Sections: train (TextCNN and BiLSTM-attention: chorus-cli train vs PyTorch-Python), predict
(chorus-cli predict vs the same model in PyTorch-Python), word2vec (chorus-bench-word2vec vs
gensim and fastText), tsne (chorus-bench-tsne vs sklearn), umap (chorus-bench-umap vs umap-learn), recommend (chorus-bench-recommend
vs sklearn TruncatedSVD), import (chorus-bench-import vs the sqlite3 shell).

Each pair runs `--rounds` times (3; 1 with --quick), alternating which side goes first, each side
in its own process; the tables give medians, the peak RSS of each side's process (wait4) and the
ratios. The tables replace the part of --output between the markers
"<!-- run_all:begin -->" and "<!-- run_all:end -->" (appended when the markers are absent).

--quick runs every program once at small sizes (CI, well under a minute): it checks that each
program runs and prints its table, not the timings. A peer that is not installed is reported as
such (and not an error); a Chorus side or an installed peer that fails is an error (exit 1).

Call it with /usr/bin/python3: the peers are Debian's packages (python3-torch, python3-gensim,
python3-sklearn, fasttext), which a private python3 earlier in PATH does not see. bench/run-all.sh
installs them, builds the programs and runs this script.

OMP_WAIT_POLICY: LibTorch's CPU kernels (the same libgomp on both sides) spin while they wait for
work by default. On a machine where other processes keep the cores busy (a shared build machine)
a spinning thread fights them: measured here, a BiLSTM training step with 2 threads took 2.6 s
instead of 0.2 s while two compiler jobs ran. The suite therefore sets OMP_WAIT_POLICY=PASSIVE
for every process of every side (--omp-wait-policy to change it), and the report says so.
"""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PYTHON = "/usr/bin/python3"
BEGIN_MARK = "<!-- run_all:begin -->"
END_MARK = "<!-- run_all:end -->"
SECTIONS = ["train", "predict", "word2vec", "tsne", "umap", "recommend", "import"]


class BenchError(Exception):
    pass


class Outcome:
    def __init__(self, command, rc, seconds, peak_rss_kb, stdout, stderr, lines=None):
        self.command, self.rc, self.seconds, self.peak_rss_kb = command, rc, seconds, peak_rss_kb
        self.stdout, self.stderr = stdout, stderr
        self.lines = lines or []  # (seconds since start, line) as they arrived

    @property
    def rss_mb(self):
        return self.peak_rss_kb / 1024.0

    def result(self):
        """The JSON object of the last "RESULT {...}" line."""
        for line in reversed(self.stdout.splitlines()):
            if line.startswith("RESULT "):
                return json.loads(line[len("RESULT "):])
        raise BenchError(f"no RESULT line from: {show(self.command)}\n{self.stdout[-2000:]}\n{self.stderr[-2000:]}")


def show(command):
    """A command line as it can be pasted into a shell, with the repository as `.`."""
    out = []
    for part in command:
        text = str(part).replace(str(ROOT) + "/", "")
        out.append(text if re.fullmatch(r"[\w@%+=:,./-]+", text) else "'" + text.replace("'", "'\\''") + "'")
    return " ".join(out)


def run(command, timeout=None, env=None, timestamps=False, check=True):
    """Runs a command in its own process; wall time and the child's own peak RSS (wait4)."""
    command = [str(c) for c in command]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=env, text=True, encoding="utf-8", errors="replace")
    stderr_chunks = []
    reader = threading.Thread(target=lambda: stderr_chunks.append(process.stderr.read()), daemon=True)
    reader.start()
    timer = None
    if timeout:
        timer = threading.Timer(timeout, process.kill)
        timer.start()
    lines, stdout_parts = [], []
    for line in process.stdout:
        stdout_parts.append(line)
        if timestamps:
            lines.append((time.perf_counter() - start, line.rstrip("\n")))
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if timer:
        timer.cancel()
    reader.join()
    outcome = Outcome(command, process.returncode, seconds, usage.ru_maxrss, "".join(stdout_parts),
                      "".join(stderr_chunks), lines)
    if check and outcome.rc != 0:
        raise BenchError(f"exit {outcome.rc}: {show(command)}\n{outcome.stdout[-3000:]}\n{outcome.stderr[-3000:]}")
    return outcome


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(value, digits=2):
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}"


def ratio(a, b):
    return a / b if a and b else None


def alternate(rounds, first, second):
    """Runs first() and second() `rounds` times, swapping which goes first each round."""
    a, b = [], []
    for r in range(rounds):
        if r % 2 == 0:
            a.append(first())
            if second:
                b.append(second())
        else:
            if second:
                b.append(second())
            a.append(first())
    return a, b


class Suite:
    def __init__(self, args):
        self.args = args
        self.quick = args.quick
        self.rounds = args.rounds or (1 if args.quick else 3)
        self.threads = args.threads or os.cpu_count() or 1
        self.build = Path(args.build_dir).resolve()
        self.work = Path(args.work).resolve() if args.work else Path(tempfile.mkdtemp(prefix="chorus-bench-"))
        if self.quick and args.work and self.work.exists():
            shutil.rmtree(self.work)  # a dedicated scratch folder: start clean (CI)
        self.work.mkdir(parents=True, exist_ok=True)
        self.cli = self.build / "app" / "chorus-cli"
        self.out = []           # markdown lines
        self.commands = []      # (section, command line)
        self.failures = []
        self.peers = self.detect_peers()
        self.trained = {}       # what predict reuses from train

    # ----------------------------------------------------------------- helpers
    def program(self, name):
        path = self.build / "bench" / name
        if not path.exists():
            raise BenchError(f"{path} is not built (build the bench targets first)")
        return path

    def note(self, section, command):
        self.commands.append((section, show(command)))

    def detect_peers(self):
        peers = {}
        probe = ("import importlib, json\nout = {}\n"
                 "for name in ['torch', 'gensim', 'sklearn', 'numpy', 'scipy', 'umap']:\n"
                 "    try:\n        out[name] = importlib.import_module(name).__version__\n"
                 "    except Exception:\n        out[name] = None\nprint(json.dumps(out))\n")
        if Path(PYTHON).exists():
            try:
                peers.update(json.loads(run([PYTHON, "-c", probe], timeout=120).stdout.strip().splitlines()[-1]))
            except (BenchError, ValueError, IndexError):
                pass
        peers["fasttext"] = shutil.which("fasttext")
        peers["sqlite3"] = shutil.which("sqlite3")
        return peers

    def missing(self, *names):
        return [n for n in names if not self.peers.get(n)]

    def sizes(self):
        if self.quick:
            return dict(posts=400, words=8000, classes=4, textcnn_epochs=1, rnn_epochs=1, batch=32,
                        w2v_words=120_000, w2v_topics=40, w2v_min_count=3, tsne_points=400, tsne_dims=32,
                        tsne_iterations=300, umap_epochs=100, ratings=4000, users=400, items=300, clusters=8, factors=8,
                        import_posts=2000, single_posts=1)
        return dict(posts=20_000, words=20_000, classes=4, textcnn_epochs=2, rnn_epochs=1, batch=64,
                    w2v_words=5_000_000, w2v_topics=300, w2v_min_count=5, tsne_points=10_000, tsne_dims=128,
                    tsne_iterations=1000, umap_epochs=None, ratings=100_000, users=6000, items=3000, clusters=20, factors=32,
                    import_posts=1_000_000, single_posts=3)

    # ----------------------------------------------------------------- data
    def posts_file(self):
        """Posts with a `topic` label among 4 classes: Zipf-distributed words over a vocabulary,
        8-48 words each, with some class-specific words so the models learn something."""
        import random
        s = self.sizes()
        path = self.work / "posts.jsonl"
        if path.exists():
            return path
        rng = random.Random(2024)
        vocabulary = [f"w{r}" for r in range(s["words"])]
        weights = [1.0 / (r + 1) ** 1.05 for r in range(s["words"])]
        cumulative = []
        total = 0.0
        for w in weights:
            total += w
            cumulative.append(total)
        keywords = [[f"k{c}x{n}" for n in range(50)] for c in range(s["classes"])]
        with open(path, "w", encoding="utf-8") as f:
            for n in range(s["posts"]):
                label = rng.randrange(s["classes"])
                length = rng.randint(8, 48)
                words = []
                for _ in range(length):
                    if rng.random() < 0.12:
                        words.append(rng.choice(keywords[label]))
                    else:
                        words.append(rng.choices(vocabulary, cum_weights=cumulative)[0])
                f.write(json.dumps({"id": f"p{n}", "author": f"u{n % 997}", "created_at": 1700000000 + 60 * n,
                                    "text": " ".join(words), "label": f"c{label}"}) + "\n")
        return path

    def chorus_project(self):
        project = self.work / "train.chorus"
        if project.exists():
            return project
        posts = self.posts_file()
        for command in ([self.cli, "new", project, "--json"],
                        [self.cli, "import", project, "--format", "jsonl", "--dataset", "bench",
                         "--label", "topic=label", "--json", posts],
                        [self.cli, "split", project, "--dataset", "bench", "--by", "random",
                         "--ratios", "0.9,0.05,0.05", "--seed", "1", "--json"]):
            self.note("train", command)
            run(command, timeout=600)
        return project

    # ----------------------------------------------------------------- train
    def chorus_train(self, project, config):
        path = self.work / f"config-{config['model']}.json"
        path.write_text(json.dumps(config, indent=1))
        command = [self.cli, "train", project, "--config", path, "--events", "-"]
        outcome = run(command, timeout=3600, timestamps=True)
        started, steps, final = None, [], None
        for when, line in outcome.lines:
            try:
                event = json.loads(line)
            except ValueError:
                continue
            kind = event.get("event")
            if kind == "started":
                started = (when, event)
            elif kind == "step":
                steps.append((when, event))
            elif kind is None and "run_id" in event:
                final = event
        if not started or not steps or not final:
            raise BenchError(f"chorus-cli train gave no started/step/result events\n{outcome.stdout[-2000:]}")
        info = started[1]
        # A window is the first of its epoch when the previous report ended an epoch (its epoch
        # position is a whole number): it also holds the evaluation, attention snapshot and
        # checkpoint of the epoch before, which the steady rate leaves out on both sides.
        steady = []
        previous_epoch_end = True
        for _, event in steps:
            if not previous_epoch_end:
                steady.append(event["samples_per_s"])
            previous_epoch_end = abs(event["epoch"] - round(event["epoch"])) < 1e-9
        samples = info["train"] * config["epochs"]
        loop_s = steps[-1][0] - started[0]
        return {
            "outcome": outcome, "info": info, "run_id": final["run_id"],
            "window": median(steady), "windows": len(steady),
            "loop": samples / loop_s if loop_s > 0 else None,
            "accuracy": (final.get("test") or {}).get("accuracy"),
            "command": command, "config": config,
        }

    def python_train(self, model, info, config, checkpoint):
        params = []
        for name, value in config["params"].items():
            if name != "cell":
                params += ["--param", f"{name}={json.dumps(value)}"]
        command = [PYTHON, BENCH / "train" / "pytorch_train.py", "train", self.posts_file(), "--model", model,
                   "--train", info["train"], "--valid", info["valid"], "--test", info["test"],
                   "--vocabulary", info["vocabulary"], "--batch", config["batch_size"], "--epochs", config["epochs"],
                   "--threads", info["threads"], "--lr", config["optimizer"]["lr"],
                   "--weight-decay", config["optimizer"]["weight_decay"], "--seed", config["seed"],
                   "--checkpoint", checkpoint] + params
        outcome = run(command, timeout=3600)
        result = outcome.result()
        return {"outcome": outcome, "result": result, "window": result["window_samples_per_s"],
                "loop": result["loop_samples_per_s"], "accuracy": result["test"]["accuracy"], "command": command}

    def section_train(self):
        s = self.sizes()
        self.out += ["### Training: TextCNN and BiLSTM-attention, samples/s", ""]
        project = self.chorus_project()
        models = [
            ("textcnn", "TextCNN", s["textcnn_epochs"],
             {"embedding_dim": 128, "kernel_sizes": [3, 4, 5], "filters": 100, "dropout": 0.5}),
            ("rnn_attention", "BiLSTM + attention", s["rnn_epochs"],
             {"embedding_dim": 128, "cell": "lstm", "hidden": 128, "layers": 1, "attention_dim": 128,
              "dropout": 0.3}),
        ]
        rows = []
        for model, title, epochs, params in models:
            config = {"model": model, "dataset": "bench", "task": "topic", "seed": 7, "epochs": epochs,
                      "batch_size": s["batch"], "optimizer": {"name": "adamw", "lr": 0.001, "weight_decay": 0.01},
                      "params": params}
            checkpoint = self.work / f"pytorch-{model}.pt"
            chorus_runs, python_runs = [], []
            info_holder = {}

            def chorus():
                r = self.chorus_train(project, config)
                info_holder.setdefault("info", r["info"])
                chorus_runs.append(r)
                return r

            def python():
                if "info" not in info_holder:
                    chorus()  # the peer needs the run's part sizes and vocabulary
                return self.python_train(model, info_holder["info"], config, checkpoint)

            peer = None if self.missing("torch") else python
            _, python_runs = alternate(self.rounds, chorus, peer)
            # chorus() may have run once more inside python(); keep every Chorus round.
            info = chorus_runs[0]["info"]
            self.note("train", chorus_runs[-1]["command"])
            if python_runs:
                self.note("train", python_runs[-1]["command"])
            self.trained[model] = {"run_id": chorus_runs[-1]["run_id"], "checkpoint": checkpoint,
                                   "python": bool(python_runs)}
            c = {k: median([r[k] for r in chorus_runs]) for k in ("window", "loop", "accuracy")}
            c["e2e"] = median([r["outcome"].seconds for r in chorus_runs])
            c["rss"] = median([r["outcome"].rss_mb for r in chorus_runs])
            rows.append((title, "Chorus (`chorus-cli train`)", c, info, epochs, len(chorus_runs)))
            if python_runs:
                p = {k: median([r[k] for r in python_runs]) for k in ("window", "loop", "accuracy")}
                p["e2e"] = median([r["outcome"].seconds for r in python_runs])
                p["rss"] = median([r["outcome"].rss_mb for r in python_runs])
                rows.append((title, f"PyTorch {self.peers['torch']} (Python)", p, info, epochs, len(python_runs)))
            else:
                rows.append((title, "PyTorch (Python): not installed", None, info, epochs, 0))
        info = rows[0][3]
        self.out += [
            f"Data: {s['posts']:,} generated posts (8–48 Zipf-distributed words from {s['words']:,}, 4 classes), "
            f"split 0.9/0.05/0.05: {info['train']:,} train, {info['valid']:,} valid, {info['test']:,} test; "
            f"vocabulary {info['vocabulary']:,}; batch {s['batch']}; AdamW lr 0.001, weight decay 0.01; "
            f"{info['threads']} threads on both sides. Each epoch ends with a validation pass and a checkpoint "
            "on both sides; a test pass ends the run.", "",
            "| model | side | epochs | median window samples/s | loop samples/s | end-to-end s | peak RSS MB "
            "| test accuracy | rounds |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for title, side, v, _, epochs, n in rows:
            if v is None:
                self.out.append(f"| {title} | {side} | {epochs} | – | – | – | – | – | 0 |")
                continue
            self.out.append(f"| {title} | {side} | {epochs} | {fmt(v['window'], 0)} | {fmt(v['loop'], 0)} | "
                            f"{fmt(v['e2e'])} | {fmt(v['rss'], 1)} | {fmt(v['accuracy'], 3)} | {n} |")
        self.out.append("")
        for n in range(0, len(rows), 2):
            title, _, c, *_ = rows[n]
            p = rows[n + 1][2]
            if p:
                w, l = ratio(c["window"], p["window"]), ratio(c["loop"], p["loop"])
                self.out.append(f"- {title}: Chorus / PyTorch-Python = **{w:.2f}×** (median window), "
                                f"{l:.2f}× (whole loop), end-to-end {p['e2e'] / c['e2e']:.2f}× "
                                f"(PyTorch's seconds / Chorus's). Target ≥ 1.0×: "
                                f"{'met' if w >= 1.0 else 'not met'}.")
        self.out += ["", "Window: samples/s over each 10-step report window, the first window of each epoch "
                     "left out (it holds the previous epoch's evaluation); loop: all training samples over the "
                     "time from the first step to the last; end-to-end: the whole process, from start to exit "
                     "(Chorus reads and tokenizes from the project database, records metrics, checkpoints and the "
                     "test evaluation in it; Python reads the JSON Lines file).", ""]

    # ----------------------------------------------------------------- predict
    def section_predict(self):
        s = self.sizes()
        self.out += ["### Inference: `chorus-cli predict` with a TextCNN, posts/s", ""]
        if "textcnn" not in self.trained:
            self.out += ["Not run: needs the train section's TextCNN run.", ""]
            return
        project = self.chorus_project()
        trained = self.trained["textcnn"]
        run_id = trained["run_id"]
        text = "w1 w2 w17 k0x3 w250 w9 w3"
        out_csv = self.work / "predict-chorus.csv"
        batch = [self.cli, "predict", project, "--run", run_id, "--dataset", "bench", out_csv, "--json"]
        single = [self.cli, "predict", project, "--run", run_id, "--text", text, self.work / "single-chorus.csv",
                  "--json"]
        peer = trained["python"] and not self.missing("torch")
        p_batch = [PYTHON, BENCH / "train" / "pytorch_train.py", "predict", self.posts_file(),
                   self.work / "predict-python.csv", "--checkpoint", trained["checkpoint"], "--threads", self.threads]
        p_single = p_batch[:4] + [self.work / "single-python.csv", "--checkpoint", trained["checkpoint"],
                                  "--threads", self.threads, "--text", text]
        chorus_b, python_b = alternate(self.rounds, lambda: run(batch, timeout=1800),
                                       (lambda: run(p_batch, timeout=1800)) if peer else None)
        chorus_s, python_s = alternate(max(self.rounds, s["single_posts"]), lambda: run(single, timeout=600),
                                       (lambda: run(p_single, timeout=600)) if peer else None)
        posts = json.loads(chorus_b[-1].stdout.strip().splitlines()[-1])["posts"]
        for c in (batch, single) + ((p_batch, p_single) if peer else ()):
            self.note("predict", c)
        self.out += [f"{posts:,} posts of the training data set, batch 256 on both sides, {self.threads} threads; "
                     "each figure is a whole process (start, model load, reading and tokenizing the posts, "
                     "the forward passes, writing the CSV of probabilities).", "",
                     "| side | posts | batch: process s | posts/s | one post: process s | peak RSS MB | rounds |",
                     "|---|---:|---:|---:|---:|---:|---:|"]
        cb = median([o.seconds for o in chorus_b])
        cs = median([o.seconds for o in chorus_s])
        self.out.append(f"| Chorus (`chorus-cli predict`) | {posts:,} | {fmt(cb)} | {fmt(posts / cb, 0)} | "
                        f"{fmt(cs, 3)} | {fmt(median([o.rss_mb for o in chorus_b]), 1)} | {len(chorus_b)} |")
        if peer:
            pb = median([o.seconds for o in python_b])
            ps = median([o.seconds for o in python_s])
            inner = median([o.result()["predict_s"] for o in python_b])
            self.out.append(f"| PyTorch (Python script) | {posts:,} | {fmt(pb)} | {fmt(posts / pb, 0)} | "
                            f"{fmt(ps, 3)} | {fmt(median([o.rss_mb for o in python_b]), 1)} | {len(python_b)} |")
            self.out += ["", f"- Batch: Chorus / Python = **{pb / cb:.2f}×** posts/s; one post: Python's process "
                         f"takes {ps / cs:.2f}× Chorus's (most of it is `import torch`). Python's prediction loop "
                         f"alone (no start-up, no model load): {fmt(inner)} s, {fmt(posts / inner, 0)} posts/s."]
        else:
            self.out.append("| PyTorch (Python): not installed | | | | | | |")
        self.out.append("")

    # ----------------------------------------------------------------- word2vec
    def corpus_file(self):
        """One sentence per line, each about one topic: content words "t<topic>w<rank>" (Zipf within
        the topic) mixed with function words "f<rank>" (Zipf, shared by all topics) and a few
        words of other topics, so topic membership is a known answer for the quality check."""
        import random
        s = self.sizes()
        path = self.work / "w2v-corpus.txt"
        if path.exists():
            return path
        rng = random.Random(99)
        topics, per_topic, functions = s["w2v_topics"], 100, 500
        topic_cum, total = [], 0.0
        for r in range(per_topic):
            total += 1.0 / (r + 1)
            topic_cum.append(total)
        function_cum, total = [], 0.0
        for r in range(functions):
            total += 1.0 / (r + 1)
            function_cum.append(total)
        topic_weights = [1.0 / (t + 1) ** 0.5 for t in range(topics)]
        topic_cum_t = []
        total = 0.0
        for w in topic_weights:
            total += w
            topic_cum_t.append(total)
        made = 0
        with open(path, "w", encoding="utf-8") as f:
            while made < s["w2v_words"]:
                topic = rng.choices(range(topics), cum_weights=topic_cum_t)[0]
                length = rng.randint(10, 30)
                kinds = [rng.random() for _ in range(length)]
                topic_words = rng.choices(range(per_topic), cum_weights=topic_cum, k=length)
                function_words = rng.choices(range(functions), cum_weights=function_cum, k=length)
                words = []
                for n in range(length):
                    if kinds[n] < 0.4:
                        words.append(f"f{function_words[n]}")
                    elif kinds[n] < 0.45:
                        words.append(f"t{rng.randrange(topics)}w{topic_words[n]}")
                    else:
                        words.append(f"t{topic}w{topic_words[n]}")
                f.write(" ".join(words) + "\n")
                made += length
        return path

    def section_word2vec(self):
        s = self.sizes()
        corpus = self.corpus_file()
        words = sum(len(line.split()) for line in open(corpus, encoding="utf-8"))
        self.out += ["### Word2Vec: skip-gram and CBOW, words/s", ""]
        hyper = dict(dims=100, window=5, negative=5, min_count=s["w2v_min_count"], sample=1e-3, alpha=0.025,
                     epochs=1)
        rows, quality_rows = [], []
        for arch in ("skipgram", "cbow"):
            cbow = arch == "cbow"
            chorus_vectors = self.work / f"chorus-{arch}.txt"
            gensim_vectors = self.work / f"gensim-{arch}.txt"
            fasttext_out = self.work / f"fasttext-{arch}"
            c_cmd = [self.program("chorus-bench-word2vec"), "--file", corpus, "--dims", hyper["dims"],
                     "--window", hyper["window"], "--negative", hyper["negative"], "--min-count", hyper["min_count"],
                     "--sample", hyper["sample"], "--epochs", hyper["epochs"], "--threads", self.threads,
                     "--save", chorus_vectors] + (["--cbow"] if cbow else [])
            g_cmd = [PYTHON, BENCH / "word2vec" / "gensim_word2vec.py", corpus, "--dims", hyper["dims"],
                     "--window", hyper["window"], "--negative", hyper["negative"], "--min-count", hyper["min_count"],
                     "--sample", hyper["sample"], "--alpha", hyper["alpha"], "--epochs", hyper["epochs"],
                     "--threads", self.threads, "--save", gensim_vectors] + (["--cbow"] if cbow else [])
            f_cmd = ["fasttext", "cbow" if cbow else "skipgram", "-input", corpus, "-output", fasttext_out,
                     "-dim", hyper["dims"], "-ws", hyper["window"], "-neg", hyper["negative"],
                     "-minCount", hyper["min_count"], "-t", hyper["sample"], "-lr", hyper["alpha"],
                     "-epoch", hyper["epochs"], "-thread", self.threads, "-minn", 0, "-maxn", 0,
                     "-wordNgrams", 1, "-loss", "ns", "-verbose", 2]
            have_gensim = not self.missing("gensim")
            have_fasttext = not self.missing("fasttext")

            def chorus_once():
                o = run(c_cmd, timeout=3600)
                m = re.search(r"words/s: (\d+)", o.stdout)
                t = re.search(r"training: ([\d.]+) s", o.stdout)
                return {"o": o, "wps": float(m.group(1)), "train_s": float(t.group(1))}

            def peers_once():
                out = {}
                if have_gensim:
                    o = run(g_cmd, timeout=3600)
                    r = o.result()
                    out["gensim"] = {"o": o, "wps": r["words_per_s"], "train_s": r["train_s"]}
                if have_fasttext:
                    o = run(f_cmd, timeout=3600)
                    rates = re.findall(r"words/sec/thread:\s*(\d+)", o.stdout + o.stderr)
                    out["fasttext"] = {"o": o, "wps": float(rates[-1]) * self.threads if rates else None,
                                       "train_s": None}
                return out

            chorus_runs, peer_runs = alternate(self.rounds, chorus_once,
                                               peers_once if (have_gensim or have_fasttext) else None)
            self.note("word2vec", c_cmd)
            title = "CBOW" if cbow else "skip-gram"
            rows.append((title, "Chorus (`chorus-bench-word2vec`)", chorus_runs))
            if have_gensim:
                self.note("word2vec", g_cmd)
                rows.append((title, f"gensim {self.peers['gensim']}", [p["gensim"] for p in peer_runs]))
            else:
                rows.append((title, "gensim: not installed", []))
            if have_fasttext:
                self.note("word2vec", f_cmd)
                rows.append((title, "fastText 0.9.2 (`-minn 0 -maxn 0`)", [p["fasttext"] for p in peer_runs]))
            else:
                rows.append((title, "fastText: not installed", []))
            files = [f"Chorus={chorus_vectors}"]
            if have_gensim:
                files.insert(0, f"gensim={gensim_vectors}")
            if have_fasttext:
                files.append(f"fastText={fasttext_out}.vec")
            if Path(PYTHON).exists() and not self.missing("numpy"):
                q_cmd = [PYTHON, BENCH / "word2vec" / "vector_quality.py"] + files + (
                    ["--probes", "100"] if self.quick else [])
                quality = run(q_cmd, timeout=1800).result()
                self.note("word2vec", q_cmd)
                quality_rows.append((title, quality))
        self.out += [f"Corpus: {words:,} generated words, one sentence per line, each sentence about one of "
                     f"{s['w2v_topics']} topics (100 content words each, Zipf) mixed with 500 shared function "
                     "words. Hyperparameters on every side: "
                     f"{hyper['dims']} dimensions, window {hyper['window']}, {hyper['negative']} negative samples, "
                     f"min count {hyper['min_count']}, sample {hyper['sample']}, alpha {hyper['alpha']} → 0.0001, "
                     f"{hyper['epochs']} epoch, {self.threads} threads, CBOW averaging the context.", "",
                     "| architecture | side | training s | words/s | end-to-end s | peak RSS MB | rounds |",
                     "|---|---|---:|---:|---:|---:|---:|"]
        chorus_wps = {}
        gensim_wps = {}
        for title, side, runs in rows:
            if not runs:
                self.out.append(f"| {title} | {side} | – | – | – | – | 0 |")
                continue
            wps = median([r["wps"] for r in runs])
            if side.startswith("Chorus"):
                chorus_wps[title] = wps
            if side.startswith("gensim"):
                gensim_wps[title] = wps
            self.out.append(f"| {title} | {side} | {fmt(median([r['train_s'] for r in runs]))} | {fmt(wps, 0)} | "
                            f"{fmt(median([r['o'].seconds for r in runs]))} | "
                            f"{fmt(median([r['o'].rss_mb for r in runs]), 1)} | {len(runs)} |")
        self.out.append("")
        for title in chorus_wps:
            if title in gensim_wps:
                rr = chorus_wps[title] / gensim_wps[title]
                self.out.append(f"- {title}: Chorus / gensim = **{rr:.2f}×** words/s. Target ≥ 1.0×: "
                                f"{'met' if rr >= 1.0 else 'not met'}.")
        self.out += ["", "words/s: in-vocabulary words of the corpus per second of training (vocabulary counting "
                     "excluded), as Chorus and gensim count; fastText's is its own words/sec/thread × threads "
                     "(it counts the end-of-line token too, and cannot report its vocabulary pass apart). "
                     "End-to-end: the whole process, vocabulary pass and saving the vectors included.", ""]
        if quality_rows:
            self.out += ["Quality (last round's vectors): for the most frequent topic words, the fraction of their 10 "
                         "nearest neighbours (cosine) that belong to the same topic, and the overlap of each side's "
                         "10 nearest neighbours with the reference's.", "",
                         "| architecture | side | probes | topic precision@10 | overlap@10 with reference |",
                         "|---|---|---:|---:|---:|"]
            for title, quality in quality_rows:
                for name, v in quality["files"].items():
                    reference = " (reference)" if name == quality["reference"] else ""
                    self.out.append(f"| {title} | {name}{reference} | {quality['probes']} | "
                                    f"{v['topic_precision']:.3f} | {v['overlap']:.3f} |")
            self.out.append("")

    # ----------------------------------------------------------------- t-SNE
    def section_tsne(self):
        s = self.sizes()
        self.out += [f"### t-SNE of {s['tsne_points']:,} × {s['tsne_dims']} points", ""]
        data = self.work / f"tsne-{s['tsne_points']}x{s['tsne_dims']}.npy"
        embedding = self.work / "tsne-chorus-embedding.npy"
        c_cmd = [self.program("chorus-bench-tsne"), "--data", data, "--points", s["tsne_points"], "--dims",
                 s["tsne_dims"], "--iterations", s["tsne_iterations"], "--threads", self.threads,
                 "--save-embedding", embedding]
        p_cmd = [PYTHON, BENCH / "tsne" / "sklearn_tsne.py", data, "--threads", self.threads, "--iterations",
                 s["tsne_iterations"], "--chorus-embedding", embedding]
        have = not self.missing("sklearn")

        def parse(o):
            text = o.stdout
            def get(pattern):
                found = re.search(pattern, text, re.M)
                if not found:
                    raise BenchError(f"no '{pattern}' in the output of {show(o.command)}")
                return float(found.group(1))

            out = {"o": o, "seconds": get(r"^seconds: ([\d.]+)"), "kl": get(r"^seconds: .*KL ([\d.]+)"),
                   "trust": get(r"^trustworthiness \(k=\d+\): ([\d.]+)"),
                   "knn": get(r"^kNN preservation \(k=\d+\): ([\d.]+)")}
            rss = re.search(r"peak RSS after t-SNE: ([\d.]+) MB", text)
            out["rss"] = float(rss.group(1)) if rss else o.rss_mb
            scored = re.search(r"scored by sklearn: trustworthiness \(k=\d+\) ([\d.]+), kNN preservation ([\d.]+)",
                               text)
            if scored:
                out["chorus_trust"], out["chorus_knn"] = float(scored.group(1)), float(scored.group(2))
            return out

        if not data.exists():  # the input both sides read
            run(c_cmd + ["--prepare-only"], timeout=600)
        c_runs, p_runs = alternate(self.rounds, lambda: parse(run(c_cmd, timeout=3600)),
                                   (lambda: parse(run(p_cmd, timeout=3600))) if have else None)
        self.note("tsne", c_cmd)
        if have:
            self.note("tsne", p_cmd)
        self.out += ["Data: a mixture of 10 unit-variance Gaussian clusters (centres at spread 2 per dimension), "
                     f"written once as .npy and read by both sides. Settings on both sides: Barnes-Hut, theta 0.5, "
                     f"perplexity 30, early exaggeration 12 for 250 iterations, {s['tsne_iterations']} iterations in "
                     f"all, learning rate max(n / 48, 50), PCA initialisation, {self.threads} threads. "
                     "Trustworthiness and 10-NN preservation computed by sklearn for both embeddings "
                     "(Chorus's own figures agree to 3 decimals, see its output).", "",
                     "| side | seconds | KL | trustworthiness (k=10) | kNN preservation (k=10) | peak RSS MB | "
                     "rounds |", "|---|---:|---:|---:|---:|---:|---:|"]
        ct = median([r["seconds"] for r in c_runs])
        if p_runs:
            trust_c = median([r.get("chorus_trust") for r in p_runs])
            knn_c = median([r.get("chorus_knn") for r in p_runs])
        else:
            trust_c = median([r["trust"] for r in c_runs])
            knn_c = median([r["knn"] for r in c_runs])
        self.out.append(f"| Chorus (`chorus-bench-tsne`) | {fmt(ct)} | {fmt(median([r['kl'] for r in c_runs]), 3)} | "
                        f"{fmt(trust_c, 4)} | {fmt(knn_c, 4)} | {fmt(median([r['rss'] for r in c_runs]), 1)} | "
                        f"{len(c_runs)} |")
        if p_runs:
            pt = median([r["seconds"] for r in p_runs])
            trust_p, knn_p = median([r["trust"] for r in p_runs]), median([r["knn"] for r in p_runs])
            self.out.append(f"| scikit-learn {self.peers['sklearn']} | {fmt(pt)} | "
                            f"{fmt(median([r['kl'] for r in p_runs]), 3)} | {fmt(trust_p, 4)} | {fmt(knn_p, 4)} | "
                            f"{fmt(median([r['rss'] for r in p_runs]), 1)} | {len(p_runs)} |")
            rr = ct / pt
            self.out += ["", f"- Chorus's time / sklearn's = **{rr:.2f}×** (target ≤ 0.5×: "
                         f"{'met' if rr <= 0.5 else 'not met'}); trustworthiness {trust_c:.4f} vs {trust_p:.4f} "
                         f"({'no worse' if trust_c >= trust_p - 0.002 else 'worse'}), kNN preservation "
                         f"{knn_c:.4f} vs {knn_p:.4f}.",
                         "- Peak RSS is each process's maximum when the optimisation ends (before the quality "
                         "metrics, whose full distance matrices would dominate)."]
        else:
            self.out.append("| scikit-learn: not installed | | | | | | |")
        self.out.append("")

    def section_umap(self):
        s = self.sizes()
        points, dims = s["tsne_points"], s["tsne_dims"]
        self.out += [f"### UMAP of {points:,} × {dims} points", ""]
        data = self.work / f"tsne-{points}x{dims}.npy"  # the t-SNE pair's input, the same points
        embedding = self.work / "umap-chorus-embedding.npy"
        epochs = ["--epochs", s["umap_epochs"]] if s["umap_epochs"] else []
        c_cmd = [self.program("chorus-bench-umap"), "--data", data, "--points", points, "--dims", dims,
                 "--threads", self.threads, "--save-embedding", embedding] + epochs
        p_cmd = [PYTHON, BENCH / "umap" / "umaplearn_umap.py", data, "--threads", self.threads,
                 "--chorus-embedding", embedding] + epochs
        have = not self.missing("umap", "sklearn")
        skipped_in_quick = have and self.quick
        if skipped_in_quick:
            # umap-learn's numba compilation alone takes longer than the whole quick suite: the quick
            # mode only checks that the peer script starts (its --help imports nothing heavy).
            run([PYTHON, BENCH / "umap" / "umaplearn_umap.py", "--help"], timeout=120)
            have = False

        def parse(o):
            text = o.stdout
            def get(pattern):
                found = re.search(pattern, text, re.M)
                if not found:
                    raise BenchError(f"no '{pattern}' in the output of {show(o.command)}")
                return float(found.group(1))

            out = {"o": o, "seconds": get(r"^seconds: ([\d.]+)"),
                   "trust": get(r"^trustworthiness \(k=\d+\): ([\d.]+)"),
                   "knn": get(r"^kNN preservation \(k=\d+\): ([\d.]+)")}
            rss = re.search(r"peak RSS after UMAP: ([\d.]+) MB", text)
            out["rss"] = float(rss.group(1)) if rss else o.rss_mb
            scored = re.search(r"scored by sklearn: trustworthiness \(k=\d+\) ([\d.]+), kNN preservation ([\d.]+)",
                               text)
            if scored:
                out["chorus_trust"], out["chorus_knn"] = float(scored.group(1)), float(scored.group(2))
            warm = re.search(r"^warm-up .*: ([\d.]+) s", text, re.M)
            out["warm"] = float(warm.group(1)) if warm else None
            stages = re.search(r"^  neighbours: ([\d.]+) s; graph and initialisation: ([\d.]+) s", text, re.M)
            if stages:
                out["neighbours"], out["init"] = float(stages.group(1)), float(stages.group(2))
            return out

        if not data.exists():  # the input both sides read (the t-SNE section may have made it)
            run([self.program("chorus-bench-tsne"), "--data", data, "--points", points, "--dims", dims,
                 "--prepare-only"], timeout=600)
        c_runs, p_runs = alternate(self.rounds, lambda: parse(run(c_cmd, timeout=3600)),
                                   (lambda: parse(run(p_cmd, timeout=3600))) if have else None)
        self.note("umap", c_cmd)
        if have:
            self.note("umap", p_cmd)
        epoch_text = s["umap_epochs"] or ("500" if points <= 10000 else "200")
        self.out += ["Data: the t-SNE pair's input (a mixture of 10 unit-variance Gaussian clusters, centres at "
                     "spread 2 per dimension). Settings on both sides: umap-learn's defaults — n_neighbors 15, "
                     f"min_dist 0.1, spread 1, {epoch_text} epochs, learning rate 1, 5 negative samples, spectral "
                     f"initialisation, NN-descent neighbours from 4,096 points on — and {self.threads} threads "
                     "(umap-learn without a random_state, which would confine it to one thread). umap-learn's "
                     "numba compilation runs in a warm-up fit before the timed one and is not counted. "
                     "Trustworthiness and 10-NN preservation computed by sklearn for both embeddings.", "",
                     "| side | seconds | trustworthiness (k=10) | kNN preservation (k=10) | peak RSS MB | rounds |",
                     "|---|---:|---:|---:|---:|---:|"]
        ct = median([r["seconds"] for r in c_runs])
        if p_runs:
            trust_c = median([r.get("chorus_trust") for r in p_runs])
            knn_c = median([r.get("chorus_knn") for r in p_runs])
        else:
            trust_c = median([r["trust"] for r in c_runs])
            knn_c = median([r["knn"] for r in c_runs])
        self.out.append(f"| Chorus (`chorus-bench-umap`) | {fmt(ct)} | {fmt(trust_c, 4)} | {fmt(knn_c, 4)} | "
                        f"{fmt(median([r['rss'] for r in c_runs]), 1)} | {len(c_runs)} |")
        if p_runs:
            pt = median([r["seconds"] for r in p_runs])
            trust_p, knn_p = median([r["trust"] for r in p_runs]), median([r["knn"] for r in p_runs])
            self.out.append(f"| umap-learn {self.peers['umap']} | {fmt(pt)} | {fmt(trust_p, 4)} | {fmt(knn_p, 4)} | "
                            f"{fmt(median([r['rss'] for r in p_runs]), 1)} | {len(p_runs)} |")
            rr = ct / pt
            self.out += ["", f"- Chorus's time / umap-learn's = **{rr:.2f}×** "
                         f"({'Chorus faster' if rr < 1 else 'Chorus slower'}); trustworthiness {trust_c:.4f} vs "
                         f"{trust_p:.4f}, kNN preservation {knn_c:.4f} vs {knn_p:.4f}."]
            warm = median([r.get("warm") for r in p_runs])
            if warm:
                self.out.append(f"- umap-learn's warm-up (numba compilation, not counted above): {warm:.1f} s.")
        else:
            self.out.append(f"| umap-learn {self.peers['umap']}: not run in quick mode | | | | | |" if skipped_in_quick
                            else "| umap-learn: not installed | | | | | |")
        stages = [r for r in c_runs if "neighbours" in r]
        if stages:
            self.out.append(f"- Chorus's stages (median): neighbours {median([r['neighbours'] for r in stages]):.2f} s, "
                            f"graph and spectral initialisation {median([r['init'] for r in stages]):.2f} s, "
                            "the rest the epochs.")
        self.out += ["- Peak RSS is each process's maximum when the layout ends (before the quality metrics).", ""]

    # ----------------------------------------------------------------- recommenders
    def section_recommend(self):
        s = self.sizes()
        data = self.work / f"ratings-{s['ratings']}.csv"
        self.out += [f"### Recommenders on {s['ratings']:,} generated ratings", ""]
        base = [self.program("chorus-bench-recommend"), "--data", data, "--ratings", s["ratings"], "--users",
                s["users"], "--items", s["items"], "--clusters", s["clusters"], "--factors", s["factors"]]
        p_cmd = [PYTHON, BENCH / "recommend" / "sklearn_svd.py", data, "--factors", s["factors"]]
        have = not self.missing("sklearn", "scipy")
        if not data.exists():
            run(base + ["--model", "popularity"], timeout=600)
        rows = []
        first_info = None
        for model, title in (("itemknn", "item-kNN (50 neighbours)"), ("userknn", "user-kNN (50 neighbours)"),
                             ("mf", f"MF, implicit ALS ({s['factors']} factors, 15 iterations)")):
            cmd = base + ["--model", model]
            c_runs, _ = alternate(self.rounds, lambda: run(cmd, timeout=3600), None)
            self.note("recommend", cmd)
            results = [o.result() for o in c_runs]
            first_info = first_info or results[0]
            rows.append((f"Chorus {title}", results, c_runs))
        if have:
            p_runs, _ = alternate(self.rounds, lambda: run(p_cmd, timeout=3600), None)
            self.note("recommend", p_cmd)
            rows.append((f"sklearn {self.peers['sklearn']} TruncatedSVD ({s['factors']} components)",
                         [o.result() for o in p_runs], p_runs))
        info = first_info
        self.out += [f"Data: {info['ratings']:,} ratings (1–5) by {info['users']:,} users of {info['items']:,} "
                     f"items → {info['cells']:,} cells; item popularity Zipf-like (exponent 0.9), user activity "
                     f"log-normal, each user with one of {s['clusters']} taste clusters that 70% of their ratings "
                     f"come from. Leave-last-out: {info['eligible_users']:,} users hold out their latest item; "
                     "NDCG@10 and recall@10 over those users, seen items excluded. The rounds of each line run "
                     "back to back; each line is a separate process.", "",
                     "| model | fit s | recommend s (all users) | NDCG@10 | recall@10 | popularity NDCG@10 "
                     "(same split) | peak RSS MB | rounds |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for title, results, outcomes in rows:
            m = [r["model"] for r in results]
            self.out.append(f"| {title} | {fmt(median([x['fit_s'] for x in m]), 3)} | "
                            f"{fmt(median([x['recommend_s'] for x in m]), 3)} | {m[-1]['ndcg']:.4f} | "
                            f"{m[-1]['recall']:.4f} | {results[-1]['popularity']['ndcg']:.4f} | "
                            f"{fmt(median([o.rss_mb for o in outcomes]), 1)} | {len(outcomes)} |")
        if not have:
            self.out.append("| sklearn TruncatedSVD: not installed | | | | | | | |")
        self.out += ["", "The popularity column is each program's own popularity baseline on its own split: equal "
                     "figures on every line show that the Python script reproduces Chorus's split and metric.", ""]
        pops = {round(r[-1]["popularity"]["ndcg"], 9) for _, r, _ in rows}
        if len(pops) != 1:
            self.failures.append(f"recommend: popularity NDCG differs between sides: {sorted(pops)}")

    # ----------------------------------------------------------------- import
    def section_import(self):
        s = self.sizes()
        self.out += [f"### Import of {s['import_posts']:,} posts", ""]
        if self.missing("sqlite3"):
            self.out += ["Not run: the `sqlite3` shell (the peer) is not installed.", ""]
            return
        cmd = [self.program("chorus-bench-import"), "--posts", s["import_posts"], "--dir", self.work / "import"]
        o = run(cmd, timeout=7200)
        self.note("import", cmd)
        table = [line for line in o.stdout.splitlines() if line.startswith("|")]
        notes = [line for line in o.stdout.splitlines() if line.startswith(("ratio", "targets"))]
        if not table:
            raise BenchError("chorus-bench-import printed no table")
        self.out += ["Three rounds alternating inside `chorus-bench-import` (see the section below for what each "
                     "side does).", ""] + table + [""] + [f"- {n}" for n in notes] + [""]

    # ----------------------------------------------------------------- report
    def machine(self):
        cpu = "unknown CPU"
        try:
            for line in open("/proc/cpuinfo", encoding="utf-8"):
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
        except OSError:
            pass
        memory = ""
        try:
            kb = int(open("/proc/meminfo", encoding="utf-8").readline().split()[1])
            memory = f", {kb / 1024 / 1024:.0f} GB RAM"
        except (OSError, ValueError, IndexError):
            pass
        system = platform.platform()
        try:
            for line in open("/etc/os-release", encoding="utf-8"):
                if line.startswith("PRETTY_NAME="):
                    system = line.split("=", 1)[1].strip().strip('"')
        except OSError:
            pass
        cache = {}
        try:
            for line in open(self.build / "CMakeCache.txt", encoding="utf-8"):
                m = re.match(r"(CMAKE_BUILD_TYPE|CMAKE_CXX_COMPILER):\w+=(.*)", line)
                if m:
                    cache[m.group(1)] = m.group(2)
        except OSError:
            pass
        compiler = ""
        if cache.get("CMAKE_CXX_COMPILER"):
            try:
                compiler = run([cache["CMAKE_CXX_COMPILER"], "--version"]).stdout.splitlines()[0]
            except (BenchError, IndexError, OSError):
                pass
        packages = ""
        try:
            packages = run(["dpkg-query", "-W", "-f", "${Package} ${Version}\\n", "libtorch-dev", "python3-torch",
                            "libopenblas0-pthread", "python3-gensim", "python3-sklearn", "fasttext", "umap-learn",
                            "libsqlite3-0"], check=False).stdout.strip().replace("\n", "; ")
        except (BenchError, OSError):
            pass
        return (f"{cpu}, {os.cpu_count()} cores{memory}; {system}; {compiler or 'compiler unknown'}; "
                f"build type {cache.get('CMAKE_BUILD_TYPE', 'unknown')}. Packages: {packages or 'unknown'}.")

    def report(self, sections, started, load_before, load_after):
        head = [BEGIN_MARK, "",
                f"## Latest run, {started:%Y-%m-%d %H:%M} ({'quick mode' if self.quick else 'full suite'})", "",
                "Written by `bench/run_all.py`; re-run with `bench/run-all.sh` (installs the peers, builds, runs). "
                f"Machine: {self.machine()}",
                "",
                f"Load average before / after: {load_before} / {load_after}. This machine is shared with builds: "
                "each pair alternates which side runs first from round to round, so load that comes and goes hits "
                f"both sides alike. {self.rounds} round(s) per pair, medians. Threads: {self.threads} on every "
                f"side; OMP_WAIT_POLICY={os.environ.get('OMP_WAIT_POLICY', '(not set)')} for every process (see "
                "`bench/run_all.py --help`). Peak RSS is the process's own maximum resident set (wait4), unless a table says otherwise.",
                ""]
        body = list(self.out)
        commands = ["### Command lines", "", "Exactly as run (paths under the work directory "
                    f"`{self.work}`):", ""]
        for section in sections:
            for s, c in self.commands:
                if s == section:
                    commands.append(f"    {c}")
        commands += ["", END_MARK]
        return "\n".join(head + body + commands) + "\n"


def write_output(path, text):
    path = Path(path)
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if BEGIN_MARK in old and END_MARK in old:
        before = old[:old.index(BEGIN_MARK)]
        after = old[old.index(END_MARK) + len(END_MARK):]
        new = before + text.rstrip("\n") + after
    else:
        new = (old.rstrip("\n") + "\n\n" if old else "") + text
    path.write_text(new, encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes, one round (CI)")
    parser.add_argument("--rounds", type=int, default=0, help="rounds per pair (default 3; 1 with --quick)")
    parser.add_argument("--threads", type=int, default=0, help="threads on every side (default: all cores)")
    parser.add_argument("--build-dir", default=str(ROOT / "build"))
    parser.add_argument("--work", help="scratch directory (default: a new one under /tmp)")
    parser.add_argument("--output", help="markdown file to write the tables into (default: docs/benchmarks.md; "
                                         "with --quick: WORK/benchmarks-quick.md)")
    parser.add_argument("--omp-wait-policy", default="passive", choices=["passive", "active", "inherit"],
                        help="OMP_WAIT_POLICY for every process of every side (default passive; inherit: "
                             "leave the environment as it is). See the module help.")
    parser.add_argument("--only", default="", help="comma-separated sections: " + ",".join(SECTIONS))
    parser.add_argument("--skip", default="", help="comma-separated sections to leave out")
    args = parser.parse_args()

    only = [s for s in args.only.split(",") if s]
    skip = [s for s in args.skip.split(",") if s]
    for s in only + skip:
        if s not in SECTIONS:
            parser.error(f"unknown section '{s}'")
    sections = [s for s in SECTIONS if (not only or s in only) and s not in skip]
    if "predict" in sections and "train" not in sections:
        sections.insert(sections.index("predict"), "train")

    if args.omp_wait_policy != "inherit":
        os.environ["OMP_WAIT_POLICY"] = args.omp_wait_policy.upper()
    suite = Suite(args)
    if not suite.cli.exists():
        print(f"{suite.cli} is not built", file=sys.stderr)
        return 1
    started = datetime.datetime.now()
    load_before = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"work directory: {suite.work}; peers: {json.dumps(suite.peers)}", flush=True)
    failed = False
    for section in sections:
        begin = time.perf_counter()
        print(f"== {section}", flush=True)
        mark = len(suite.out)
        try:
            getattr(suite, f"section_{section}")()
        except BenchError as error:
            failed = True
            suite.out += [f"**{section}: failed** — {str(error).splitlines()[0]}", ""]
            print(str(error), file=sys.stderr, flush=True)
        print("\n".join(suite.out[mark:]), flush=True)
        print(f"   ({time.perf_counter() - begin:.1f} s)", flush=True)
    load_after = " ".join(f"{x:.2f}" for x in os.getloadavg())
    for failure in suite.failures:
        print(failure, file=sys.stderr)
        failed = True
    output = args.output or (suite.work / "benchmarks-quick.md" if args.quick else ROOT / "docs" / "benchmarks.md")
    write_output(output, suite.report(sections, started, load_before, load_after))
    print(f"wrote {output}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
