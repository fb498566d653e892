// Subcommands that look at or create a project as a whole: new, info, search.
#include "arguments.h"
#include "clicontext.h"
#include "commands.h"
#include "helptext.h"

#include "core/store/project.h"

#include <sstream>

using chorus::Project;

int commandNew(const std::vector<std::string> &argv)
{
    if (printHelpIfAsked(argv, "Usage: chorus-cli new PROJECT.chorus [--json]\n\n"
                               "Creates an empty project file. Fails if the file exists.\n"))
        return 0;
    Arguments args(argv, {}, {"json"});
    CliContext ctx("new", args.has("json"));
    if (!args.ok())
        return ctx.usage(args.error());
    if (args.positionals().size() != 1)
        return ctx.usage("expected exactly one project path");
    const std::string path = args.positionals()[0];
    auto project = Project::open(path, Project::OpenMode::CreateNew);
    if (!project)
        return ctx.fail(project.message());
    auto summary = (*project)->summary();
    if (!summary)
        return ctx.fail(summary.message());
    return ctx.succeed({{"project", path}, {"schema_version", summary->schemaVersion}},
                       "Created " + path + " (schema version " + std::to_string(summary->schemaVersion) + ")\n");
}

int commandInfo(const std::vector<std::string> &argv)
{
    if (printHelpIfAsked(argv, "Usage: chorus-cli info PROJECT.chorus [--json]\n\n"
                               "Counts of datasets, posts, users, media, labels, interactions, splits, import\n"
                               "errors and runs; per dataset its label tasks and stored splits.\n"))
        return 0;
    Arguments args(argv, {}, {"json"});
    CliContext ctx("info", args.has("json"));
    if (!args.ok())
        return ctx.usage(args.error());
    if (args.positionals().size() != 1)
        return ctx.usage("expected exactly one project path");
    auto project = Project::open(args.positionals()[0], Project::OpenMode::OpenExisting);
    if (!project)
        return ctx.fail(project.message());
    Project &p = **project;
    auto summary = p.summary();
    auto datasets = p.datasets();
    if (!summary)
        return ctx.fail(summary.message());
    if (!datasets)
        return ctx.fail(datasets.message());

    auto tasks = p.db().prepare("SELECT l.task, count(*), count(DISTINCT l.value) FROM labels l"
                                " JOIN posts p ON p.id = l.post_id WHERE p.dataset_id = ? GROUP BY l.task ORDER BY l.task");
    auto splits = p.db().prepare("SELECT s.id, s.method, s.params, sum(a.part = 'train'), sum(a.part = 'valid'),"
                                 " sum(a.part = 'test') FROM splits s LEFT JOIN split_assignments a ON a.split_id = s.id"
                                 " WHERE s.dataset_id = ? GROUP BY s.id ORDER BY s.id");
    if (!tasks || !splits)
        return ctx.fail(!tasks ? tasks.message() : splits.message());

    nlohmann::json json = {{"project", p.path()},
                           {"schema_version", summary->schemaVersion},
                           {"datasets", summary->datasets},
                           {"posts", summary->posts},
                           {"users", summary->users},
                           {"media", summary->media},
                           {"labels", summary->labels},
                           {"interactions", summary->interactions},
                           {"splits", summary->splits},
                           {"import_errors", summary->importErrors},
                           {"runs", summary->runs}};
    std::ostringstream text;
    text << p.path() << " (schema " << summary->schemaVersion << ")\n"
         << "  posts " << summary->posts << ", users " << summary->users << ", media " << summary->media
         << ", labels " << summary->labels << ", interactions " << summary->interactions << ", import errors "
         << summary->importErrors << ", runs " << summary->runs << "\n";
    nlohmann::json list = nlohmann::json::array();
    for (const chorus::DatasetInfo &d : *datasets) {
        nlohmann::json entry = {{"name", d.name}, {"kind", d.kind}, {"posts", d.posts}, {"interactions", d.interactions}};
        text << "dataset " << d.name << " (" << d.kind << "): " << d.posts << " posts, " << d.interactions
             << " interactions\n";
        nlohmann::json taskList = nlohmann::json::array();
        tasks->reset();
        tasks->bind(1, d.id);
        while (tasks->step()) {
            taskList.push_back({{"task", tasks->text(0)}, {"labelled", tasks->int64(1)}, {"classes", tasks->int64(2)}});
            text << "  label task " << tasks->text(0) << ": " << tasks->int64(1) << " posts, " << tasks->int64(2)
                 << " distinct values\n";
        }
        entry["tasks"] = taskList;
        nlohmann::json splitList = nlohmann::json::array();
        splits->reset();
        splits->bind(1, d.id);
        while (splits->step()) {
            splitList.push_back({{"id", splits->int64(0)},
                                 {"method", splits->text(1)},
                                 {"params", nlohmann::json::parse(splits->text(2), nullptr, false)},
                                 {"train", splits->int64(3)},
                                 {"valid", splits->int64(4)},
                                 {"test", splits->int64(5)}});
            text << "  split " << splits->int64(0) << " (" << splits->text(1) << "): train " << splits->int64(3)
                 << ", valid " << splits->int64(4) << ", test " << splits->int64(5) << "\n";
        }
        entry["splits"] = splitList;
        list.push_back(entry);
    }
    json["dataset_list"] = list;
    return ctx.succeed(json, text.str());
}

int commandSearch(const std::vector<std::string> &argv)
{
    if (printHelpIfAsked(argv, "Usage: chorus-cli search PROJECT.chorus QUERY [--dataset NAME] [--limit N] [--json]\n\n"
                               "Full-text search over post text (SQLite FTS5 syntax: words are ANDed,\n"
                               "\"quoted phrases\", OR, NOT, prefix*).\n"))
        return 0;
    Arguments args(argv, {"dataset", "limit"}, {"json"});
    CliContext ctx("search", args.has("json"));
    const long long limit = args.integer("limit", 20);
    if (!args.ok())
        return ctx.usage(args.error());
    if (args.positionals().size() != 2)
        return ctx.usage("expected a project path and a query");
    auto project = Project::open(args.positionals()[0], Project::OpenMode::OpenExisting);
    if (!project)
        return ctx.fail(project.message());
    std::int64_t datasetId = 0;
    if (args.has("dataset")) {
        auto id = (*project)->datasetId(args.value("dataset"));
        if (!id)
            return ctx.fail("no dataset named '" + args.value("dataset") + "'");
        datasetId = *id;
    }
    auto hits = (*project)->search(args.positionals()[1], static_cast<int>(limit), datasetId);
    if (!hits)
        return ctx.fail(hits.message());
    nlohmann::json list = nlohmann::json::array();
    std::ostringstream text;
    for (const chorus::SearchHit &hit : *hits) {
        list.push_back({{"post_id", hit.postId}, {"dataset", hit.datasetName}, {"text", hit.text}});
        text << hit.postId << "\t" << hit.datasetName << "\t" << hit.text << "\n";
    }
    return ctx.succeed({{"query", args.positionals()[1]}, {"hits", list}}, text.str());
}
