// Subcommands that use a trained run: predict, eval, explain.
#include "arguments.h"
#include "clicontext.h"
#include "commands.h"
#include "helptext.h"
#include "recommendercommands.h"

#include "core/metrics/classificationmetrics.h"
#include "core/store/predictedlabels.h"
#include "core/store/project.h"
#include "core/util/csvescape.h"
#include "core/text/tokenizer.h"
#include "core/text/vocabulary.h"
#include "core/training/replythreads.h"
#include "core/training/runstore.h"
#include "core/training/superviseddata.h"
#include "models/image/gradcam.h"
#include "models/registry/modelregistry.h"
#include "models/training/batchbuilder.h"
#include "models/training/runmodel.h"
#include "models/training/textpredictor.h"
#include "models/training/threadattention.h"
#ifdef CHORUS_HAVE_MEDIA
#include "core/media/heatmapoverlay.h"
#include "core/media/imagetensorizer.h"
#include "core/media/projectmediareader.h"
#endif

#include <algorithm>
#include <cmath>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
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
                               "                          [--store-as TASK [--replace]] [--json]\n\n"
                               "Classifies posts with a trained run's best checkpoint and writes one row per post:\n"
                               "post_id, text, predicted, then the probability of each class (p:CLASS).\n"
                               "--store-as keeps the predictions of --dataset as the label task TASK (e.g.\n"
                               "predicted_sentiment), replacing that task's earlier predictions, so trends, opinion\n"
                               "monitoring and user profiles see them; a task holding labels no prediction wrote is\n"
                               "left alone unless --replace is given.\n"))
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

int commandEval(const std::vector<std::string> &argv)
{
    if (printHelpIfAsked(argv, "Usage: chorus-cli eval PROJECT.chorus --run ID [--split test|valid|train] [--json]\n\n"
                               "Evaluates a run's best checkpoint on one part of the split it was trained on:\n"
                               "accuracy, per-class precision/recall/F1, macro/micro F1, ROC-AUC, confusion matrix.\n"
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
    auto loaded = RunModel::load(project, runId);
    if (!loaded)
        return ctx.fail(loaded.message());
    const nlohmann::json &encoding = loaded->encoding;
    SupervisedData shell; // what the batch builder needs: vocabulary, tokenizer and tasks
    auto vocabulary = Vocabulary::fromJson(encoding["vocabulary"]);
    auto tokenizer = TokenizerOptions::fromJson(encoding["tokenizer"]);
    if (!vocabulary || !tokenizer)
        return ctx.fail("run " + std::to_string(runId) + ": the saved encoding is damaged");
    shell.vocabulary = std::move(*vocabulary);
    shell.tokenizer = *tokenizer;
    shell.maxLength = encoding.value("max_length", std::size_t(64));
    for (const nlohmann::json &task : encoding.value("tasks", nlohmann::json::array()))
        shell.tasks.push_back({task["name"].get<std::string>(), task.value("regression", false),
                               task.value("classes", std::vector<std::string>()), task.value("transform", std::string())});
    auto select = project.db().prepare(
        "SELECT p.text,"
        " (SELECT m.id FROM media m WHERE m.post_id = p.id AND m.kind = 'image' ORDER BY m.id LIMIT 1),"
        " (SELECT m.id FROM media m WHERE m.post_id = p.id AND m.kind = 'video' ORDER BY m.id LIMIT 1),"
        " p.dataset_id"
        " FROM posts p WHERE p.id = ?1");
    if (!select)
        return ctx.fail(select.message());
    select->bind(1, postId);
    if (!select->step())
        return ctx.fail("no post with id " + std::to_string(postId));
    PostExample example;
    example.postId = postId;
    example.ids = shell.encode(select->text(0));
    example.imageMedia = select->isNull(1) ? 0 : select->int64(1);
    example.videoMedia = select->isNull(2) ? 0 : select->int64(2);
    example.targets.assign(shell.tasks.size(), std::nan(""));
    const std::int64_t datasetId = select->int64(3);

    BatchInputs inputs;
    const nlohmann::json wanted = encoding.value("inputs", nlohmann::json::object());
    inputs.thread = wanted.value("thread", false);
    std::vector<PostExample> examples{example};
    if (inputs.thread) {
        // The post is read with its reply thread as the run's training posts were.
        auto threads = ReplyThreads::load(project, datasetId);
        if (!threads)
            return ctx.fail(threads.message());
        if (Status s = shell.attachThreads(project, *threads, wanted.value("thread_posts", std::size_t(8)), examples); !s.ok())
            return ctx.fail(s.message());
    }
    inputs.text = wanted.value("text", true);
    inputs.image = wanted.value("image", false);
    inputs.video = wanted.value("video", false);
    inputs.imageSize = wanted.value("image_size", std::int64_t(64));
    inputs.frames = wanted.value("frames", std::int64_t(8));
    MediaTensorReader *mediaReader = nullptr;
#ifdef CHORUS_HAVE_MEDIA
    ProjectMediaReader media(project.path());
    mediaReader = &media;
#endif
    const BatchBuilder builder(shell, inputs, mediaReader);
    const SupervisedBatch batch = builder.build(examples, {0}, 0, 1, false, 0);
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
        }
        const bool hasImage = batch.inputs.hasImage.defined() && batch.inputs.hasImage[0].item<bool>();
        if (out.featureMaps.defined() && hasImage && out.featureMaps.size(0) == 1) {
            auto cam = GradCam::compute(*loaded->model, batch.inputs);
            if (!cam)
                return ctx.fail(cam.message());
            const torch::Tensor map = cam->maps[0].to(torch::kFloat).contiguous();
            json["grad_cam"] = {{"height", map.size(0)}, {"width", map.size(1)}};
#ifdef CHORUS_HAVE_MEDIA
            if (!pngPath.empty()) {
                auto image = project.db().prepare("SELECT coalesce(path, ''), blob FROM media WHERE id = ?1");
                image->bind(1, example.imageMedia);
                image->step();
                auto picture = !image->text(0).empty() ? ImageTensorizer::decodeFile(image->text(0))
                                                       : ImageTensorizer::decode(image->blob(1), "media " + std::to_string(example.imageMedia));
                if (!picture)
                    return ctx.fail(picture.message());
                std::vector<float> heat(map.data_ptr<float>(), map.data_ptr<float>() + map.numel());
                auto png = HeatMapOverlay::png(*picture, heat, static_cast<int>(map.size(1)), static_cast<int>(map.size(0)));
                if (!png)
                    return ctx.fail(png.message());
                std::ofstream file(pngPath, std::ios::binary);
                file.write(png->data(), static_cast<std::streamsize>(png->size()));
                if (!file)
                    return ctx.fail("cannot write " + pngPath);
                json["png"] = pngPath;
                human << "Grad-CAM overlay written to " << pngPath << "\n";
            }
#endif
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
                               "drawn over it as PNG with --png OUT.png. For thread models (e.g. the han plugin): the\n"
                               "post's reply thread with each post's weight and each post's word weights (\"thread\").\n"
                               "With --saliency (text classifiers): gradient x input and integrated gradients per token,\n"
                               "taken on the token embeddings for the predicted class's logit; --steps N (default 50)\n"
                               "path intervals, --baseline zero|pad (default zero: all-zero embeddings).\n"))
        return 0;
    Arguments args(argv, {"run", "post", "text", "png", "steps", "baseline"}, {"json", "saliency"});
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
    auto project = Project::open(args.positionals()[0], Project::OpenMode::OpenExisting);
    if (!project)
        return ctx.fail(project.message());
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
