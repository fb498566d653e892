#include "ui/embeddings/pointgrouping.h"

#include <algorithm>
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
