// Subcommands that use a trained run: predict, eval, explain.
#include "arguments.h"
#include "clicontext.h"
#include "commands.h"
#include "helptext.h"

#include "core/metrics/classificationmetrics.h"
#include "core/store/project.h"
#include "core/util/csvescape.h"
#include "models/training/textpredictor.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

using namespace chorus;

namespace {

struct PostText {
    std::int64_t id = 0;
    std::string text;
    std::string label; // empty when the post has none for the task
};

// Posts of a dataset, or of one part of a split, with their label for the task.
Result<std::vector<PostText>> postsOf(Project &project, const std::string &dataset, const std::string &task,
                                      std::int64_t splitId, const std::string &part)
{
    auto select = project.db().prepare(
        "SELECT p.id, p.text, coalesce(l.value, '') FROM posts p JOIN datasets d ON d.id = p.dataset_id"
        " LEFT JOIN labels l ON l.post_id = p.id AND l.task = ?2"
        " LEFT JOIN split_assignments a ON a.post_id = p.id AND a.split_id = ?3"
        " WHERE d.name = ?1 AND (?4 = '' OR a.part = ?4) ORDER BY p.id");
    if (!select)
        return select.error();
    select->bind(1, dataset).bind(2, task).bind(3, splitId).bind(4, part);
    std::vector<PostText> posts;
    while (select->step())
        posts.push_back({select->int64(0), select->text(1), select->text(2)});
    if (select->failed())
        return Error{select->lastError()};
    return posts;
}

Result<std::int64_t> runSplit(Project &project, std::int64_t runId)
{
    auto select = project.db().prepare("SELECT data FROM artifacts WHERE run_id = ? AND kind = 'encoding' LIMIT 1");
    if (!select)
        return select.error();
    select->bind(1, runId);
    if (!select->step())
        return Error{"run " + std::to_string(runId) + " has no recorded split"};
    const nlohmann::json encoding = nlohmann::json::parse(select->blob(0), nullptr, false);
    if (!encoding.is_object() || !encoding.contains("split") || !encoding["split"].is_number_integer())
        return Error{"run " + std::to_string(runId) + " has no recorded split"};
    return encoding["split"].get<std::int64_t>();
}

} // namespace

int commandPredict(const std::vector<std::string> &argv)
{
    if (printHelpIfAsked(argv, "Usage: chorus-cli predict PROJECT.chorus --run ID (--dataset NAME | --text \"...\")... OUT.csv\n"
                               "                          [--json]\n\n"
                               "Classifies posts with a trained run's best checkpoint and writes one row per post:\n"
                               "post_id, text, predicted, then the probability of each class (p:CLASS).\n"))
        return 0;
    Arguments args(argv, {"run", "dataset", "text"}, {"json"});
    CliContext ctx("predict", args.has("json"));
    const long long runId = args.integer("run", 0);
    if (!args.ok())
        return ctx.usage(args.error());
    if (runId <= 0)
        return ctx.usage("--run ID is required");
    if (args.positionals().size() != 2)
        return ctx.usage("expected a project path and an output file");
    if (args.has("dataset") == args.has("text"))
        return ctx.usage("give either --dataset NAME or --text \"...\"");
    auto project = Project::open(args.positionals()[0], Project::OpenMode::OpenExisting);
    if (!project)
        return ctx.fail(project.message());
    auto predictor = TextPredictor::load(**project, runId);
    if (!predictor)
        return ctx.fail(predictor.message());

    std::vector<PostText> posts;
    if (args.has("dataset")) {
        auto fromDataset = postsOf(**project, args.value("dataset"), predictor->task(), 0, "");
        if (!fromDataset)
            return ctx.fail(fromDataset.message());
        if (fromDataset->empty())
            return ctx.fail("dataset '" + args.value("dataset") + "' has no posts");
        posts = std::move(*fromDataset);
    } else {
        for (const std::string &text : args.values("text"))
            posts.push_back({0, text, ""});
    }
    std::vector<std::string> texts;
    for (const PostText &p : posts)
        texts.push_back(p.text);
    auto predictions = predictor->predict(texts);
    if (!predictions)
        return ctx.fail(predictions.message());

    const std::string output = args.positionals()[1];
    const std::string temporary = output + ".partial";
    {
        std::ofstream out(temporary, std::ios::binary);
        if (!out)
            return ctx.fail("cannot write '" + output + "': " + std::strerror(errno));
        out << "post_id,text,predicted";
        for (const std::string &c : predictor->classes())
            out << "," << csvEscape("p:" + c);
        out << "\r\n";
        for (std::size_t i = 0; i < posts.size(); ++i) {
            out << (posts[i].id ? std::to_string(posts[i].id) : std::string()) << "," << csvEscape(posts[i].text) << ","
                << csvEscape((*predictions)[i].label);
            for (double p : (*predictions)[i].probabilities)
                out << "," << p;
            out << "\r\n";
        }
        if (!out.flush())
            return ctx.fail("cannot write '" + output + "': " + std::strerror(errno));
    }
    if (std::rename(temporary.c_str(), output.c_str()) != 0)
        return ctx.fail("cannot write '" + output + "': " + std::strerror(errno));
    nlohmann::json json = {{"run_id", runId}, {"posts", posts.size()}, {"output", output}};
    if (args.has("text")) {
        nlohmann::json list = nlohmann::json::array();
        for (const TextPrediction &p : *predictions)
            list.push_back({{"label", p.label}, {"probabilities", p.probabilities}});
        json["predictions"] = list;
    }
    return ctx.succeed(json, "Wrote " + std::to_string(posts.size()) + " predictions to " + output + "\n");
}

int commandEval(const std::vector<std::string> &argv)
{
    if (printHelpIfAsked(argv, "Usage: chorus-cli eval PROJECT.chorus --run ID [--split test|valid|train] [--json]\n\n"
                               "Evaluates a run's best checkpoint on one part of the split it was trained on:\n"
                               "accuracy, per-class precision/recall/F1, macro/micro F1, ROC-AUC, confusion matrix.\n"))
        return 0;
    Arguments args(argv, {"run", "split"}, {"json"});
    CliContext ctx("eval", args.has("json"));
    const long long runId = args.integer("run", 0);
    if (!args.ok())
        return ctx.usage(args.error());
    if (runId <= 0)
        return ctx.usage("--run ID is required");
    if (args.positionals().size() != 1)
        return ctx.usage("expected exactly one project path");
    const std::string part = args.value("split", "test");
    if (part != "train" && part != "valid" && part != "test")
        return ctx.usage("--split must be train, valid or test");
    auto project = Project::open(args.positionals()[0], Project::OpenMode::OpenExisting);
    if (!project)
        return ctx.fail(project.message());
    auto predictor = TextPredictor::load(**project, runId);
    if (!predictor)
        return ctx.fail(predictor.message());
    auto split = runSplit(**project, runId);
    if (!split)
        return ctx.fail(split.message());
    auto posts = postsOf(**project, predictor->dataset(), predictor->task(), *split, part);
    if (!posts)
        return ctx.fail(posts.message());
    std::vector<std::string> texts;
    std::vector<std::int64_t> truth;
    for (const PostText &p : *posts) {
        const auto &classes = predictor->classes();
        const auto found = std::find(classes.begin(), classes.end(), p.label);
        if (found == classes.end())
            continue; // unlabelled, or a class the model never saw
        texts.push_back(p.text);
        truth.push_back(found - classes.begin());
    }
    if (texts.empty())
        return ctx.fail("the " + part + " part has no posts labelled for task '" + predictor->task() + "'");
    auto predictions = predictor->predict(texts);
    if (!predictions)
        return ctx.fail(predictions.message());
    std::vector<std::int64_t> predicted;
    std::vector<std::vector<double>> scores;
    for (const TextPrediction &p : *predictions) {
        const auto &classes = predictor->classes();
        predicted.push_back(std::find(classes.begin(), classes.end(), p.label) - classes.begin());
        scores.push_back(p.probabilities);
    }
    auto report = ClassificationMetrics::evaluate(truth, predicted, scores, predictor->classes().size(), predictor->classes());
    if (!report)
        return ctx.fail(report.message());
    nlohmann::json json = report->toJson();
    json["run_id"] = runId;
    json["split"] = part;
    std::ostringstream text;
    text << "Run " << runId << " on " << part << " (" << texts.size() << " posts): accuracy " << report->accuracy
         << ", macro-F1 " << report->macroF1 << "\n";
    for (const ClassScores &c : report->perClass)
        text << "  " << c.name << ": precision " << c.precision << ", recall " << c.recall << ", F1 " << c.f1
             << ", support " << c.support << "\n";
    return ctx.succeed(json, text.str());
}

int commandExplain(const std::vector<std::string> &argv)
{
    if (printHelpIfAsked(argv, "Usage: chorus-cli explain PROJECT.chorus --run ID (--post ID | --text \"...\") [--json]\n\n"
                               "The prediction for one post with its class probabilities and the attention the model\n"
                               "paid to each token (token attention, or a Transformer's last layer averaged over heads,\n"
                               "with every layer's matrix in --json).\n"))
        return 0;
    Arguments args(argv, {"run", "post", "text"}, {"json"});
    CliContext ctx("explain", args.has("json"));
    const long long runId = args.integer("run", 0);
    const long long postId = args.integer("post", 0);
    if (!args.ok())
        return ctx.usage(args.error());
    if (runId <= 0)
        return ctx.usage("--run ID is required");
    if (args.positionals().size() != 1)
        return ctx.usage("expected exactly one project path");
    if ((postId > 0) == args.has("text"))
        return ctx.usage("give either --post ID or --text \"...\"");
    auto project = Project::open(args.positionals()[0], Project::OpenMode::OpenExisting);
    if (!project)
        return ctx.fail(project.message());
    std::string text = args.value("text");
    if (postId > 0) {
        auto select = (*project)->db().prepare("SELECT text FROM posts WHERE id = ?");
        select->bind(1, static_cast<std::int64_t>(postId));
        if (!select->step())
            return ctx.fail("no post with id " + std::to_string(postId));
        text = select->text(0);
    }
    auto predictor = TextPredictor::load(**project, runId);
    if (!predictor)
        return ctx.fail(predictor.message());
    auto explanation = predictor->explain(text);
    if (!explanation)
        return ctx.fail(explanation.message());
    nlohmann::json json = {{"run_id", runId},
                           {"text", text},
                           {"tokens", explanation->tokens},
                           {"weights", explanation->weights},
                           {"kind", explanation->kind},
                           {"predicted", explanation->prediction.label},
                           {"classes", predictor->classes()},
                           {"probabilities", explanation->prediction.probabilities}};
    if (postId > 0)
        json["post_id"] = postId;
    if (!explanation->layers.empty())
        json["layers"] = explanation->layers;
    std::ostringstream human;
    human << "Predicted " << explanation->prediction.label << "\n";
    for (std::size_t i = 0; i < explanation->tokens.size(); ++i) {
        human << "  " << explanation->tokens[i];
        if (i < explanation->weights.size())
            human << "\t" << explanation->weights[i];
        human << "\n";
    }
    return ctx.succeed(json, human.str());
}
