#pragma once

#include "core/projection/nearestneighbours.h"
#include "core/util/result.h"

#include <cstddef>

namespace chorus {

// How well a low-dimensional embedding keeps the neighbourhoods of the original points. Both
// compare Euclidean k-nearest neighbours of `original` and `embedded` (same rows, in order).

// Trustworthiness as in sklearn.manifold.trustworthiness (Venna & Kaski):
//   T(k) = 1 - 2 / (n k (2n - 3k - 1)) * sum_i sum_{j in U_i} (r(i, j) - k)
// where U_i are the embedding's k nearest neighbours of i that are not among its k nearest in
// the original space and r(i, j) is j's rank (1 = nearest) by original distance to i. Ties in
// distance rank the lower row first. Needs 1 <= k < n / 2.
Result<double> trustworthiness(const MatrixView &original, const MatrixView &embedded, std::size_t k,
                               int threads = 0);

// Mean over points of the fraction of their k nearest original neighbours that are also among
// their k nearest in the embedding. Needs 1 <= k < n.
Result<double> neighbourPreservation(const MatrixView &original, const MatrixView &embedded, std::size_t k,
                                     int threads = 0);

} // namespace chorus
