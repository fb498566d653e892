// The split subcommand.
#include "arguments.h"
#include "clicontext.h"
#include "commands.h"
#include "helptext.h"

#include "core/split/datasetsplitter.h"
#include "core/store/project.h"

#include <cstdlib>
#include <sstream>

using namespace chorus;

namespace {

// "0.8,0.1,0.1" -> three numbers; an error names the bad part.
Result<std::vector<double>> parseRatios(const std::string &text)
{
    std::vector<double> ratios;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, ',')) {
        char *end = nullptr;
        const double value = std::strtod(part.c_str(), &end);
        if (part.empty() || *end != '\0')
            return Error{"--ratios: '" + part + "' is not a number"};
        ratios.push_back(value);
    }
    if (ratios.size() != 3)
        return Error{"--ratios expects three numbers TRAIN,VALID,TEST (e.g. 0.8,0.1,0.1), got '" + text + "'"};
    return ratios;
}

} // namespace

int commandSplit(const std::vector<std::string> &argv)
{
    if (printHelpIfAsked(argv,
                         "Usage: chorus-cli split PROJECT.chorus --dataset NAME [--by random|time|user]\n"
                         "                        [--ratios 0.8,0.1,0.1] [--seed N] [--stratify TASK] [--json]\n\n"
                         "Assigns every post of the dataset to train, valid or test and stores the split in the\n"
                         "project (the latest split is the dataset's default). random: shuffled, optionally\n"
                         "keeping the label proportions of TASK in every part; time: oldest posts train, newest\n"
                         "test; user: no author in two parts. The same seed gives the same split everywhere.\n"))
        return 0;
    Arguments args(argv, {"dataset", "by", "ratios", "seed", "stratify"}, {"json"});
    CliContext ctx("split", args.has("json"));
    SplitOptions options;
    options.seed = static_cast<std::uint64_t>(args.integer("seed", static_cast<long long>(options.seed)));
    if (!args.ok())
        return ctx.usage(args.error());
    if (args.positionals().size() != 1)
        return ctx.usage("expected exactly one project path");
    if (!args.has("dataset"))
        return ctx.usage("--dataset is required");
    auto method = DatasetSplitter::parseMethod(args.value("by", "random"));
    if (!method)
        return ctx.usage(method.message());
    options.method = *method;
    if (args.has("ratios")) {
        auto ratios = parseRatios(args.value("ratios"));
        if (!ratios)
            return ctx.usage(ratios.message());
        options.train = (*ratios)[0];
        options.valid = (*ratios)[1];
        options.test = (*ratios)[2];
    }
    options.stratifyTask = args.value("stratify");
    if (Status valid = options.validate(); !valid.ok())
        return ctx.usage(valid.message());

    auto project = Project::open(args.positionals()[0], Project::OpenMode::OpenExisting);
    if (!project)
        return ctx.fail(project.message());
    auto split = DatasetSplitter::create(**project, args.value("dataset"), options);
    if (!split)
        return ctx.fail(split.message());
    std::ostringstream text;
    text << "Split " << split->splitId << " of '" << args.value("dataset") << "' (" << DatasetSplitter::methodName(options.method)
         << ", seed " << options.seed << "): train " << split->train << ", valid " << split->valid << ", test "
         << split->test << "\n";
    return ctx.succeed({{"split_id", split->splitId},
                        {"dataset", args.value("dataset")},
                        {"method", DatasetSplitter::methodName(options.method)},
                        {"seed", options.seed},
                        {"train", split->train},
                        {"valid", split->valid},
                        {"test", split->test}},
                       text.str());
}
