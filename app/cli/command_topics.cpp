// The topics subcommand: topic discovery over a dataset's posts, stored as a label task.
#include "arguments.h"
#include "clicontext.h"
#include "commands.h"
#include "helptext.h"

#include "core/analytics/topiccorpus.h"
#include "core/analytics/topicmodeler.h"
#include "core/analytics/topicstore.h"
#include "core/embeddings/wordvectors.h"
#include "core/store/project.h"
#include "core/util/csvescape.h"
#include "models/training/embeddingtrainer.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

using namespace chorus;

namespace {

const char *kTopicsHelp =
    "Usage: chorus-cli topics PROJECT.chorus [--dataset NAME] [--method kmeans|density|lda] [--k N|auto]\n"
    "                         [--embedding lsa|vectors (--vectors FILE | --run ID)] [--dims D]\n"
    "                         [--task NAME] [--seed S] [--min-count N] [--max-df F] [--iterations N]\n"
    "                         [--epsilon E] [--min-points N] [--label-outliers] [--replace]\n"
    "                         [--csv FILE] [--name NAME] [--no-store] [--json]\n\n"
    "Finds the topics of a dataset's posts and stores them in the project as a label task (one\n"
    "label per post, the topic's label as value), replacing that task's previous topics at once.\n"
    "  --method kmeans   posts embedded (LSA or averaged word vectors), spherical k-means   (default)\n"
    "  --method density  DBSCAN over cosine distance; posts in no dense region are outliers\n"
    "                    (--epsilon: neighbour distance, estimated when left out; --min-points 5)\n"
    "  --method lda      latent Dirichlet allocation by collapsed Gibbs sampling (--iterations 300)\n"
    "--k auto (default) picks k in 2..12 by silhouette. --embedding lsa (default): TF-IDF reduced to\n"
    "--dims (64) dimensions by randomized SVD; vectors: the SIF-weighted average of word vectors\n"
    "from --vectors FILE (word2vec text, or binary when it ends in .bin) or word2vec run --run ID.\n"
    "Terms: words and hashtags seen --min-count (2) times and in at most --max-df (0.5) of the posts.\n"
    "Every topic is described by its top terms (c-TF-IDF, or p(term|topic) for LDA), a label from\n"
    "the first three, its size, NPMI coherence over the project's posts and representative posts.\n"
    "--task defaults to topic_cluster (kmeans, density) or lda_topic; a task holding labels that\n"
    "topics did not write is refused unless --replace. Outliers get no label, or \"outlier\" with\n"
    "--label-outliers. --csv FILE writes post_id,topic,label for every post (topic -1: outlier).\n"
    "The description is also kept as a stored analysis (see chorus-cli analyses), named --name NAME\n"
    "or \"TASK: N topics by METHOD\"; --no-store keeps only the label task.\n";

// The posts dataset to use when --dataset is not given: the only one there is.
Result<std::string> defaultDataset(Project &project)
{
    auto datasets = project.datasets();
    if (!datasets)
        return datasets.error();
    std::vector<std::string> posts;
    for (const DatasetInfo &d : *datasets)
        if (d.posts > 0)
            posts.push_back(d.name);
    if (posts.size() == 1)
        return posts.front();
    if (posts.empty())
        return Error{"the project has no dataset with posts"};
    std::string names;
    for (const std::string &n : posts)
        names += (names.empty() ? "" : ", ") + n;
    return Error{"the project has several datasets with posts (" + names + "); pick one with --dataset"};
}

bool endsWith(const std::string &text, const std::string &suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Status writeCsv(const std::string &path, const TopicModelResult &result)
{
    const std::string partial = path + ".partial";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        if (!out)
            return Error{"cannot write '" + path + "'"};
        out << "post_id,topic,label\n";
        for (std::size_t i = 0; i < result.postIds.size(); ++i)
            out << result.postIds[i] << ',' << result.assignments[i] << ',' << csvEscape(result.labelOf(result.assignments[i]))
                << '\n';
        if (!out.flush())
            return Error{"writing '" + path + "' failed (disk full?)"};
    }
    if (std::rename(partial.c_str(), path.c_str()) != 0)
        return Error{"cannot move '" + partial + "' to '" + path + "'"};
    return {};
}

} // namespace

int commandTopics(const std::vector<std::string> &argv)
{
    if (printHelpIfAsked(argv, kTopicsHelp))
        return 0;
    Arguments args(argv,
                   {"dataset", "method", "k", "embedding", "vectors", "run", "task", "seed", "csv", "dims", "min-count",
                    "max-df", "iterations", "epsilon", "min-points", "name"},
                   {"json", "label-outliers", "replace", "no-store"});
    CliContext ctx("topics", args.has("json"));
    TopicModelerOptions options;
    options.seed = static_cast<std::uint64_t>(args.integer("seed", 1));
    const long long runId = args.integer("run", 0);
    const long long dims = args.integer("dims", 64);
    const long long minCount = args.integer("min-count", 2);
    const long long iterations = args.integer("iterations", 300);
    const long long minPoints = args.integer("min-points", 5);
    if (!args.ok())
        return ctx.usage(args.error());
    if (args.positionals().size() != 1)
        return ctx.usage("expected exactly one project path");
    auto method = TopicModelerOptions::parseMethod(args.value("method", "kmeans"));
    if (!method)
        return ctx.usage(method.message());
    options.method = *method;
    auto embedding = TopicModelerOptions::parseEmbedding(args.value("embedding", "lsa"));
    if (!embedding)
        return ctx.usage(embedding.message());
    options.embedding = *embedding;
    if (options.embedding == TopicEmbedding::WordVectors && args.has("vectors") == args.has("run"))
        return ctx.usage("--embedding vectors needs either --vectors FILE or --run ID");
    const std::string k = args.value("k", "auto");
    if (k != "auto") {
        char *end = nullptr;
        const long value = std::strtol(k.c_str(), &end, 10);
        if (k.empty() || *end != '\0' || value < 2)
            return ctx.usage("--k: expected a number of topics of at least 2 or 'auto', got '" + k + "'");
        options.k = static_cast<std::size_t>(value);
    }
    if (dims < 2 || minCount < 1 || iterations < 1 || minPoints < 2)
        return ctx.usage("--dims, --min-count, --iterations and --min-points must be positive (dims, min-points >= 2)");
    options.lsa.dimensions = static_cast<std::size_t>(dims);
    options.lda.iterations = static_cast<int>(iterations);
    options.density.minPoints = static_cast<std::size_t>(minPoints);
    if (args.has("epsilon")) {
        // `end` points into the text, so the text must outlive it (not a temporary).
        const std::string text = args.value("epsilon");
        char *end = nullptr;
        options.density.epsilon = std::strtod(text.c_str(), &end);
        if (*end != '\0' || options.density.epsilon <= 0 || options.density.epsilon > 2)
            return ctx.usage("--epsilon: expected a cosine distance in (0, 2], got '" + args.value("epsilon") + "'");
    }
    TopicCorpusOptions corpusOptions;
    corpusOptions.minCount = minCount;
    if (args.has("max-df")) {
        const std::string text = args.value("max-df");
        char *end = nullptr;
        corpusOptions.maxDocumentFrequency = std::strtod(text.c_str(), &end);
        if (*end != '\0' || corpusOptions.maxDocumentFrequency <= 0 || corpusOptions.maxDocumentFrequency > 1)
            return ctx.usage("--max-df: expected a fraction in (0, 1], got '" + args.value("max-df") + "'");
    }
    options.task = args.value("task", options.method == TopicMethod::Lda ? "lda_topic" : "topic_cluster");

    auto project = Project::open(args.positionals()[0], Project::OpenMode::OpenExisting);
    if (!project)
        return ctx.fail(project.message());
    std::string dataset = args.value("dataset");
    if (dataset.empty()) {
        auto chosen = defaultDataset(**project);
        if (!chosen)
            return ctx.usage(chosen.message());
        dataset = *chosen;
    }

    std::optional<WordVectors> vectors;
    if (options.embedding == TopicEmbedding::WordVectors && options.method != TopicMethod::Lda) {
        std::string path = args.value("vectors");
        WordVectorFormat format = endsWith(path, ".bin") ? WordVectorFormat::Binary : WordVectorFormat::Text;
        if (args.has("run")) {
            auto runPath = EmbeddingTrainer::vectorsPath(**project, runId);
            if (!runPath)
                return ctx.fail(runPath.message());
            path = *runPath;
            format = WordVectorFormat::Binary; // what word2vec runs write
        }
        auto loaded = WordVectors::load(path, format);
        if (!loaded)
            return ctx.fail(loaded.message());
        vectors = std::move(*loaded);
    }

    // Progress: one line per stage on stderr, so --json stdout stays one object.
    std::string lastStage;
    TopicProgress progress = [&lastStage](const std::string &stage, double) {
        if (stage != lastStage) {
            std::cerr << "topics: " << stage << "..." << std::endl;
            lastStage = stage;
        }
        return true;
    };
    auto corpus = TopicCorpus::load(**project, dataset, corpusOptions, progress);
    if (!corpus)
        return ctx.fail(corpus.message());
    std::cerr << "topics: " << corpus->size() << " posts, " << corpus->termCount() << " terms" << std::endl;
    TopicModeler modeler(options);
    modeler.setProgress(progress);
    auto result = modeler.run(*corpus, vectors ? &*vectors : nullptr);
    if (!result)
        return ctx.fail(result.message());
    result->dataset = dataset;

    TopicStoreOptions storeOptions;
    storeOptions.labelOutliers = args.has("label-outliers");
    storeOptions.replaceForeignLabels = args.has("replace");
    if (Status s = TopicStore::save(**project, *result, storeOptions); !s.ok())
        return ctx.fail(s.message() + (s.message().find("explicitly") != std::string::npos ? " (--task NAME or --replace)" : ""));
    if (args.has("csv")) {
        if (Status s = writeCsv(args.value("csv"), *result); !s.ok())
            return ctx.fail(s.message());
    }
    std::int64_t analysisId = 0;
    if (!args.has("no-store")) {
        auto id = TopicStore::recordAnalysis(**project, *result, args.value("name"));
        if (!id)
            return ctx.fail(id.message());
        analysisId = *id;
    }

    std::ostringstream text;
    text << result->topics.size() << " topics in '" << dataset << "' (" << result->method;
    if (result->embedding != "none")
        text << " on " << result->embedding;
    text << ", seed " << result->seed << "), stored as label task '" << result->task << "'";
    if (result->outliers > 0)
        text << "; " << result->outliers << " posts in no topic";
    text << "\nmean NPMI " << result->meanCoherence << "\n\n";
    for (const TopicDescription &t : result->topics) {
        char head[160];
        std::snprintf(head, sizeof head, "%3d  %-32s %7lld posts  NPMI %6.3f  ", t.id, t.label.c_str(),
                      static_cast<long long>(t.size), t.coherence);
        text << head;
        for (std::size_t i = 0; i < t.terms.size(); ++i)
            text << (i ? " " : "") << t.terms[i];
        text << "\n";
    }
    if (args.has("csv"))
        text << "\nWrote " << result->postIds.size() << " rows to " << args.value("csv") << "\n";
    if (analysisId > 0)
        text << "Stored as analysis " << analysisId << "\n";
    nlohmann::json json = result->toJson();
    if (analysisId > 0)
        json["analysis_id"] = analysisId;
    json["terms"] = corpus->termCount();
    if (args.has("csv"))
        json["csv"] = args.value("csv");
    return ctx.succeed(json, text.str());
}
