// The trends subcommand: hashtag, term and label time series, bursts, forecasts and opinion.
#include "arguments.h"
#include "clicontext.h"
#include "commands.h"
#include "helptext.h"

#include "core/analytics/analysisstore.h"
#include "core/analytics/opinionreport.h"
#include "core/analytics/trendreport.h"
#include "core/store/project.h"
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
    "                         [--csv FILE] [--name NAME] [--no-store] [--json]\n\n"
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
    "and the largest shift of those shares; --forecast H then forecasts each value's share.\n"
    "--csv FILE writes the table (one row per bucket).\n"
    "The result is stored in the project as an analysis (see chorus-cli analyses), named --name NAME\n"
    "or after what was counted; --no-store leaves the project as it was. Its id is \"analysis_id\".\n";

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

// Stores the report as an analysis unless --no-store; the id goes into the printed result.
Status storeAnalysis(Project &project, const Arguments &args, const std::string &kind, const std::string &defaultName,
                     std::int64_t datasetId, const nlohmann::json &params, nlohmann::json &result)
{
    if (args.has("no-store"))
        return {};
    auto id = AnalysisStore(project).save(kind, args.value("name", defaultName), datasetId, params, result);
    if (!id)
        return id.error();
    result["analysis_id"] = *id;
    return {};
}

int runOpinion(const CliContext &ctx, Project &project, const Arguments &args, const OpinionOptions &options,
               const std::string &dataset, int horizon)
{
    auto report = OpinionReport::compute(project, options, horizon);
    if (!report)
        return ctx.fail(report.message());
    report->dataset = dataset;
    const OpinionSeries &series = report->series;
    nlohmann::json result = report->toJson();
    std::ostringstream text;
    text << "Opinion '" << options.task << "' per " << TimeBucket::resolutionName(options.resolution) << " ("
         << series.buckets.size() << " buckets)\n  bucket";
    for (const std::string &c : series.classes)
        text << "  " << c;
    text << "  posts\n";
    for (std::size_t b = 0; b < series.buckets.size(); ++b) {
        text << "  " << series.bucketLabel(b);
        for (std::size_t c = 0; c < series.classes.size(); ++c)
            text << "  " << formatShare(series.share(c, b));
        text << "  " << series.totals[b] << "\n";
    }
    if (const auto &shift = series.shift) {
        const std::string &changed = series.classes[shift->mostChangedClass];
        text << "Largest shift from " << series.bucketLabel(shift->bucket) << ": '" << changed << "' "
             << formatShare(shift->sharesBefore[shift->mostChangedClass]) << " -> "
             << formatShare(shift->sharesAfter[shift->mostChangedClass]) << " (" << shift->postsBefore << " posts before, "
             << shift->postsAfter << " after; chi-square " << formatShare(shift->chiSquare) << ")\n";
    }
    const std::int64_t width = TimeBucket::seconds(options.resolution);
    for (std::size_t c = 0; c < report->forecasts.size() && !series.buckets.empty(); ++c) {
        const SeriesForecast &f = report->forecasts[c];
        text << "  forecast of '" << series.classes[c] << "':";
        if (!f.forecast) {
            text << " none (" << f.error << ")\n";
            continue;
        }
        for (const HoltForecastPoint &point : f.forecast->points)
            text << " " << TimeBucket::label(series.buckets.back() + point.step * width, options.resolution) << " "
                 << formatShare(point.value) << " [" << formatShare(point.lower) << ", " << formatShare(point.upper) << "]";
        text << "\n";
    }
    if (args.has("csv")) {
        if (Status s = writeText(args.value("csv"), report->toCsv()); !s.ok())
            return ctx.fail(s.message());
    }
    if (Status s = storeAnalysis(project, args, "opinion", report->defaultName(), options.datasetId, report->paramsJson(), result);
        !s.ok())
        return ctx.fail(s.message());
    if (result.contains("analysis_id"))
        text << "Stored as analysis " << result["analysis_id"].get<std::int64_t>() << "\n";
    result["project"] = project.path();
    if (args.has("csv"))
        result["csv"] = args.value("csv");
    return ctx.succeed(result, text.str());
}

} // namespace

int commandTrends(const std::vector<std::string> &argv)
{
    if (printHelpIfAsked(argv, kTrendsHelp))
        return 0;
    Arguments args(argv,
                   {"dataset", "kind", "task", "key", "resolution", "top", "from", "to", "top-posts", "forecast", "opinion",
                    "hashtag", "topic-task", "topic", "csv", "name"},
                   {"json", "bursts", "no-store"});
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
        return runOpinion(ctx, p, args, options, args.value("dataset"), static_cast<int>(horizon));
    }

    TrendReportOptions options;
    options.trend.datasetId = datasetId;
    options.trend.kind = *kind;
    options.trend.task = args.value("task");
    options.trend.resolution = *resolution;
    options.trend.top = static_cast<int>(top);
    options.trend.keys = args.values("key");
    options.trend.from = *from;
    options.trend.to = *to;
    options.bursts = args.has("bursts");
    options.postsPerBurst = static_cast<int>(topPosts);
    options.horizon = static_cast<int>(horizon);
    auto report = TrendReport::compute(p, options);
    if (!report)
        return ctx.fail(report.message());
    report->dataset = args.value("dataset");
    const TrendSeries &series = report->series;

    const std::int64_t width = TimeBucket::seconds(*resolution);
    std::ostringstream text;
    text << "Top " << TrendQuery::kindName(*kind) << (options.trend.task.empty() ? "" : " '" + options.trend.task + "'")
         << " per " << TimeBucket::resolutionName(*resolution) << " (" << series.buckets.size() << " buckets";
    if (!series.buckets.empty())
        text << ", " << series.bucketLabel(0) << " to " << series.bucketLabel(series.buckets.size() - 1);
    text << ")\n";
    for (std::size_t l = 0; l < series.lines.size(); ++l) {
        const TrendSeries::Line &line = series.lines[l];
        std::size_t peak = 0;
        for (std::size_t b = 0; b < line.counts.size(); ++b)
            if (line.counts[b] > line.counts[peak])
                peak = b;
        text << "  " << line.key << ": " << line.total << " posts";
        if (!line.counts.empty())
            text << ", most on " << series.bucketLabel(peak) << " (" << line.counts[peak] << ")";
        text << "\n";
        for (const TrendBurst &burst : report->bursts) {
            if (burst.line != l)
                continue;
            text << "    burst " << series.bucketLabel(burst.burst.start) << " .. " << series.bucketLabel(burst.burst.end)
                 << ", peak " << series.bucketLabel(burst.burst.peak) << ", " << burst.burst.count
                 << " posts, intensity " << formatShare(burst.burst.intensity) << "\n";
            for (const TrendPost &post : burst.posts)
                text << "      [" << post.engagement() << "] " << post.text.substr(0, 100) << "\n";
        }
        if (l < report->forecasts.size() && report->forecasts[l].forecast && !series.buckets.empty()) {
            const HoltForecast &forecast = *report->forecasts[l].forecast;
            text << "    forecast (alpha " << formatShare(forecast.alpha) << ", beta " << formatShare(forecast.beta) << "):";
            for (const HoltForecastPoint &point : forecast.points) {
                const std::int64_t start = series.buckets.back() + point.step * width;
                text << " " << TimeBucket::label(start, *resolution) << " " << formatShare(point.value) << " ["
                     << formatShare(point.lower) << ", " << formatShare(point.upper) << "]";
            }
            text << "\n";
        }
    }
    nlohmann::json result = report->toJson();
    if (args.has("csv")) {
        if (Status s = writeText(args.value("csv"), report->toCsv()); !s.ok())
            return ctx.fail(s.message());
    }
    if (Status s = storeAnalysis(p, args, "trends", report->defaultName(), datasetId, report->paramsJson(), result); !s.ok())
        return ctx.fail(s.message());
    if (result.contains("analysis_id"))
        text << "Stored as analysis " << result["analysis_id"].get<std::int64_t>() << "\n";
    result["project"] = p.path();
    if (args.has("csv"))
        result["csv"] = args.value("csv");
    return ctx.succeed(result, text.str());
}
