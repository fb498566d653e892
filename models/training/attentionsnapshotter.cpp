#include "models/training/attentionsnapshotter.h"

#include "models/training/batchbuilder.h"
#include "models/training/headattention.h"
#include "models/training/supervisedmodel.h"
#include "models/training/threadattention.h"

#include <numeric>
#include <string>

namespace chorus {

namespace {

std::vector<double> rowOf(const torch::Tensor &matrix, std::int64_t row, std::int64_t count)
{
    std::vector<double> out;
    for (std::int64_t i = 0; i < count; ++i)
        out.push_back(matrix[row][i].item<double>());
    return out;
}

} // namespace

AttentionSnapshotter::AttentionSnapshotter(const SupervisedData &data, const BatchBuilder &builder,
                                           std::vector<PostExample> probe, torch::Device device, PrimaryHead primaryHead,
                                           double targetMean, double targetScale)
    : m_data(data), m_builder(builder), m_probe(std::move(probe)), m_device(device),
      m_primaryHead(std::move(primaryHead)), m_targetMean(targetMean), m_targetScale(targetScale)
{
}

nlohmann::json AttentionSnapshotter::take(SupervisedModelImpl &model, int epoch, std::int64_t step) const
{
    if (m_probe.empty())
        return nullptr;
    torch::NoGradGuard noGrad;
    model.eval();
    std::vector<std::size_t> order(m_probe.size());
    std::iota(order.begin(), order.end(), 0);
    SupervisedBatch batch = m_builder.build(m_probe, order, 0, m_probe.size(), false, 0).to(m_device);
    const ModelOutputs out = model.forward(batch.inputs);
    model.train();
    torch::Tensor tokenWeights;
    if (out.tokenAttention.defined())
        tokenWeights = out.tokenAttention.to(torch::kCPU, torch::kDouble);
    else if (!out.layerAttention.empty()) {
        // Last layer, averaged over heads and over each post's real queries only: padding query
        // rows are zero, so summing and dividing by the length keeps each row at 1.
        auto lengths = batch.inputs.lengths.to(torch::kCPU, torch::kDouble).unsqueeze(1);
        tokenWeights = out.layerAttention.back().mean(1).sum(1).to(torch::kCPU, torch::kDouble) / lengths;
    }
    const torch::Tensor frames =
        out.frameAttention.defined() ? out.frameAttention.to(torch::kCPU, torch::kDouble) : torch::Tensor();
    const torch::Tensor modalities =
        out.modalityWeights.defined() ? out.modalityWeights.to(torch::kCPU, torch::kDouble) : torch::Tensor();
    const torch::Tensor head = m_primaryHead(out).to(torch::kCPU, torch::kDouble);
    const bool hasThreads = out.postAttention.defined() && out.threadTokenAttention.defined();
    if (!tokenWeights.defined() && !frames.defined() && !modalities.defined() && !hasThreads)
        return nullptr;
    const bool regression = m_data.primary().regression;
    const std::vector<std::string> modalityNames = model.modalityNames();
    nlohmann::json posts = nlohmann::json::array();
    for (std::size_t i = 0; i < m_probe.size(); ++i) {
        const auto row = static_cast<std::int64_t>(i);
        const PostExample &example = m_probe[i];
        nlohmann::json post = {{"post_id", example.postId}};
        if (tokenWeights.defined()) {
            post["tokens"] = m_data.vocabulary.decode(example.ids);
            post["weights"] = rowOf(tokenWeights, row, static_cast<std::int64_t>(example.ids.size()));
            HeadAttention::addTo(post, out.layerAttention, row, static_cast<std::int64_t>(example.ids.size()));
        }
        if (frames.defined())
            post["frame_weights"] = rowOf(frames, row, frames.size(1));
        if (hasThreads)
            post["thread"] = ThreadAttention::toJson(out, row, example, m_data);
        if (modalities.defined()) {
            nlohmann::json weights = nlohmann::json::object();
            for (std::int64_t m = 0; m < modalities.size(1); ++m)
                weights[m < static_cast<std::int64_t>(modalityNames.size()) ? modalityNames[static_cast<std::size_t>(m)]
                                                                             : std::to_string(m)] =
                    modalities[row][m].item<double>();
            post["modality_weights"] = weights;
        }
        if (regression) {
            const torch::Tensor values = head.dim() == 2 ? head.squeeze(1) : head;
            post["value"] = values[row].item<double>() * m_targetScale + m_targetMean;
            post["label"] = example.targets[0];
        } else {
            post["label"] = m_data.primary().classes[static_cast<std::size_t>(example.targets[0])];
            post["probabilities"] = rowOf(torch::softmax(head, 1), row, head.size(1));
        }
        posts.push_back(std::move(post));
    }
    nlohmann::json snapshot = {{"epoch", epoch}, {"step", step}, {"classes", m_data.primary().classes}, {"posts", posts}};
    if (!modalityNames.empty())
        snapshot["modalities"] = modalityNames;
    return snapshot;
}

} // namespace chorus
