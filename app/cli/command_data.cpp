// Subcommands that move data in and out: import, export.
#include "arguments.h"
#include "clicontext.h"
#include "commands.h"
#include "helptext.h"
#include "postrepresentationexport.h"
#include "projectorfolder.h"
#include "terminalprogress.h"

#include "core/embeddings/embeddinghistory.h"
#include "core/embeddings/projectortable.h"
#include "core/embeddings/wordvectors.h"
#include "core/import/importjob.h"
#include "core/import/recordsource.h"
#include "core/store/datasetexporter.h"
#include "core/store/project.h"
#include "core/text/vocabulary.h"
#include "core/training/runartifacts.h"
#include "models/training/embeddingtrainer.h"
#include "models/training/runmodel.h"
#include "models/training/weightsexporter.h"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <csignal>
#include <sstream>

using namespace chorus;

namespace {

ImportJob *g_runningImport = nullptr;

extern "C" void cancelImportOnSignal(int)
{
    // Only an atomic store: safe in a signal handler. The job stops at its next row and keeps what
    // it stored; re-running the same command completes the import.
    if (g_runningImport)
        g_runningImport->cancel();
}

std::string baseName(const std::string &path)
{
    std::string name = path;
    while (name.size() > 1 && name.back() == '/')
        name.pop_back();
    if (auto slash = name.rfind('/'); slash != std::string::npos)
        name = name.substr(slash + 1);
    if (auto dot = name.find('.'); dot != std::string::npos && dot > 0)
        name = name.substr(0, dot);
    return name;
}

const char *kImportHelp =
    "Usage: chorus-cli import PROJECT.chorus [--format FORMAT] [--dataset NAME] [--mapping M.json]\n"
    "                         [--label TASK=FIELD]... [--folder-label-task TASK] [--pseudonymize]\n"
    "                         [--mask-contacts] [--skip-duplicate-text] [--json] FILE...\n\n"
    "Streams FILEs into the project. FORMAT is one of csv, tsv, jsonl, twitter, reddit, interactions,\n"
    "images (a folder; label = sub-folder name), video, or a format a loaded plugin adds (such as\n"
    "mastodon; see chorus-cli plugins); guessed from the first file when omitted.\n"
    "NAME defaults to the first file's name. Posts already in the dataset (same source id) are counted as\n"
    "duplicates and not stored twice, so an interrupted import is completed by running it again.\n"
    "Rows that cannot be used are rejected, logged in the project with file, line and reason, and do\n"
    "not fail the import. Ctrl-C cancels and keeps what was stored.\n\n"
    "  --mapping M.json     {\"fields\": {\"text\": \"body\", \"author\": \"/user/id\"}, \"labels\": {\"sentiment\": \"label\"},\n"
    "                       \"images\": [\"image_path\"], \"videos\": [], \"extras\": [\"col\"]}\n"
    "  --label TASK=FIELD   store FIELD (a canonical field such as client_app, a column, or a JSON pointer)\n"
    "                       as the label of TASK\n"
    "  --pseudonymize       replace user ids by keyed hashes (per-project secret); drop user names\n"
    "  --mask-contacts      replace e-mail addresses and phone numbers in text\n"
    "  --skip-duplicate-text  skip a post whose text (case and spacing aside) repeats one already in\n"
    "                       the dataset or earlier in the files (retweets, spam); counted as a duplicate\n"
    "  --json               print {\"dataset\", \"imported\", \"duplicates\", \"rejected\", \"errors\": [...]}\n";

} // namespace

int commandImport(const std::vector<std::string> &argv)
{
    if (printHelpIfAsked(argv, kImportHelp))
        return 0;
    Arguments args(argv, {"format", "dataset", "mapping", "label", "folder-label-task", "batch-size"},
                   {"json", "pseudonymize", "mask-contacts", "skip-duplicate-text", "quiet"});
    CliContext ctx("import", args.has("json"));
    ImportOptions options;
    options.batchSize = static_cast<std::size_t>(args.integer("batch-size", static_cast<long long>(options.batchSize)));
    if (!args.ok())
        return ctx.usage(args.error());
    if (args.positionals().size() < 2)
        return ctx.usage("expected a project path and at least one input file");
    const std::string projectPath = args.positionals()[0];
    const std::vector<std::string> files(args.positionals().begin() + 1, args.positionals().end());

    options.format = args.value("format");
    if (options.format.empty()) {
        options.format = detectImportFormat(files.front());
        if (options.format.empty())
            return ctx.usage("cannot tell the format of '" + files.front() + "'; give --format");
    }
    if (!makeRecordSource(options.format)) {
        std::string known;
        for (const std::string &f : knownImportFormats())
            known += (known.empty() ? "" : ", ") + f;
        return ctx.usage("unknown format '" + options.format + "' (known: " + known + ")");
    }
    options.dataset = args.value("dataset", baseName(files.front()));
    if (args.has("mapping")) {
        auto mapping = FieldMapping::fromFile(args.value("mapping"));
        if (!mapping)
            return ctx.fail(mapping.message());
        options.mapping = *mapping;
    }
    for (const std::string &spec : args.values("label")) {
        auto label = LabelSpec::parse(spec);
        if (!label)
            return ctx.usage(label.message());
        options.labels.push_back(*label);
    }
    options.folderLabelTask = args.value("folder-label-task", options.folderLabelTask);
    options.privacy.pseudonymizeUsers = args.has("pseudonymize");
    options.privacy.maskContacts = args.has("mask-contacts");
    options.skipDuplicateText = args.has("skip-duplicate-text");

    auto project = Project::open(projectPath);
    if (!project)
        return ctx.fail(project.message());

    ImportJob job(**project, options);
    TerminalProgress bar(!ctx.json() && !args.has("quiet"));
    g_runningImport = &job;
    std::signal(SIGINT, cancelImportOnSignal);
    std::signal(SIGTERM, cancelImportOnSignal);
    auto report = job.run(files, [&](const ImportProgress &p) {
        bar.update(p.bytes, p.totalBytes, p.rows, p.rowsPerSecond, p.file);
        return true;
    });
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    g_runningImport = nullptr;
    bar.finish();
    if (!report)
        return ctx.fail(report.message());

    nlohmann::json errors = nlohmann::json::array();
    for (const ImportError &e : report->errors)
        errors.push_back({{"file", e.file}, {"line", e.line}, {"reason", e.reason}});
    nlohmann::json json = {{"dataset", report->dataset},
                           {"format", options.format},
                           {"imported", report->imported},
                           {"duplicates", report->duplicates},
                           {"rejected", report->rejected},
                           {"errors", errors},
                           {"errors_truncated", report->rejected > static_cast<std::int64_t>(report->errors.size())},
                           {"cancelled", report->cancelled},
                           {"seconds", report->seconds}};
    std::ostringstream text;
    text << "Imported " << report->imported << " into dataset '" << report->dataset << "' (" << report->duplicates
         << " duplicates skipped, " << report->rejected << " rejected) in " << report->seconds << " s\n";
    for (const ImportError &e : report->errors)
        text << "  rejected " << e.file << ":" << e.line << ": " << e.reason << "\n";
    if (report->rejected > static_cast<std::int64_t>(report->errors.size()))
        text << "  ... all rejected rows are in the project's import log\n";
    if (report->cancelled)
        text << "Cancelled: run the same command again to complete the import.\n";
    const int code = ctx.succeed(json, text.str());
    return report->cancelled ? 130 : code;
}

// The vectors a run recorded at the end of one epoch (EmbeddingHistory: tokens or words, posts,
// user or item factors), as a projector pair: read from the project, no checkpoint needed.
static int exportEmbeddingEpoch(CliContext &ctx, Project &project, std::int64_t runId, EmbeddingSpace space, int epoch,
                                const std::string &out)
{
    auto snapshot = EmbeddingHistory(project).load(runId, epoch, space);
    if (!snapshot)
        return ctx.fail(snapshot.message());
    auto folder = ProjectorFolder::create(out);
    if (!folder)
        return ctx.fail(folder.message());
    if (Status s = snapshot->toProjectorTable().saveTsv(folder->vectors, folder->metadata); !s.ok())
        return ctx.fail(s.message());
    const std::string what = embeddingSpaceName(space);
    return ctx.succeed({{"run_id", runId}, {"what", space == EmbeddingSpace::Tokens ? "embeddings" : what},
                        {"epoch", epoch}, {"step", snapshot->step}, {"rows", snapshot->tokens.size()},
                        {"tokens", snapshot->tokens.size()}, {"dimensions", snapshot->dimensions},
                        {"vectors", folder->vectors}, {"metadata", folder->metadata}},
                       "Wrote " + std::to_string(snapshot->tokens.size()) + " " + what + " of epoch " +
                           std::to_string(epoch) + " to " + folder->vectors + " and " + folder->metadata + "\n");
}

// A factor recommender's final user or item factors: the projector tables its run saved.
static int exportRunFactors(CliContext &ctx, Project &project, std::int64_t runId, const std::string &side,
                            const std::string &out)
{
    auto factors = RunArtifacts(project).latest(runId, "embeddings", "factors");
    if (!factors)
        return ctx.fail("run " + std::to_string(runId) + " has no user or item factors (only matrix factorisation and "
                        "the hybrid recommender have them): " + factors.message());
    const nlohmann::json tables = nlohmann::json::parse(factors->data, nullptr, false);
    if (!tables.is_object() || !tables.contains(side) || !tables[side].is_object())
        return ctx.fail("run " + std::to_string(runId) + ": its factors artifact names no " + side + " table");
    auto table = ProjectorTable::loadTsv(tables[side].value("vectors", ""), tables[side].value("metadata", ""));
    if (!table)
        return ctx.fail(table.message());
    auto folder = ProjectorFolder::create(out);
    if (!folder)
        return ctx.fail(folder.message());
    if (Status s = table->saveTsv(folder->vectors, folder->metadata); !s.ok())
        return ctx.fail(s.message());
    return ctx.succeed({{"run_id", runId}, {"what", side}, {"rows", table->rows}, {"dimensions", table->dimensions},
                        {"vectors", folder->vectors}, {"metadata", folder->metadata}},
                       "Wrote " + std::to_string(table->rows) + " " + side + " factors to " + folder->vectors + " and " +
                           folder->metadata + "\n");
}

// weights / embeddings of a supervised run.
static int exportRunModel(CliContext &ctx, Project &project, std::int64_t runId, const std::string &what,
                          const std::string &out)
{
    auto loaded = RunModel::load(project, runId);
    if (!loaded)
        return ctx.fail(loaded.message());
    if (what == "weights") {
        const std::map<std::string, std::string> metadata = {
            {"format", "pt"}, {"chorus.model", loaded->run.model}, {"chorus.run", std::to_string(runId)},
            {"chorus.config", loaded->run.config.dump()}};
        if (Status s = WeightsExporter::saveSafetensors(*loaded->model, out, metadata); !s.ok())
            return ctx.fail(s.message());
        std::filesystem::path configPath(out);
        configPath.replace_extension(".json");
        std::ofstream config(configPath);
        config << loaded->run.config.dump(2) << '\n';
        if (!config)
            return ctx.fail("cannot write " + configPath.string());
        std::size_t tensors = loaded->model->named_parameters().size() + loaded->model->named_buffers().size();
        return ctx.succeed({{"run_id", runId}, {"tensors", tensors}, {"output", out}, {"config", configPath.string()}},
                           "Wrote " + std::to_string(tensors) + " tensors to " + out + " and the config to " +
                               configPath.string() + "\n");
    }
    torch::Tensor embedding = loaded->model->embeddingWeight();
    if (!embedding.defined())
        return ctx.fail("run " + std::to_string(runId) + ": model '" + loaded->run.model + "' has no token embeddings");
    auto vocabulary = Vocabulary::fromJson(loaded->encoding["vocabulary"]);
    if (!vocabulary)
        return ctx.fail(vocabulary.message());
    std::vector<std::int64_t> ids(static_cast<std::size_t>(embedding.size(0)));
    for (std::size_t i = 0; i < ids.size(); ++i)
        ids[i] = static_cast<std::int64_t>(i);
    const std::vector<std::string> tokens = vocabulary->decode(ids);
    auto folder = ProjectorFolder::create(out);
    if (!folder)
        return ctx.fail(folder.message());
    const std::string &vectors = folder->vectors;
    const std::string &metadata = folder->metadata;
    if (Status s = WeightsExporter::saveProjectorTsv(embedding, tokens, vectors, metadata); !s.ok())
        return ctx.fail(s.message());
    return ctx.succeed({{"run_id", runId}, {"tokens", tokens.size()}, {"dimensions", embedding.size(1)},
                        {"vectors", vectors}, {"metadata", metadata}},
                       "Wrote " + std::to_string(tokens.size()) + " token embeddings to " + vectors + " and " + metadata +
                           "\n");
}

int commandExport(const std::vector<std::string> &argv)
{
    if (printHelpIfAsked(argv, "Usage: chorus-cli export PROJECT.chorus --dataset NAME --format csv|jsonl OUT [--json]\n"
                               "       chorus-cli export PROJECT.chorus --run ID --what weights|embeddings|vectors|posts|users|items\n"
                               "                         [--epoch N] [--limit N] OUT [--json]\n\n"
                               "Writes the dataset's posts with one column per label task and the part of the\n"
                               "latest split. With --run: `vectors` writes a word2vec run's vectors in word2vec text format\n"
                               "(binary when OUT ends in .bin); `weights` writes a trained model's tensors as OUT in\n"
                               "safetensors format and its run config beside it (OUT with .json); `embeddings` writes\n"
                               "its token embeddings for the TensorBoard projector into the folder OUT (vectors.tsv,\n"
                               "metadata.tsv). `posts` writes each post of the run's dataset as the model sees\n"
                               "it (the vector its output layer reads) into the folder OUT, with the text, split, label\n"
                               "and prediction as metadata; --limit N (default 100000) caps the posts, in id order.\n"
                               "`users` and `items` write a factor recommender's (MF, hybrid) user or item factors.\n"
                               "--epoch N writes the vectors as they were at the end of epoch N (ALS iteration N for\n"
                               "users and items) instead, from the project: the 2,000 most frequent tokens (word2vec\n"
                               "and every model with token embeddings), the first 2,000 validation posts, the 2,000\n"
                               "most active users and most popular items.\n"
                               "Files appear only when the export completed.\n"))
        return 0;
    Arguments args(argv, {"dataset", "format", "run", "what", "epoch", "limit"}, {"json"});
    CliContext ctx("export", args.has("json"));
    const long long runId = args.integer("run", 0);
    const long long epoch = args.integer("epoch", 0);
    const long long limit = args.integer("limit", 100000);
    if (!args.ok())
        return ctx.usage(args.error());
    if (args.positionals().size() != 2)
        return ctx.usage("expected a project path and an output file");
    if (args.has("run")) {
        const std::string what = args.value("what", "vectors");
        if (what != "vectors" && what != "weights" && what != "embeddings" && what != "posts" && what != "users" &&
            what != "items")
            return ctx.usage("--what: expected weights, embeddings, vectors, posts, users or items; got '" + what + "'");
        if (args.has("limit") && what != "posts")
            return ctx.usage("--limit goes with --what posts");
        if (limit < 1)
            return ctx.usage("--limit: expected a number of posts from 1; got " + std::to_string(limit));
        if (args.has("epoch") && (what == "weights" || what == "vectors"))
            return ctx.usage("--epoch goes with --what embeddings, posts, users or items");
        if (args.has("epoch") && (epoch < 1 || epoch > 1000000))
            return ctx.usage("--epoch: expected an epoch number from 1; got " + std::to_string(epoch));
        auto project = Project::open(args.positionals()[0], Project::OpenMode::OpenExisting);
        if (!project)
            return ctx.fail(project.message());
        if (args.has("epoch")) {
            auto space = parseEmbeddingSpace(what == "embeddings" ? "tokens" : what);
            if (!space)
                return ctx.usage(space.message());
            return exportEmbeddingEpoch(ctx, **project, runId, *space, static_cast<int>(epoch), args.positionals()[1]);
        }
        if (what == "posts")
            return exportPostRepresentations(ctx, **project, runId, limit, args.positionals()[1]);
        if (what == "users" || what == "items")
            return exportRunFactors(ctx, **project, runId, what, args.positionals()[1]);
        if (what != "vectors")
            return exportRunModel(ctx, **project, runId, what, args.positionals()[1]);
        auto path = EmbeddingTrainer::vectorsPath(**project, runId);
        if (!path)
            return ctx.fail(path.message());
        auto vectors = WordVectors::load(*path, WordVectorFormat::Binary);
        if (!vectors)
            return ctx.fail(vectors.message());
        const std::string out = args.positionals()[1];
        const bool binary = out.size() > 4 && out.compare(out.size() - 4, 4, ".bin") == 0;
        if (Status s = vectors->save(out, binary ? WordVectorFormat::Binary : WordVectorFormat::Text); !s.ok())
            return ctx.fail(s.message());
        return ctx.succeed({{"run_id", runId}, {"words", vectors->size()}, {"dimensions", vectors->dimensions()}, {"output", out}},
                           "Wrote " + std::to_string(vectors->size()) + " word vectors to " + out + "\n");
    }
    if (!args.has("dataset"))
        return ctx.usage("--dataset is required");
    auto format = DatasetExporter::parseFormat(args.value("format", "csv"));
    if (!format)
        return ctx.usage(format.message());
    auto project = Project::open(args.positionals()[0], Project::OpenMode::OpenExisting);
    if (!project)
        return ctx.fail(project.message());
    auto written = DatasetExporter::exportDataset(**project, args.value("dataset"), *format, args.positionals()[1]);
    if (!written)
        return ctx.fail(written.message());
    return ctx.succeed({{"dataset", args.value("dataset")}, {"posts", *written}, {"output", args.positionals()[1]}},
                       "Wrote " + std::to_string(*written) + " posts to " + args.positionals()[1] + "\n");
}
