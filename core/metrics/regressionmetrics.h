#pragma once

#include "core/util/result.h"

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <vector>

namespace chorus {

struct RegressionReport {
    std::size_t count = 0;
    double mae = 0.0;  // mean absolute error
    double rmse = 0.0; // root of the mean squared error
    // Coefficient of determination 1 - SS_res / SS_tot (SS_tot around the mean of y_true). When
    // y_true is constant SS_tot is 0: R² is then 1 for a perfect prediction and 0 otherwise
    // (scikit-learn's force_finite convention), so a stored run never holds NaN or -inf.
    double r2 = 0.0;

    nlohmann::json toJson() const;
};

// Error metrics of a regression, from paired true and predicted values. Sizes that differ, empty
// input and values that are not finite are Errors naming the problem.
class RegressionMetrics {
public:
    static Result<RegressionReport> evaluate(const std::vector<double> &yTrue, const std::vector<double> &yPred);
    static Result<double> meanAbsoluteError(const std::vector<double> &yTrue, const std::vector<double> &yPred);
    static Result<double> rootMeanSquaredError(const std::vector<double> &yTrue, const std::vector<double> &yPred);
    static Result<double> r2Score(const std::vector<double> &yTrue, const std::vector<double> &yPred);
};

} // namespace chorus
