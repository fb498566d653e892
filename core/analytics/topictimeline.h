#pragma once

#include "core/analytics/timebucket.h"
#include "core/util/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace chorus {

class Project;
struct TopicModelResult;

// Posts per topic per time bucket: the data of a stacked area chart. Buckets (TimeBucket: UTC
// hours, days, ISO weeks from Monday) are consecutive, empty ones included with zeros, from the
// first to the last post. Posts without a time are left out and counted in undated.
struct TopicTimeSeries {
    TimeResolution resolution = TimeResolution::Day;
    std::vector<std::string> topics;        // series names, in the order given (model order)
    std::vector<std::int64_t> bucketStarts; // Unix seconds of each bucket's start
    std::vector<std::vector<std::int64_t>> counts; // topics x buckets
    std::int64_t undated = 0;
};

class TopicTimeline {
public:
    // From labels and times in memory. `topics` fixes the series order; labels not in it (e.g.
    // "outlier") are skipped, as are empty labels.
    static TopicTimeSeries build(const std::vector<std::string> &topics, const std::vector<std::string> &labels,
                                 const std::vector<std::optional<std::int64_t>> &times, TimeResolution resolution);

    // From a result and the times of its posts (TopicCorpus::times(), same order).
    static TopicTimeSeries fromResult(const TopicModelResult &result, const std::vector<std::optional<std::int64_t>> &times,
                                      TimeResolution resolution);

    // From what is stored: the task's labels on the dataset's posts, series in the stored model's
    // topic order (or by label when the task has no stored model).
    static Result<TopicTimeSeries> fromProject(Project &project, std::int64_t datasetId, const std::string &task,
                                               TimeResolution resolution);
};

} // namespace chorus
