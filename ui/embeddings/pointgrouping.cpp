#include "ui/embeddings/pointgrouping.h"

#include <QDate>
#include <QDateTime>
#include <QTime>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace {

const QColor kPalette[] = {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44), QColor(148, 103, 189),
                           QColor(140, 86, 75),  QColor(227, 119, 194), QColor(188, 189, 34), QColor(23, 190, 207),
                           QColor(214, 39, 40)};
constexpr int kPaletteSize = int(sizeof(kPalette) / sizeof(kPalette[0]));
// Frequency-rank bands, light to dark: the most frequent words stand out.
const QColor kRankColours[] = {QColor(8, 48, 107), QColor(33, 113, 181), QColor(66, 146, 198), QColor(107, 174, 214),
                               QColor(158, 202, 225), QColor(198, 219, 239)};
const QColor kOtherColour(170, 170, 170);
// Time spans, early to late (viridis): ordered, and readable for colour-blind eyes.
const QColor kTimeColours[] = {QColor(68, 1, 84),    QColor(70, 50, 127),  QColor(54, 92, 141),  QColor(39, 127, 142),
                               QColor(31, 161, 135), QColor(74, 194, 109), QColor(159, 218, 58), QColor(253, 231, 37)};
constexpr int kTimeSpans = int(sizeof(kTimeColours) / sizeof(kTimeColours[0]));

// Seconds since the epoch (UTC) of "YYYY-MM-DD" or an ISO 8601 date and time; nullopt otherwise.
std::optional<qint64> secondsOf(const std::string &value)
{
    if (value.size() < 10)
        return std::nullopt;
    const QString text = QString::fromStdString(value);
    QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    if (!time.isValid()) {
        const QDate day = QDate::fromString(text, Qt::ISODate);
        if (!day.isValid())
            return std::nullopt;
        time = QDateTime(day, QTime(0, 0), QTimeZone::utc());
    }
    return time.toSecsSinceEpoch();
}

} // namespace

PointGroups PointGrouping::single(int points)
{
    PointGroups result;
    result.groupOf = QVector<int>(points, 0);
    result.groups.append({tr("points"), kPalette[0]});
    return result;
}

PointGroups PointGrouping::byRank(int points)
{
    PointGroups result;
    result.groupOf = QVector<int>(points, 0);
    const int bands = int(sizeof(kRankColours) / sizeof(kRankColours[0]));
    std::vector<int> used(bands, 0);
    for (int i = 0; i < points; ++i) {
        int band = 0;
        for (int limit = 10; i >= limit && band < bands - 1; limit *= 10)
            ++band;
        result.groupOf[i] = band;
        used[band] = 1;
    }
    QVector<int> remap(bands, -1);
    for (int b = 0, limit = 10; b < bands; ++b, limit *= 10) {
        if (!used[b])
            continue;
        remap[b] = result.groups.size();
        const QString name = b == bands - 1 ? tr("rank > %L1").arg(limit / 10)
                                            : tr("rank %L1-%L2").arg(b == 0 ? 1 : limit / 10 + 1).arg(limit);
        result.groups.append({name, kRankColours[b]});
    }
    for (int &g : result.groupOf)
        g = remap[g];
    return result;
}

PointGroups PointGrouping::byValue(const std::vector<std::string> &values)
{
    PointGroups result;
    std::map<std::string, int> counts;
    for (const std::string &v : values)
        ++counts[v];
    std::vector<std::pair<int, std::string>> ranked;
    for (const auto &[value, count] : counts)
        ranked.emplace_back(-count, value);
    std::sort(ranked.begin(), ranked.end());
    const int own = std::min(int(ranked.size()), kPaletteSize);
    std::map<std::string, int> groupOfValue;
    for (int g = 0; g < own; ++g) {
        groupOfValue[ranked[g].second] = g;
        result.groups.append(
            {ranked[g].second.empty() ? tr("(empty)") : QString::fromStdString(ranked[g].second), kPalette[g]});
    }
    if (int(ranked.size()) > own)
        result.groups.append({tr("other"), kOtherColour});
    result.groupOf.reserve(int(values.size()));
    for (const std::string &v : values) {
        const auto it = groupOfValue.find(v);
        result.groupOf.append(it != groupOfValue.end() ? it->second : own);
    }
    return result;
}

std::optional<PointGroups> PointGrouping::byTime(const std::vector<std::string> &values)
{
    std::vector<std::optional<qint64>> times;
    times.reserve(values.size());
    std::size_t parsed = 0;
    qint64 earliest = 0, latest = 0;
    for (const std::string &v : values) {
        times.push_back(secondsOf(v));
        if (!times.back())
            continue;
        earliest = parsed == 0 ? *times.back() : std::min(earliest, *times.back());
        latest = parsed == 0 ? *times.back() : std::max(latest, *times.back());
        ++parsed;
    }
    if (parsed == 0 || parsed * 10 < values.size() * 9)
        return std::nullopt;
    // Dates of whole days end on the last day's end, so the last span includes it.
    const bool wholeDays = std::all_of(values.begin(), values.end(), [](const std::string &v) { return v.size() == 10; });
    const qint64 end = latest + (wholeDays ? 86400 : 1);
    const double width = double(end - earliest) / kTimeSpans;
    const auto label = [wholeDays](qint64 seconds) {
        const QDateTime time = QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc());
        return wholeDays ? time.date().toString(Qt::ISODate) : time.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    };
    std::vector<int> used(kTimeSpans, 0);
    std::vector<int> spanOf(times.size(), -1);
    for (std::size_t i = 0; i < times.size(); ++i)
        if (times[i]) {
            spanOf[i] = std::min(kTimeSpans - 1, int(double(*times[i] - earliest) / width));
            used[std::size_t(spanOf[i])] = 1;
        }
    PointGroups result;
    QVector<int> remap(kTimeSpans, -1);
    for (int b = 0; b < kTimeSpans; ++b) {
        if (!used[std::size_t(b)])
            continue;
        remap[b] = result.groups.size();
        const qint64 from = earliest + qint64(std::llround(width * b));
        const qint64 to = earliest + qint64(std::llround(width * (b + 1))) - (wholeDays ? 86400 : 1);
        result.groups.append({from >= to ? label(from) : tr("%1 to %2").arg(label(from), label(std::max(from, to))),
                              kTimeColours[b]});
    }
    const int none = result.groups.size();
    if (parsed < values.size())
        result.groups.append({tr("(no time)"), kOtherColour});
    result.groupOf.reserve(int(values.size()));
    for (int span : spanOf)
        result.groupOf.append(span >= 0 ? remap[span] : none);
    return result;
}

PointGroups PointGrouping::byColumn(const std::vector<std::string> &values)
{
    std::vector<std::string> distinct(values);
    std::sort(distinct.begin(), distinct.end());
    const auto last = std::unique(distinct.begin(), distinct.end());
    if (last - distinct.begin() > kPaletteSize)
        if (std::optional<PointGroups> spans = byTime(values))
            return std::move(*spans);
    return byValue(values);
}
