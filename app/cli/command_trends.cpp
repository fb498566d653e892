// The trends subcommand: hashtag, term and label time series, bursts, forecasts and opinion.
#include "arguments.h"
#include "clicontext.h"
#include "commands.h"
#include "helptext.h"

#include "core/analytics/burstdetector.h"
#include "core/analytics/holtforecaster.h"
#include "core/analytics/opinionmonitor.h"
#include "core/analytics/trendquery.h"
#include "core/store/project.h"
#include "core/util/csvescape.h"
#include "core/util/timeparse.h"

#include <cstdio>
#include <fstream>
#include <sstream>

using namespace chorus;

namespace {

const char *kTrendsHelp =
    "Usage: chorus-cli trends PROJECT.chorus [--dataset NAME] [--kind hashtag|term|label] [--task TASK]\n"
    "                         [--key KEY]... [--resolution hour|day|week] [--top N] [--from TIME] [--to TIME]\n"
    "                         [--bursts] [--top-posts N] [--forecast H]\n"
    "                         [--opinion TASK [--hashtag TAG | --topic-task TASK --topic VALUE]]\n"
    "                         [--csv FILE] [--json]\n\n"
    "Counts over time (UTC; weeks are ISO weeks from Monday), with empty buckets as zeros:\n"
    "  --kind hashtag   posts per hashtag (case-folded; CJK tags too)       (default)\n"
    "  --kind term      posts per word or emoji (common English words left out)\n"
    "  --kind label     posts per value of label task --task (stored or predicted labels)\n"
    "--top N keeps the N keys with most posts (default 10); --key picks keys instead.\n"
    "--bursts marks where a key bursts (Kleinberg's two-state automaton over its share of the\n"
    "posts) with the --top-posts N (default 3) most engaging posts behind each burst.\n"
    "--forecast H extends every series H buckets with Holt's linear smoothing and a 95% interval.\n"
    "--opinion TASK shows instead the share of each value of TASK (e.g. sentiment) per bucket,\n"
    "optionally among posts with --hashtag TAG or with label --topic-task TASK = --topic VALUE,\n"
    "and the largest shift of those shares. --csv FILE writes the table (one row per bucket).\n";

std::string formatShare(double value)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.3f", value);
    return buffer;
}

Result<std::optional<std::int64_t>> timeOption(const Arguments &args, const std::string &name)
{
    if (!args.has(name))
        return std::optional<std::int64_t>();
    auto t = parseTimestamp(args.value(name));
    if (!t)
        return Error{"--" + name + ": '" + args.value(name) + "' is not a date or time (e.g. 2024-03-01)"};
    return std::optional<std::int64_t>(*t);
}

Status writeText(const std::string &path, const std::string &content)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        return Error{"cannot write '" + path + "'"};
    out << content;
    out.flush();
    if (!out)
        return Error{"writing '" + path + "' failed"};
    return {};
}

nlohmann::json postJson(const TrendPost &post)
{
    return {{"post_id", post.postId},     {"source_id", post.sourceId}, {"created_at", formatIsoUtc(post.createdAt)},
            {"text", post.text},          {"likes", post.likes},        {"shares", post.shares},
            {"replies", post.replies},    {"engagement", post.engagement()}};
}

int runOpinion(const CliContext &ctx, Project &project, const Arguments &args, OpinionOptions options)
{
    auto series = OpinionMonitor::compute(project, options);
    if (!series)
        return ctx.fail(series.message());
    nlohmann::json buckets = nlohmann::json::array();
    for (std::size_t b = 0; b < series->buckets.size(); ++b)
        buckets.push_back(series->bucketLabel(b));
    nlohmann::json counts = nlohmann::json::object();
    nlohmann::json shares = nlohmann::json::object();
    for (std::size_t c = 0; c < series->classes.size(); ++c) {
        counts[series->classes[c]] = series->counts[c];
        nlohmann::json line = nlohmann::json::array();
        for (std::size_t b = 0; b < series->buckets.size(); ++b)
            line.push_back(series->share(c, b));
        shares[series->classes[c]] = line;
    }
    nlohmann::json result = {{"project", project.path()},
                             {"mode", "opinion"},
                             {"task", options.task},
                             {"resolution", TimeBucket::resolutionName(options.resolution)},
                             {"classes", series->classes},
                             {"buckets", buckets},
                             {"bucket_starts", series->buckets},
                             {"totals", series->totals},
                             {"counts", counts},
                             {"shares", shares},
                             {"shift", nullptr}};
    if (!options.hashtag.empty())
        result["hashtag"] = options.hashtag;
    if (!options.topicTask.empty())
        result["topic"] = {{"task", options.topicTask}, {"value", options.topicValue}};
    std::ostringstream text;
    text << "Opinion '" << options.task << "' per " << TimeBucket::resolutionName(options.resolution) << " ("
         << series->buckets.size() << " buckets)\n  bucket";
    for (const std::string &c : series->classes)
        text << "  " << c;
    text << "  posts\n";
    for (std::size_t b = 0; b < series->buckets.size(); ++b) {
        text << "  " << series->bucketLabel(b);
        for (std::size_t c = 0; c < series->classes.size(); ++c)
            text << "  " << formatShare(series->share(c, b));
        text << "  " << series->totals[b] << "\n";
    }
    if (const auto &shift = series->shift) {
        nlohmann::json before = nlohmann::json::object();
        nlohmann::json after = nlohmann::json::object();
        for (std::size_t c = 0; c < series->classes.size(); ++c) {
            before[series->classes[c]] = shift->sharesBefore[c];
            after[series->classes[c]] = shift->sharesAfter[c];
        }
        const std::string &changed = series->classes[shift->mostChangedClass];
        result["shift"] = {{"bucket", series->bucketLabel(shift->bucket)},
                           {"bucket_index", shift->bucket},
                           {"posts_before", shift->postsBefore},
                           {"posts_after", shift->postsAfter},
                           {"shares_before", before},
                           {"shares_after", after},
                           {"distance", shift->distance},
                           {"chi_square", shift->chiSquare},
                           {"most_changed", changed},
                           {"change", shift->sharesAfter[shift->mostChangedClass] - shift->sharesBefore[shift->mostChangedClass]}};
        text << "Largest shift from " << series->bucketLabel(shift->bucket) << ": '" << changed << "' "
             << formatShare(shift->sharesBefore[shift->mostChangedClass]) << " -> "
             << formatShare(shift->sharesAfter[shift->mostChangedClass]) << " (" << shift->postsBefore << " posts before, "
             << shift->postsAfter << " after; chi-square " << formatShare(shift->chiSquare) << ")\n";
    }
    if (args.has("csv")) {
        std::ostringstream csv;
        csv << "bucket,bucket_start,posts";
        for (const std::string &c : series->classes)
            csv << ',' << csvEscape(c);
        for (const std::string &c : series->classes)
            csv << ',' << csvEscape("share:" + c);
        csv << "\n";
        for (std::size_t b = 0; b < series->buckets.size(); ++b) {
            csv << series->bucketLabel(b) << ',' << series->buckets[b] << ',' << series->totals[b];
            for (std::size_t c = 0; c < series->classes.size(); ++c)
                csv << ',' << series->counts[c][b];
            for (std::size_t c = 0; c < series->classes.size(); ++c)
                csv << ',' << series->share(c, b);
            csv << "\n";
        }
        if (Status s = writeText(args.value("csv"), csv.str()); !s.ok())
            return ctx.fail(s.message());
        result["csv"] = args.value("csv");
    }
    return ctx.succeed(result, text.str());
}

} // namespace

int commandTrends(const std::vector<std::string> &argv)
{
    if (printHelpIfAsked(argv, kTrendsHelp))
        return 0;
    Arguments args(argv,
                   {"dataset", "kind", "task", "key", "resolution", "top", "from", "to", "top-posts", "forecast", "opinion",
                    "hashtag", "topic-task", "topic", "csv"},
                   {"json", "bursts"});
    CliContext ctx("trends", args.has("json"));
    const long long top = args.integer("top", 10);
    const long long topPosts = args.integer("top-posts", 3);
    const long long horizon = args.integer("forecast", 0);
    if (!args.ok())
        return ctx.usage(args.error());
    if (args.positionals().size() != 1)
        return ctx.usage("expected exactly one project path");
    auto resolution = TimeBucket::parseResolution(args.value("resolution", "day"));
    if (!resolution)
        return ctx.usage(resolution.message());
    auto kind = TrendQuery::parseKind(args.value("kind", "hashtag"));
    if (!kind)
        return ctx.usage(kind.message());
    if (*kind == TrendKind::Label && !args.has("task"))
        return ctx.usage("--kind label needs --task TASK");
    if (top < 0 || topPosts < 0 || horizon < 0 || horizon > 10000)
        return ctx.usage("--top, --top-posts and --forecast take a number of at least 0");
    auto from = timeOption(args, "from");
    auto to = timeOption(args, "to");
    if (!from || !to)
        return ctx.usage(!from ? from.message() : to.message());
    if (!args.has("opinion") && (args.has("hashtag") || args.has("topic-task") || args.has("topic")))
        return ctx.usage("--hashtag, --topic-task and --topic filter --opinion");
    if (args.has("topic-task") != args.has("topic"))
        return ctx.usage("--topic-task and --topic go together");

    auto project = Project::open(args.positionals()[0], Project::OpenMode::OpenExisting);
    if (!project)
        return ctx.fail(project.message());
    Project &p = **project;
    std::int64_t datasetId = 0;
    if (args.has("dataset")) {
        auto id = p.datasetId(args.value("dataset"));
        if (!id)
            return ctx.fail("no dataset '" + args.value("dataset") + "' in " + p.path());
        datasetId = *id;
    }

    if (args.has("opinion")) {
        OpinionOptions options;
        options.datasetId = datasetId;
        options.task = args.value("opinion");
        options.resolution = *resolution;
        options.hashtag = args.value("hashtag");
        options.topicTask = args.value("topic-task");
        options.topicValue = args.value("topic");
        options.from = *from;
        options.to = *to;
        return runOpinion(ctx, p, args, options);
    }

    TrendOptions options;
    options.datasetId = datasetId;
    options.kind = *kind;
    options.task = args.value("task");
    options.resolution = *resolution;
    options.top = static_cast<int>(top);
    options.keys = args.values("key");
    options.from = *from;
    options.to = *to;
    auto series = TrendQuery::series(p, options);
    if (!series)
        return ctx.fail(series.message());

    nlohmann::json buckets = nlohmann::json::array();
    for (std::size_t b = 0; b < series->buckets.size(); ++b)
        buckets.push_back(series->bucketLabel(b));
    const std::int64_t width = TimeBucket::seconds(*resolution);
    nlohmann::json lines = nlohmann::json::array();
    std::ostringstream text;
    text << "Top " << TrendQuery::kindName(*kind) << (options.task.empty() ? "" : " '" + options.task + "'") << " per "
         << TimeBucket::resolutionName(*resolution) << " (" << series->buckets.size() << " buckets";
    if (!series->buckets.empty())
        text << ", " << series->bucketLabel(0) << " to " << series->bucketLabel(series->buckets.size() - 1);
    text << ")\n";
    for (const TrendSeries::Line &line : series->lines) {
        nlohmann::json entry = {{"key", line.key}, {"total", line.total}, {"counts", line.counts}};
        std::size_t peak = 0;
        for (std::size_t b = 0; b < line.counts.size(); ++b)
            if (line.counts[b] > line.counts[peak])
                peak = b;
        text << "  " << line.key << ": " << line.total << " posts";
        if (!line.counts.empty())
            text << ", most on " << series->bucketLabel(peak) << " (" << line.counts[peak] << ")";
        text << "\n";
        if (args.has("bursts")) {
            nlohmann::json bursts = nlohmann::json::array();
            for (const Burst &burst : BurstDetector::kleinberg(line.counts, series->posts)) {
                auto posts = TrendQuery::topPosts(p, options, line.key, series->buckets[burst.start],
                                                  series->bucketEnd(burst.end), static_cast<int>(topPosts));
                if (!posts)
                    return ctx.fail(posts.message());
                nlohmann::json postList = nlohmann::json::array();
                for (const TrendPost &post : *posts)
                    postList.push_back(postJson(post));
                bursts.push_back({{"start", series->bucketLabel(burst.start)},
                                  {"peak", series->bucketLabel(burst.peak)},
                                  {"end", series->bucketLabel(burst.end)},
                                  {"start_index", burst.start},
                                  {"peak_index", burst.peak},
                                  {"end_index", burst.end},
                                  {"intensity", burst.intensity},
                                  {"count", burst.count},
                                  {"top_posts", postList}});
                text << "    burst " << series->bucketLabel(burst.start) << " .. " << series->bucketLabel(burst.end)
                     << ", peak " << series->bucketLabel(burst.peak) << ", " << burst.count << " posts, intensity "
                     << formatShare(burst.intensity) << "\n";
                for (const TrendPost &post : *posts)
                    text << "      [" << post.engagement() << "] " << post.text.substr(0, 100) << "\n";
            }
            entry["bursts"] = bursts;
        }
        if (horizon > 0) {
            const std::vector<double> history(line.counts.begin(), line.counts.end());
            auto forecast = HoltForecaster::forecast(history, static_cast<int>(horizon));
            if (!forecast) {
                entry["forecast"] = {{"error", forecast.message()}};
            } else {
                nlohmann::json points = nlohmann::json::array();
                text << "    forecast (alpha " << formatShare(forecast->alpha) << ", beta " << formatShare(forecast->beta)
                     << "):";
                for (const HoltForecastPoint &point : forecast->points) {
                    const std::int64_t start = series->buckets.back() + point.step * width;
                    points.push_back({{"bucket", TimeBucket::label(start, *resolution)},
                                      {"step", point.step},
                                      {"value", point.value},
                                      {"lower", point.lower},
                                      {"upper", point.upper}});
                    text << " " << TimeBucket::label(start, *resolution) << " " << formatShare(point.value) << " ["
                         << formatShare(point.lower) << ", " << formatShare(point.upper) << "]";
                }
                text << "\n";
                entry["forecast"] = {{"alpha", forecast->alpha},
                                     {"beta", forecast->beta},
                                     {"sse", forecast->sse},
                                     {"residual_variance", forecast->residualVariance},
                                     {"points", points}};
            }
        }
        lines.push_back(entry);
    }
    nlohmann::json result = {{"project", p.path()},
                             {"mode", "series"},
                             {"kind", TrendQuery::kindName(*kind)},
                             {"resolution", TimeBucket::resolutionName(*resolution)},
                             {"buckets", buckets},
                             {"bucket_starts", series->buckets},
                             {"posts", series->posts},
                             {"series", lines}};
    if (!options.task.empty())
        result["task"] = options.task;
    if (args.has("dataset"))
        result["dataset"] = args.value("dataset");
    if (args.has("csv")) {
        std::ostringstream csv;
        csv << "bucket,bucket_start,posts";
        for (const TrendSeries::Line &line : series->lines)
            csv << ',' << csvEscape(line.key);
        csv << "\n";
        for (std::size_t b = 0; b < series->buckets.size(); ++b) {
            csv << series->bucketLabel(b) << ',' << series->buckets[b] << ',' << series->posts[b];
            for (const TrendSeries::Line &line : series->lines)
                csv << ',' << line.counts[b];
            csv << "\n";
        }
        if (Status s = writeText(args.value("csv"), csv.str()); !s.ok())
            return ctx.fail(s.message());
        result["csv"] = args.value("csv");
    }
    return ctx.succeed(result, text.str());
}
