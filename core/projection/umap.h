#pragma once

#include "core/projection/nearestneighbours.h"
#include "core/projection/spectrallayout.h"
#include "core/util/result.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace chorus {

enum class UmapInitialisation {
    // umap-learn's default: the spectral layout of the fuzzy graph (spectrallayout.h, components
    // laid out apart as umap-learn does), scaled so the largest coordinate is 10, plus N(0, 1e-4)
    // noise. Falls back to Pca when the layout is not finite.
    Spectral,
    // The first two principal components scaled so the largest coordinate is 10, plus N(0, 1e-4)
    // noise (umap-learn's init='pca'). Falls back to Random when the data have no spread.
    Pca,
    Random, // uniform in [-10, 10] (umap-learn's init='random')
};

enum class UmapNeighbourSearch {
    Automatic,   // Exact below 4,096 points, Approximate from there on: umap-learn's rule
    Exact,       // euclideanNeighbourGraph: rows squared work
    Approximate, // approximateNeighbourGraph (NN-descent)
};

// UMAP (McInnes, Healy & Melville 2018) as umap-learn 0.5 computes it with metric='euclidean',
// n_components=2 and its defaults, so that runs can be compared with umap.UMAP: k nearest
// neighbours (exact, or NN-descent from 4,096 points on), per-point rho and sigma, the fuzzy union
// of the memberships, a and b fitted to min_dist and spread, and stochastic gradient descent over
// the edges (each sampled every epochsPerSample epochs, negativeSampleRate negative samples per
// positive one, gradients clipped at 4, learning rate decaying linearly to 0).
// Initialisation: spectral by default (the normalised Laplacian's eigenvectors by subspace
// iteration, each connected component laid out apart: see spectrallayout.h), falling back to PCA
// scaled to 10 when that fails; PCA and random starts can also be asked for.
// Field names in error messages are umap-learn's parameter names.
struct UmapOptions {
    int nNeighbors = 15;             // n_neighbors, counting the point itself as umap-learn does
    double minDist = 0.1;            // min_dist
    double spread = 1.0;             // spread
    int epochs = 0;                  // n_epochs; 0 = 500 up to 10,000 points, 200 above
    double learningRate = 1.0;       // learning_rate: the step at the first epoch, decaying linearly to 0
    int negativeSampleRate = 5;      // negative_sample_rate: repulsive samples per attractive one
    double repulsionStrength = 1.0;  // repulsion_strength (gamma)
    UmapInitialisation initialisation = UmapInitialisation::Spectral;
    UmapNeighbourSearch neighbourSearch = UmapNeighbourSearch::Automatic;
    // Worker threads (0 = all cores). The neighbour graph, the fuzzy set and the initialisation
    // do not depend on the thread count; the gradient descent shares the edges out over the
    // threads, which update the points without locks as umap-learn's parallel mode does, so only
    // a single-threaded run gives the same embedding every time for a seed.
    int threads = 0;
    std::uint64_t seed = 1;

    // Empty when usable for `rows` points, otherwise what is wrong, naming the field.
    std::string validate(std::size_t rows) const;
    // The epochs a run on `rows` points does (epochs, or umap-learn's default when 0).
    int resolvedEpochs(std::size_t rows) const;
};

enum class UmapStage {
    Neighbours, // done of total NN-descent rounds (0 of 1, then 1 of 1, for the exact search)
    Layout,     // done of total epochs: 0 once the graph and the initialisation are ready
};

// Called as each stage starts, after each NN-descent round, and every 10 epochs and after the
// last. Returning false stops the run: the result then has cancelled = true, and coordinates are
// the layout so far (empty when stopped before the layout began).
using UmapProgressCallback = std::function<bool(UmapStage stage, int done, int total)>;

struct UmapResult {
    std::size_t rows = 0;
    std::vector<float> coordinates; // rows x 2
    int epochsRun = 0;
    double a = 0.0, b = 0.0;        // the fitted curve 1 / (1 + a d^2b)
    std::size_t edges = 0;          // directed edges of the fuzzy graph the descent samples
    std::size_t components = 0;     // connected components of that graph
    bool exactNeighbours = false;
    UmapInitialisation initialisation = UmapInitialisation::Spectral; // the one used
    bool cancelled = false;
};

// a and b of the curve 1 / (1 + a x^2b) fitted by least squares (Levenberg-Marquardt from
// a = b = 1, as scipy's curve_fit in umap-learn's find_ab_params) to 1 for x < min_dist and
// exp(-(x - min_dist) / spread) beyond, at 300 points evenly over [0, 3 spread].
struct UmapCurve {
    double a = 0.0;
    double b = 0.0;
};
UmapCurve fitUmapCurve(double spread, double minDist);

// Per point: rho, the distance to the nearest neighbour at a positive distance, and sigma, found
// by binary search (64 steps) so that sum_j exp(-max(0, d_j - rho) / sigma) over the graph's
// neighbours equals log2(nNeighbors), with umap-learn's floor of 1e-3 times the mean distance.
// Distances are Euclidean (the square roots of the graph's).
struct SmoothDistances {
    std::vector<double> rho;
    std::vector<double> sigma;
};
SmoothDistances smoothNeighbourDistances(const NeighbourGraph &graph, double nNeighbors, int threads = 0);

// The fuzzy simplicial set: memberships w_ij = exp(-max(0, d_ij - rho_i) / sigma_i) along the
// neighbour graph, symmetrised by fuzzy union w_ij + w_ji - w_ij w_ji; zero weights dropped.
WeightedGraph fuzzySimplicialSet(const NeighbourGraph &graph, const SmoothDistances &smooth);

// Embeds the rows of `matrix` in 2-D.
Result<UmapResult> runUmap(const MatrixView &matrix, const UmapOptions &options,
                           const UmapProgressCallback &progress = {});

} // namespace chorus
