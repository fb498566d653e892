#include "core/analytics/trendquery.h"

#include "core/analytics/hashtagextractor.h"
#include "core/analytics/trendterms.h"
#include "core/store/project.h"

#include <algorithm>
#include <limits>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace chorus {
namespace {

// The WHERE conditions every query shares, over posts aliased p, and their bindings in order.
struct PostFilter {
    std::string sql;
    std::vector<std::int64_t> values;

    explicit PostFilter(const TrendOptions &options)
    {
        sql = "p.created_at IS NOT NULL";
        if (options.datasetId != 0) {
            sql += " AND p.dataset_id = ?";
            values.push_back(options.datasetId);
        }
        if (options.from) {
            sql += " AND p.created_at >= ?";
            values.push_back(*options.from);
        }
        if (options.to) {
            sql += " AND p.created_at < ?";
            values.push_back(*options.to);
        }
    }

    int bind(SqliteStatement &statement, int first) const
    {
        for (std::int64_t v : values)
            statement.bind(first++, v);
        return first;
    }
};

using KeyCounts = std::unordered_map<std::string, std::unordered_map<std::int64_t, std::int64_t>>;

Error fail(const std::string &what, const std::string &message) { return Error{what + ": " + message}; }

// Builds the zero-filled series from sparse per-bucket counts.
TrendSeries assemble(const TrendOptions &options, const std::map<std::int64_t, std::int64_t> &postsPerBucket,
                     const KeyCounts &counts, const std::vector<std::string> &wantedKeys)
{
    TrendSeries series;
    series.resolution = options.resolution;
    std::int64_t first = std::numeric_limits<std::int64_t>::max();
    std::int64_t last = std::numeric_limits<std::int64_t>::min();
    if (!postsPerBucket.empty()) {
        first = postsPerBucket.begin()->first;
        last = postsPerBucket.rbegin()->first;
    }
    if (options.from)
        first = TimeBucket::start(*options.from, options.resolution);
    if (options.to)
        last = TimeBucket::start(*options.to - 1, options.resolution);
    series.buckets = TimeBucket::range(first, last, options.resolution);
    series.posts.assign(series.buckets.size(), 0);
    for (const auto &[bucket, n] : postsPerBucket) {
        const int index = series.bucketIndex(bucket);
        if (index >= 0)
            series.posts[static_cast<std::size_t>(index)] = n;
    }
    auto makeLine = [&](const std::string &key) {
        TrendSeries::Line line;
        line.key = key;
        line.counts.assign(series.buckets.size(), 0);
        if (auto it = counts.find(key); it != counts.end()) {
            for (const auto &[bucket, n] : it->second) {
                const int index = series.bucketIndex(bucket);
                if (index >= 0) {
                    line.counts[static_cast<std::size_t>(index)] += n;
                    line.total += n;
                }
            }
        }
        return line;
    };
    if (!wantedKeys.empty()) {
        for (const std::string &key : wantedKeys)
            series.lines.push_back(makeLine(key));
        return series;
    }
    for (const auto &entry : counts)
        series.lines.push_back(makeLine(entry.first));
    std::sort(series.lines.begin(), series.lines.end(), [](const TrendSeries::Line &a, const TrendSeries::Line &b) {
        return a.total != b.total ? a.total > b.total : a.key < b.key;
    });
    if (options.top > 0 && series.lines.size() > static_cast<std::size_t>(options.top))
        series.lines.resize(static_cast<std::size_t>(options.top));
    return series;
}

Result<std::map<std::int64_t, std::int64_t>> postsPerBucket(Project &project, const TrendOptions &options,
                                                            const std::string &from, const std::string &where,
                                                            const std::vector<std::string> &textBindings,
                                                            const PostFilter &filter)
{
    const std::string bucket = TimeBucket::sqlExpression("p.created_at", options.resolution);
    auto statement = project.db().prepare("SELECT " + bucket + ", count(*) FROM " + from + " WHERE " + where +
                                          " GROUP BY 1");
    if (!statement)
        return statement.error();
    int index = 1;
    for (const std::string &text : textBindings)
        statement->bind(index++, text);
    filter.bind(*statement, index);
    std::map<std::int64_t, std::int64_t> out;
    while (statement->step())
        out[statement->int64(0)] = statement->int64(1);
    if (statement->failed())
        return Error{"counting posts per bucket: " + statement->lastError()};
    return out;
}

} // namespace

Result<TrendKind> TrendQuery::parseKind(const std::string &name)
{
    if (name == "hashtag")
        return TrendKind::Hashtag;
    if (name == "term")
        return TrendKind::Term;
    if (name == "label")
        return TrendKind::Label;
    return Error{"unknown trend kind '" + name + "' (expected hashtag, term or label)"};
}

const char *TrendQuery::kindName(TrendKind kind)
{
    switch (kind) {
    case TrendKind::Hashtag:
        return "hashtag";
    case TrendKind::Term:
        return "term";
    case TrendKind::Label:
        return "label";
    }
    return "hashtag";
}

std::string TrendQuery::normalizeKey(TrendKind kind, const std::string &key)
{
    switch (kind) {
    case TrendKind::Hashtag:
        return HashtagExtractor().normalize(key);
    case TrendKind::Term: {
        const std::vector<std::string> terms = TrendTermExtractor().terms(key);
        return terms.size() == 1 ? terms[0] : std::string();
    }
    case TrendKind::Label:
        return key;
    }
    return key;
}

Result<TrendSeries> TrendQuery::series(Project &project, const TrendOptions &options)
{
    if (options.kind == TrendKind::Label && options.task.empty())
        return Error{"a label trend needs the label task whose values it counts"};
    std::vector<std::string> wanted;
    for (const std::string &key : options.keys) {
        const std::string normalized = normalizeKey(options.kind, key);
        if (normalized.empty())
            return Error{"'" + key + "' is not a " + kindName(options.kind)};
        wanted.push_back(normalized);
    }
    const PostFilter filter(options);
    const std::string bucket = TimeBucket::sqlExpression("p.created_at", options.resolution);
    KeyCounts counts;

    if (options.kind == TrendKind::Label) {
        const std::string from = "labels l JOIN posts p ON p.id = l.post_id";
        const std::string where = "l.task = ? AND " + filter.sql;
        auto totals = postsPerBucket(project, options, from, where, {options.task}, filter);
        if (!totals)
            return totals.error();
        auto statement = project.db().prepare("SELECT " + bucket + ", l.value, count(*) FROM " + from + " WHERE " +
                                              where + " GROUP BY 1, 2");
        if (!statement)
            return statement.error();
        statement->bind(1, options.task);
        filter.bind(*statement, 2);
        while (statement->step())
            counts[statement->text(1)][statement->int64(0)] += statement->int64(2);
        if (statement->failed())
            return fail("counting label values", statement->lastError());
        if (totals->empty()) {
            auto known = project.db().prepare("SELECT 1 FROM labels WHERE task = ? LIMIT 1");
            if (!known)
                return known.error();
            known->bind(1, options.task);
            if (!known->step())
                return Error{"no post has a label of task '" + options.task + "'"};
        }
        return assemble(options, *totals, counts, wanted);
    }

    auto totals = postsPerBucket(project, options, "posts p", filter.sql, {}, filter);
    if (!totals)
        return totals.error();
    auto statement = project.db().prepare("SELECT " + bucket + ", p.text FROM posts p WHERE " + filter.sql);
    if (!statement)
        return statement.error();
    filter.bind(*statement, 1);
    const std::unordered_set<std::string> wantedSet(wanted.begin(), wanted.end());
    const HashtagExtractor hashtags;
    const TrendTermExtractor terms;
    while (statement->step()) {
        const std::int64_t b = statement->int64(0);
        const std::string_view text = statement->textView(1);
        const std::vector<std::string> keys =
            options.kind == TrendKind::Hashtag ? hashtags.extract(text) : terms.distinctTerms(text);
        for (const std::string &key : keys)
            if (wantedSet.empty() || wantedSet.count(key))
                ++counts[key][b];
    }
    if (statement->failed())
        return fail("reading post texts", statement->lastError());
    return assemble(options, *totals, counts, wanted);
}

Result<std::vector<TrendPost>> TrendQuery::topPosts(Project &project, const TrendOptions &options,
                                                    const std::string &key, std::int64_t from, std::int64_t to,
                                                    int limit)
{
    std::vector<TrendPost> out;
    if (limit <= 0)
        return out;
    TrendOptions window = options;
    window.from = options.from ? std::max(*options.from, from) : from;
    window.to = options.to ? std::min(*options.to, to) : to;
    const PostFilter filter(window);
    const std::string columns = "p.id, p.source_id, p.created_at, p.text, coalesce(p.likes, 0), coalesce(p.shares, 0),"
                                " coalesce(p.replies, 0)";
    const std::string order = " ORDER BY coalesce(p.likes, 0) + coalesce(p.shares, 0) + coalesce(p.replies, 0) DESC,"
                              " p.created_at, p.id";
    std::string sql;
    if (options.kind == TrendKind::Label)
        sql = "SELECT " + columns + " FROM labels l JOIN posts p ON p.id = l.post_id WHERE l.task = ? AND l.value = ? AND " +
              filter.sql + order + " LIMIT ?";
    else
        sql = "SELECT " + columns + " FROM posts p WHERE " + filter.sql + order;
    auto statement = project.db().prepare(sql);
    if (!statement)
        return statement.error();
    int index = 1;
    if (options.kind == TrendKind::Label) {
        statement->bind(1, options.task).bind(2, key);
        index = 3;
    }
    index = filter.bind(*statement, index);
    if (options.kind == TrendKind::Label)
        statement->bind(index, static_cast<std::int64_t>(limit));
    const std::string wanted = normalizeKey(options.kind, key);
    const HashtagExtractor hashtags;
    const TrendTermExtractor terms;
    // Hashtags and terms are matched as series() extracts them, best-engaged posts first, so the
    // scan stops as soon as enough are found.
    while (static_cast<int>(out.size()) < limit && statement->step()) {
        const std::string_view text = statement->textView(3);
        if (options.kind != TrendKind::Label) {
            const std::vector<std::string> keys =
                options.kind == TrendKind::Hashtag ? hashtags.extract(text) : terms.distinctTerms(text);
            if (std::find(keys.begin(), keys.end(), wanted) == keys.end())
                continue;
        }
        TrendPost post;
        post.postId = statement->int64(0);
        post.sourceId = statement->text(1);
        post.createdAt = statement->int64(2);
        post.text = std::string(text);
        post.likes = statement->int64(4);
        post.shares = statement->int64(5);
        post.replies = statement->int64(6);
        out.push_back(std::move(post));
    }
    if (statement->failed())
        return Error{"reading the posts behind '" + key + "': " + statement->lastError()};
    return out;
}

} // namespace chorus
