#pragma once

#include "core/projection/nearestneighbours.h"
#include "core/util/result.h"

#include <cstddef>
#include <cstdint>
#include <functional>

namespace chorus {

// Settings of the approximate k-nearest-neighbour search; 0 picks what umap-learn asks of
// pynndescent for the number of rows.
struct NnDescentOptions {
    int trees = 0;                   // random projection trees: min(64, 5 + round(sqrt(rows) / 20))
    int iterations = 0;              // NN-descent rounds at most: max(5, round(log2(rows)))
    std::size_t maxCandidates = 60;  // new and old candidates sampled per point per round
    std::size_t leafSize = 0;        // largest tree leaf: max(10, k + 1)
    double delta = 0.001;            // stop when a round improves fewer than delta * rows * k entries
    int threads = 0;                 // 0 = all cores
    std::uint64_t seed = 1;
};

// Called before the trees (done 0) and after each NN-descent round with the round count so far
// and the most there will be; returning false stops the search (the result is then an Error
// saying it was cancelled).
using NeighbourSearchProgress = std::function<bool(int done, int total)>;

// Approximate Euclidean k-nearest-neighbour graph (itself excluded, nearest first, ties to the
// lower row) by NN-descent (Dong, Moses & Li 2011) started from the leaves of a random
// projection forest, as pynndescent does for umap-learn: the exact graph's cost grows with
// rows squared, this one's roughly with rows log rows. Every random choice is drawn from the seed
// and the point or round it concerns, the candidate joins are computed in fixed blocks and their
// updates applied in one fixed order, so the graph depends on the seed and not on the thread
// count. Errors when k == 0, k >= rows, or when cancelled.
Result<NeighbourGraph> approximateNeighbourGraph(const MatrixView &matrix, std::size_t k,
                                                 const NnDescentOptions &options = {},
                                                 const NeighbourSearchProgress &progress = {});

} // namespace chorus
