#include "models/training/runpredictor.h"

#include "core/store/project.h"
#include "core/training/replythreads.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

namespace chorus {

Result<RunPredictor> RunPredictor::load(Project &project, std::int64_t runId, MediaTensorReader *media)
{
    auto loaded = RunModel::load(project, runId);
    if (!loaded)
        return loaded.error();
    auto state = std::make_shared<State>();
    state->run = std::move(*loaded);
    const nlohmann::json &encoding = state->run.encoding;
    const std::string damaged = "run " + std::to_string(runId) + ": the saved encoding is damaged";
    try {
        auto vocabulary = Vocabulary::fromJson(encoding.at("vocabulary"));
        if (!vocabulary)
            return Error{damaged};
        auto tokenizer = PostTokenizer::readFrom(encoding);
        if (!tokenizer)
            return Error{"run " + std::to_string(runId) + ": " + tokenizer.message()};
        SupervisedData &shell = state->shell;
        shell.vocabulary = std::move(*vocabulary);
        shell.tokenizer = std::move(*tokenizer);
        shell.maxLength = encoding.value("max_length", std::size_t(64));
        shell.splitId = encoding.value("split", std::int64_t(0));
        for (const nlohmann::json &task : encoding.value("tasks", nlohmann::json::array()))
            shell.tasks.push_back({task.at("name").get<std::string>(), task.value("regression", false),
                                   task.value("classes", std::vector<std::string>()),
                                   task.value("transform", std::string())});
        if (shell.tasks.empty())
            return Error{damaged + " (no tasks)"};
        if (!shell.primary().regression && shell.primary().classes.empty())
            return Error{damaged + " (no classes)"};
        const nlohmann::json wanted = encoding.value("inputs", nlohmann::json::object());
        BatchInputs &inputs = state->inputs;
        inputs.text = wanted.value("text", true);
        inputs.image = wanted.value("image", false);
        inputs.video = wanted.value("video", false);
        inputs.imageSize = wanted.value("image_size", std::int64_t(64));
        inputs.frames = wanted.value("frames", std::int64_t(8));
        inputs.thread = wanted.value("thread", false);
        state->threadPosts = wanted.value("thread_posts", std::size_t(8));
    } catch (const nlohmann::json::exception &e) {
        return Error{damaged + ": " + e.what()};
    }
    state->builder = std::make_unique<BatchBuilder>(state->shell, state->inputs, media);
    RunPredictor predictor;
    predictor.m_state = std::move(state);
    return predictor;
}

Result<std::vector<PostExample>> RunPredictor::examples(Project &project, const std::vector<std::int64_t> &postIds) const
{
    auto select = project.db().prepare(
        "SELECT p.text, p.dataset_id,"
        " (SELECT m.id FROM media m WHERE m.post_id = p.id AND m.kind = 'image' ORDER BY m.id LIMIT 1),"
        " (SELECT m.id FROM media m WHERE m.post_id = p.id AND m.kind = 'video' ORDER BY m.id LIMIT 1)"
        " FROM posts p WHERE p.id = ?1");
    if (!select)
        return select.error();
    const SupervisedData &shell = m_state->shell;
    std::vector<PostExample> out;
    out.reserve(postIds.size());
    std::set<std::int64_t> datasets;
    for (std::int64_t id : postIds) {
        select->bind(1, id);
        if (!select->step()) {
            const std::string error = select->failed() ? select->lastError() : "no post with id " + std::to_string(id);
            select->reset();
            return Error{error};
        }
        PostExample example;
        example.postId = id;
        example.ids = shell.encode(select->text(0));
        datasets.insert(select->int64(1));
        example.imageMedia = select->isNull(2) ? 0 : select->int64(2);
        example.videoMedia = select->isNull(3) ? 0 : select->int64(3);
        example.targets.assign(shell.tasks.size(), std::nan(""));
        select->reset();
        out.push_back(std::move(example));
    }
    if (m_state->inputs.thread && !out.empty()) {
        // Read with their reply threads, as the run's training posts were. Each dataset's threads
        // are its own; the shell keeps the context posts' tokens for the batches.
        for (std::int64_t datasetId : datasets) {
            auto threads = ReplyThreads::load(project, datasetId);
            if (!threads)
                return threads.error();
            if (Status s = m_state->shell.attachThreads(project, *threads, m_state->threadPosts, out); !s.ok())
                return s.error();
        }
    }
    return out;
}

PostExample RunPredictor::exampleOfText(const std::string &text) const
{
    PostExample example;
    example.ids = m_state->shell.encode(text);
    example.targets.assign(m_state->shell.tasks.size(), std::nan(""));
    return example;
}

SupervisedBatch RunPredictor::batch(const std::vector<PostExample> &examples, std::size_t begin, std::size_t end) const
{
    std::vector<std::size_t> order(examples.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    return m_state->builder->build(examples, order, begin, end, false, 0);
}

Result<std::vector<RunPrediction>> RunPredictor::predict(const std::vector<PostExample> &examples,
                                                         std::size_t batchSize, bool withRepresentation) const
{
    if (batchSize == 0)
        batchSize = 1;
    std::vector<RunPrediction> out;
    out.reserve(examples.size());
    const nlohmann::json &encoding = m_state->run.encoding;
    const bool isRegression = regression();
    const bool logCounts = m_state->shell.primary().transform == "log1p";
    double mean = 0, scale = 1;
    if (isRegression) {
        mean = encoding.value("target_mean", std::vector<double>{0.0}).at(0);
        scale = encoding.value("target_scale", std::vector<double>{1.0}).at(0);
    }
    try {
        torch::NoGradGuard noGrad;
        for (std::size_t begin = 0; begin < examples.size(); begin += batchSize) {
            const std::size_t end = std::min(examples.size(), begin + batchSize);
            const SupervisedBatch built = batch(examples, begin, end);
            const ModelOutputs outputs = m_state->run.model->forward(built.inputs);
            if (isRegression) {
                const torch::Tensor values = outputs.logits.reshape({-1}).to(torch::kDouble).contiguous();
                for (std::size_t r = 0; r < end - begin; ++r) {
                    RunPrediction p;
                    p.value = values[static_cast<std::int64_t>(r)].item<double>() * scale + mean;
                    std::ostringstream text;
                    text << (logCounts ? std::expm1(*p.value) : *p.value);
                    p.label = text.str();
                    out.push_back(std::move(p));
                }
            } else {
                const torch::Tensor probabilities = torch::softmax(outputs.logits, 1).to(torch::kDouble).contiguous();
                const std::int64_t width = probabilities.size(1);
                if (static_cast<std::size_t>(width) != classes().size())
                    return Error{"run " + std::to_string(m_state->run.run.id) + ": the model gives " +
                                 std::to_string(width) + " scores for " + std::to_string(classes().size()) + " classes"};
                const double *data = probabilities.data_ptr<double>();
                for (std::size_t r = 0; r < end - begin; ++r) {
                    RunPrediction p;
                    p.probabilities.assign(data + static_cast<std::int64_t>(r) * width,
                                           data + static_cast<std::int64_t>(r + 1) * width);
                    const auto best = std::max_element(p.probabilities.begin(), p.probabilities.end());
                    p.label = classes()[static_cast<std::size_t>(best - p.probabilities.begin())];
                    out.push_back(std::move(p));
                }
            }
            if (withRepresentation) {
                if (!outputs.representation.defined() || outputs.representation.dim() != 2 ||
                    outputs.representation.size(0) != static_cast<std::int64_t>(end - begin))
                    return Error{"run " + std::to_string(m_state->run.run.id) + ": model '" + m_state->run.run.model +
                                 "' gives no post representation"};
                const torch::Tensor rows = outputs.representation.to(torch::kCPU, torch::kFloat).contiguous();
                const std::int64_t width = rows.size(1);
                const float *data = rows.data_ptr<float>();
                for (std::size_t r = 0; r < end - begin; ++r)
                    out[begin + r].representation.assign(data + static_cast<std::int64_t>(r) * width,
                                                         data + static_cast<std::int64_t>(r + 1) * width);
            }
            // Media problems are reported with the batch; each names its post.
            if (!built.mediaProblems.empty())
                out[begin].mediaProblems = built.mediaProblems;
        }
    } catch (const std::exception &e) {
        return Error{std::string("prediction failed: ") + e.what()};
    }
    return out;
}

} // namespace chorus
