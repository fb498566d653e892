// The describe subcommand: a model family's layer tree with output shapes and parameter counts,
// from one dry run. The GUI's architecture view runs it, since the GUI cannot link LibTorch.
#include "arguments.h"
#include "clicontext.h"
#include "commands.h"
#include "helptext.h"
#include "presetlocator.h"

#include "core/store/project.h"
#include "core/training/runconfig.h"
#include "models/registry/modelregistry.h"
#include "models/training/architecturedescriber.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

using namespace chorus;

namespace {

std::string shapeText(const nlohmann::json &shape)
{
    if (!shape.is_array())
        return "-";
    std::string text = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        text += (i ? ", " : "") + shape[i].dump();
    return text + "]";
}

void printTree(std::ostringstream &out, const nlohmann::json &node, int depth)
{
    out << std::string(static_cast<std::size_t>(depth) * 2, ' ') << node.value("name", "") << " ("
        << node.value("type", "") << ")  " << shapeText(node.value("output_shape", nlohmann::json()))
        << "  params " << node.value("parameters", std::int64_t(0)) << "\n";
    for (const nlohmann::json &child : node.value("children", nlohmann::json::array()))
        printTree(out, child, depth + 1);
}

} // namespace

int commandDescribe(const std::vector<std::string> &argv)
{
    if (printHelpIfAsked(argv,
                         "Usage: chorus-cli describe --config C.json [PROJECT.chorus] [--shape JSON] [--json]\n\n"
                         "Builds the model a run config describes and runs it once on a dummy batch of 2, then\n"
                         "prints its layer tree: each module's type, output shape and parameter count, with the\n"
                         "totals. Nothing is trained or stored. The sizes the model depends on (vocabulary,\n"
                         "classes, sequence length, users and items, ...) come from the project's data, read as\n"
                         "the trainer reads it, or from --shape, e.g. '{\"vocabulary\": 5000, \"classes\": 3,\n"
                         "\"max_length\": 64}' (keys left out take defaults). --config - reads the config from\n"
                         "standard input. Word2vec and recommenders show their parameter tables.\n"))
        return 0;
    Arguments args(argv, {"config", "shape"}, {"json"});
    CliContext ctx("describe", args.has("json"));
    if (!args.ok())
        return ctx.usage(args.error());
    if (!args.has("config"))
        return ctx.usage("--config is required");
    if (args.positionals().size() > 1)
        return ctx.usage("expected at most one project path");
    if (args.positionals().empty() && !args.has("shape"))
        return ctx.usage("give a project to read the data's sizes from, or --shape");

    std::string configName = args.value("config");
    nlohmann::json raw;
    if (configName == "-") {
        configName = "standard input";
        const std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
        raw = nlohmann::json::parse(text, nullptr, false);
    } else {
        configName = PresetLocator::resolve(configName);
        std::ifstream in(configName);
        if (!in)
            return ctx.fail("cannot open config '" + configName + "'");
        raw = nlohmann::json::parse(in, nullptr, false);
    }
    if (raw.is_discarded() || !raw.is_object())
        return ctx.fail("config '" + configName + "' is not a JSON object");
    if (!raw.contains("model") || !raw["model"].is_string())
        return ctx.fail(configName + ": model: required (a registry name)");
    const ModelSpec *spec = ModelRegistry::instance().find(raw["model"].get<std::string>());
    if (!spec)
        return ctx.fail(configName + ": model: unknown model '" + raw["model"].get<std::string>() + "'");

    nlohmann::json shape;
    if (args.has("shape")) {
        shape = nlohmann::json::parse(args.value("shape"), nullptr, false);
        if (shape.is_discarded() || !shape.is_object())
            return ctx.usage("--shape takes a JSON object, e.g. '{\"vocabulary\": 5000, \"classes\": 3}'");
    } else {
        auto config = RunConfig::parse(raw, &spec->params, spec->supervised);
        if (!config)
            return ctx.fail(configName + ": " + config.message());
        auto project = Project::open(args.positionals()[0], Project::OpenMode::OpenExisting);
        if (!project)
            return ctx.fail(project.message());
        auto fromData = ArchitectureDescriber::shapeFromProject(**project, *config, *spec);
        if (!fromData)
            return ctx.fail(fromData.message());
        shape = std::move(*fromData);
    }
    auto description = ArchitectureDescriber::describe(*spec, raw.value("params", nlohmann::json::object()), shape);
    if (!description)
        return ctx.fail(configName + ": " + description.message());

    std::ostringstream text;
    printTree(text, (*description)["tree"], 0);
    text << (*description)["parameters"].get<std::int64_t>() << " parameters, "
         << (*description)["trainable"].get<std::int64_t>() << " trainable\n";
    return ctx.succeed(*description, text.str());
}
