#pragma once

#include "core/util/result.h"

#include <optional>
#include <vector>

namespace chorus {

struct HoltOptions {
    // Smoothing of level and trend; unset: chosen by grid search minimising the one-step-ahead
    // squared error over the series.
    std::optional<double> alpha;
    std::optional<double> beta;
    double gridStep = 0.02; // of the search over (0, 1]
    double z = 1.959964;    // interval half-width in standard deviations (95 %)
};

struct HoltForecastPoint {
    int step = 0; // 1 = the period right after the series
    double value = 0.0;
    double lower = 0.0;
    double upper = 0.0;
};

struct HoltForecast {
    double alpha = 0.0;
    double beta = 0.0;
    double level = 0.0; // at the end of the series
    double trend = 0.0;
    double sse = 0.0;              // of the one-step-ahead forecasts
    double residualVariance = 0.0; // sse / (forecasts - 2): two parameters were fitted
    std::vector<double> fitted;    // one-step-ahead forecast of every observation from the third on
    std::vector<HoltForecastPoint> points;
};

// Holt's linear exponential smoothing: level l and trend b,
//   l_t = alpha y_t + (1 - alpha)(l_{t-1} + b_{t-1}),  b_t = beta (l_t - l_{t-1}) + (1 - beta) b_{t-1},
// started at l_1 = y_1, b_1 = y_2 - y_1, so a straight line is forecast exactly. The interval of
// step h is z * sigma * sqrt(1 + sum_{j<h} alpha^2 (1 + j beta)^2), the variance of the
// equivalent ETS(A,A,N) model: it widens with the horizon whenever sigma > 0.
class HoltForecaster {
public:
    static Result<HoltForecast> forecast(const std::vector<double> &series, int horizon, const HoltOptions &options = {});
    // The one-step-ahead sum of squared errors of (alpha, beta) over the series (>= 3 values).
    static double oneStepSse(const std::vector<double> &series, double alpha, double beta);
};

} // namespace chorus
