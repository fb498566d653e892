#pragma once

#include "core/analytics/timebucket.h"

#include <cstdint>
#include <string>
#include <vector>

namespace chorus {

// Counts of some keys (hashtags, terms, label values) over a contiguous, zero-filled axis of time
// buckets, with the number of posts per bucket they are counted among.
struct TrendSeries {
    struct Line {
        std::string key;
        std::vector<std::int64_t> counts; // one per bucket
        std::int64_t total = 0;
    };

    TimeResolution resolution = TimeResolution::Day;
    std::vector<std::int64_t> buckets; // bucket starts (Unix seconds, UTC), ascending, no gaps
    std::vector<std::int64_t> posts;   // posts per bucket: the base the counts are a share of
    std::vector<Line> lines;           // by total descending, ties by key

    // The index of the bucket holding t; -1 when t is outside the axis.
    int bucketIndex(std::int64_t unixSeconds) const;
    const Line *line(const std::string &key) const;
    std::string bucketLabel(std::size_t index) const;
    // The first second after bucket `index`.
    std::int64_t bucketEnd(std::size_t index) const;
};

} // namespace chorus
