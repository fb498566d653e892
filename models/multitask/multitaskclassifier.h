#pragma once

#include "models/fusion/imageregionencoder.h"
#include "models/fusion/textfeatureencoder.h"
#include "models/training/supervisedmodel.h"

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace chorus {

struct MultiTaskClassifierOptions {
    MultiTaskClassifierOptions(std::int64_t vocabularySize, std::vector<TaskShape> tasks)
        : vocabulary_size_(vocabularySize), tasks_(std::move(tasks))
    {
    }
    TORCH_ARG(std::int64_t, vocabulary_size);
    TORCH_ARG(std::vector<TaskShape>, tasks); // classes > 0: classification; 0: regression
    TORCH_ARG(std::int64_t, embedding_dim) = 64;
    TORCH_ARG(std::int64_t, hidden) = 64; // per GRU direction
    TORCH_ARG(std::int64_t, layers) = 1;
    TORCH_ARG(std::int64_t, head_hidden) = 64;
    TORCH_ARG(double, dropout) = 0.2;
    // Add the image trunk to the shared encoder; posts without an image (or batches without
    // images) use a learned "missing" vector.
    TORCH_ARG(bool, use_images) = false;
    TORCH_ARG(std::int64_t, image_channels) = 32;
    TORCH_ARG(std::int64_t, image_stages) = 3;
    TORCH_ARG(std::int64_t, image_size) = 64;
};

// One shared encoder (BiGRU token features, masked mean; optionally [text ; image] vectors) and
// one small MLP head per label task. ModelOutputs.heads[task] holds [B, classes] logits for a
// classification task and [B] values for a regression task; `logits` is the first task's. The
// trainer combines the heads with MultiTaskLoss::compute and the run config's task_weights.
class MultiTaskClassifierImpl : public SupervisedModelImpl {
public:
    explicit MultiTaskClassifierImpl(const MultiTaskClassifierOptions &options);

    ModelOutputs forward(const ModelInputs &inputs) override;
    torch::Tensor embeddingWeight() override { return m_text->embeddingWeight(); }
    std::vector<std::string> modalityNames() const override;

    const MultiTaskClassifierOptions &options() const { return m_options; }
    // The head of task i (for inspection, e.g. of its gradients).
    torch::nn::Sequential head(std::size_t task) const { return m_heads.at(task); }

private:
    MultiTaskClassifierOptions m_options;
    TextFeatureEncoder m_text{nullptr};
    ImageRegionEncoder m_image{nullptr}; // only with use_images
    std::vector<torch::nn::Sequential> m_heads;
};

TORCH_MODULE(MultiTaskClassifier);

} // namespace chorus
