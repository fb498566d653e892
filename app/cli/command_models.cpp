// The models subcommand: the model registry as data, for the GUI (which cannot link LibTorch) and
// for people choosing a family and its hyperparameters from a shell.
#include "arguments.h"
#include "clicontext.h"
#include "commands.h"
#include "helptext.h"

#include "models/registry/modelregistry.h"

#include <sstream>

int commandModels(const std::vector<std::string> &argv)
{
    if (printHelpIfAsked(argv, "Usage: chorus-cli models [--json]\n\n"
                               "Lists the model families this build can train: name, description, inputs, what\n"
                               "each can explain and its hyperparameters (type, default, range, help). With --json,\n"
                               "one object {\"models\": [...]} whose \"params\" arrays are the schemas configs are\n"
                               "validated against.\n"))
        return 0;
    Arguments args(argv, {}, {"json"});
    CliContext ctx("models", args.has("json"));
    if (!args.ok())
        return ctx.usage(args.error());
    if (!args.positionals().empty())
        return ctx.usage("takes no positional arguments");
    const nlohmann::json models = chorus::ModelRegistry::instance().toJson();
    std::ostringstream text;
    for (const nlohmann::json &m : models) {
        text << m.value("name", "") << "\t" << m.value("display_name", "") << ": " << m.value("description", "") << "\n";
        for (const nlohmann::json &p : m["params"]) {
            text << "    " << p.value("name", "") << " (" << p.value("type", "") << ", default " << p["default"].dump();
            if (p.contains("min"))
                text << ", " << p["min"].dump() << ".." << p["max"].dump();
            if (p.contains("choices"))
                text << ", one of " << p["choices"].dump();
            text << "): " << p.value("help", "") << "\n";
        }
    }
    return ctx.succeed({{"models", models}}, text.str());
}
