#include "core/analytics/opinionmonitor.h"

#include "core/analytics/hashtagextractor.h"
#include "core/store/project.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace chorus {
namespace {

bool isAscii(const std::string &text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

} // namespace

double OpinionSeries::share(std::size_t classIndex, std::size_t bucket) const
{
    const std::int64_t total = totals.at(bucket);
    return total > 0 ? static_cast<double>(counts.at(classIndex).at(bucket)) / static_cast<double>(total) : 0.0;
}

std::string OpinionSeries::bucketLabel(std::size_t bucket) const { return TimeBucket::label(buckets.at(bucket), resolution); }

std::optional<OpinionShift> OpinionMonitor::largestShift(const std::vector<std::vector<std::int64_t>> &counts)
{
    if (counts.empty())
        return std::nullopt;
    const std::size_t classes = counts.size();
    const std::size_t n = counts[0].size();
    std::vector<std::int64_t> totals(n, 0);
    std::vector<std::int64_t> classTotals(classes, 0);
    for (std::size_t c = 0; c < classes; ++c)
        for (std::size_t t = 0; t < n; ++t) {
            totals[t] += counts[c][t];
            classTotals[c] += counts[c][t];
        }
    std::int64_t all = 0;
    for (std::int64_t v : totals)
        all += v;

    std::optional<OpinionShift> best;
    std::vector<std::int64_t> before(classes, 0);
    std::int64_t postsBefore = 0;
    for (std::size_t k = 1; k < n; ++k) {
        for (std::size_t c = 0; c < classes; ++c)
            before[c] += counts[c][k - 1];
        postsBefore += totals[k - 1];
        // A split just before an empty bucket is the same split as before the next busy one:
        // name the bucket where the posts after the shift begin.
        if (totals[k] == 0 || postsBefore == 0 || postsBefore == all)
            continue;
        const std::int64_t postsAfter = all - postsBefore;
        OpinionShift shift;
        shift.bucket = k;
        shift.postsBefore = postsBefore;
        shift.postsAfter = postsAfter;
        double largestChange = -1.0;
        for (std::size_t c = 0; c < classes; ++c) {
            const double b = static_cast<double>(before[c]) / static_cast<double>(postsBefore);
            const double a = static_cast<double>(classTotals[c] - before[c]) / static_cast<double>(postsAfter);
            shift.sharesBefore.push_back(b);
            shift.sharesAfter.push_back(a);
            shift.distance += std::abs(a - b) / 2.0;
            if (std::abs(a - b) > largestChange) {
                largestChange = std::abs(a - b);
                shift.mostChangedClass = c;
            }
            if (classTotals[c] == 0)
                continue;
            const double expectedBefore = static_cast<double>(classTotals[c]) * static_cast<double>(postsBefore) / static_cast<double>(all);
            const double expectedAfter = static_cast<double>(classTotals[c]) * static_cast<double>(postsAfter) / static_cast<double>(all);
            const double observedAfter = static_cast<double>(classTotals[c] - before[c]);
            shift.chiSquare += (static_cast<double>(before[c]) - expectedBefore) * (static_cast<double>(before[c]) - expectedBefore) / expectedBefore
                + (observedAfter - expectedAfter) * (observedAfter - expectedAfter) / expectedAfter;
        }
        if (!best || shift.chiSquare > best->chiSquare)
            best = std::move(shift);
    }
    return best;
}

Result<OpinionSeries> OpinionMonitor::compute(Project &project, const OpinionOptions &options)
{
    if (options.task.empty())
        return Error{"opinion monitoring needs the label task of the opinion (e.g. sentiment)"};
    if (options.topicTask.empty() != options.topicValue.empty())
        return Error{"a topic filter needs both the topic task and the topic value"};
    std::string tag;
    if (!options.hashtag.empty()) {
        tag = HashtagExtractor().normalize(options.hashtag);
        if (tag.empty())
            return Error{"'" + options.hashtag + "' is not a hashtag"};
    }

    const std::string bucket = TimeBucket::sqlExpression("p.created_at", options.resolution);
    std::string sql = "SELECT " + bucket + ", l.value, " + (tag.empty() ? "count(*)" : "p.text") +
                      " FROM labels l JOIN posts p ON p.id = l.post_id";
    if (!options.topicTask.empty())
        sql += " JOIN labels topic ON topic.post_id = p.id AND topic.task = ? AND topic.value = ?";
    sql += " WHERE l.task = ? AND p.created_at IS NOT NULL";
    if (options.datasetId != 0)
        sql += " AND p.dataset_id = ?";
    if (options.from)
        sql += " AND p.created_at >= ?";
    if (options.to)
        sql += " AND p.created_at < ?";
    const bool prefilter = !tag.empty() && isAscii(tag);
    if (prefilter)
        sql += " AND p.text LIKE ?"; // ASCII-case-insensitive, as the tag is; exact match below
    if (tag.empty())
        sql += " GROUP BY 1, 2";
    auto statement = project.db().prepare(sql);
    if (!statement)
        return statement.error();
    int index = 1;
    if (!options.topicTask.empty()) {
        statement->bind(index++, options.topicTask);
        statement->bind(index++, options.topicValue);
    }
    statement->bind(index++, options.task);
    if (options.datasetId != 0)
        statement->bind(index++, options.datasetId);
    if (options.from)
        statement->bind(index++, *options.from);
    if (options.to)
        statement->bind(index++, *options.to);
    if (prefilter)
        statement->bind(index++, "%" + tag.substr(1) + "%");

    std::map<std::string, std::map<std::int64_t, std::int64_t>> sparse;
    std::int64_t first = 0;
    std::int64_t last = -1;
    bool any = false;
    const HashtagExtractor hashtags;
    while (statement->step()) {
        const std::int64_t b = statement->int64(0);
        std::int64_t n = 1;
        if (tag.empty()) {
            n = statement->int64(2);
        } else {
            const std::vector<std::string> tags = hashtags.extract(statement->textView(2));
            if (std::find(tags.begin(), tags.end(), tag) == tags.end())
                continue;
        }
        sparse[statement->text(1)][b] += n;
        first = any ? std::min(first, b) : b;
        last = any ? std::max(last, b) : b;
        any = true;
    }
    if (statement->failed())
        return Error{"counting opinion labels: " + statement->lastError()};

    OpinionSeries series;
    series.resolution = options.resolution;
    if (!any) {
        auto known = project.db().prepare("SELECT 1 FROM labels WHERE task = ? LIMIT 1");
        if (!known)
            return known.error();
        known->bind(1, options.task);
        if (!known->step())
            return Error{"no post has a label of task '" + options.task + "'"};
    }
    if (options.from) {
        first = TimeBucket::start(*options.from, options.resolution);
        any = true;
    }
    if (options.to && any)
        last = TimeBucket::start(*options.to - 1, options.resolution);
    if (any)
        series.buckets = TimeBucket::range(first, last, options.resolution);
    series.totals.assign(series.buckets.size(), 0);
    const std::int64_t width = TimeBucket::seconds(options.resolution);
    for (const auto &[value, perBucket] : sparse) {
        series.classes.push_back(value);
        std::vector<std::int64_t> line(series.buckets.size(), 0);
        for (const auto &[b, n] : perBucket) {
            if (series.buckets.empty() || b < series.buckets.front())
                continue;
            const auto i = static_cast<std::size_t>((b - series.buckets.front()) / width);
            if (i < line.size()) {
                line[i] += n;
                series.totals[i] += n;
            }
        }
        series.counts.push_back(std::move(line));
    }
    series.shift = largestShift(series.counts);
    return series;
}

} // namespace chorus
