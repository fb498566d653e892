#pragma once

#include "core/projection/nearestneighbours.h"
#include "core/util/result.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace chorus {

// A symmetric graph with positive edge weights in compressed rows: both directions of every edge
// are stored, each row's columns in increasing order.
struct WeightedGraph {
    std::size_t rows = 0;
    std::vector<std::size_t> rowStart; // rows + 1
    std::vector<std::uint32_t> column;
    std::vector<float> weight;
};

// The connected components of a graph: a label per row (0 .. count - 1, in order of each
// component's lowest row).
struct GraphComponents {
    std::size_t count = 0;
    std::vector<std::uint32_t> label;
};
GraphComponents connectedComponents(const WeightedGraph &graph);

// A 2-D spectral layout of the graph as umap-learn's spectral_layout makes it: the eigenvectors
// of the normalised Laplacian I - D^-1/2 W D^-1/2 for its second and third smallest eigenvalues.
// A graph of several components is laid out as umap-learn's multi_component_layout does: each
// component by its own eigenvectors, scaled to half the distance from its place to the nearest
// other component's, and the places at +-1 on the axes for up to four components, otherwise the
// first two principal components of the components' centroids in `data` (umap-learn embeds the
// centroids spectrally; for far-apart centroids that affinity underflows, PCA does not), scaled
// to at most 1. Components of fewer than four points are scattered at random within their range.
//
// The eigenvectors come from subspace iteration on (I + D^-1/2 W D^-1/2) / 2 with a block of up
// to eight vectors kept orthogonal to the known first eigenvector D^1/2 1 (re-orthonormalised
// every five iterations), a Rayleigh-Ritz step every ten iterations and at the end, stopping when
// the two wanted Ritz values change by less than 1e-7 or after `maxIterations`: an unconverged
// block still spans smooth functions on the graph, which is all an initialisation needs.
// Components are laid out in parallel (a lone component shares its products out instead).
// Deterministic for a seed and any thread count.
// Errors only when the result would not be finite.
Result<std::vector<double>> spectralLayout(const WeightedGraph &graph, const MatrixView &data, std::uint64_t seed,
                                           int threads, int maxIterations = 300);

} // namespace chorus
