#include "core/analytics/densityclustering.h"

#include "core/util/deterministicrandom.h"

#include <algorithm>
#include <cmath>
#include <deque>

namespace chorus {

namespace {

double dot(const float *a, const float *b, std::size_t dims)
{
    double sum = 0;
    for (std::size_t d = 0; d < dims; ++d)
        sum += static_cast<double>(a[d]) * b[d];
    return sum;
}

std::vector<bool> nonZeroRows(const MatrixView &rows)
{
    std::vector<bool> usable(rows.rows);
    for (std::size_t i = 0; i < rows.rows; ++i)
        usable[i] = dot(rows.row(i), rows.row(i), rows.columns) > 1e-12;
    return usable;
}

// Rows within epsilon (cosine distance) of row i, itself included.
void regionQuery(const MatrixView &rows, const std::vector<bool> &usable, std::size_t i, double epsilon,
                 std::vector<std::size_t> &out)
{
    out.clear();
    const double minSimilarity = 1.0 - epsilon;
    for (std::size_t j = 0; j < rows.rows; ++j)
        if (usable[j] && (j == i || dot(rows.row(i), rows.row(j), rows.columns) >= minSimilarity))
            out.push_back(j);
}

} // namespace

Result<double> DensityClustering::estimateEpsilon(const MatrixView &rows, std::size_t minPoints, std::size_t sample,
                                                  std::uint64_t seed)
{
    const std::vector<bool> usable = nonZeroRows(rows);
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < rows.rows; ++i)
        if (usable[i])
            candidates.push_back(i);
    const std::size_t k = std::max<std::size_t>(minPoints, 2) - 1;
    if (candidates.size() <= k + 1)
        return Error{"density clustering: only " + std::to_string(candidates.size()) +
                     " posts have an embedding, too few to estimate epsilon"};
    std::vector<std::size_t> sampled = candidates;
    DeterministicRandom random(DeterministicRandom::derive(seed, 0xd5));
    random.shuffle(sampled);
    if (sampled.size() > sample)
        sampled.resize(sample);

    std::vector<double> kth;
    std::vector<double> distances;
    for (std::size_t i : sampled) {
        distances.clear();
        for (std::size_t j : candidates)
            if (j != i)
                distances.push_back(std::max(0.0, 1.0 - dot(rows.row(i), rows.row(j), rows.columns)));
        std::nth_element(distances.begin(), distances.begin() + static_cast<std::ptrdiff_t>(k - 1), distances.end());
        kth.push_back(distances[k - 1]);
    }
    std::sort(kth.begin(), kth.end());
    const double first = kth.front();
    const double last = kth.back();
    if (last - first < 1e-9)
        return std::max(last, 1e-6);
    // Both axes scaled to [0, 1] so the knee does not depend on the sample size.
    const double n = static_cast<double>(kth.size() - 1);
    std::size_t knee = 0;
    double farthest = -1;
    for (std::size_t i = 0; i < kth.size(); ++i) {
        const double x = static_cast<double>(i) / n;
        const double y = (kth[i] - first) / (last - first);
        const double gap = x - y; // distance below the chord y = x (up to a constant factor)
        if (gap > farthest) {
            farthest = gap;
            knee = i;
        }
    }
    return std::max(kth[knee], 1e-6);
}

Result<DensityResult> DensityClustering::cluster(const MatrixView &rows, const DensityOptions &options)
{
    if (options.minPoints == 0)
        return Error{"density clustering: minPoints must be at least 1"};
    DensityResult result;
    result.epsilon = options.epsilon;
    if (result.epsilon <= 0) {
        auto estimated = estimateEpsilon(rows, options.minPoints, options.estimateSample, options.seed);
        if (!estimated)
            return estimated.error();
        result.epsilon = *estimated;
    }
    const std::vector<bool> usable = nonZeroRows(rows);
    constexpr int kUnvisited = -2;
    result.assignments.assign(rows.rows, kUnvisited);
    std::vector<std::size_t> neighbours;
    std::vector<std::size_t> expansion;
    int next = 0;
    for (std::size_t i = 0; i < rows.rows; ++i) {
        if (!usable[i]) {
            result.assignments[i] = -1;
            continue;
        }
        if (result.assignments[i] != kUnvisited)
            continue;
        regionQuery(rows, usable, i, result.epsilon, neighbours);
        if (neighbours.size() < options.minPoints) {
            result.assignments[i] = -1; // may still become a border point of a later cluster
            continue;
        }
        const int cluster = next++;
        result.assignments[i] = cluster;
        std::deque<std::size_t> queue(neighbours.begin(), neighbours.end());
        while (!queue.empty()) {
            const std::size_t j = queue.front();
            queue.pop_front();
            if (result.assignments[j] == -1)
                result.assignments[j] = cluster; // border point
            if (result.assignments[j] != kUnvisited)
                continue;
            result.assignments[j] = cluster;
            regionQuery(rows, usable, j, result.epsilon, expansion);
            if (expansion.size() >= options.minPoints)
                queue.insert(queue.end(), expansion.begin(), expansion.end());
        }
    }
    result.clusters = static_cast<std::size_t>(next);
    for (int &a : result.assignments) {
        if (a == kUnvisited)
            a = -1;
        if (a < 0)
            ++result.outliers;
    }
    return result;
}

} // namespace chorus
