#!/usr/bin/python3
"""gensim's Word2Vec on the same corpus file and hyperparameters as chorus-bench-word2vec.

Usage:
    /usr/bin/python3 gensim_word2vec.py CORPUS.txt [--cbow] [--dims 100] [--window 5] [--negative 5]
        [--min-count 5] [--sample 1e-3] [--alpha 0.025] [--epochs 1] [--threads T] [--seed 1]
        [--save VECTORS.txt]

The corpus is read with corpus_file= (gensim's fastest mode: whitespace-separated words, one
sentence per line, workers without the GIL), as chorus-bench-word2vec --file reads it. Vocabulary
counting and training are timed apart; words/s is in-vocabulary words of all epochs per second of
training, which is how chorus-bench-word2vec counts. CBOW averages the context (cbow_mean=1), as
Chorus does by default. The last line of output is "RESULT {json}".
"""
import argparse
import json
import resource
import time

import gensim
from gensim.models import Word2Vec


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("--cbow", action="store_true")
    parser.add_argument("--dims", type=int, default=100)
    parser.add_argument("--window", type=int, default=5)
    parser.add_argument("--negative", type=int, default=5)
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--sample", type=float, default=1e-3)
    parser.add_argument("--alpha", type=float, default=0.025)
    parser.add_argument("--min-alpha", type=float, default=0.0001)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--save")
    args = parser.parse_args()

    model = Word2Vec(vector_size=args.dims, window=args.window, negative=args.negative, hs=0,
                     min_count=args.min_count, sample=args.sample, alpha=args.alpha, min_alpha=args.min_alpha,
                     sg=0 if args.cbow else 1, cbow_mean=1, workers=args.threads, seed=args.seed, epochs=args.epochs)
    start = time.perf_counter()
    model.build_vocab(corpus_file=args.corpus)
    counting_s = time.perf_counter() - start
    vocabulary_words = int(sum(model.wv.get_vecattr(w, "count") for w in model.wv.index_to_key))
    start = time.perf_counter()
    trained, raw = model.train(corpus_file=args.corpus, total_examples=model.corpus_count,
                               total_words=model.corpus_total_words, epochs=args.epochs)
    train_s = time.perf_counter() - start
    if args.save:
        model.wv.save_word2vec_format(args.save, binary=False)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = {
        "gensim": gensim.__version__,
        "vocabulary": len(model.wv),
        "corpus_words": int(model.corpus_total_words),
        "vocabulary_words": vocabulary_words,
        "counting_s": counting_s,
        "train_s": train_s,
        "words_per_s": vocabulary_words * args.epochs / train_s,
        "effective_words": int(trained),
        "peak_rss_kb": rss,
    }
    print(f"gensim {gensim.__version__} {'CBOW' if args.cbow else 'skip-gram'}: vocabulary {len(model.wv)}, "
          f"counting {counting_s:.2f} s, training {train_s:.2f} s, {result['words_per_s']:.0f} words/s")
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
