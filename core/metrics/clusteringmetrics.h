#pragma once

#include "core/projection/nearestneighbours.h"

#include <cstddef>
#include <vector>

namespace chorus {

// Adjusted Rand index (Hubert and Arabie 1985) between two labellings of the same items: 1 for
// identical partitions (whatever the label names), about 0 for independent ones, negative when
// worse than chance. Labels are arbitrary ints; -1 (an outlier) is one label like any other.
// Sizes must match; two partitions that are both a single cluster score 1.
double adjustedRandIndex(const std::vector<int> &a, const std::vector<int> &b);

// Mean silhouette (Rousseeuw 1987) of the rows listed in `sample` with cosine distance
// (1 - cosine similarity), measured only against the other sampled rows so the cost is
// sample.size()^2. Rows labelled -1 are skipped; a row alone in its cluster scores 0, as in
// scikit-learn. Returns 0 when fewer than two clusters are present.
double cosineSilhouette(const MatrixView &rows, const std::vector<int> &labels, const std::vector<std::size_t> &sample);

} // namespace chorus
