#pragma once

#include "core/analytics/topiccorpus.h"
#include "core/projection/nearestneighbours.h"
#include "core/util/result.h"

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace chorus {

struct KMeansOptions {
    std::size_t k = 8;
    // Independent k-means++ starts; the one with the lowest inertia wins.
    int restarts = 5;
    int maxIterations = 100;
    std::uint64_t seed = 1;
};

struct KMeansResult {
    std::size_t k = 0;
    // Cluster per row; -1 for zero rows (posts with nothing to embed have no direction).
    std::vector<int> assignments;
    std::vector<float> centroids; // k x dimensions, unit length
    double inertia = 0;           // sum over assigned rows of (1 - cosine to own centroid)
    int iterations = 0;           // of the winning restart
};

struct KEstimate {
    std::size_t k = 0;
    std::vector<std::pair<std::size_t, double>> silhouettes; // (k, mean silhouette) per candidate
};

// Spherical k-means: rows compared by cosine similarity, centroids the normalised mean of their
// members, k-means++ seeding with (1 - cosine) as the squared distance. Deterministic for a seed.
class KMeans {
public:
    static Result<KMeansResult> cluster(const MatrixView &rows, const KMeansOptions &options);

    // Picks k in [minK, maxK] by the mean cosine silhouette of a fixed random sample of at most
    // sampleSize rows (the clustering itself uses every row). Errors when the range is empty or
    // there are fewer non-zero rows than maxK.
    static Result<KEstimate> estimateK(const MatrixView &rows, std::size_t minK, std::size_t maxK,
                                       std::size_t sampleSize = 1000, std::uint64_t seed = 1,
                                       const TopicProgress &progress = {});
};

} // namespace chorus
