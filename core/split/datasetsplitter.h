#pragma once

#include "core/util/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace chorus {

class Project;

enum class SplitMethod {
    Random, // shuffled posts, optionally stratified by a label
    Time,   // oldest posts train, newest test: no peeking into the future
    User,   // whole authors per part: no author seen in training appears in evaluation
};

enum class SplitPart { Train, Valid, Test };

struct SplitOptions {
    SplitMethod method = SplitMethod::Random;
    double train = 0.8;
    double valid = 0.1;
    double test = 0.1;
    std::uint64_t seed = 42;
    // Random only: the label task whose values are kept in the same proportions in every part.
    // Posts without a label for this task form one more stratum of their own (so they are split
    // like the others instead of stopping the split or all landing in one part).
    std::string stratifyTask;

    // Each ratio >= 0 and finite, sum 1 within 1e-6; stratification only with Random.
    Status validate() const;
};

struct SplitInfo {
    std::int64_t splitId = 0;
    std::int64_t train = 0;
    std::int64_t valid = 0;
    std::int64_t test = 0;
    std::int64_t total() const { return train + valid + test; }
};

// Assigns every post of a dataset to train, valid or test and stores the assignment (tables
// splits and split_assignments) in one transaction.
//
// The assignment depends only on the posts' source ids (and times, authors, labels) and the seed:
// posts are ordered by source id before anything random happens, and the randomness comes from
// DeterministicRandom, so the same data gives the same split on every machine, whatever order it
// was imported in.
//
// Part sizes: the first round(n * train) posts of the ordering go to train, up to
// round(n * (train + valid)) to valid, the rest to test.
// - Random: posts shuffled. Stratified: each stratum is shuffled and its members spread evenly
//   over the ordering (member i of a stratum of size m sits at position (i + 0.5) / m), so every
//   part holds each label within one post of its share.
// - Time: ordered by created_at, ties by source id; posts without a time go last (into test) and
//   their number is recorded in the split's params as "undated".
// - User: posts grouped by author (posts without an author are groups of one); groups shuffled;
//   a group goes to the part where the midpoint of its posts falls, so post counts approximate
//   the ratios while no author is in two parts.
class DatasetSplitter {
public:
    static Result<SplitInfo> create(Project &project, const std::string &datasetName, const SplitOptions &options);
    // The most recently created split of the dataset.
    static Result<std::int64_t> latest(Project &project, const std::string &datasetName);
    static Result<SplitInfo> counts(Project &project, std::int64_t splitId);
    // Post ids of one part, ascending.
    static Result<std::vector<std::int64_t>> postIds(Project &project, std::int64_t splitId, SplitPart part);

    static const char *methodName(SplitMethod method);
    static Result<SplitMethod> parseMethod(const std::string &name); // "random", "time", "user"
    static const char *partName(SplitPart part);
};

} // namespace chorus
