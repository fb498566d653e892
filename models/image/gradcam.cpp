#include "models/image/gradcam.h"

#include <algorithm>
#include <exception>
#include <string>

namespace chorus {
namespace {

// A copy of a floating input that requires grad, so the graph reaches the feature maps even when
// every parameter before them is frozen.
torch::Tensor tracked(const torch::Tensor &input)
{
    if (!input.defined() || !input.is_floating_point())
        return input;
    return input.detach().clone().requires_grad_(true);
}

} // namespace

Result<GradCamMaps> GradCam::compute(SupervisedModelImpl &model, const ModelInputs &inputs,
                                     const torch::Tensor &targetClasses)
{
    try {
        torch::AutoGradMode gradients(true);
        ModelInputs graphInputs = inputs;
        graphInputs.images = tracked(inputs.images);
        graphInputs.frames = tracked(inputs.frames);
        const ModelOutputs outputs = model.forward(graphInputs);
        const torch::Tensor &features = outputs.featureMaps;
        if (!features.defined() || features.dim() != 4)
            return Error{"Grad-CAM: the model exposes no feature maps [batch, channels, height, width]"};
        if (!outputs.logits.defined() || outputs.logits.dim() != 2)
            return Error{"Grad-CAM: the model returns no [batch, classes] logits"};
        if (!features.requires_grad())
            return Error{"Grad-CAM: the feature maps are detached from the graph, so no gradient reaches them"};
        const std::int64_t batch = outputs.logits.size(0);
        if (features.size(0) != batch)
            return Error{"Grad-CAM: feature maps and logits disagree on the batch size"};

        torch::Tensor classes = targetClasses.defined() ? targetClasses.to(torch::kLong).to(outputs.logits.device())
                                                        : outputs.logits.detach().argmax(1);
        if (classes.dim() != 1 || classes.size(0) != batch)
            return Error{"Grad-CAM: expected one target class per sample (" + std::to_string(batch) + ")"};
        const std::int64_t classCount = outputs.logits.size(1);
        if (batch > 0 && (classes.min().item<std::int64_t>() < 0 || classes.max().item<std::int64_t>() >= classCount))
            return Error{"Grad-CAM: target classes must be between 0 and " + std::to_string(classCount - 1)};

        // Samples do not interact in evaluation, so one backward pass of the summed scores gives
        // every sample's own gradient. (In train mode BatchNorm couples them; explain in eval.)
        const torch::Tensor score = outputs.logits.gather(1, classes.unsqueeze(1)).sum();
        const torch::Tensor gradient =
            torch::autograd::grad({score}, {features}, /*grad_outputs=*/{}, /*retain_graph=*/false)[0];

        torch::NoGradGuard noGradients;
        const torch::Tensor weights = gradient.mean({2, 3}, /*keepdim=*/true);               // [B, C, 1, 1]
        torch::Tensor cam = torch::relu((weights * features.detach()).sum(1, /*keepdim=*/true)); // [B, 1, h, w]

        std::int64_t height = features.size(2), width = features.size(3);
        if (inputs.images.defined() && inputs.images.dim() == 4) {
            height = inputs.images.size(2);
            width = inputs.images.size(3);
        } else if (inputs.frames.defined() && inputs.frames.dim() == 5) {
            height = inputs.frames.size(3);
            width = inputs.frames.size(4);
        }
        cam = torch::nn::functional::interpolate(
                  cam, torch::nn::functional::InterpolateFuncOptions()
                           .size(std::vector<std::int64_t>{height, width})
                           .mode(torch::kBilinear)
                           .align_corners(false))
                  .squeeze(1);
        const torch::Tensor flat = cam.reshape({batch, -1});
        const torch::Tensor low = std::get<0>(flat.min(1, true)).unsqueeze(2);
        const torch::Tensor high = std::get<0>(flat.max(1, true)).unsqueeze(2);
        const torch::Tensor range = high - low;
        // A flat map says nothing; leave it at 0 rather than divide by zero.
        cam = torch::where(range > 1e-12, (cam - low) / range.clamp_min(1e-12), torch::zeros_like(cam));

        return GradCamMaps{cam, classes, outputs.logits.detach()};
    } catch (const std::exception &e) {
        return Error{std::string("Grad-CAM: ") + e.what()};
    }
}

torch::Tensor GradCam::downsample(const torch::Tensor &map, std::int64_t maxSide)
{
    const std::int64_t height = map.size(0), width = map.size(1);
    const std::int64_t longer = std::max(height, width);
    if (maxSide < 1 || longer <= maxSide)
        return map;
    const auto scaled = [&](std::int64_t side) {
        return std::max<std::int64_t>(1, (side * maxSide + longer / 2) / longer);
    };
    torch::NoGradGuard noGradients;
    // Adaptive average pooling is area interpolation: every output cell averages its input window.
    return torch::adaptive_avg_pool2d(map.unsqueeze(0).unsqueeze(0).to(torch::kFloat), {scaled(height), scaled(width)})
        .squeeze(0)
        .squeeze(0);
}

} // namespace chorus
