#include "core/analytics/forecastjson.h"

namespace chorus {

SeriesForecast SeriesForecast::of(const std::vector<double> &history, int horizon)
{
    SeriesForecast out;
    auto forecast = HoltForecaster::forecast(history, horizon);
    if (forecast)
        out.forecast = std::move(*forecast);
    else
        out.error = forecast.message();
    return out;
}

nlohmann::json forecastToJson(const SeriesForecast &forecast, std::int64_t lastBucketStart, TimeResolution resolution)
{
    if (!forecast.forecast)
        return {{"error", forecast.error}};
    const HoltForecast &f = *forecast.forecast;
    const std::int64_t width = TimeBucket::seconds(resolution);
    nlohmann::json points = nlohmann::json::array();
    for (const HoltForecastPoint &point : f.points)
        points.push_back({{"bucket", TimeBucket::label(lastBucketStart + point.step * width, resolution)},
                          {"step", point.step},
                          {"value", point.value},
                          {"lower", point.lower},
                          {"upper", point.upper}});
    return {{"alpha", f.alpha}, {"beta", f.beta},  {"level", f.level},
            {"trend", f.trend}, {"sse", f.sse},    {"residual_variance", f.residualVariance},
            {"points", points}};
}

Result<SeriesForecast> forecastFromJson(const nlohmann::json &json)
{
    SeriesForecast out;
    if (!json.is_object())
        return Error{"a stored forecast is not an object"};
    if (json.contains("error")) {
        out.error = json.value("error", std::string());
        return out;
    }
    try {
        HoltForecast f;
        f.alpha = json.at("alpha").get<double>();
        f.beta = json.at("beta").get<double>();
        f.level = json.value("level", 0.0);
        f.trend = json.value("trend", 0.0);
        f.sse = json.value("sse", 0.0);
        f.residualVariance = json.value("residual_variance", 0.0);
        for (const nlohmann::json &p : json.at("points"))
            f.points.push_back({p.at("step").get<int>(), p.at("value").get<double>(), p.at("lower").get<double>(),
                                p.at("upper").get<double>()});
        out.forecast = std::move(f);
    } catch (const nlohmann::json::exception &e) {
        return Error{std::string("a stored forecast is incomplete: ") + e.what()};
    }
    return out;
}

} // namespace chorus
