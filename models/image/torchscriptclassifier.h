#pragma once

#include <torch/torch.h>
#include <torch/script.h>

#include "models/training/supervisedmodel.h"

#include <cstdint>
#include <string>

namespace chorus {

struct TorchScriptClassifierOptions {
    TorchScriptClassifierOptions(std::string backbonePath, std::int64_t classes)
        : backbone_path_(std::move(backbonePath)), classes_(classes)
    {
    }
    TORCH_ARG(std::string, backbone_path); // a TorchScript file (torch.jit.save / Module::save)
    TORCH_ARG(std::int64_t, classes);
    TORCH_ARG(std::int64_t, image_size) = 64; // the size of the probe picture that measures the output
    TORCH_ARG(double, dropout) = 0.0;
};

// The "image_torchscript" family: a user-supplied TorchScript backbone (e.g. a torchvision ResNet
// exported with torch.jit.trace, its classifier removed) used as a frozen feature extractor, and a
// trainable linear head. The backbone must map [B, 3, H, W] to [B, D] features or [B, C, h, w]
// feature maps (averaged over space for the head, and exposed for Grad-CAM).
//
// The backbone is held outside the module tree: it is never trained, its weights stay out of
// parameters(), optimisers and checkpoints (a checkpoint is the head; the backbone is reloaded
// from backbone_path), and it always runs in evaluation mode. Its parameters do not require grad,
// so training builds no graph through it; Grad-CAM still gets one by making its inputs require grad.
class TorchScriptClassifierImpl : public SupervisedModelImpl {
public:
    // Throws std::invalid_argument naming the file when it is missing, is not TorchScript, or its
    // output on a probe picture is not [B, D] or [B, C, h, w].
    explicit TorchScriptClassifierImpl(const TorchScriptClassifierOptions &options);

    ModelOutputs forward(const ModelInputs &inputs) override;

    std::int64_t featureSize() const { return m_featureSize; }
    bool hasFeatureMaps() const { return m_featureMaps; }
    const TorchScriptClassifierOptions &options() const { return m_options; }

    void to(torch::Device device, torch::Dtype dtype, bool nonBlocking = false) override;
    void to(torch::Dtype dtype, bool nonBlocking = false) override;
    void to(torch::Device device, bool nonBlocking = false) override;

private:
    torch::Tensor runBackbone(const torch::Tensor &images);

    TorchScriptClassifierOptions m_options;
    torch::jit::Module m_backbone;
    std::int64_t m_featureSize = 0;
    bool m_featureMaps = false;
    torch::nn::Dropout m_dropout{nullptr};
    torch::nn::Linear m_output{nullptr};
};

TORCH_MODULE(TorchScriptClassifier);

} // namespace chorus
