#pragma once

#include "core/projection/nearestneighbours.h"
#include "core/util/result.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace chorus {

enum class TsneInitialisation {
    Pca,    // the first two principal components, scaled so the first has std 1e-4 (sklearn init='pca')
    Random, // 1e-4 x roughly normal draws from the seed (sklearn init='random')
};

// Barnes-Hut t-SNE (van der Maaten 2014) with scikit-learn's defaults and schedule, so that runs
// can be compared with sklearn.manifold.TSNE(method='barnes_hut').
struct TsneOptions {
    double perplexity = 30.0;
    int iterations = 1000;
    // Barnes-Hut accuracy: a quadtree cell is summarised when its width / distance < theta.
    // 0 computes the exact repulsion (slow: quadratic).
    double theta = 0.5;
    // 0 = sklearn's 'auto': max(rows / earlyExaggeration / 4, 50).
    double learningRate = 0.0;
    double earlyExaggeration = 12.0;
    int exaggerationIterations = 250; // with momentum 0.5; then momentum 0.8 and no exaggeration
    double initialMomentum = 0.5;
    double finalMomentum = 0.8;
    // Stop when the gradient norm falls below this or the KL divergence has not improved for
    // this many iterations (both checked every 50 iterations, as sklearn does).
    double minGradientNorm = 1e-7;
    int iterationsWithoutProgress = 300;
    TsneInitialisation initialisation = TsneInitialisation::Pca;
    // Worker threads (0 = all cores). Every per-point sum runs on one thread in a fixed order, so
    // the embedding is the same for every thread count.
    int threads = 0;
    std::uint64_t seed = 1;

    // Empty when usable for `rows` points, otherwise what is wrong.
    std::string validate(std::size_t rows) const;
};

struct TsneResult {
    std::size_t rows = 0;
    std::vector<float> coordinates; // rows x 2
    int iterationsRun = 0;
    double klDivergence = 0.0;      // at the last check (every 50 iterations and at the end)
    bool cancelled = false;         // the callback returned false; coordinates are the last state
};

// Called with iteration 0 (klDivergence NaN) once the affinities are ready, then every 50
// iterations and after the last one with the KL divergence of the current embedding. Returning
// false stops the run (the result then has cancelled = true).
using TsneProgressCallback = std::function<bool(int iteration, double klDivergence)>;

// Embeds the rows of `matrix` in 2-D. Input affinities use the exact k = min(rows - 1,
// 3 x perplexity + 1) nearest neighbours by Euclidean distance, calibrated by binary search to
// the perplexity, symmetrised and normalised.
Result<TsneResult> runTsne(const MatrixView &matrix, const TsneOptions &options,
                           const TsneProgressCallback &progress = {});

} // namespace chorus
