#pragma once

#include "core/analytics/burstdetector.h"
#include "core/analytics/forecastjson.h"
#include "core/analytics/trendquery.h"
#include "core/analytics/trendseries.h"
#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace chorus {

class Project;

struct TrendReportOptions {
    TrendOptions trend;
    bool bursts = true;     // Kleinberg bursts of every line, with the posts behind each
    int postsPerBurst = 3;  // the most engaging posts kept per burst
    int horizon = 0;        // Holt forecast of every line this many buckets ahead; 0: none
};

// One burst of one line of the series, with the most engaging posts inside it.
struct TrendBurst {
    std::size_t line = 0; // index into the series' lines
    Burst burst;
    std::vector<TrendPost> posts;
};

// A trends analysis as one value: the series, its bursts and forecasts. The command line prints
// toJson() and the Analytics tab draws it; both store it (AnalysisStore kind "trends") and read it
// back with fromJson(), so a stored analysis is shown again without counting anything.
struct TrendReport {
    using Progress = std::function<bool(const std::string &stage, double fraction)>;

    TrendReportOptions options;
    std::string dataset; // the dataset's name; empty: every dataset
    TrendSeries series;
    std::vector<TrendBurst> bursts;        // by line, then time
    std::vector<SeriesForecast> forecasts; // one per line when options.horizon > 0

    // Counting, bursts and forecasts; progress returning false cancels with Error "cancelled".
    static Result<TrendReport> compute(Project &project, const TrendReportOptions &options, const Progress &progress = {});

    // {"mode": "series", "kind", "task"?, "dataset"?, "resolution", "buckets" (labels), "bucket_starts",
    // "posts", "series": [{"key", "total", "counts", "bursts"?, "forecast"?}]}.
    nlohmann::json toJson() const;
    // What was asked: dataset id, kind, task, resolution, top, keys, from, to, bursts, posts per burst, horizon.
    nlohmann::json paramsJson() const;
    static Result<TrendReport> fromJson(const nlohmann::json &json);
    // One row per bucket: bucket, bucket_start, posts, then a count column per line (RFC 4180).
    std::string toCsv() const;
    // "hashtag per day", "label 'sentiment' per week": a name for the stored analysis.
    std::string defaultName() const;
};

} // namespace chorus
