#pragma once

#include "core/analytics/trendseries.h"
#include "core/util/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace chorus {

class Project;

enum class TrendKind { Hashtag, Term, Label };

struct TrendOptions {
    std::int64_t datasetId = 0; // 0: every dataset
    TrendKind kind = TrendKind::Hashtag;
    std::string task; // the label task whose values are counted (kind Label)
    TimeResolution resolution = TimeResolution::Day;
    int top = 10; // the keys with the largest totals; 0: all
    // Exactly these keys (typed as a user would: "Tag" or "#tag" for hashtags) instead of the top.
    std::vector<std::string> keys;
    // Half-open window [from, to) in Unix seconds; unset: the data's own first and last post.
    std::optional<std::int64_t> from;
    std::optional<std::int64_t> to;
};

// A post that drove a trend, with what people did with it.
struct TrendPost {
    std::int64_t postId = 0;
    std::string sourceId;
    std::int64_t createdAt = 0;
    std::string text;
    std::int64_t likes = 0;
    std::int64_t shares = 0;
    std::int64_t replies = 0;
    std::int64_t engagement() const { return likes + shares + replies; }
};

// Time series of hashtags, terms or label values. Label values are counted by SQL (GROUP BY the
// bucket); hashtags and terms by streaming post texts one row at a time, so memory follows the
// number of distinct keys times buckets, never the corpus. A post counts once per key (document
// frequency): a spammer repeating a tag ten times is one post.
class TrendQuery {
public:
    static Result<TrendKind> parseKind(const std::string &name);
    static const char *kindName(TrendKind kind);

    static Result<TrendSeries> series(Project &project, const TrendOptions &options);

    // The posts with the most engagement (likes + shares + replies) in [from, to) that carry key
    // (a hashtag, term or label value as series() names it).
    static Result<std::vector<TrendPost>> topPosts(Project &project, const TrendOptions &options,
                                                   const std::string &key, std::int64_t from, std::int64_t to,
                                                   int limit);

    // The key as series() names it: hashtags are normalised, terms lowercased; empty when it is
    // not a valid key of the kind.
    static std::string normalizeKey(TrendKind kind, const std::string &key);
};

} // namespace chorus
