#include "core/analytics/trendseries.h"

namespace chorus {

int TrendSeries::bucketIndex(std::int64_t unixSeconds) const
{
    if (buckets.empty())
        return -1;
    const std::int64_t start = TimeBucket::start(unixSeconds, resolution);
    const std::int64_t index = (start - buckets.front()) / TimeBucket::seconds(resolution);
    if (start < buckets.front() || index >= static_cast<std::int64_t>(buckets.size()))
        return -1;
    return static_cast<int>(index);
}

const TrendSeries::Line *TrendSeries::line(const std::string &key) const
{
    for (const Line &l : lines)
        if (l.key == key)
            return &l;
    return nullptr;
}

std::string TrendSeries::bucketLabel(std::size_t index) const { return TimeBucket::label(buckets.at(index), resolution); }

std::int64_t TrendSeries::bucketEnd(std::size_t index) const
{
    return buckets.at(index) + TimeBucket::seconds(resolution);
}

} // namespace chorus
