#!/usr/bin/python3
"""The Python peer of chorus-bench-recommend: an sklearn TruncatedSVD recommender on the same
ratings, the same leave-last-out split and the same NDCG@K.

Usage:
    chorus-bench-recommend --data ratings.csv          # writes ratings.csv first
    /usr/bin/python3 sklearn_svd.py ratings.csv [--factors F] [--k K] [--seed S]

What it reproduces from Chorus (core/recommend): repeated (user, item) ratings are summed into one
cell whose time is the latest; rows are users by id, columns items by key (byte order); a user with
two or more distinct items holds out the item with the latest time (ties: the largest key); the
whole cell leaves the training matrix. Recommendations leave out the items the user has in
training, equal scores go in column order, relevance is binary and NDCG@K uses 1 / log2(rank + 1).
The popularity baseline (distinct users per item in training) is scored too: its figures must be
identical to Chorus's, which checks that both sides evaluate the same thing.

The model: TruncatedSVD (randomized, n_iter=5 as sklearn's default) of the training matrix of
summed ratings; a user's scores are their row of U S V^T. Only fit() is timed as "fit".
The last line of output is "RESULT {json}".
"""
import argparse
import json
import resource
import time

import numpy as np
import scipy.sparse as sp
from sklearn.decomposition import TruncatedSVD


def load(path):
    users, items, ratings, times = [], [], [], []
    with open(path, encoding="utf-8") as f:
        header = f.readline().strip()
        if not header.startswith("user,item,rating,timestamp"):
            raise SystemExit(f"{path}: not a user,item,rating,timestamp CSV")
        for line in f:
            u, i, r, t = line.rstrip("\n").split(",")[:4]
            users.append(int(u))
            items.append(i)
            ratings.append(float(r))
            times.append(int(t))
    user_ids = sorted(set(users))
    # Chorus orders item keys by bytes; Python's str ordering agrees for ASCII keys.
    item_keys = sorted(set(items))
    row_of = {u: n for n, u in enumerate(user_ids)}
    col_of = {k: n for n, k in enumerate(item_keys)}
    rows = np.fromiter((row_of[u] for u in users), dtype=np.int64, count=len(users))
    cols = np.fromiter((col_of[k] for k in items), dtype=np.int64, count=len(items))
    return rows, cols, np.asarray(ratings), np.asarray(times, dtype=np.int64), len(user_ids), len(item_keys)


def aggregate(rows, cols, ratings, times, n_items):
    """One cell per (user, item): summed weight, latest time; sorted by row then column."""
    key = rows * n_items + cols
    order = np.argsort(key, kind="stable")
    key, rows, cols, ratings, times = key[order], rows[order], cols[order], ratings[order], times[order]
    first = np.concatenate(([True], key[1:] != key[:-1]))
    starts = np.flatnonzero(first)
    weight = np.add.reduceat(ratings, starts)
    latest = np.maximum.reduceat(times, starts)
    return rows[starts], cols[starts], weight, latest


def leave_last_out(rows, cols, latest, n_users):
    """Held-out column per user (-1 when the user has fewer than two items)."""
    held = np.full(n_users, -1, dtype=np.int64)
    counts = np.bincount(rows, minlength=n_users)
    # Cells are sorted by (row, col): within a row, sort by (time, col) and take the last.
    order = np.lexsort((cols, latest, rows))
    last_of_row = np.flatnonzero(np.concatenate((rows[order][1:] != rows[order][:-1], [True])))
    for idx in order[last_of_row]:
        if counts[rows[idx]] >= 2:
            held[rows[idx]] = cols[idx]
    keep = held[rows] != cols
    return held, keep


def top_k(scores, seen, k):
    """Best k columns, equal scores in column order, leaving out `seen`."""
    scores = scores.astype(np.float64, copy=True)
    scores[seen] = -np.inf
    candidates = np.flatnonzero(np.isfinite(scores))
    if candidates.size == 0:
        return []
    # lexsort: last key is primary; ties broken by the column index ascending.
    order = np.lexsort((candidates, -scores[candidates]))
    return candidates[order[:k]].tolist()


def ndcg_at_k(ranked, held, k):
    for position, item in enumerate(ranked[:k]):
        if item == held:
            return 1.0 / np.log2(position + 2.0)
    return 0.0


def evaluate(name, score_row, train, held, k, n_items):
    start = time.perf_counter()
    ndcg = recall = 0.0
    users = 0
    recommended = np.zeros(n_items, dtype=bool)
    for user in np.flatnonzero(held >= 0):
        seen = train.indices[train.indptr[user]:train.indptr[user + 1]]
        ranked = top_k(score_row(user), seen, k)
        recommended[ranked] = True
        ndcg += ndcg_at_k(ranked, held[user], k)
        recall += 1.0 if held[user] in ranked else 0.0
        users += 1
    return {
        "model": name,
        "recommend_s": time.perf_counter() - start,
        "ndcg": ndcg / users,
        "recall": recall / users,
        "hit_rate": recall / users,
        "coverage": float(recommended.sum()) / n_items,
        "users_evaluated": users,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data")
    parser.add_argument("--factors", type=int, default=32)
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    start = time.perf_counter()
    rows, cols, ratings, times, n_users, n_items = load(args.data)
    n_ratings = len(rows)
    rows, cols, weight, latest = aggregate(rows, cols, ratings, times, n_items)
    held, keep = leave_last_out(rows, cols, latest, n_users)
    train = sp.csr_matrix((weight[keep], (rows[keep], cols[keep])), shape=(n_users, n_items))
    train.sort_indices()
    load_s = time.perf_counter() - start
    eligible = int((held >= 0).sum())
    print(f"matrix: {n_users} users x {n_items} items, {len(rows)} cells from {n_ratings} ratings; "
          f"{eligible} users evaluated (leave-last-out); load and split {load_s:.2f} s")

    k = args.k
    fit_start = time.perf_counter()
    popularity_scores = np.diff(train.tocsc().indptr).astype(np.float64)
    popularity_fit = time.perf_counter() - fit_start
    popularity = evaluate("popularity", lambda user: popularity_scores, train, held, k, n_items)
    popularity["fit_s"] = popularity_fit

    svd = TruncatedSVD(n_components=args.factors, random_state=args.seed)
    fit_start = time.perf_counter()
    user_factors = svd.fit_transform(train)  # U S
    fit_s = time.perf_counter() - fit_start
    item_factors = svd.components_           # V^T
    model = evaluate("truncated-svd", lambda user: user_factors[user] @ item_factors, train, held, k, n_items)
    model["fit_s"] = fit_s
    model["params"] = {"factors": args.factors, "algorithm": "randomized", "n_iter": svd.n_iter}
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    print(f"\n| model | fit s | recommend s | NDCG@{k} | recall@{k} | coverage |\n|---|---:|---:|---:|---:|---:|")
    for row in (popularity, model):
        print(f"| {row['model']} | {row['fit_s']:.3f} | {row['recommend_s']:.3f} | {row['ndcg']:.4f} | "
              f"{row['recall']:.4f} | {row['coverage']:.3f} |")
    print(f"peak RSS: {rss / 1024:.1f} MB")
    print("RESULT " + json.dumps({"load_s": load_s, "users": n_users, "items": n_items, "cells": int(len(rows)),
                                  "ratings": n_ratings, "eligible_users": eligible, "popularity": popularity,
                                  "model": model, "peak_rss_kb": rss}))


if __name__ == "__main__":
    main()
