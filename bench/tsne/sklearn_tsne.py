#!/usr/bin/python3
"""scikit-learn's t-SNE on the same points as chorus-bench-tsne, with the same settings.

Usage:
    chorus-bench-tsne --data mix.npy --save-embedding chorus.npy      # writes mix.npy first
    /usr/bin/python3 sklearn_tsne.py mix.npy [--threads T] [--perplexity P] [--iterations I]
        [--theta T] [--seed S] [--metric-k K] [--chorus-embedding chorus.npy]

Prints the seconds TSNE.fit_transform takes, its KL divergence, and the trustworthiness
(sklearn.manifold.trustworthiness) and k-NN preservation of its embedding. With
--chorus-embedding it also scores Chorus's embedding with sklearn's own functions, which checks
Chorus's metric code and puts both numbers side by side.

Settings matched to Chorus's defaults: Barnes-Hut, angle (theta) 0.5, perplexity 30, early
exaggeration 12 for 250 iterations, learning_rate='auto' (max(n / 12 / 4, 50)), init='pca',
1000 iterations in all, Euclidean metric.
"""
import argparse
import inspect
import resource
import time

import numpy as np
from sklearn.manifold import TSNE, trustworthiness
from sklearn.neighbors import NearestNeighbors


def knn_preservation(high, low, k):
    """Mean fraction of each point's k nearest neighbours in `high` kept among its k nearest in `low`."""
    # kneighbors() without X leaves each point out of its own neighbours.
    high_nn = NearestNeighbors(n_neighbors=k).fit(high).kneighbors(return_distance=False)
    low_nn = NearestNeighbors(n_neighbors=k).fit(low).kneighbors(return_distance=False)
    kept = [len(set(a) & set(b)) / k for a, b in zip(high_nn, low_nn)]
    return float(np.mean(kept))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", help="float32 .npy file of shape (n, d) written by chorus-bench-tsne")
    parser.add_argument("--threads", type=int, default=None, help="n_jobs for TSNE (default: sklearn's)")
    parser.add_argument("--perplexity", type=float, default=30.0)
    parser.add_argument("--iterations", type=int, default=1000)
    parser.add_argument("--theta", type=float, default=0.5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--metric-k", type=int, default=10)
    parser.add_argument("--chorus-embedding", help="Chorus's embedding (.npy, n x 2) to score as well")
    args = parser.parse_args()

    x = np.load(args.data)
    if x.ndim != 2:
        raise SystemExit(f"{args.data}: expected a 2-D array, got shape {x.shape}")
    x = np.ascontiguousarray(x, dtype=np.float32)
    print(f"data: {args.data} ({x.shape[0]} x {x.shape[1]})")

    settings = dict(
        n_components=2,
        perplexity=args.perplexity,
        early_exaggeration=12.0,
        learning_rate="auto",
        init="pca",
        method="barnes_hut",
        angle=args.theta,
        metric="euclidean",
        random_state=args.seed,
        n_jobs=args.threads,
    )
    # The total iteration count is max_iter from sklearn 1.5 on, n_iter before.
    parameters = inspect.signature(TSNE.__init__).parameters
    settings["max_iter" if "max_iter" in parameters else "n_iter"] = args.iterations
    tsne = TSNE(**settings)

    start = time.perf_counter()
    y = tsne.fit_transform(x)
    seconds = time.perf_counter() - start
    print(f"seconds: {seconds:.2f}, {tsne.n_iter_} iterations, KL {tsne.kl_divergence_:.4f}")
    # Before the quality metrics, whose full distance matrices would otherwise set the peak.
    print(f"peak RSS after t-SNE: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MB")

    k = args.metric_k
    print(f"trustworthiness (k={k}): {trustworthiness(x, y, n_neighbors=k):.4f}")
    print(f"kNN preservation (k={k}): {knn_preservation(x, y, k):.4f}")

    if args.chorus_embedding:
        c = np.load(args.chorus_embedding).astype(np.float64)
        if c.shape != (x.shape[0], 2):
            raise SystemExit(f"{args.chorus_embedding}: expected shape ({x.shape[0]}, 2), got {c.shape}")
        print(f"Chorus embedding, scored by sklearn: trustworthiness (k={k}) "
              f"{trustworthiness(x, c, n_neighbors=k):.4f}, kNN preservation {knn_preservation(x, c, k):.4f}")


if __name__ == "__main__":
    main()
