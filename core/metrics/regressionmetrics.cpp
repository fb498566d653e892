#include "core/metrics/regressionmetrics.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <string>

namespace chorus {

namespace {

Status checkInputs(const std::vector<double> &yTrue, const std::vector<double> &yPred)
{
    if (yPred.size() != yTrue.size())
        return Error{"y_pred has " + std::to_string(yPred.size()) + " entries, y_true " + std::to_string(yTrue.size())};
    if (yTrue.empty())
        return Error{"y_true is empty: there is nothing to evaluate"};
    for (std::size_t i = 0; i < yTrue.size(); ++i) {
        if (!std::isfinite(yTrue[i]))
            return Error{"y_true[" + std::to_string(i) + "] is not a finite number"};
        if (!std::isfinite(yPred[i]))
            return Error{"y_pred[" + std::to_string(i) + "] is not a finite number"};
    }
    return Status::success();
}

} // namespace

Result<RegressionReport> RegressionMetrics::evaluate(const std::vector<double> &yTrue, const std::vector<double> &yPred)
{
    if (Status status = checkInputs(yTrue, yPred); !status)
        return status.error();
    const double n = double(yTrue.size());
    double mean = 0.0;
    for (double value : yTrue)
        mean += value;
    mean /= n;

    double absoluteSum = 0.0;
    double squaredResidualSum = 0.0;
    double squaredTotalSum = 0.0;
    for (std::size_t i = 0; i < yTrue.size(); ++i) {
        const double residual = yTrue[i] - yPred[i];
        absoluteSum += std::fabs(residual);
        squaredResidualSum += residual * residual;
        squaredTotalSum += (yTrue[i] - mean) * (yTrue[i] - mean);
    }

    RegressionReport report;
    report.count = yTrue.size();
    report.mae = absoluteSum / n;
    report.rmse = std::sqrt(squaredResidualSum / n);
    if (squaredTotalSum == 0.0)
        report.r2 = squaredResidualSum == 0.0 ? 1.0 : 0.0;
    else
        report.r2 = 1.0 - squaredResidualSum / squaredTotalSum;
    return report;
}

Result<double> RegressionMetrics::meanAbsoluteError(const std::vector<double> &yTrue, const std::vector<double> &yPred)
{
    Result<RegressionReport> report = evaluate(yTrue, yPred);
    if (!report)
        return report.error();
    return report->mae;
}

Result<double> RegressionMetrics::rootMeanSquaredError(const std::vector<double> &yTrue,
                                                       const std::vector<double> &yPred)
{
    Result<RegressionReport> report = evaluate(yTrue, yPred);
    if (!report)
        return report.error();
    return report->rmse;
}

Result<double> RegressionMetrics::r2Score(const std::vector<double> &yTrue, const std::vector<double> &yPred)
{
    Result<RegressionReport> report = evaluate(yTrue, yPred);
    if (!report)
        return report.error();
    return report->r2;
}

nlohmann::json RegressionReport::toJson() const
{
    return {{"count", count}, {"mae", mae}, {"rmse", rmse}, {"r2", r2}};
}

} // namespace chorus
