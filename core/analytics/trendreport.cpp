#include "core/analytics/trendreport.h"

#include "core/util/csvescape.h"
#include "core/util/timeparse.h"

#include <algorithm>

namespace chorus {
namespace {

nlohmann::json postJson(const TrendPost &post)
{
    return {{"post_id", post.postId}, {"source_id", post.sourceId}, {"created_at", formatIsoUtc(post.createdAt)},
            {"text", post.text},      {"likes", post.likes},        {"shares", post.shares},
            {"replies", post.replies}, {"engagement", post.engagement()}};
}

TrendPost postFromJson(const nlohmann::json &json)
{
    TrendPost post;
    post.postId = json.at("post_id").get<std::int64_t>();
    post.sourceId = json.value("source_id", std::string());
    post.createdAt = parseTimestamp(json.value("created_at", std::string())).value_or(0);
    post.text = json.value("text", std::string());
    post.likes = json.value("likes", std::int64_t(0));
    post.shares = json.value("shares", std::int64_t(0));
    post.replies = json.value("replies", std::int64_t(0));
    return post;
}

} // namespace

Result<TrendReport> TrendReport::compute(Project &project, const TrendReportOptions &options, const Progress &progress)
{
    auto report = [&](const char *stage, double fraction) { return !progress || progress(stage, fraction); };
    if (!report("counting", 0))
        return Error{"cancelled"};
    auto series = TrendQuery::series(project, options.trend);
    if (!series)
        return series.error();
    TrendReport out;
    out.options = options;
    out.series = std::move(*series);
    const std::size_t lines = out.series.lines.size();
    for (std::size_t l = 0; l < lines && options.bursts; ++l) {
        if (!report("finding bursts", double(l) / double(lines)))
            return Error{"cancelled"};
        const TrendSeries::Line &line = out.series.lines[l];
        for (const Burst &burst : BurstDetector::kleinberg(line.counts, out.series.posts)) {
            auto posts = TrendQuery::topPosts(project, options.trend, line.key, out.series.buckets[burst.start],
                                              out.series.bucketEnd(burst.end), options.postsPerBurst);
            if (!posts)
                return posts.error();
            out.bursts.push_back({l, burst, std::move(*posts)});
        }
    }
    if (options.horizon > 0) {
        if (!report("forecasting", 1))
            return Error{"cancelled"};
        for (const TrendSeries::Line &line : out.series.lines)
            out.forecasts.push_back(
                SeriesForecast::of(std::vector<double>(line.counts.begin(), line.counts.end()), options.horizon));
    }
    return out;
}

nlohmann::json TrendReport::toJson() const
{
    nlohmann::json labels = nlohmann::json::array();
    for (std::size_t b = 0; b < series.buckets.size(); ++b)
        labels.push_back(series.bucketLabel(b));
    nlohmann::json lines = nlohmann::json::array();
    for (std::size_t l = 0; l < series.lines.size(); ++l) {
        const TrendSeries::Line &line = series.lines[l];
        nlohmann::json entry = {{"key", line.key}, {"total", line.total}, {"counts", line.counts}};
        if (options.bursts) {
            nlohmann::json list = nlohmann::json::array();
            for (const TrendBurst &b : bursts) {
                if (b.line != l)
                    continue;
                nlohmann::json posts = nlohmann::json::array();
                for (const TrendPost &post : b.posts)
                    posts.push_back(postJson(post));
                list.push_back({{"start", series.bucketLabel(b.burst.start)},
                                {"peak", series.bucketLabel(b.burst.peak)},
                                {"end", series.bucketLabel(b.burst.end)},
                                {"start_index", b.burst.start},
                                {"peak_index", b.burst.peak},
                                {"end_index", b.burst.end},
                                {"intensity", b.burst.intensity},
                                {"count", b.burst.count},
                                {"top_posts", posts}});
            }
            entry["bursts"] = list;
        }
        if (l < forecasts.size() && !series.buckets.empty())
            entry["forecast"] = forecastToJson(forecasts[l], series.buckets.back(), series.resolution);
        lines.push_back(entry);
    }
    nlohmann::json json = {{"mode", "series"},
                           {"kind", TrendQuery::kindName(options.trend.kind)},
                           {"resolution", TimeBucket::resolutionName(series.resolution)},
                           {"buckets", labels},
                           {"bucket_starts", series.buckets},
                           {"posts", series.posts},
                           {"series", lines}};
    if (!options.trend.task.empty())
        json["task"] = options.trend.task;
    if (!dataset.empty())
        json["dataset"] = dataset;
    return json;
}

nlohmann::json TrendReport::paramsJson() const
{
    const TrendOptions &t = options.trend;
    nlohmann::json json = {{"dataset_id", t.datasetId},
                           {"kind", TrendQuery::kindName(t.kind)},
                           {"resolution", TimeBucket::resolutionName(t.resolution)},
                           {"top", t.top},
                           {"keys", t.keys},
                           {"bursts", options.bursts},
                           {"posts_per_burst", options.postsPerBurst},
                           {"horizon", options.horizon}};
    if (!t.task.empty())
        json["task"] = t.task;
    if (t.from)
        json["from"] = formatIsoUtc(*t.from);
    if (t.to)
        json["to"] = formatIsoUtc(*t.to);
    return json;
}

Result<TrendReport> TrendReport::fromJson(const nlohmann::json &json)
{
    if (!json.is_object() || json.value("mode", std::string()) != "series")
        return Error{"not a stored trends result"};
    TrendReport out;
    try {
        auto kind = TrendQuery::parseKind(json.at("kind").get<std::string>());
        if (!kind)
            return kind.error();
        auto resolution = TimeBucket::parseResolution(json.at("resolution").get<std::string>());
        if (!resolution)
            return resolution.error();
        out.options.trend.kind = *kind;
        out.options.trend.resolution = *resolution;
        out.options.trend.task = json.value("task", std::string());
        out.dataset = json.value("dataset", std::string());
        out.series.resolution = *resolution;
        out.series.buckets = json.at("bucket_starts").get<std::vector<std::int64_t>>();
        out.series.posts = json.at("posts").get<std::vector<std::int64_t>>();
        const std::size_t buckets = out.series.buckets.size();
        if (out.series.posts.size() != buckets)
            return Error{"a stored trends result has " + std::to_string(out.series.posts.size()) + " post counts for " +
                         std::to_string(buckets) + " buckets"};
        out.options.bursts = false;
        out.options.trend.top = 0;
        for (const nlohmann::json &entry : json.at("series")) {
            TrendSeries::Line line;
            line.key = entry.at("key").get<std::string>();
            line.counts = entry.at("counts").get<std::vector<std::int64_t>>();
            line.total = entry.value("total", std::int64_t(0));
            if (line.counts.size() != buckets)
                return Error{"the stored series of '" + line.key + "' does not match the buckets"};
            const std::size_t index = out.series.lines.size();
            if (entry.contains("bursts")) {
                out.options.bursts = true;
                for (const nlohmann::json &b : entry.at("bursts")) {
                    TrendBurst burst;
                    burst.line = index;
                    burst.burst.start = b.at("start_index").get<std::size_t>();
                    burst.burst.peak = b.at("peak_index").get<std::size_t>();
                    burst.burst.end = b.at("end_index").get<std::size_t>();
                    burst.burst.intensity = b.value("intensity", 0.0);
                    burst.burst.count = b.value("count", std::int64_t(0));
                    if (burst.burst.start > burst.burst.end || burst.burst.end >= buckets || burst.burst.peak >= buckets)
                        return Error{"a stored burst of '" + line.key + "' lies outside the series"};
                    for (const nlohmann::json &post : b.value("top_posts", nlohmann::json::array()))
                        burst.posts.push_back(postFromJson(post));
                    out.options.postsPerBurst = std::max(out.options.postsPerBurst, int(burst.posts.size()));
                    out.bursts.push_back(std::move(burst));
                }
            }
            if (entry.contains("forecast")) {
                auto forecast = forecastFromJson(entry.at("forecast"));
                if (!forecast)
                    return forecast.error();
                if (forecast->forecast)
                    out.options.horizon = std::max(out.options.horizon, int(forecast->forecast->points.size()));
                out.forecasts.resize(index);
                out.forecasts.push_back(std::move(*forecast));
            }
            out.series.lines.push_back(std::move(line));
        }
        if (!out.forecasts.empty())
            out.forecasts.resize(out.series.lines.size());
        out.options.trend.top = int(out.series.lines.size());
    } catch (const nlohmann::json::exception &e) {
        return Error{std::string("a stored trends result is incomplete: ") + e.what()};
    }
    return out;
}

std::string TrendReport::toCsv() const
{
    std::string csv = "bucket,bucket_start,posts";
    for (const TrendSeries::Line &line : series.lines)
        csv += ',' + csvEscape(line.key);
    csv += '\n';
    for (std::size_t b = 0; b < series.buckets.size(); ++b) {
        csv += series.bucketLabel(b) + ',' + std::to_string(series.buckets[b]) + ',' + std::to_string(series.posts[b]);
        for (const TrendSeries::Line &line : series.lines)
            csv += ',' + std::to_string(line.counts[b]);
        csv += '\n';
    }
    return csv;
}

std::string TrendReport::defaultName() const
{
    std::string name = TrendQuery::kindName(options.trend.kind);
    if (!options.trend.task.empty())
        name += " '" + options.trend.task + "'";
    if (!options.trend.keys.empty()) {
        name += " (";
        for (std::size_t i = 0; i < options.trend.keys.size(); ++i)
            name += (i ? ", " : "") + options.trend.keys[i];
        name += ")";
    }
    return name + " per " + TimeBucket::resolutionName(options.trend.resolution);
}

} // namespace chorus
