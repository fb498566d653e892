#pragma once

#include "core/analytics/forecastjson.h"
#include "core/analytics/opinionmonitor.h"
#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace chorus {

class Project;

// An opinion analysis as one value: the class shares over time, the largest shift, and Holt's
// forecast of every class's share for the next `horizon` buckets. Printed by `chorus-cli trends
// --opinion`, drawn by the Analytics tab, stored by both (AnalysisStore kind "opinion").
struct OpinionReport {
    using Progress = std::function<bool(const std::string &stage, double fraction)>;

    OpinionOptions options;
    std::string dataset; // the dataset's name; empty: every dataset
    int horizon = 0;
    OpinionSeries series;
    std::vector<SeriesForecast> forecasts; // one per class when horizon > 0

    static Result<OpinionReport> compute(Project &project, const OpinionOptions &options, int horizon,
                                         const Progress &progress = {});
    // The share history of class c (0 for empty buckets).
    std::vector<double> shareHistory(std::size_t classIndex) const;

    // {"mode": "opinion", "task", "resolution", "classes", "buckets", "bucket_starts", "totals",
    // "counts": {class: [...]}, "shares": {class: [...]}, "shift", "hashtag"?, "topic"?, "dataset"?,
    // "horizon"?, "forecasts"?: {class: forecast}}.
    nlohmann::json toJson() const;
    nlohmann::json paramsJson() const;
    static Result<OpinionReport> fromJson(const nlohmann::json &json);
    // One row per bucket: bucket, bucket_start, posts, a count column per class, then a
    // "share:<class>" column per class (RFC 4180).
    std::string toCsv() const;
    // "sentiment per day", "sentiment per day, #election"
    std::string defaultName() const;
};

} // namespace chorus
