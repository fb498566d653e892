// Subcommands that use a trained run: predict, eval, explain.
#include "arguments.h"
#include "clicontext.h"
#include "commands.h"
#include "gradcamexplanation.h"
#include "helptext.h"
#include "projectmedia.h"
#include "recommendercommands.h"
#include "runposts.h"
#include "seq2seqcommands.h"

#include "core/metrics/classificationmetrics.h"
#include "core/store/predictedlabels.h"
#include "core/store/project.h"
#include "core/util/csvescape.h"
#include "core/text/tokenizer.h"
#include "core/text/vocabulary.h"
#include "core/training/replythreads.h"
#include "core/training/runstore.h"
#include "core/training/superviseddata.h"
#include "models/registry/modelregistry.h"
#include "models/training/batchbuilder.h"
#include "models/training/runmodel.h"
#include "core/training/mediatensorreader.h"
#include "models/training/runpredictor.h"
#include "core/metrics/regressionmetrics.h"
#include "models/training/textpredictor.h"
#include "models/training/threadattention.h"

#include <algorithm>
#include <cmath>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>

using namespace chorus;

namespace {

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

// Runs of families that are not plain text classifiers (image, video, fusion, multi-task, thread
// models) are predicted through RunPredictor, which reads each post's media and thread as in training.
bool isRunModelFamily(Project &project, std::int64_t runId)
{
    auto run = RunStore(project).get(runId);
    if (!run)
        return false;
    const ModelSpec *spec = ModelRegistry::instance().find(run->model);
    return spec && spec->makeModel;
}

// What predict writes, whichever predictor made it.
struct PredictionTable {
    std::vector<std::string> classes; // empty for a regression task
    std::vector<TextPrediction> rows;
    std::vector<std::string> mediaProblems;
};

Result<PredictionTable> predictWithRunModel(Project &project, std::int64_t runId, const std::vector<PostText> &posts,
                                            bool storedPosts)
{
    const std::unique_ptr<MediaTensorReader> media = mediaReaderFor(project);
    MediaTensorReader *reader = media.get();
    auto predictor = RunPredictor::load(project, runId, reader);
    if (!predictor)
        return predictor.error();
    std::vector<PostExample> examples;
    if (storedPosts) {
        std::vector<std::int64_t> ids;
        ids.reserve(posts.size());
        for (const PostText &p : posts)
            ids.push_back(p.id);
        auto read = predictor->examples(project, ids);
        if (!read)
            return read.error();
        examples = std::move(*read);
    } else {
        if (!predictor->inputs().text)
            return Error{"model '" + predictor->run().run.model + "' reads no text: predict stored posts with --dataset"};
        for (const PostText &p : posts)
            examples.push_back(predictor->exampleOfText(p.text));
    }
    auto predictions = predictor->predict(examples);
    if (!predictions)
        return predictions.error();
    PredictionTable table;
    if (!predictor->regression())
        table.classes = predictor->classes();
    for (RunPrediction &p : *predictions) {
        table.rows.push_back({p.label, p.probabilities});
        for (std::string &problem : p.mediaProblems)
            table.mediaProblems.push_back(std::move(problem));
    }
    return table;
}

} // namespace

int commandPredict(const std::vector<std::string> &argv)
{
    if (printHelpIfAsked(argv, "Usage: chorus-cli predict PROJECT.chorus --run ID (--dataset NAME | --text \"...\")... OUT.csv\n"
                               "                          [--store-as TASK [--replace]] [--json]\n\n"
                               "Classifies posts with a trained run's best checkpoint and writes one row per post:\n"
                               "post_id, text, predicted, then the probability of each class (p:CLASS).\n"
                               "--store-as keeps the predictions of --dataset as the label task TASK (e.g.\n"
                               "predicted_sentiment), replacing that task's earlier predictions, so trends, opinion\n"
                               "monitoring and user profiles see them; a task holding labels no prediction wrote is\n"
                               "left alone unless --replace is given.\n"
                               "Runs of image, video, fusion, multi-task and thread families read each stored post's\n"
                               "picture, video and reply thread as their training posts were (--text only where the\n"
                               "family reads text). A regression run writes the predicted value (a count for the\n"
                               "engagement tasks post.likes, post.shares, post.replies) and no probabilities.\n"
                               "A seq2seq run generates instead, with its beam search: a replies run writes\n"
                               "post_id,text,generated,score per text or post (--json adds the ranked candidates);\n"
                               "a behaviour run takes --dataset (its interactions) and writes each user's next\n"
                               "actions from their latest ones: user,history,next_actions,score.\n"))
        return 0;
    Arguments args(argv, {"run", "dataset", "text", "store-as"}, {"json", "replace"});
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
    if (args.has("store-as") && !args.has("dataset"))
        return ctx.usage("--store-as stores the predictions of a --dataset's posts");
    auto project = Project::open(args.positionals()[0], Project::OpenMode::OpenExisting);
    if (!project)
        return ctx.fail(project.message());
    if (isSeq2seqRun(**project, runId))
        return predictWithSeq2seq(ctx, **project, runId, args);
    std::vector<PostText> posts;
    if (args.has("dataset")) {
        auto fromDataset = postsOf(**project, args.value("dataset"), "", 0, "");
        if (!fromDataset)
            return ctx.fail(fromDataset.message());
        if (fromDataset->empty())
            return ctx.fail("dataset '" + args.value("dataset") + "' has no posts");
        posts = std::move(*fromDataset);
    } else {
        for (const std::string &text : args.values("text"))
            posts.push_back({0, text, ""});
    }
    PredictionTable table;
    if (isRunModelFamily(**project, runId)) {
        auto predicted = predictWithRunModel(**project, runId, posts, args.has("dataset"));
        if (!predicted)
            return ctx.fail(predicted.message());
        table = std::move(*predicted);
    } else {
        auto predictor = TextPredictor::load(**project, runId);
        if (!predictor)
            return ctx.fail(predictor.message());
        std::vector<std::string> texts;
        for (const PostText &p : posts)
            texts.push_back(p.text);
        auto predictions = predictor->predict(texts);
        if (!predictions)
            return ctx.fail(predictions.message());
        table.classes = predictor->classes();
        table.rows = std::move(*predictions);
    }
    const std::vector<TextPrediction> *predictions = &table.rows;

    const std::string output = args.positionals()[1];
    const std::string temporary = output + ".partial";
    {
        std::ofstream out(temporary, std::ios::binary);
        if (!out)
            return ctx.fail("cannot write '" + output + "': " + std::strerror(errno));
        out << "post_id,text,predicted";
        for (const std::string &c : table.classes)
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
    if (!table.mediaProblems.empty()) {
        // Posts whose picture or video could not be read were predicted without it.
        json["media_problems"] = table.mediaProblems.size();
        json["first_media_problem"] = table.mediaProblems.front();
    }
    std::string stored;
    if (args.has("store-as")) {
        std::vector<std::pair<std::int64_t, std::string>> labels;
        labels.reserve(posts.size());
        for (std::size_t i = 0; i < posts.size(); ++i)
            labels.emplace_back(posts[i].id, (*predictions)[i].label);
        PredictedLabels::Options options;
        options.replaceForeignLabels = args.has("replace");
        const std::string task = args.value("store-as");
        if (Status s = PredictedLabels::store(**project, args.value("dataset"), task, runId, labels, options); !s.ok())
            return ctx.fail(s.message());
        json["stored_as"] = task;
        stored = "; stored as label task '" + task + "'";
    }
    if (args.has("text")) {
        nlohmann::json list = nlohmann::json::array();
        for (const TextPrediction &p : *predictions)
            list.push_back({{"label", p.label}, {"probabilities", p.probabilities}});
        json["predictions"] = list;
    }
    return ctx.succeed(json, "Wrote " + std::to_string(posts.size()) + " predictions to " + output + stored + "\n");
}

// Evaluates an image, video, fusion, multi-task or thread run on one part of its split: each post
// read with its media and thread as in training; classification metrics, or MAE/RMSE/R2 for a
// regression task (in the space it was trained in: log1p for engagement counts).
static int evalWithRunModel(CliContext &ctx, Project &project, std::int64_t runId, const std::string &part)
{
    const std::unique_ptr<MediaTensorReader> media = mediaReaderFor(project);
    MediaTensorReader *reader = media.get();
    auto predictor = RunPredictor::load(project, runId, reader);
    if (!predictor)
        return ctx.fail(predictor.message());
    const LabelTask &task = predictor->encoding().primary();
    auto select = project.db().prepare(
        "SELECT p.id, l.value, p.likes, p.shares, p.replies FROM posts p JOIN datasets d ON d.id = p.dataset_id"
        " JOIN split_assignments a ON a.post_id = p.id AND a.split_id = ?3 AND a.part = ?4"
        " LEFT JOIN labels l ON l.post_id = p.id AND l.task = ?2"
        " WHERE d.name = ?1 ORDER BY p.id");
    if (!select)
        return ctx.fail(select.message());
    select->bind(1, predictor->dataset()).bind(2, task.name).bind(3, predictor->encoding().splitId).bind(4, part);
    const std::string column = LabelTask::engagementColumn(task.name);
    std::vector<std::int64_t> ids;
    std::vector<double> truth;
    while (select->step()) {
        double value = 0;
        if (!column.empty()) {
            const int at = column == "likes" ? 2 : column == "shares" ? 3 : 4;
            if (select->isNull(at))
                continue;
            value = static_cast<double>(select->int64(at));
            if (task.transform == "log1p")
                value = std::log1p(value);
        } else {
            if (select->isNull(1))
                continue;
            const std::string label = select->text(1);
            if (task.regression) {
                char *end = nullptr;
                value = std::strtod(label.c_str(), &end);
                if (end == label.c_str() || !std::isfinite(value))
                    continue;
            } else {
                const auto found = std::find(task.classes.begin(), task.classes.end(), label);
                if (found == task.classes.end())
                    continue; // a class the model never saw
                value = static_cast<double>(found - task.classes.begin());
            }
        }
        ids.push_back(select->int64(0));
        truth.push_back(value);
    }
    if (select->failed())
        return ctx.fail(select->lastError());
    if (ids.empty())
        return ctx.fail("the " + part + " part has no posts labelled for task '" + task.name + "'");
    auto examples = predictor->examples(project, ids);
    if (!examples)
        return ctx.fail(examples.message());
    auto predictions = predictor->predict(*examples);
    if (!predictions)
        return ctx.fail(predictions.message());
    std::ostringstream text;
    nlohmann::json json;
    if (task.regression) {
        std::vector<double> predicted;
        for (const RunPrediction &p : *predictions)
            predicted.push_back(p.value.value_or(0.0));
        auto report = RegressionMetrics::evaluate(truth, predicted);
        if (!report)
            return ctx.fail(report.message());
        json = report->toJson();
        text << "Run " << runId << " on " << part << " (" << ids.size() << " posts, task " << task.name
             << "): MAE " << report->mae << ", RMSE " << report->rmse << ", R2 " << report->r2 << "\n";
    } else {
        std::vector<std::int64_t> y(truth.begin(), truth.end()), predicted;
        std::vector<std::vector<double>> scores;
        for (const RunPrediction &p : *predictions) {
            predicted.push_back(std::find(task.classes.begin(), task.classes.end(), p.label) - task.classes.begin());
            scores.push_back(p.probabilities);
        }
        auto report = ClassificationMetrics::evaluate(y, predicted, scores, task.classes.size(), task.classes);
        if (!report)
            return ctx.fail(report.message());
        json = report->toJson();
        text << "Run " << runId << " on " << part << " (" << ids.size() << " posts): accuracy " << report->accuracy
             << ", macro-F1 " << report->macroF1 << "\n";
        for (const ClassScores &c : report->perClass)
            text << "  " << c.name << ": precision " << c.precision << ", recall " << c.recall << ", F1 " << c.f1
                 << ", support " << c.support << "\n";
    }
    json["run_id"] = runId;
    json["split"] = part;
    json["task"] = task.name;
    std::size_t problems = 0;
    for (const RunPrediction &p : *predictions)
        problems += p.mediaProblems.size();
    if (problems)
        json["media_problems"] = problems;
    return ctx.succeed(json, text.str());
}

int commandEval(const std::vector<std::string> &argv)
{
    if (printHelpIfAsked(argv, "Usage: chorus-cli eval PROJECT.chorus --run ID [--split test|valid|train] [--json]\n\n"
                               "Evaluates a run's best checkpoint on one part of the split it was trained on:\n"
                               "accuracy, per-class precision/recall/F1, macro/micro F1, ROC-AUC, confusion matrix.\n"
                               "Image, video, fusion, multi-task and thread runs read each post with its media and\n"
                               "thread as in training; a regression task reports MAE, RMSE and R2 (engagement counts\n"
                               "in the log1p space they were trained in).\n"
                               "For a recommender run: its leave-last-out ranking metrics beside popularity.\n"))
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
    if (isRecommenderRun(**project, runId))
        return evalRecommenderRun(ctx, **project, runId); // its leave-last-out evaluation
    if (isRunModelFamily(**project, runId))
        return evalWithRunModel(ctx, **project, runId, part);
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

// Explains one post with a family that is not a plain text classifier (image, video, fusion,
// multi-task): the prediction, and whatever the model exposes (token and frame attention, modality
// weights, co-attention), plus a Grad-CAM map over the post's picture, written as PNG to pngPath.
static int explainWithRunModel(CliContext &ctx, Project &project, std::int64_t runId, std::int64_t postId,
                               const std::string &pngPath)
{
    const std::unique_ptr<MediaTensorReader> media = mediaReaderFor(project);
    MediaTensorReader *reader = media.get();
    auto predictor = RunPredictor::load(project, runId, reader);
    if (!predictor)
        return ctx.fail(predictor.message());
    const RunModel *loaded = &predictor->run();
    const nlohmann::json &encoding = loaded->encoding;
    const SupervisedData &shell = predictor->encoding();
    auto read = predictor->examples(project, {postId});
    if (!read)
        return ctx.fail(read.message());
    const std::vector<PostExample> examples = std::move(*read);
    const PostExample &example = examples.front();
    const SupervisedBatch batch = predictor->batch(examples, 0, 1);
    try {
        ModelOutputs out;
        {
            torch::NoGradGuard noGrad;
            out = loaded->model->forward(batch.inputs);
        }
        const bool regression = encoding.value("regression", false);
        nlohmann::json json = {{"run_id", runId}, {"post_id", postId}, {"model", loaded->run.model}};
        std::ostringstream human;
        if (!batch.mediaProblems.empty())
            json["media_problems"] = batch.mediaProblems;
        if (regression) {
            const double scale = encoding["target_scale"][0].get<double>();
            const double mean = encoding["target_mean"][0].get<double>();
            const double value = out.logits.reshape({-1})[0].item<double>() * scale + mean;
            json["predicted"] = value;
            human << "Predicted " << value << "\n";
        } else {
            const torch::Tensor probabilities = torch::softmax(out.logits, 1)[0].to(torch::kDouble).contiguous();
            const std::vector<std::string> &classes = shell.tasks.front().classes;
            std::vector<double> p(probabilities.data_ptr<double>(), probabilities.data_ptr<double>() + probabilities.numel());
            const auto best = static_cast<std::size_t>(std::max_element(p.begin(), p.end()) - p.begin());
            json["classes"] = classes;
            json["probabilities"] = p;
            json["predicted"] = classes.at(best);
            human << "Predicted " << classes.at(best) << " (" << p[best] << ")\n";
        }
        auto rowOf = [](const torch::Tensor &t) {
            const torch::Tensor row = t[0].to(torch::kDouble).contiguous();
            return std::vector<double>(row.data_ptr<double>(), row.data_ptr<double>() + row.numel());
        };
        if (out.tokenAttention.defined()) {
            json["tokens"] = shell.vocabulary.decode(example.ids);
            std::vector<double> weights = rowOf(out.tokenAttention);
            weights.resize(example.ids.size());
            json["weights"] = weights;
        }
        if (out.postAttention.defined()) {
            json["thread"] = ThreadAttention::toJson(out, 0, examples.front(), shell);
            human << "Thread (post weight, then the words weighed most):\n";
            for (const nlohmann::json &post : json["thread"]) {
                human << "  post " << post["post_id"].get<std::int64_t>() << "\t" << post["weight"].get<double>();
                const auto tokens = post["tokens"].get<std::vector<std::string>>();
                const auto weights = post["weights"].get<std::vector<double>>();
                std::vector<std::size_t> order(weights.size());
                for (std::size_t i = 0; i < order.size(); ++i)
                    order[i] = i;
                std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return weights[a] > weights[b]; });
                for (std::size_t k = 0; k < order.size() && k < 3; ++k)
                    human << "\t" << tokens[order[k]] << " " << weights[order[k]];
                human << "\n";
            }
        }
        if (out.frameAttention.defined() && batch.inputs.hasVideo[0].item<bool>()) {
            json["frame_weights"] = rowOf(out.frameAttention);
            human << "Frame weights:";
            for (double w : json["frame_weights"].get<std::vector<double>>())
                human << " " << w;
            human << "\n";
        }
        if (out.modalityWeights.defined()) {
            const std::vector<std::string> names = loaded->model->modalityNames();
            const std::vector<double> weights = rowOf(out.modalityWeights);
            for (std::size_t m = 0; m < weights.size(); ++m) {
                const std::string name = m < names.size() ? names[m] : std::to_string(m);
                json["modality_weights"][name] = weights[m];
                human << "Modality " << name << ": " << weights[m] << "\n";
            }
        }
        if (out.textToImageAttention.defined()) {
            // Each real token's weights over the picture's regions.
            const torch::Tensor matrix = out.textToImageAttention[0].to(torch::kDouble).contiguous();
            nlohmann::json rows = nlohmann::json::array();
            for (std::int64_t t = 0; t < static_cast<std::int64_t>(example.ids.size()) && t < matrix.size(0); ++t)
                rows.push_back(std::vector<double>(matrix[t].data_ptr<double>(), matrix[t].data_ptr<double>() + matrix.size(1)));
            json["text_to_image"] = rows;
            // The regions are the image trunk's last maps read row by row: their grid places a
            // token's weights over the picture.
            const torch::Tensor &maps = out.featureMaps;
            if (maps.defined() && maps.dim() == 4 && maps.size(2) * maps.size(3) == matrix.size(1))
                json["region_grid"] = {{"rows", maps.size(2)}, {"cols", maps.size(3)}};
            if (!json.contains("tokens")) {
                std::vector<std::string> tokens = shell.vocabulary.decode(example.ids);
                tokens.resize(rows.size());
                json["tokens"] = tokens;
            }
        }
        const bool hasImage = batch.inputs.hasImage.defined() && batch.inputs.hasImage[0].item<bool>();
        if (out.featureMaps.defined() && hasImage && out.featureMaps.size(0) == 1) {
            const std::vector<std::string> classes = regression ? std::vector<std::string>() : shell.tasks.front().classes;
            if (Status s = addGradCam(project, *loaded->model, batch.inputs, example.imageMedia, classes, pngPath, json, human); !s)
                return ctx.fail(s.message());
        } else if (!pngPath.empty()) {
            return ctx.fail("post " + std::to_string(postId) + ": no image map to draw (the model has no image input or the post no picture)");
        }
        return ctx.succeed(json, human.str());
    } catch (const std::exception &e) {
        return ctx.fail("cannot explain post " + std::to_string(postId) + ": " + e.what());
    }
}

int commandExplain(const std::vector<std::string> &argv)
{
    if (printHelpIfAsked(argv, "Usage: chorus-cli explain PROJECT.chorus --run ID (--post ID | --text \"...\") [--json]\n\n"
                               "The prediction for one post with its class probabilities and the attention the model\n"
                               "paid to each token (token attention, or a Transformer's last layer averaged over heads,\n"
                               "with every layer's matrix in --json). For image, video, fusion and multi-task runs: frame\n"
                               "attention, modality weights, co-attention and a Grad-CAM map of the post's picture,\n"
                               "drawn over it as PNG with --png OUT.png (in --json: the map's values, at most 64 x 64,\n"
                               "with the class it explains, and the grid of the image regions co-attention weighs, so\n"
                               "\"text_to_image\" rows can be drawn over the picture). For thread models (e.g. the han plugin): the\n"
                               "post's reply thread with each post's weight and each post's word weights (\"thread\").\n"
                               "With --saliency (text classifiers): gradient x input and integrated gradients per token,\n"
                               "taken on the token embeddings for the predicted class's logit; --steps N (default 50)\n"
                               "path intervals, --baseline zero|pad (default zero: all-zero embeddings).\n"
                               "For a seq2seq run: the beam's ranked candidates for the text (a replies run; --post\n"
                               "reads a post's text) or for actions given as --text \"kind:item kind:item ...\" (a\n"
                               "behaviour run), and for the best one the cross-attention of each generated token over\n"
                               "the source tokens (\"attention\": one row per decoded token, <eos> included; in\n"
                               "--json every candidate carries its own). --beam-width N (1-32) and --length-penalty A\n"
                               "(0-2) decode with other settings than the run's.\n"))
        return 0;
    Arguments args(argv, {"run", "post", "text", "png", "steps", "baseline", "beam-width", "length-penalty"},
                   {"json", "saliency"});
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
    SaliencyOptions saliencyOptions;
    saliencyOptions.steps = static_cast<int>(args.integer("steps", saliencyOptions.steps));
    saliencyOptions.baseline = args.value("baseline", saliencyOptions.baseline);
    if (!args.ok())
        return ctx.usage(args.error());
    if ((args.has("steps") || args.has("baseline")) && !args.has("saliency"))
        return ctx.usage("--steps and --baseline go with --saliency");
    if (saliencyOptions.steps < 1 || saliencyOptions.steps > 1000)
        return ctx.usage("--steps must be between 1 and 1000");
    if (saliencyOptions.baseline != "zero" && saliencyOptions.baseline != "pad")
        return ctx.usage("--baseline must be zero or pad");
    Seq2seqDecoding decoding;
    decoding.beamWidth = args.integer("beam-width", 0);
    if (!args.ok())
        return ctx.usage(args.error());
    if (args.has("beam-width") && (decoding.beamWidth < 1 || decoding.beamWidth > 32))
        return ctx.usage("--beam-width must be between 1 and 32");
    if (args.has("length-penalty")) {
        const std::string given = args.value("length-penalty");
        char *end = nullptr;
        decoding.lengthPenalty = std::strtod(given.c_str(), &end);
        if (given.empty() || *end != '\0' || !(decoding.lengthPenalty >= 0 && decoding.lengthPenalty <= 2))
            return ctx.usage("--length-penalty: expected a number between 0 and 2, got '" + given + "'");
    }
    const bool decodingGiven = args.has("beam-width") || args.has("length-penalty");
    auto project = Project::open(args.positionals()[0], Project::OpenMode::OpenExisting);
    if (!project)
        return ctx.fail(project.message());
    if (isSeq2seqRun(**project, runId)) {
        if (args.has("saliency") || args.has("png"))
            return ctx.usage("--saliency and --png explain classifiers; a seq2seq run shows its beam and cross-attention");
        return explainWithSeq2seq(ctx, **project, runId, postId, args.value("text"), decoding);
    }
    if (decodingGiven)
        return ctx.usage("--beam-width and --length-penalty decode a seq2seq run; run " + std::to_string(runId) +
                         " is not one");
    if (auto run = RunStore(**project).get(runId); run) {
        const ModelSpec *spec = ModelRegistry::instance().find(run->model);
        if (spec && spec->makeModel) {
            if (postId <= 0)
                return ctx.usage("model '" + run->model + "' explains stored posts: give --post ID");
            if (args.has("saliency"))
                return ctx.fail("--saliency: model '" + run->model + "' is not a text classifier (saliency covers "
                                "the text classifier families)");
            return explainWithRunModel(ctx, **project, runId, postId, args.value("png"));
        }
    }
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
    if (!explanation->headWeights.empty())
        json["head_weights"] = explanation->headWeights;
    std::optional<TokenSaliency> saliency;
    if (args.has("saliency")) {
        auto computed = predictor->saliency(text, saliencyOptions);
        if (!computed)
            return ctx.fail(computed.message());
        saliency = std::move(*computed);
        json["saliency"] = {{"gradient_x_input", saliency->gradientTimesInput},
                            {"integrated_gradients", saliency->integratedGradients},
                            {"target", predictor->classes().at(static_cast<std::size_t>(saliency->target))},
                            {"score", saliency->score},
                            {"baseline_score", saliency->baselineScore},
                            {"completeness_gap", saliency->completenessGap()},
                            {"steps", saliency->steps},
                            {"baseline", saliency->baseline}};
    }
    std::ostringstream human;
    human << "Predicted " << explanation->prediction.label << "\n";
    if (saliency)
        human << "  token\tattention\tgradient x input\tintegrated gradients\n";
    for (std::size_t i = 0; i < explanation->tokens.size(); ++i) {
        human << "  " << explanation->tokens[i];
        if (i < explanation->weights.size())
            human << "\t" << explanation->weights[i];
        else if (saliency)
            human << "\t-";
        if (saliency && i < saliency->integratedGradients.size())
            human << "\t" << saliency->gradientTimesInput[i] << "\t" << saliency->integratedGradients[i];
        human << "\n";
    }
    if (saliency)
        human << "Integrated gradients sum to " << saliency->score - saliency->baselineScore + saliency->completenessGap()
              << "; logit(post) - logit(baseline) = " << saliency->score - saliency->baselineScore << "\n";
    return ctx.succeed(json, human.str());
}
