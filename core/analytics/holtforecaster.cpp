#include "core/analytics/holtforecaster.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace chorus {
namespace {

struct HoltState {
    double level = 0.0;
    double trend = 0.0;
    double sse = 0.0;
    std::vector<double> fitted;
};

HoltState run(const std::vector<double> &y, double alpha, double beta, bool keepFitted)
{
    HoltState s;
    s.level = y[1];
    s.trend = y[1] - y[0];
    for (std::size_t t = 2; t < y.size(); ++t) {
        const double predicted = s.level + s.trend;
        const double error = y[t] - predicted;
        s.sse += error * error;
        if (keepFitted)
            s.fitted.push_back(predicted);
        const double previousLevel = s.level;
        s.level = alpha * y[t] + (1.0 - alpha) * predicted;
        s.trend = beta * (s.level - previousLevel) + (1.0 - beta) * s.trend;
    }
    return s;
}

bool inUnitInterval(double v) { return v > 0.0 && v <= 1.0; }

} // namespace

double HoltForecaster::oneStepSse(const std::vector<double> &series, double alpha, double beta)
{
    return series.size() < 3 ? 0.0 : run(series, alpha, beta, false).sse;
}

Result<HoltForecast> HoltForecaster::forecast(const std::vector<double> &series, int horizon, const HoltOptions &options)
{
    if (series.size() < 3)
        return Error{"a Holt forecast needs at least 3 periods of history, got " + std::to_string(series.size())};
    if (horizon < 1)
        return Error{"the forecast horizon must be at least 1 period"};
    if ((options.alpha && !inUnitInterval(*options.alpha)) || (options.beta && !inUnitInterval(*options.beta)))
        return Error{"Holt's alpha and beta must lie in (0, 1]"};
    if (!(options.gridStep > 0.0 && options.gridStep <= 0.5))
        return Error{"the grid step of the Holt parameter search must lie in (0, 0.5]"};
    for (double v : series)
        if (!std::isfinite(v))
            return Error{"the series to forecast holds a value that is not a finite number"};

    // The grid (step, 2 step, ..., 1) of every parameter that is not given; the first minimum
    // wins, so equal errors resolve to the smoothest parameters.
    std::vector<double> grid;
    for (int i = 1; i * options.gridStep <= 1.0 + 1e-9; ++i)
        grid.push_back(std::min(1.0, i * options.gridStep));
    const std::vector<double> alphas = options.alpha ? std::vector<double>{*options.alpha} : grid;
    const std::vector<double> betas = options.beta ? std::vector<double>{*options.beta} : grid;
    double bestAlpha = alphas.front();
    double bestBeta = betas.front();
    double bestSse = oneStepSse(series, bestAlpha, bestBeta);
    for (double a : alphas)
        for (double b : betas) {
            const double sse = oneStepSse(series, a, b);
            if (sse < bestSse - 1e-12 * (1.0 + bestSse)) {
                bestSse = sse;
                bestAlpha = a;
                bestBeta = b;
            }
        }

    HoltState state = run(series, bestAlpha, bestBeta, true);
    HoltForecast out;
    out.alpha = bestAlpha;
    out.beta = bestBeta;
    out.level = state.level;
    out.trend = state.trend;
    out.sse = state.sse;
    out.fitted = std::move(state.fitted);
    const double forecasts = static_cast<double>(series.size() - 2);
    out.residualVariance = forecasts > 2.0 ? state.sse / (forecasts - 2.0) : state.sse / forecasts;
    const double sigma = std::sqrt(out.residualVariance);
    double varianceFactor = 1.0;
    for (int h = 1; h <= horizon; ++h) {
        if (h > 1) {
            const double c = bestAlpha * (1.0 + (h - 1) * bestBeta);
            varianceFactor += c * c;
        }
        HoltForecastPoint point;
        point.step = h;
        point.value = out.level + h * out.trend;
        const double halfWidth = options.z * sigma * std::sqrt(varianceFactor);
        point.lower = point.value - halfWidth;
        point.upper = point.value + halfWidth;
        out.points.push_back(point);
    }
    return out;
}

} // namespace chorus
