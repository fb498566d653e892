#include "core/metrics/clusteringmetrics.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace chorus {

namespace {

double pairs(double n) { return n * (n - 1.0) / 2.0; }

double cosineDistance(const float *a, const float *b, std::size_t dims, double normA, double normB)
{
    if (normA == 0.0 || normB == 0.0)
        return 1.0;
    double dot = 0;
    for (std::size_t i = 0; i < dims; ++i)
        dot += static_cast<double>(a[i]) * b[i];
    return 1.0 - dot / (normA * normB);
}

} // namespace

double adjustedRandIndex(const std::vector<int> &a, const std::vector<int> &b)
{
    const std::size_t n = std::min(a.size(), b.size());
    if (n < 2)
        return 1.0;
    std::map<std::pair<int, int>, double> joint;
    std::map<int, double> rows;
    std::map<int, double> columns;
    for (std::size_t i = 0; i < n; ++i) {
        joint[{a[i], b[i]}] += 1;
        rows[a[i]] += 1;
        columns[b[i]] += 1;
    }
    double index = 0;
    for (const auto &cell : joint)
        index += pairs(cell.second);
    double sumRows = 0;
    for (const auto &r : rows)
        sumRows += pairs(r.second);
    double sumColumns = 0;
    for (const auto &c : columns)
        sumColumns += pairs(c.second);
    const double expected = sumRows * sumColumns / pairs(static_cast<double>(n));
    const double maximum = 0.5 * (sumRows + sumColumns);
    if (maximum == expected)
        return 1.0; // both trivial partitions (all one cluster, or all singletons)
    return (index - expected) / (maximum - expected);
}

double cosineSilhouette(const MatrixView &rows, const std::vector<int> &labels, const std::vector<std::size_t> &sample)
{
    std::vector<std::size_t> kept;
    for (std::size_t i : sample)
        if (i < rows.rows && i < labels.size() && labels[i] >= 0)
            kept.push_back(i);
    std::map<int, std::size_t> clusterIndex;
    for (std::size_t i : kept)
        clusterIndex.emplace(labels[i], clusterIndex.size());
    if (clusterIndex.size() < 2 || kept.size() < 2)
        return 0.0;
    std::vector<double> norms(kept.size());
    for (std::size_t s = 0; s < kept.size(); ++s) {
        const float *r = rows.row(kept[s]);
        double sum = 0;
        for (std::size_t d = 0; d < rows.columns; ++d)
            sum += static_cast<double>(r[d]) * r[d];
        norms[s] = std::sqrt(sum);
    }
    std::vector<std::size_t> sizes(clusterIndex.size(), 0);
    for (std::size_t i : kept)
        ++sizes[clusterIndex[labels[i]]];

    double total = 0;
    std::vector<double> sums(clusterIndex.size());
    for (std::size_t s = 0; s < kept.size(); ++s) {
        std::fill(sums.begin(), sums.end(), 0.0);
        for (std::size_t t = 0; t < kept.size(); ++t) {
            if (t == s)
                continue;
            sums[clusterIndex[labels[kept[t]]]] +=
                cosineDistance(rows.row(kept[s]), rows.row(kept[t]), rows.columns, norms[s], norms[t]);
        }
        const std::size_t own = clusterIndex[labels[kept[s]]];
        if (sizes[own] < 2)
            continue; // a singleton's silhouette is 0
        const double a = sums[own] / static_cast<double>(sizes[own] - 1);
        double b = -1;
        for (std::size_t c = 0; c < sums.size(); ++c) {
            if (c == own || sizes[c] == 0)
                continue;
            const double mean = sums[c] / static_cast<double>(sizes[c]);
            if (b < 0 || mean < b)
                b = mean;
        }
        const double denominator = std::max(a, b);
        if (denominator > 0)
            total += (b - a) / denominator;
    }
    return total / static_cast<double>(kept.size());
}

} // namespace chorus
