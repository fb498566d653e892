#include "core/analytics/burstdetector.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace chorus {
namespace {

// -ln p^r (1-p)^(d-r); the binomial coefficient is the same in both states and cancels.
double emissionCost(double p, std::int64_t r, std::int64_t d)
{
    return -(static_cast<double>(r) * std::log(p) + static_cast<double>(d - r) * std::log1p(-p));
}

Burst makeBurst(const std::vector<std::int64_t> &counts, std::size_t start, std::size_t end)
{
    Burst burst;
    burst.start = start;
    burst.end = end;
    burst.peak = start;
    for (std::size_t t = start; t <= end; ++t) {
        burst.count += counts[t];
        if (counts[t] > counts[burst.peak])
            burst.peak = t;
    }
    return burst;
}

} // namespace

std::vector<Burst> BurstDetector::kleinberg(const std::vector<std::int64_t> &relevant,
                                            const std::vector<std::int64_t> &totals, const KleinbergOptions &options)
{
    std::vector<Burst> bursts;
    const std::size_t n = std::min(relevant.size(), totals.size());
    if (n == 0 || options.scale <= 1.0)
        return bursts;
    double sumRelevant = 0.0;
    double sumTotal = 0.0;
    std::vector<std::int64_t> r(n);
    std::vector<std::int64_t> d(n);
    for (std::size_t t = 0; t < n; ++t) {
        d[t] = std::max<std::int64_t>(totals[t], 0);
        r[t] = std::clamp<std::int64_t>(relevant[t], 0, d[t]);
        sumRelevant += static_cast<double>(r[t]);
        sumTotal += static_cast<double>(d[t]);
    }
    if (sumRelevant <= 0.0 || sumRelevant >= sumTotal)
        return bursts; // nothing, or everything, is relevant: no rate to rise above
    const std::array<double, 2> rate = {sumRelevant / sumTotal, std::min(options.scale * sumRelevant / sumTotal, 0.9999)};
    const double enterCost = options.gamma * std::log(static_cast<double>(std::max<std::size_t>(n, 2)));

    // Viterbi over two states; back[t][j] is the state before t on the cheapest path into j.
    std::vector<std::array<double, 2>> emission(n);
    std::vector<std::array<int, 2>> back(n);
    std::array<double, 2> cost = {0.0, 0.0}; // the automaton starts in the base state (see t == 0 below)
    for (std::size_t t = 0; t < n; ++t) {
        for (int j = 0; j < 2; ++j)
            emission[t][static_cast<std::size_t>(j)] = emissionCost(rate[static_cast<std::size_t>(j)], r[t], d[t]);
        std::array<double, 2> next{};
        for (int j = 0; j < 2; ++j) {
            const double fromBase = (t == 0 ? 0.0 : cost[0]) + (j == 1 ? enterCost : 0.0);
            const double fromBurst = t == 0 ? std::numeric_limits<double>::infinity() : cost[1];
            const bool stay = fromBurst < fromBase;
            back[t][static_cast<std::size_t>(j)] = stay ? 1 : 0;
            next[static_cast<std::size_t>(j)] = (stay ? fromBurst : fromBase) + emission[t][static_cast<std::size_t>(j)];
        }
        cost = next;
    }
    std::vector<int> states(n);
    int state = cost[1] < cost[0] ? 1 : 0;
    for (std::size_t t = n; t-- > 0;) {
        states[t] = state;
        state = back[t][static_cast<std::size_t>(state)];
    }
    for (std::size_t t = 0; t < n;) {
        if (states[t] != 1) {
            ++t;
            continue;
        }
        std::size_t end = t;
        while (end + 1 < n && states[end + 1] == 1)
            ++end;
        Burst burst = makeBurst(r, t, end);
        for (std::size_t u = t; u <= end; ++u)
            burst.intensity += emission[u][0] - emission[u][1];
        bursts.push_back(burst);
        t = end + 1;
    }
    return bursts;
}

std::vector<Burst> BurstDetector::zScore(const std::vector<std::int64_t> &counts, const ZScoreOptions &options)
{
    std::vector<Burst> bursts;
    const std::size_t window = static_cast<std::size_t>(std::max(options.window, 2));
    std::vector<double> z(counts.size(), 0.0);
    std::vector<bool> hot(counts.size(), false);
    for (std::size_t t = window; t < counts.size(); ++t) {
        double mean = 0.0;
        for (std::size_t u = t - window; u < t; ++u)
            mean += static_cast<double>(counts[u]);
        mean /= static_cast<double>(window);
        double variance = 0.0;
        for (std::size_t u = t - window; u < t; ++u)
            variance += (static_cast<double>(counts[u]) - mean) * (static_cast<double>(counts[u]) - mean);
        variance /= static_cast<double>(window - 1);
        z[t] = (static_cast<double>(counts[t]) - mean) / std::max(std::sqrt(variance), options.minDeviation);
        hot[t] = z[t] >= options.threshold;
    }
    for (std::size_t t = 0; t < counts.size();) {
        if (!hot[t]) {
            ++t;
            continue;
        }
        std::size_t end = t;
        while (end + 1 < counts.size() && hot[end + 1])
            ++end;
        Burst burst = makeBurst(counts, t, end);
        for (std::size_t u = t; u <= end; ++u)
            burst.intensity = std::max(burst.intensity, z[u]);
        bursts.push_back(burst);
        t = end + 1;
    }
    return bursts;
}

} // namespace chorus
