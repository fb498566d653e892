#include "models/training/postrepresentationsnapshotter.h"

#include "core/store/project.h"
#include "models/training/batchbuilder.h"
#include "models/training/supervisedmodel.h"

#include <cmath>
#include <cstdio>
#include <numeric>

namespace chorus {
namespace {

std::string formatValue(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.4g", value);
    return text;
}

} // namespace

PostRepresentationSnapshotter::PostRepresentationSnapshotter(const SupervisedData &data, const BatchBuilder &builder,
                                                             torch::Device device, std::size_t batchSize,
                                                             PrimaryHead primaryHead, double targetMean,
                                                             double targetScale)
    : m_data(data), m_builder(builder), m_device(device), m_batchSize(std::max<std::size_t>(1, batchSize)),
      m_primaryHead(std::move(primaryHead)), m_targetMean(targetMean), m_targetScale(targetScale)
{
    const bool fromValid = !data.valid.empty();
    const std::vector<PostExample> &source = fromValid ? data.valid : data.train;
    m_split = fromValid ? "valid" : "train";
    const std::size_t count = std::min(source.size(), EmbeddingSnapshot::kMaxRows);
    m_posts.assign(source.begin(), source.begin() + static_cast<std::ptrdiff_t>(count));
}

Status PostRepresentationSnapshotter::loadTexts(Project &project)
{
    if (m_textsLoaded)
        return Status::success();
    auto select = project.db().prepare("SELECT text FROM posts WHERE id = ?");
    if (!select)
        return select.error();
    m_texts.clear();
    m_texts.reserve(m_posts.size());
    for (const PostExample &post : m_posts) {
        select->reset();
        select->bind(1, post.postId);
        if (select->step())
            m_texts.push_back(select->text(0));
        else if (select->failed())
            return Error{"cannot read the text of post " + std::to_string(post.postId) + ": " + select->lastError()};
        else
            m_texts.emplace_back();
    }
    m_textsLoaded = true;
    return Status::success();
}

std::optional<EmbeddingSnapshot> PostRepresentationSnapshotter::take(SupervisedModelImpl &model, int epoch,
                                                                     std::int64_t step) const
{
    if (m_posts.empty())
        return std::nullopt;
    torch::NoGradGuard noGrad;
    model.eval();
    const LabelTask &task = m_data.primary();
    // Engagement tasks train on log1p counts; the projector's columns show counts, as predict does.
    const bool logCounts = task.transform == "log1p";
    const auto shown = [logCounts](double value) { return formatValue(logCounts ? std::expm1(value) : value); };
    std::vector<std::size_t> order(m_posts.size());
    std::iota(order.begin(), order.end(), 0);
    std::vector<float> values;
    std::vector<std::string> predicted(m_posts.size(), "-");
    std::size_t dimensions = 0;
    for (std::size_t begin = 0; begin < m_posts.size(); begin += m_batchSize) {
        const std::size_t end = std::min(m_posts.size(), begin + m_batchSize);
        SupervisedBatch batch = m_builder.build(m_posts, order, begin, end, false, 0).to(m_device);
        const ModelOutputs out = model.forward(batch.inputs);
        if (!out.representation.defined() || out.representation.dim() != 2) {
            model.train();
            return std::nullopt;
        }
        const torch::Tensor rows = out.representation.to(torch::kCPU, torch::kFloat).contiguous();
        const torch::Tensor head = m_primaryHead(out).to(torch::kCPU, torch::kDouble);
        if (dimensions == 0) {
            dimensions = static_cast<std::size_t>(rows.size(1));
            values.assign(m_posts.size() * dimensions, 0.0f);
        }
        for (std::int64_t r = 0; r < rows.size(0); ++r) {
            const std::size_t post = batch.rows[static_cast<std::size_t>(r)];
            const float *row = rows.data_ptr<float>() + r * rows.size(1);
            std::copy(row, row + dimensions, values.begin() + static_cast<std::ptrdiff_t>(post * dimensions));
            if (task.regression) {
                const torch::Tensor outputs = head.dim() == 2 ? head.select(1, 0) : head;
                predicted[post] = shown(outputs[r].item<double>() * m_targetScale + m_targetMean);
            } else {
                const auto best = static_cast<std::size_t>(head[r].argmax().item<std::int64_t>());
                predicted[post] = best < task.classes.size() ? task.classes[best] : std::to_string(best);
            }
        }
    }
    model.train();

    EmbeddingSnapshot snapshot;
    snapshot.space = EmbeddingSpace::Posts;
    snapshot.epoch = epoch;
    snapshot.step = step;
    snapshot.dimensions = dimensions;
    snapshot.labelColumn = "text";
    snapshot.values = std::move(values);
    snapshot.columns = {"post_id", "split", task.name, "predicted"};
    snapshot.columnValues.assign(snapshot.columns.size(), {});
    for (std::size_t i = 0; i < m_posts.size(); ++i) {
        const PostExample &post = m_posts[i];
        snapshot.tokens.push_back(i < m_texts.size() ? m_texts[i] : std::string());
        snapshot.columnValues[0].push_back(std::to_string(post.postId));
        snapshot.columnValues[1].push_back(m_split);
        const double target = post.targets.empty() ? std::nan("") : post.targets[0];
        std::string label = "-";
        if (!std::isnan(target))
            label = task.regression ? shown(target)
                                    : (static_cast<std::size_t>(target) < task.classes.size()
                                           ? task.classes[static_cast<std::size_t>(target)]
                                           : formatValue(target));
        snapshot.columnValues[2].push_back(label);
        snapshot.columnValues[3].push_back(predicted[i]);
    }
    return snapshot;
}

} // namespace chorus
