#pragma once

#include "core/projection/nearestneighbours.h"
#include "core/util/result.h"

#include <cstddef>
#include <vector>

namespace chorus {

struct DensityOptions {
    // Largest cosine distance (1 - cosine similarity) at which two posts are neighbours; 0 estimates
    // it from the k-distance curve.
    double epsilon = 0;
    // Neighbours (the post itself included) that make a post a core point.
    std::size_t minPoints = 5;
    // Rows the k-distance curve is drawn from when estimating epsilon.
    std::size_t estimateSample = 2000;
    std::uint64_t seed = 1;
};

struct DensityResult {
    std::vector<int> assignments; // cluster per row, -1 for outliers (noise) and zero rows
    std::size_t clusters = 0;
    std::size_t outliers = 0;
    double epsilon = 0; // the one used, given or estimated
};

// DBSCAN (Ester et al. 1996) over cosine distance: clusters are the posts reachable through
// chains of dense neighbourhoods; posts in no dense region stay unassigned. Neighbourhoods are
// found by brute force (rows x rows dot products), so this is for up to some tens of thousands of
// posts. Clusters are numbered by their first row, so the result is deterministic.
class DensityClustering {
public:
    static Result<DensityResult> cluster(const MatrixView &rows, const DensityOptions &options);

    // The knee of the sorted distances to each sampled row's (minPoints - 1)-th neighbour: the
    // point of the curve farthest from the chord joining its ends (the "Kneedle" idea).
    static Result<double> estimateEpsilon(const MatrixView &rows, std::size_t minPoints, std::size_t sample,
                                          std::uint64_t seed);
};

} // namespace chorus
