#pragma once

#include <torch/torch.h>

#include "core/util/result.h"
#include "models/training/supervisedmodel.h"

namespace chorus {

struct GradCamMaps {
    torch::Tensor maps;    // [B, H, W] float in [0, 1], at the input's resolution
    torch::Tensor classes; // [B] int64: the class each map explains
    torch::Tensor logits;  // [B, classes], detached
};

// Grad-CAM (Selvaraju et al., 2017) for any supervised model whose outputs carry featureMaps
// [B, C, h, w]: for each sample, the gradient of the chosen class's logit with respect to the
// feature maps, averaged over space, weighs the channels; the ReLU of the weighted sum is
// stretched bilinearly to the input size and rescaled to [0, 1] per sample (min to 0, max to 1; an
// all-zero map stays 0).
// The model's mode (train/eval) is left alone, parameters' requires_grad flags and .grad tensors
// are untouched (the gradient is taken with autograd::grad, and the inputs are what require grad,
// so a frozen backbone is explained too), and it works under an outer NoGradGuard.
class GradCam {
public:
    // targetClasses: [B] int64, or undefined for each sample's predicted class.
    static Result<GradCamMaps> compute(SupervisedModelImpl &model, const ModelInputs &inputs,
                                       const torch::Tensor &targetClasses = torch::Tensor());
    // One map [H, W] brought to at most maxSide x maxSide, keeping its aspect, by area averaging
    // (each output cell the mean of the input cells it covers), so values stay in [0, 1]; a map
    // that fits is returned as it is. For sending maps to the GUI at a bounded size.
    static torch::Tensor downsample(const torch::Tensor &map, std::int64_t maxSide);
};

} // namespace chorus
