// The import-run subcommand: a run trained in a copy of the project (on a cluster, by a
// distributed job) comes back into the project the GUI works on.
#include "arguments.h"
#include "clicontext.h"
#include "commands.h"
#include "helptext.h"

#include "core/store/project.h"
#include "core/training/runtransfer.h"

#include <sstream>

using namespace chorus;

int commandImportRun(const std::vector<std::string> &argv)
{
    if (printHelpIfAsked(argv, "Usage: chorus-cli import-run PROJECT.chorus --from OTHER.chorus --run ID [--json]\n\n"
                               "Copies run ID of OTHER.chorus -- a copy of this project where the run was trained, e.g.\n"
                               "rank 0's copy of a distributed job -- into PROJECT.chorus: the run with its metrics,\n"
                               "attention snapshots, evaluation and other artifacts, and its checkpoint files (from\n"
                               "OTHER.chorus.runs/run-ID) under PROJECT.chorus.runs. The run's dataset must be the same\n"
                               "here (same name, same posts). The run gets a new id, printed. See docs/scaling.md.\n"))
        return 0;
    Arguments args(argv, {"from", "run"}, {"json"});
    CliContext ctx("import-run", args.has("json"));
    const long long runId = args.integer("run", 0);
    if (!args.ok())
        return ctx.usage(args.error());
    if (args.positionals().size() != 1)
        return ctx.usage("expected exactly one project path");
    if (!args.has("from"))
        return ctx.usage("--from OTHER.chorus is required");
    if (runId <= 0)
        return ctx.usage("--run ID is required");
    auto project = Project::open(args.positionals()[0], Project::OpenMode::OpenExisting);
    if (!project)
        return ctx.fail(project.message());
    auto imported = RunTransfer::importRun(**project, args.value("from"), runId);
    if (!imported)
        return ctx.fail(imported.message());
    std::ostringstream text;
    text << "Run " << runId << " of " << args.value("from") << " is run " << imported->runId << " here: "
         << imported->metrics << " metric values, " << imported->artifacts << " artifacts, " << imported->checkpoints
         << " checkpoints in " << imported->directory << "\n";
    return ctx.succeed({{"run_id", imported->runId},
                        {"source_run", runId},
                        {"metrics", imported->metrics},
                        {"artifacts", imported->artifacts},
                        {"checkpoints", imported->checkpoints},
                        {"directory", imported->directory}},
                       text.str());
}
