#!/usr/bin/python3
"""umap-learn on the same points as chorus-bench-umap, with the same settings.

Usage:
    chorus-bench-umap --data mix.npy --save-embedding chorus.npy      # writes mix.npy first
    /usr/bin/python3 umaplearn_umap.py mix.npy [--threads T] [--neighbors K] [--min-dist M]
        [--epochs E] [--seed S] [--metric-k K] [--chorus-embedding chorus.npy]

Prints the seconds UMAP.fit_transform takes, the peak RSS, and the trustworthiness
(sklearn.manifold.trustworthiness) and k-NN preservation of its embedding. With
--chorus-embedding it also scores Chorus's embedding with sklearn's functions, which checks
Chorus's metric code and puts both numbers side by side.

Settings matched to Chorus's defaults (umap-learn's own): n_neighbors 15, min_dist 0.1, spread 1,
Euclidean metric, spectral initialisation, n_epochs None (500 up to 10,000 points, 200 above),
learning rate 1, 5 negative samples per positive. Without --seed umap-learn runs its parallel
(numba) code on --threads threads, as Chorus does; a random_state would force it onto one thread.

umap-learn compiles its numba functions on first use (and pynndescent its own); a warm-up fit on
5,000 random points, which takes the same code paths, runs first and is timed apart, so the
figure is the steady-state cost a user of an already-warm Python session sees.
"""
import argparse
import os
import resource
import time


def knn_preservation(high, low, k):
    """Mean fraction of each point's k nearest neighbours in `high` kept among its k nearest in `low`."""
    from sklearn.neighbors import NearestNeighbors
    import numpy as np
    # kneighbors() without X leaves each point out of its own neighbours.
    high_nn = NearestNeighbors(n_neighbors=k).fit(high).kneighbors(return_distance=False)
    low_nn = NearestNeighbors(n_neighbors=k).fit(low).kneighbors(return_distance=False)
    kept = [len(set(a) & set(b)) / k for a, b in zip(high_nn, low_nn)]
    return float(np.mean(kept))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", help="float32 .npy file of shape (n, d) written by chorus-bench-umap")
    parser.add_argument("--threads", type=int, default=None, help="numba threads (default: all cores)")
    parser.add_argument("--neighbors", type=int, default=15)
    parser.add_argument("--min-dist", type=float, default=0.1)
    parser.add_argument("--epochs", type=int, default=None)
    parser.add_argument("--seed", type=int, default=None, help="random_state (makes umap-learn single-threaded)")
    parser.add_argument("--metric-k", type=int, default=10)
    parser.add_argument("--no-warm-up", action="store_true")
    parser.add_argument("--chorus-embedding", help="Chorus's embedding (.npy, n x 2) to score as well")
    args = parser.parse_args()
    if args.threads:
        # numba reads this when it is first imported.
        os.environ["NUMBA_NUM_THREADS"] = str(args.threads)

    import numpy as np
    import umap
    from sklearn.manifold import trustworthiness

    x = np.load(args.data)
    if x.ndim != 2:
        raise SystemExit(f"{args.data}: expected a 2-D array, got shape {x.shape}")
    x = np.ascontiguousarray(x, dtype=np.float32)
    print(f"data: {args.data} ({x.shape[0]} x {x.shape[1]})")
    print(f"umap-learn {umap.__version__}")

    def model(epochs=args.epochs):
        return umap.UMAP(n_neighbors=args.neighbors, min_dist=args.min_dist, spread=1.0, metric="euclidean",
                         init="spectral", n_epochs=epochs, learning_rate=1.0, negative_sample_rate=5,
                         random_state=args.seed, n_jobs=args.threads or -1)

    if not args.no_warm_up:
        start = time.perf_counter()
        warm = np.random.default_rng(0).normal(size=(5000, 8)).astype(np.float32)
        model(epochs=5).fit_transform(warm)
        print(f"warm-up (numba compilation, not counted): {time.perf_counter() - start:.2f} s")

    start = time.perf_counter()
    y = model().fit_transform(x)
    seconds = time.perf_counter() - start
    print(f"seconds: {seconds:.2f}")
    # Before the quality metrics, whose full distance matrices would otherwise set the peak.
    print(f"peak RSS after UMAP: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MB")

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
