#pragma once

#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <vector>

#include "core/training/superviseddata.h"
#include "models/training/modeloutputs.h"

namespace chorus {

class BatchBuilder;
class SupervisedModelImpl;

// What the attention explorer's epoch slider shows: after each epoch, the model's view of a few
// fixed validation posts (the probe) -- token weights (or a Transformer's last layer averaged over
// heads, with every layer's heads beside it), frame weights, modality weights, thread weights --
// with its prediction for each.
class AttentionSnapshotter {
public:
    using PrimaryHead = std::function<torch::Tensor(const ModelOutputs &)>;

    // targetMean/targetScale turn a standardised regression output back into the task's units.
    AttentionSnapshotter(const SupervisedData &data, const BatchBuilder &builder, std::vector<PostExample> probe,
                         torch::Device device, PrimaryHead primaryHead, double targetMean, double targetScale);

    // The snapshot {"epoch", "step", "classes", "posts", ["modalities"]}, or null when there is no
    // probe post or the model exposes nothing to show. Leaves the model in training mode.
    nlohmann::json take(SupervisedModelImpl &model, int epoch, std::int64_t step) const;

private:
    const SupervisedData &m_data;
    const BatchBuilder &m_builder;
    std::vector<PostExample> m_probe;
    torch::Device m_device;
    PrimaryHead m_primaryHead;
    double m_targetMean;
    double m_targetScale;
};

} // namespace chorus
