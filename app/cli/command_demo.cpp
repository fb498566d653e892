// The demo subcommand: the generated demo datasets, plus the real public data set-up fetched.
#include "arguments.h"
#include "clicontext.h"
#include "commands.h"
#include "helptext.h"

#include "core/demo/demogenerator.h"
#include "core/import/importjob.h"
#include "core/import/recordsource.h"
#include "core/split/datasetsplitter.h"
#include "core/store/project.h"

#include <algorithm>
#include <filesystem>
#include <sstream>

using namespace chorus;
namespace fs = std::filesystem;

namespace {

struct RealDataset {
    std::string dataset;
    std::string format;
    std::vector<std::string> files;
    std::vector<LabelSpec> labels;
    std::string folderLabelTask;
    std::string stratify; // label task the default split keeps balanced; empty: plain random
};

std::vector<RealDataset> realDatasets(const fs::path &root)
{
    std::vector<RealDataset> found;
    std::vector<std::string> reviews;
    for (const char *name : {"amazon.json", "imdb.json", "yelp.json"})
        if (fs::exists(root / "sentiment" / name))
            reviews.push_back((root / "sentiment" / name).string());
    if (!reviews.empty())
        found.push_back({"reviews", "jsonl", reviews, {{"sentiment", "class"}}, "", "sentiment"});
    if (fs::is_directory(root / "emoji"))
        found.push_back({"emoji", "images", {(root / "emoji").string()}, {}, "category", "category"});
    if (fs::is_directory(root / "video")) {
        std::vector<std::string> videos;
        for (const auto &entry : fs::directory_iterator(root / "video"))
            if (entry.is_regular_file())
                videos.push_back(entry.path().string());
        std::sort(videos.begin(), videos.end());
        if (!videos.empty())
            found.push_back({"videos", "video", videos, {}, "", ""});
    }
    return found;
}

// A stored split is what training uses by default; the demo datasets get one unless they have one.
Result<SplitInfo> ensureSplit(Project &project, const std::string &dataset, const std::string &stratify)
{
    if (auto existing = DatasetSplitter::latest(project, dataset); existing.ok())
        return DatasetSplitter::counts(project, *existing);
    SplitOptions options;
    options.seed = 1;
    options.stratifyTask = stratify;
    return DatasetSplitter::create(project, dataset, options);
}

} // namespace

int commandDemo(const std::vector<std::string> &argv)
{
    if (printHelpIfAsked(argv,
                         "Usage: chorus-cli demo PROJECT.chorus [--seed N] [--posts N] [--users N] [--no-media]\n"
                         "                       [--real-data DIR] [--json]\n\n"
                         "Fills the project (created when missing) with the deterministic demo datasets:\n"
                         "'demo' (English and Chinese posts with sentiment, topic and engagement labels, reply\n"
                         "threads, images and short videos whose look and motion follow the labels) and\n"
                         "'interactions' (users with latent interests rating articles). With --real-data, also\n"
                         "imports what packaging/setup.sh data fetched there: 'reviews' (labelled sentences),\n"
                         "'emoji' (images by category) and 'videos'. Each dataset gets a stratified random split.\n"
                         "Running it again adds nothing.\n"))
        return 0;
    Arguments args(argv, {"seed", "posts", "users", "real-data"}, {"json", "no-media"});
    CliContext ctx("demo", args.has("json"));
    DemoOptions options;
    options.seed = static_cast<std::uint64_t>(args.integer("seed", static_cast<long long>(options.seed)));
    options.posts = static_cast<int>(args.integer("posts", options.posts));
    options.users = static_cast<int>(args.integer("users", options.users));
    if (!args.ok())
        return ctx.usage(args.error());
    if (args.positionals().size() != 1)
        return ctx.usage("expected exactly one project path");
    if (options.posts <= 0 || options.users <= 0)
        return ctx.usage("--posts and --users must be positive");
    if (args.has("no-media"))
        options.withMedia = false;
    const std::string path = args.positionals()[0];

    auto project = Project::open(path);
    if (!project)
        return ctx.fail(project.message());
    Project &p = **project;
    auto summary = DemoGenerator(options).generate(p);
    if (!summary)
        return ctx.fail(summary.message());
    std::ostringstream text;
    text << "Demo datasets in " << path << ": " << summary->postsAdded << " posts added (" << summary->postsAlreadyThere
         << " already there), " << summary->interactionsAdded << " interactions, " << summary->images << " images, "
         << summary->videos << " videos\n";
    nlohmann::json json = {{"project", path},
                           {"posts_added", summary->postsAdded},
                           {"posts_already_there", summary->postsAlreadyThere},
                           {"interactions_added", summary->interactionsAdded},
                           {"items", summary->items},
                           {"images", summary->images},
                           {"videos", summary->videos},
                           {"media_dir", summary->mediaDir}};
    nlohmann::json splits = nlohmann::json::object();
    auto split = ensureSplit(p, DemoGenerator::kPostsDataset, "sentiment");
    if (!split)
        return ctx.fail(split.message());
    splits[DemoGenerator::kPostsDataset] = {{"train", split->train}, {"valid", split->valid}, {"test", split->test}};

    nlohmann::json real = nlohmann::json::array();
    if (args.has("real-data")) {
        const fs::path root = args.value("real-data");
        if (!fs::is_directory(root))
            return ctx.fail("real data folder '" + root.string() + "' does not exist (packaging/setup.sh data fetches it)");
        const auto datasets = realDatasets(root);
        if (datasets.empty())
            return ctx.fail("no real data found in '" + root.string() + "' (packaging/setup.sh data fetches it)");
        for (const RealDataset &d : datasets) {
            ImportOptions importOptions;
            importOptions.format = d.format;
            importOptions.dataset = d.dataset;
            importOptions.labels = d.labels;
            if (!d.folderLabelTask.empty())
                importOptions.folderLabelTask = d.folderLabelTask;
            if (!makeRecordSource(d.format)) {
                text << "  skipped " << d.dataset << ": this build cannot import " << d.format << "\n";
                continue;
            }
            ImportJob job(p, importOptions);
            auto report = job.run(d.files);
            if (!report)
                return ctx.fail("importing " + d.dataset + ": " + report.message());
            real.push_back({{"dataset", d.dataset},
                            {"imported", report->imported},
                            {"duplicates", report->duplicates},
                            {"rejected", report->rejected}});
            text << "  " << d.dataset << ": " << report->imported << " imported, " << report->duplicates
                 << " already there, " << report->rejected << " rejected\n";
            auto realSplit = ensureSplit(p, d.dataset, d.stratify);
            if (!realSplit)
                return ctx.fail(realSplit.message());
            splits[d.dataset] = {{"train", realSplit->train}, {"valid", realSplit->valid}, {"test", realSplit->test}};
        }
    }
    json["real_data"] = real;
    json["splits"] = splits;
    return ctx.succeed(json, text.str());
}
