#pragma once

#include "core/analytics/holtforecaster.h"
#include "core/analytics/timebucket.h"
#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace chorus {

// Holt's forecast of one series as a stored report keeps it: the forecast, or why there is none
// (a series too short to fit, say).
struct SeriesForecast {
    std::optional<HoltForecast> forecast;
    std::string error;

    static SeriesForecast of(const std::vector<double> &history, int horizon);
};

// {"alpha", "beta", "level", "trend", "sse", "residual_variance", "points": [{"bucket", "step",
// "value", "lower", "upper"}]}, a point's bucket named after the series' last bucket start plus
// step buckets; {"error": ...} when there is no forecast. The fitted values are not kept.
nlohmann::json forecastToJson(const SeriesForecast &forecast, std::int64_t lastBucketStart, TimeResolution resolution);
Result<SeriesForecast> forecastFromJson(const nlohmann::json &json);

} // namespace chorus
