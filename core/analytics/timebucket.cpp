#include "core/analytics/timebucket.h"

#include "core/util/timeparse.h"

#include <cstdio>

namespace chorus {
namespace {

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kWeek = 7 * kDay;
// 1970-01-01 was a Thursday; the first Monday is four days later.
constexpr std::int64_t kMondayOffset = 4 * kDay;

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

std::int64_t offsetOf(TimeResolution resolution) { return resolution == TimeResolution::Week ? kMondayOffset : 0; }

// Proleptic Gregorian date of a day number (days since 1970-01-01), H. Hinnant's algorithm.
void civilFromDays(std::int64_t z, int &year, unsigned &month, unsigned &day)
{
    z += 719468;
    const std::int64_t era = floorDiv(z, 146097);
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    day = doy - (153 * mp + 2) / 5 + 1;
    month = mp < 10 ? mp + 3 : mp - 9;
    year = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2 ? 1 : 0));
}

} // namespace

Result<TimeResolution> TimeBucket::parseResolution(std::string_view name)
{
    if (name == "hour")
        return TimeResolution::Hour;
    if (name == "day")
        return TimeResolution::Day;
    if (name == "week")
        return TimeResolution::Week;
    return Error{"unknown resolution '" + std::string(name) + "' (expected hour, day or week)"};
}

const char *TimeBucket::resolutionName(TimeResolution resolution)
{
    switch (resolution) {
    case TimeResolution::Hour:
        return "hour";
    case TimeResolution::Day:
        return "day";
    case TimeResolution::Week:
        return "week";
    }
    return "day";
}

std::int64_t TimeBucket::seconds(TimeResolution resolution)
{
    switch (resolution) {
    case TimeResolution::Hour:
        return kHour;
    case TimeResolution::Day:
        return kDay;
    case TimeResolution::Week:
        return kWeek;
    }
    return kDay;
}

std::int64_t TimeBucket::start(std::int64_t unixSeconds, TimeResolution resolution)
{
    const std::int64_t width = seconds(resolution);
    const std::int64_t offset = offsetOf(resolution);
    return floorDiv(unixSeconds - offset, width) * width + offset;
}

std::vector<std::int64_t> TimeBucket::range(std::int64_t from, std::int64_t to, TimeResolution resolution)
{
    std::vector<std::int64_t> starts;
    if (to < from)
        return starts;
    const std::int64_t width = seconds(resolution);
    const std::int64_t last = start(to, resolution);
    for (std::int64_t t = start(from, resolution); t <= last; t += width)
        starts.push_back(t);
    return starts;
}

std::string TimeBucket::label(std::int64_t bucketStart, TimeResolution resolution)
{
    const std::int64_t days = floorDiv(bucketStart, kDay);
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    char buffer[32];
    switch (resolution) {
    case TimeResolution::Hour: {
        civilFromDays(days, year, month, day);
        const auto hour = static_cast<int>((bucketStart - days * kDay) / kHour);
        std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:00Z", year, month, day, hour);
        return buffer;
    }
    case TimeResolution::Day:
        civilFromDays(days, year, month, day);
        std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year, month, day);
        return buffer;
    case TimeResolution::Week: {
        // The ISO week-numbering year is the calendar year of the week's Thursday.
        const std::int64_t monday = floorDiv(start(bucketStart, TimeResolution::Week), kDay);
        civilFromDays(monday + 3, year, month, day);
        const std::int64_t firstThursday = [&] {
            const std::int64_t jan4 = daysFromCivil(year, 1, 4);
            const std::int64_t jan4Monday = floorDiv(jan4 * kDay - kMondayOffset, kWeek) * 7 + 4;
            return jan4Monday + 3;
        }();
        const auto week = static_cast<int>((monday + 3 - firstThursday) / 7 + 1);
        std::snprintf(buffer, sizeof buffer, "%04d-W%02d", year, week);
        return buffer;
    }
    }
    return {};
}

std::string TimeBucket::sqlExpression(const std::string &column, TimeResolution resolution)
{
    const std::string width = std::to_string(seconds(resolution));
    const std::string shifted = "(" + column + " - " + std::to_string(offsetOf(resolution)) + ")";
    // floor(a / w) * w + offset, with ((a % w) + w) % w as the non-negative remainder.
    return "(" + shifted + " - (((" + shifted + " % " + width + ") + " + width + ") % " + width + ") + " +
           std::to_string(offsetOf(resolution)) + ")";
}

} // namespace chorus
