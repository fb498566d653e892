// The analyses subcommand: the trends, opinion, profile and topic results stored in a project.
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

const char *kAnalysesHelp =
    "Usage: chorus-cli analyses PROJECT.chorus [--kind trends|opinion|profile|topics] [--dataset NAME] [--json]\n"
    "       chorus-cli analyses PROJECT.chorus --show ID [--out FILE.json] [--csv FILE.csv] [--json]\n"
    "       chorus-cli analyses PROJECT.chorus --rename ID --name NAME [--json]\n"
    "       chorus-cli analyses PROJECT.chorus --delete ID [--json]\n\n"
    "Lists the analyses stored in the project, newest first: every trends, opinion (trends\n"
    "--opinion), profile (--user) and topics run stores its result unless given --no-store, and the\n"
    "Analytics tab stores what it computes. --kind and --dataset narrow the list.\n"
    "--show ID prints one analysis: its parameters and its result, the same JSON the command that\n"
    "made it printed with --json. --out FILE writes that result JSON to a file; --csv FILE writes a\n"
    "trends or opinion result as its table (one row per bucket).\n"
    "--rename ID --name NAME renames one; --delete ID removes one (the labels of a topics run stay:\n"
    "they are a label task of their own).\n";

std::string formatTime(std::int64_t unixSeconds) { return formatIsoUtc(unixSeconds); }

nlohmann::json headerJson(const StoredAnalysis &a)
{
    nlohmann::json json = {{"id", a.id},
                           {"kind", a.kind},
                           {"name", a.name},
                           {"dataset_id", a.datasetId},
                           {"created_at", formatTime(a.createdAt)},
                           {"params", a.params}};
    json["dataset"] = a.dataset.empty() ? nlohmann::json() : nlohmann::json(a.dataset);
    return json;
}

Status writeText(const std::string &path, const std::string &content)
{
    const std::string partial = path + ".partial";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        if (!out)
            return Error{"cannot write '" + path + "'"};
        out << content;
        if (!out.flush())
            return Error{"writing '" + path + "' failed (disk full?)"};
    }
    if (std::rename(partial.c_str(), path.c_str()) != 0)
        return Error{"cannot move '" + partial + "' to '" + path + "'"};
    return {};
}

Result<std::string> csvOf(const StoredAnalysis &a)
{
    if (a.kind == "trends") {
        auto report = TrendReport::fromJson(a.result);
        if (!report)
            return report.error();
        return report->toCsv();
    }
    if (a.kind == "opinion") {
        auto report = OpinionReport::fromJson(a.result);
        if (!report)
            return report.error();
        return report->toCsv();
    }
    return Error{"--csv writes trends and opinion results; analysis " + std::to_string(a.id) + " is " + a.kind +
                 " (use --out for its JSON)"};
}

Result<std::int64_t> idOption(Arguments &args, const std::string &name)
{
    const long long id = args.integer(name, 0);
    if (!args.ok())
        return Error{args.error()};
    if (id <= 0)
        return Error{"--" + name + " takes an analysis id (see chorus-cli analyses PROJECT)"};
    return static_cast<std::int64_t>(id);
}

} // namespace

int commandAnalyses(const std::vector<std::string> &argv)
{
    if (printHelpIfAsked(argv, kAnalysesHelp))
        return 0;
    Arguments args(argv, {"kind", "dataset", "show", "rename", "name", "delete", "out", "csv"}, {"json"});
    CliContext ctx("analyses", args.has("json"));
    if (!args.ok())
        return ctx.usage(args.error());
    if (args.positionals().size() != 1)
        return ctx.usage("expected exactly one project path");
    const int actions = int(args.has("show")) + int(args.has("rename")) + int(args.has("delete"));
    if (actions > 1)
        return ctx.usage("--show, --rename and --delete go one at a time");
    if (args.has("rename") != args.has("name"))
        return ctx.usage("--rename ID and --name NAME go together");
    if ((args.has("out") || args.has("csv")) && !args.has("show"))
        return ctx.usage("--out and --csv write what --show ID shows");
    if (args.has("kind") && !AnalysisStore::isKnownKind(args.value("kind")))
        return ctx.usage("--kind: expected trends, opinion, profile or topics, got '" + args.value("kind") + "'");

    auto project = Project::open(args.positionals()[0], Project::OpenMode::OpenExisting);
    if (!project)
        return ctx.fail(project.message());
    Project &p = **project;
    AnalysisStore store(p);

    if (args.has("delete") || args.has("rename")) {
        const bool deleting = args.has("delete");
        auto id = idOption(args, deleting ? "delete" : "rename");
        if (!id)
            return ctx.usage(id.message());
        const Status s = deleting ? store.remove(*id) : store.rename(*id, args.value("name"));
        if (!s.ok())
            return ctx.fail(s.message());
        nlohmann::json result = {{"project", p.path()}, {"id", *id}};
        result[deleting ? "deleted" : "renamed"] = true;
        if (!deleting)
            result["name"] = args.value("name");
        return ctx.succeed(result, deleting ? "Deleted analysis " + std::to_string(*id) + "\n"
                                            : "Renamed analysis " + std::to_string(*id) + " to '" + args.value("name") + "'\n");
    }

    if (args.has("show")) {
        auto id = idOption(args, "show");
        if (!id)
            return ctx.usage(id.message());
        auto analysis = store.load(*id);
        if (!analysis)
            return ctx.fail(analysis.message());
        nlohmann::json result = headerJson(*analysis);
        result["project"] = p.path();
        result["result"] = analysis->result;
        std::ostringstream text;
        text << "Analysis " << analysis->id << " (" << analysis->kind << "): " << analysis->name << "\n  dataset "
             << (analysis->dataset.empty() ? std::string("(every dataset)") : analysis->dataset) << ", stored "
             << formatTime(analysis->createdAt) << "\n  parameters " << analysis->params.dump() << "\n";
        if (args.has("out")) {
            const std::string json = analysis->result.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
            if (Status s = writeText(args.value("out"), json); !s.ok())
                return ctx.fail(s.message());
            result["out"] = args.value("out");
            text << "Wrote the result to " << args.value("out") << "\n";
        }
        if (args.has("csv")) {
            auto csv = csvOf(*analysis);
            if (!csv)
                return ctx.fail(csv.message());
            if (Status s = writeText(args.value("csv"), *csv); !s.ok())
                return ctx.fail(s.message());
            result["csv"] = args.value("csv");
            text << "Wrote the table to " << args.value("csv") << "\n";
        }
        if (!args.has("out") && !args.has("csv"))
            text << analysis->result.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return ctx.succeed(result, text.str());
    }

    std::int64_t datasetId = 0;
    if (args.has("dataset")) {
        auto found = p.datasetId(args.value("dataset"));
        if (!found)
            return ctx.fail("no dataset '" + args.value("dataset") + "' in " + p.path());
        datasetId = *found;
    }
    auto analyses = store.list(args.value("kind"), datasetId);
    if (!analyses)
        return ctx.fail(analyses.message());
    nlohmann::json list = nlohmann::json::array();
    std::ostringstream text;
    if (analyses->empty())
        text << "No stored analyses in " << p.path() << "\n";
    for (const StoredAnalysis &a : *analyses) {
        list.push_back(headerJson(a));
        char head[96];
        std::snprintf(head, sizeof head, "%5lld  %-8s %-20s  ", static_cast<long long>(a.id), a.kind.c_str(),
                      formatTime(a.createdAt).c_str());
        text << head << (a.dataset.empty() ? std::string("-") : a.dataset) << "  " << a.name << "\n";
    }
    return ctx.succeed({{"project", p.path()}, {"analyses", list}}, text.str());
}
