#pragma once

#include "core/analytics/timebucket.h"
#include "core/util/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace chorus {

class Project;

struct OpinionOptions {
    std::int64_t datasetId = 0; // 0: every dataset
    std::string task;           // the opinion task, e.g. "sentiment" (stored or predicted labels)
    TimeResolution resolution = TimeResolution::Day;
    std::string hashtag;   // only posts carrying this hashtag
    std::string topicTask; // with topicValue: only posts whose label of topicTask is topicValue
    std::string topicValue;
    std::optional<std::int64_t> from; // half-open window [from, to) in Unix seconds
    std::optional<std::int64_t> to;
};

// The largest shift of opinion: the split of the series where the class shares before and after
// differ most, weighed by how many posts stand on either side.
struct OpinionShift {
    std::size_t bucket = 0; // the first bucket after the shift
    std::int64_t postsBefore = 0;
    std::int64_t postsAfter = 0;
    std::vector<double> sharesBefore; // per class
    std::vector<double> sharesAfter;
    // Total variation distance between the two share vectors (half the L1 distance, in [0, 1]).
    double distance = 0.0;
    // Pearson's chi-square of the 2 x classes table before/after: large means no accident.
    double chiSquare = 0.0;
    std::size_t mostChangedClass = 0;
};

struct OpinionSeries {
    TimeResolution resolution = TimeResolution::Day;
    std::vector<std::string> classes;         // sorted
    std::vector<std::int64_t> buckets;        // bucket starts, contiguous
    std::vector<std::vector<std::int64_t>> counts; // [class][bucket]
    std::vector<std::int64_t> totals;         // labelled posts per bucket
    std::optional<OpinionShift> shift;        // none with fewer than two non-empty buckets

    // The share of a class in a bucket; 0 for an empty bucket.
    double share(std::size_t classIndex, std::size_t bucket) const;
    std::string bucketLabel(std::size_t bucket) const;
};

// How opinion (the classes of a label task) moves over time, optionally about one hashtag or
// topic. Counting is one SQL GROUP BY, except with a hashtag filter, where post texts are streamed
// (SQL prefilters on the tag's text) and the tag is matched exactly as trends extract it.
class OpinionMonitor {
public:
    static Result<OpinionSeries> compute(Project &project, const OpinionOptions &options);
    // The shift of counts [class][bucket]; public so it can be checked on planted counts.
    static std::optional<OpinionShift> largestShift(const std::vector<std::vector<std::int64_t>> &counts);
};

} // namespace chorus
