// The train and runs subcommands. `train --events -` is the worker protocol the GUI speaks: JSON
// events, one per line, on stdout; commands (pause, resume, step, stop), one per line, on stdin.
#include "arguments.h"
#include "clicontext.h"
#include "commands.h"
#include "helptext.h"
#include "presetlocator.h"

#include "core/recommend/recommendertrainer.h"
#include "core/store/project.h"
#include "core/training/runconfig.h"
#include "core/training/runstore.h"
#include "models/distributed/dataparallelgroup.h"
#include "models/distributed/distributedenvironment.h"
#include "models/registry/modelregistry.h"
#include "models/training/embeddingtrainer.h"
#include "models/training/seq2seqtrainer.h"
#include "models/training/supervisedtrainer.h"
#include "models/training/trainercontrol.h"

#ifdef CHORUS_HAVE_MEDIA
#include "core/media/projectmediareader.h"
#endif

#include <fstream>
#include <optional>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

using namespace chorus;

namespace {

std::string trimmed(const std::string &text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// Applies one line of the worker protocol: "pause", or {"command": "pause"}; resume may carry a new
// learning rate, {"command": "resume", "lr": 0.0005}. Returns an error message, empty on success.
std::string applyCommand(TrainerControl &control, const std::string &line, bool distributed)
{
    const std::string text = trimmed(line);
    if (text.empty())
        return {};
    std::string name = text;
    nlohmann::json json;
    if (text.front() == '{') {
        json = nlohmann::json::parse(text, nullptr, false);
        if (!json.is_object() || !json.contains("command") || !json["command"].is_string())
            return "expected a command like {\"command\": \"pause\"}, got " + text;
        name = json["command"].get<std::string>();
    }
    // The ranks of a distributed run step together: one rank cannot hold while the others wait.
    if (distributed && (name == "pause" || name == "resume" || name == "step"))
        return "'" + name + "' is not available in a distributed run (stop is)";
    if (text.front() != '{')
        return control.command(text) ? std::string() : "unknown command '" + text + "'";
    if (name == "resume" && json.contains("lr")) {
        if (!json["lr"].is_number() || !(json["lr"].get<double>() > 0 && json["lr"].get<double>() <= 10))
            return "resume: lr must be a number greater than 0 and at most 10, got " + json["lr"].dump();
        control.resume(json["lr"].get<double>());
        return {};
    }
    return control.command(name) ? std::string() : "unknown command '" + name + "'";
}

} // namespace

// Runs the trainer a family names, with the worker protocol when --events - is given, and prints
// the outcome. resumeRun != 0 continues that run from its latest checkpoint.
static int trainAndReport(CliContext &ctx, const Arguments &args, Project &project, const RunConfig &runConfig,
                   const ModelSpec &family, std::int64_t resumeRun, std::optional<double> resumeRate)
{
    const RunConfig *config = &runConfig;
    const ModelSpec *spec = &family;
    // torchrun-style environment: WORLD_SIZE > 1 makes this process one rank of a data-parallel run.
    auto environment = DistributedEnvironment::fromEnvironment();
    if (!environment)
        return ctx.fail(environment.message());
    const bool distributed = environment->has_value();
    if (distributed && (spec->trainer == "word2vec" || spec->trainer == "recommender" || spec->trainer == "seq2seq"))
        return ctx.fail("WORLD_SIZE is " + std::to_string((*environment)->worldSize) + ", but '" + spec->name +
                        "' trains on one machine: distributed training is for the supervised families (text, image, "
                        "video, fusion, multi-task)");
    TrainerControl control;
    std::mutex output;
    SupervisedTrainer::EventSink sink;
    if (args.has("events")) {
        sink = [&](const nlohmann::json &event) {
            std::lock_guard<std::mutex> lock(output);
            std::cout << event.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
        };
        // Blocks on stdin for as long as the process lives; detached, it ends with the process.
        std::thread([&control, &output, distributed] {
            std::string line;
            while (std::getline(std::cin, line)) {
                const std::string problem = applyCommand(control, line, distributed);
                if (!problem.empty()) {
                    std::lock_guard<std::mutex> lock(output);
                    std::cout << nlohmann::json{{"event", "error"}, {"message", problem}}.dump() << std::endl;
                }
            }
        }).detach();
    } else if (!args.has("json")) {
        sink = [](const nlohmann::json &event) {
            const std::string kind = event.value("event", "");
            if (kind == "evaluation") {
                std::cerr << "step " << event["step"];
                if (event.contains("loss")) // recommenders report ranking metrics only
                    std::cerr << " valid loss " << event["loss"];
                for (const char *name : {"accuracy", "macro_f1", "mae", "rmse", "perplexity", "bleu4", "rouge_l"})
                    if (event.contains(name))
                        std::cerr << " " << name << " " << event[name];
                for (const auto &[name, value] : event.items())
                    if (name.rfind("ndcg_at_", 0) == 0 || name.rfind("popularity_ndcg_at_", 0) == 0)
                        std::cerr << " " << name << " " << value;
                std::cerr << std::endl;
            } else if (kind == "warning")
                std::cerr << "warning: " << event["message"].get<std::string>() << std::endl;
            else if (kind == "started")
                std::cerr << "run " << event["run_id"] << " on " << event["device"].get<std::string>() << std::endl;
        };
    }
    TrainerControl *controlOrNull = args.has("events") ? &control : nullptr;

    nlohmann::json result;
    std::ostringstream text;
    if (spec->trainer == "word2vec") {
        if (resumeRun)
            return ctx.fail("run " + std::to_string(resumeRun) + ": word2vec runs cannot be resumed; train again");
        EmbeddingTrainer trainer(project, *config);
        trainer.setEventSink(sink);
        trainer.setControl(controlOrNull);
        auto outcome = trainer.run();
        if (!outcome)
            return ctx.fail(outcome.message());
        result = {{"run_id", outcome->runId},
                  {"status", outcome->status},
                  {"vectors", outcome->vectorsPath},
                  {"vocabulary", outcome->vocabulary},
                  {"words_per_s", outcome->wordsPerSecond}};
        text << "Run " << outcome->runId << " " << outcome->status << ": " << outcome->vocabulary << " word vectors in "
             << outcome->vectorsPath << "\n";
    } else if (spec->trainer == "recommender") {
        if (resumeRun)
            return ctx.fail("run " + std::to_string(resumeRun) + ": recommender runs cannot be resumed; train again");
        RecommenderTrainer trainer(project, *config);
        trainer.setEventSink(sink);
        if (controlOrNull)
            trainer.setPermission([controlOrNull] { return controlOrNull->awaitPermission(); });
        auto outcome = trainer.run();
        if (!outcome)
            return ctx.fail(outcome.message());
        result = {{"run_id", outcome->runId},
                  {"status", outcome->status},
                  {"test", outcome->test},
                  {"model_dir", outcome->modelDirectory},
                  {"users", outcome->users},
                  {"items", outcome->items}};
        text << "Run " << outcome->runId << " " << outcome->status;
        for (const auto &[name, value] : outcome->test.items())
            if (name.rfind("ndcg_at_", 0) == 0 || name.rfind("recall_at_", 0) == 0)
                text << ", " << name << " " << value << " (popularity " << outcome->test.value("popularity_" + name, 0.0)
                     << ")";
        text << "\n";
    } else if (spec->trainer == "seq2seq") {
        if (resumeRun)
            return ctx.fail("run " + std::to_string(resumeRun) + ": seq2seq runs cannot be resumed; train again");
        Seq2seqTrainer trainer(project, *config);
        trainer.setEventSink(sink);
        trainer.setControl(controlOrNull);
        auto outcome = trainer.run();
        if (!outcome)
            return ctx.fail(outcome.message());
        result = {{"run_id", outcome->runId},
                  {"status", outcome->status},
                  {"steps", outcome->steps},
                  {"best_valid", outcome->bestValid},
                  {"test", outcome->test}};
        text << "Run " << outcome->runId << " " << outcome->status << " after " << outcome->steps << " steps";
        if (outcome->test.contains("perplexity"))
            text << ": test perplexity " << outcome->test["perplexity"] << ", BLEU-4 " << outcome->test["bleu4"]
                 << ", ROUGE-L " << outcome->test["rouge_l"];
        text << "\n";
    } else {
        SupervisedTrainer trainer(project, *config, *spec);
        trainer.setEventSink(sink);
        trainer.setControl(controlOrNull);
        std::unique_ptr<DataParallelGroup> group;
        if (distributed) {
            auto connected = DataParallelGroup::connect(**environment);
            if (!connected)
                return ctx.fail(connected.message());
            group = std::move(*connected);
            trainer.setDataParallel(group.get());
        }
#ifdef CHORUS_HAVE_MEDIA
        ProjectMediaReader media(project.path());
        trainer.setMediaReader(&media);
#endif
        if (resumeRun)
            trainer.setResume(resumeRun, resumeRate);
        auto outcome = trainer.run();
        if (!outcome)
            return ctx.fail(outcome.message());
        result = {{"run_id", outcome->runId},
                  {"status", outcome->status},
                  {"steps", outcome->steps},
                  {"best_valid", outcome->bestValid},
                  {"test", outcome->test}};
        text << "Run " << outcome->runId << " " << outcome->status << " after " << outcome->steps << " steps";
        if (outcome->test.contains("accuracy") && !outcome->test["accuracy"].is_null())
            text << ": test accuracy " << outcome->test["accuracy"] << ", macro-F1 " << outcome->test["macro_f1"];
        text << "\n";
    }
    std::lock_guard<std::mutex> lock(output);
    return ctx.succeed(result, text.str());
}

int commandResume(const std::vector<std::string> &argv)
{
    if (printHelpIfAsked(argv,
                         "Usage: chorus-cli resume PROJECT.chorus --run ID [--lr RATE] [--events -] [--json]\n\n"
                         "Continues a stopped, failed or killed run from its latest checkpoint (model, optimiser,\n"
                         "random generator and data position), in the same run: what it recorded after that\n"
                         "checkpoint is recorded again. On the CPU the losses are those of an uninterrupted run.\n\n"
                         "  --lr RATE    a new base learning rate from the resumed step on (recorded in the run)\n"
                         "  --events -   the worker protocol, as for train\n"))
        return 0;
    Arguments args(argv, {"run", "lr", "events"}, {"json"});
    CliContext ctx("resume", args.has("json") || args.has("events"));
    if (!args.ok())
        return ctx.usage(args.error());
    if (args.positionals().size() != 1)
        return ctx.usage("expected exactly one project path");
    if (!args.has("run"))
        return ctx.usage("--run is required");
    if (args.has("events") && args.value("events") != "-")
        return ctx.usage("--events takes '-' (standard output)");
    std::int64_t runId = 0;
    try {
        runId = std::stoll(args.value("run"));
    } catch (const std::exception &) {
        return ctx.usage("--run: expected a run id, got '" + args.value("run") + "'");
    }
    std::optional<double> rate;
    if (args.has("lr")) {
        try {
            rate = std::stod(args.value("lr"));
        } catch (const std::exception &) {
            return ctx.usage("--lr: expected a number, got '" + args.value("lr") + "'");
        }
        if (!(*rate > 0 && *rate <= 10))
            return ctx.usage("--lr: must be greater than 0 and at most 10");
    }
    auto project = Project::open(args.positionals()[0], Project::OpenMode::OpenExisting);
    if (!project)
        return ctx.fail(project.message());
    auto run = RunStore(**project).get(runId);
    if (!run)
        return ctx.fail(run.message());
    if (run->status == "finished")
        return ctx.fail("run " + std::to_string(runId) + " has finished; there is nothing to resume");
    const ModelSpec *spec = ModelRegistry::instance().find(run->model);
    if (!spec)
        return ctx.fail("run " + std::to_string(runId) + ": model '" + run->model + "' is not in this build");
    auto config = RunConfig::parse(run->config, &spec->params, spec->supervised);
    if (!config)
        return ctx.fail("run " + std::to_string(runId) + ": stored config: " + config.message());
    return trainAndReport(ctx, args, **project, *config, *spec, runId, rate);
}

int commandTrain(const std::vector<std::string> &argv)
{
    if (printHelpIfAsked(argv,
                         "Usage: chorus-cli train PROJECT.chorus --config C.json [--events -] [--json]\n\n"
                         "Trains the model the config names on the dataset's stored split and records the run,\n"
                         "its metrics, checkpoints and attention snapshots in the project. The config is one JSON\n"
                         "object: model, dataset, task, seed, epochs, params (the model's hyperparameters), and\n"
                         "optionally split, device (auto|cpu|cuda|cuda:N), batch_size, optimizer {name, lr,\n"
                         "weight_decay, momentum}, schedule {name: constant|cosine|step, warmup_steps, step_size,\n"
                         "gamma}, early_stopping {metric, mode, patience}, eval_every, checkpoint_every,\n"
                         "gradient_clip, class_weights. Unknown keys are errors. C.json may also name a preset\n"
                         "(e.g. textcnn-demo-sentiment) from $CHORUS_RESOURCES/presets, the installed\n"
                         "share/chorus/presets or the source tree's resources/presets.\n\n"
                         "  --events -   JSON-lines events on stdout (started, step, evaluation, attention,\n"
                         "               checkpoint, finished, failed); commands pause, resume, step, stop on stdin\n\n"
                         "Data-parallel (supervised families): start one process per rank with MASTER_ADDR,\n"
                         "MASTER_PORT, RANK, WORLD_SIZE (and LOCAL_RANK, one GPU each) in the environment, as torchrun\n"
                         "or a Slurm script does; every rank opens its own copy of the project. batch_size is the\n"
                         "global batch, split over the ranks; rank 0 alone evaluates and records the run.\n"
                         "CHORUS_DIST_TIMEOUT (seconds, default 1800) bounds how long a rank waits for the others;\n"
                         "GLOO_SOCKET_IFNAME picks the network interface. See docs/scaling.md.\n"))
        return 0;
    Arguments args(argv, {"config", "events"}, {"json"});
    CliContext ctx("train", args.has("json") || args.has("events"));
    if (!args.ok())
        return ctx.usage(args.error());
    if (args.positionals().size() != 1)
        return ctx.usage("expected exactly one project path");
    if (!args.has("config"))
        return ctx.usage("--config is required");
    if (args.has("events") && args.value("events") != "-")
        return ctx.usage("--events takes '-' (standard output)");

    const std::string configPath = PresetLocator::resolve(args.value("config"));
    std::ifstream in(configPath);
    if (!in)
        return ctx.fail("cannot open config '" + configPath + "'");
    nlohmann::json raw = nlohmann::json::parse(in, nullptr, false);
    if (raw.is_discarded())
        return ctx.fail("config '" + configPath + "' is not valid JSON");
    if (!raw.is_object() || !raw.contains("model") || !raw["model"].is_string())
        return ctx.fail(configPath + ": model: required (a registry name)");
    const ModelSpec *spec = ModelRegistry::instance().find(raw["model"].get<std::string>());
    if (!spec) {
        std::string known;
        for (const ModelSpec &m : ModelRegistry::instance().models())
            known += (known.empty() ? "" : ", ") + m.name;
        return ctx.fail(configPath + ": model: unknown model '" + raw["model"].get<std::string>() +
                        "' (known: " + known + ")");
    }
    auto config = RunConfig::parse(raw, &spec->params, spec->supervised);
    if (!config)
        return ctx.fail(configPath + ": " + config.message());

    auto project = Project::open(args.positionals()[0], Project::OpenMode::OpenExisting);
    if (!project)
        return ctx.fail(project.message());

    return trainAndReport(ctx, args, **project, *config, *spec, 0, std::nullopt);
}

int commandRuns(const std::vector<std::string> &argv)
{
    if (printHelpIfAsked(argv, "Usage: chorus-cli runs PROJECT.chorus [--json]\n\n"
                               "Lists the project's training runs: status, model, dataset and best validation metrics.\n"))
        return 0;
    Arguments args(argv, {}, {"json"});
    CliContext ctx("runs", args.has("json"));
    if (!args.ok())
        return ctx.usage(args.error());
    if (args.positionals().size() != 1)
        return ctx.usage("expected exactly one project path");
    auto project = Project::open(args.positionals()[0], Project::OpenMode::OpenExisting);
    if (!project)
        return ctx.fail(project.message());
    auto runs = RunStore(**project).list();
    if (!runs)
        return ctx.fail(runs.message());
    nlohmann::json list = nlohmann::json::array();
    std::ostringstream text;
    for (const RunSummary &r : *runs) {
        list.push_back({{"id", r.id},
                        {"model", r.model},
                        {"dataset", r.dataset},
                        {"status", r.status},
                        {"device", r.device},
                        {"message", r.message},
                        {"best_valid", r.bestMetrics},
                        {"config", r.config}});
        text << r.id << "\t" << r.status << "\t" << r.model << "\t" << r.dataset << "\t";
        if (r.bestMetrics.is_object() && r.bestMetrics.contains("accuracy"))
            text << "valid accuracy " << r.bestMetrics["accuracy"];
        if (!r.message.empty())
            text << r.message;
        text << "\n";
    }
    return ctx.succeed({{"runs", list}}, text.str());
}
