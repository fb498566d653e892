#pragma once

#include "core/projection/nearestneighbours.h"
#include "core/util/result.h"

#include <cstddef>
#include <vector>

namespace chorus {

// Principal components of the rows of a matrix.
struct PcaResult {
    std::size_t rows = 0;
    std::size_t components = 0;
    std::vector<float> coordinates;              // rows x components: the centred rows projected
    std::vector<double> explainedVariance;       // per component, the covariance's eigenvalue
    std::vector<double> explainedVarianceRatio;  // per component, eigenvalue / total variance
    std::vector<double> axes;                    // components x columns, unit eigenvectors
    std::vector<double> mean;                    // columns
};

// Centres the rows, forms the columns x columns covariance (divided by rows - 1, like sklearn)
// and takes its top `components` eigenvectors by Householder tridiagonalisation and the implicit
// QL algorithm: deterministic, with each axis's sign fixed so that its largest-magnitude entry is
// positive. Covariance accumulation runs on `threads` threads (0 = all cores) in fixed row blocks
// summed in a fixed order, so the result does not depend on the thread count.
// Errors when components is 0 or more than min(rows, columns), or the data hold NaN or infinity.
Result<PcaResult> principalComponents(const MatrixView &matrix, std::size_t components, int threads = 0);

} // namespace chorus
