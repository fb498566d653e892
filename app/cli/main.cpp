#include "commands.h"

#include "core/plugins/pluginmanager.h"
#include "models/registry/pluginmodels.h"

#include <cstring>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

namespace {

struct Subcommand {
    const char *name;
    const char *summary;
    int (*run)(const std::vector<std::string> &);
};

const Subcommand kSubcommands[] = {
    {"new", "create an empty project", commandNew},
    {"demo", "create or fill a project with the demo datasets", commandDemo},
    {"import", "import posts, media or interactions from files", commandImport},
    {"info", "summarise a project", commandInfo},
    {"split", "split a dataset into train/valid/test", commandSplit},
    {"export", "write a dataset to CSV or JSON Lines", commandExport},
    {"search", "full-text search over post text", commandSearch},
    {"models", "list the model families and their hyperparameters", commandModels},
    {"describe", "a model's layer tree, output shapes and parameter counts", commandDescribe},
    {"train", "train a model from a JSON run config", commandTrain},
    {"resume", "continue a run from its latest checkpoint", commandResume},
    {"runs", "list training runs", commandRuns},
    {"import-run", "bring a run trained elsewhere (a cluster copy) into the project", commandImportRun},
    {"eval", "evaluate a trained run on its test split", commandEval},
    {"predict", "classify posts or text with a trained run", commandPredict},
    {"recommend", "top-K items for a user from a recommender run, with reasons", commandRecommend},
    {"explain", "show a prediction and the attention behind it", commandExplain},
    {"trends", "hashtag, term and label trends, bursts, forecasts, opinion", commandTrends},
    {"profile", "a user's activity, reach and label mix; similar users; user features", commandProfile},
    {"topics", "discover topics (k-means, density, LDA) and store them as labels", commandTopics},
    {"analyses", "list, show, export, rename or delete stored analytics results", commandAnalyses},
    {"devices", "list the CPU and CUDA devices training can use", commandDevices},
    {"plugins", "list plugins and their state; enable or disable one", commandPlugins},
};

void printUsage(std::ostream &out)
{
    out << "Usage: chorus-cli COMMAND [options]\n\nHeadless Chorus: everything the workbench does, from a shell.\n\n"
           "Commands:\n";
    // Names line up in a column; a name longer than the column still gets two spaces.
    for (const Subcommand &s : kSubcommands) {
        const std::size_t length = std::strlen(s.name);
        out << "  " << s.name << std::string(length < 10 ? 12 - length : 2, ' ') << s.summary << "\n";
    }
    out << "\nRun 'chorus-cli COMMAND --help' for a command's options. Add --json for one JSON object on stdout.\n";
}

// Plugins load before any command runs, so their import formats and model families are there
// for every command (the GUI's worker process included). A plugin that fails is reported and
// skipped; `plugins` lists the failures itself.
void loadPlugins(const std::string &command)
{
    chorus::PluginManager &plugins = chorus::PluginManager::global();
    chorus::registerPluginModels(plugins);
    if (command == "plugins")
        return;
    for (const std::string &problem : plugins.problems())
        std::cerr << "chorus-cli: " << problem << " (skipped)\n";
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        printUsage(std::cerr);
        return 2;
    }
    const std::string command = argv[1];
    if (command == "--help" || command == "-h" || command == "help") {
        printUsage(std::cout);
        return 0;
    }
    if (command == "--version") {
        std::cout << "chorus-cli " << CHORUS_VERSION << std::endl;
        return 0;
    }
    std::vector<std::string> args(argv + 2, argv + argc);
    for (const Subcommand &s : kSubcommands) {
        if (command == s.name) {
            // The edge of the process: nothing thrown below may end it without a message.
            try {
                loadPlugins(command);
                return s.run(args);
            } catch (const std::exception &e) {
                std::cerr << "chorus-cli " << command << ": internal error: " << e.what() << std::endl;
                return 1;
            }
        }
    }
    std::cerr << "chorus-cli: unknown command '" << command << "'\n\n";
    printUsage(std::cerr);
    return 2;
}
