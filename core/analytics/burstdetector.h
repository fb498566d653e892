#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace chorus {

// One burst over a series: buckets [start, end] inclusive.
struct Burst {
    std::size_t start = 0;
    std::size_t peak = 0; // the bucket with the most occurrences (the earliest of equals)
    std::size_t end = 0;
    // Kleinberg: the cost the burst state saves over the base state across the burst (his
    // "weight"); z-score: the largest z inside the burst.
    double intensity = 0.0;
    std::int64_t count = 0; // occurrences inside the burst
};

struct KleinbergOptions {
    double scale = 2.0; // s: the burst state's rate is s times the base rate
    double gamma = 1.0; // the cost of entering the burst state, in units of ln(number of buckets)
};

struct ZScoreOptions {
    int window = 7;         // trailing buckets the mean and deviation come from
    double threshold = 3.0; // a bucket at least this many deviations above the mean is bursting
    double minDeviation = 1.0; // floor of the deviation, so a flat history does not make every blip a burst
};

// Finds the stretches where something is mentioned far more often than usual.
class BurstDetector {
public:
    // Kleinberg's two-state automaton for batched arrivals ("Bursty and Hierarchical Structure in
    // Streams", 2002, section 4): bucket t has relevant[t] of totals[t] documents; the base state
    // emits relevant ones at the overall rate p0 = sum relevant / sum totals, the burst state at
    // min(s * p0, 0.9999); each bucket's cost is -ln of the binomial likelihood and entering the
    // burst state costs gamma * ln(n). The cheapest state sequence (Viterbi) marks the bursts.
    // Using the share, not the raw count, keeps a day with more posts overall from looking bursty.
    static std::vector<Burst> kleinberg(const std::vector<std::int64_t> &relevant,
                                        const std::vector<std::int64_t> &totals, const KleinbergOptions &options = {});

    // Trailing z-score: bucket t is bursting when (x_t - mean) / max(sd, minDeviation) over the
    // previous `window` buckets reaches the threshold; adjacent bursting buckets form one burst.
    static std::vector<Burst> zScore(const std::vector<std::int64_t> &counts, const ZScoreOptions &options = {});
};

} // namespace chorus
