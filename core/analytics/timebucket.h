#pragma once

#include "core/util/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chorus {

enum class TimeResolution { Hour, Day, Week };

// Cuts Unix time (UTC) into calendar buckets: hours, days, and ISO weeks (Monday 00:00 UTC to the
// next Monday). A bucket is named by the Unix second it starts at, so series of different
// resolutions never mix up their keys.
class TimeBucket {
public:
    static Result<TimeResolution> parseResolution(std::string_view name);
    static const char *resolutionName(TimeResolution resolution);
    static std::int64_t seconds(TimeResolution resolution);

    // The start of the bucket holding t (floor, also before 1970).
    static std::int64_t start(std::int64_t unixSeconds, TimeResolution resolution);
    // Every bucket start from the one holding `from` to the one holding `to`, inclusive: the
    // zero-filled axis of a series (empty when to < from).
    static std::vector<std::int64_t> range(std::int64_t from, std::int64_t to, TimeResolution resolution);
    // "2024-03-01T10:00Z" (hour), "2024-03-01" (day), "2024-W09" (ISO week-numbering year and week).
    static std::string label(std::int64_t bucketStart, TimeResolution resolution);
    // The SQL expression for the bucket start of an integer column of Unix seconds; SQLite's %
    // truncates towards zero, so the expression floors explicitly.
    static std::string sqlExpression(const std::string &column, TimeResolution resolution);
};

} // namespace chorus
