#include "models/image/torchscriptclassifier.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace chorus {
namespace {

std::string shapeText(const torch::Tensor &tensor)
{
    std::ostringstream text;
    text << tensor.sizes();
    return text.str();
}

// The first line of a LibTorch message; the rest is a C++ backtrace no user can act on.
std::string firstLine(const std::string &message)
{
    return message.substr(0, message.find('\n'));
}

} // namespace

TorchScriptClassifierImpl::TorchScriptClassifierImpl(const TorchScriptClassifierOptions &options)
    : m_options(options)
{
    const std::string &path = options.backbone_path();
    if (path.empty())
        throw std::invalid_argument("image_torchscript: backbone_path is empty; name a TorchScript .pt file");
    if (options.classes() < 1)
        throw std::invalid_argument("image_torchscript: classes must be at least 1");
    if (options.image_size() < 1)
        throw std::invalid_argument("image_torchscript: image_size must be at least 1");
    if (options.dropout() < 0.0 || options.dropout() >= 1.0)
        throw std::invalid_argument("image_torchscript: dropout must be in [0, 1)");
    if (!std::ifstream(path, std::ios::binary))
        throw std::invalid_argument("image_torchscript: cannot open the backbone " + path + " (missing or unreadable)");
    try {
        m_backbone = torch::jit::load(path, torch::kCPU);
    } catch (const c10::Error &e) {
        throw std::invalid_argument("image_torchscript: " + path + " is not a TorchScript module (" +
                                    firstLine(e.what_without_backtrace()) + ")");
    }
    m_backbone.eval();
    for (torch::Tensor parameter : m_backbone.parameters())
        parameter.requires_grad_(false);

    // Measure the output on a probe picture: the head's width depends on it, and a backbone of the
    // wrong kind is better refused now than in the middle of a run.
    torch::Tensor probe;
    try {
        torch::NoGradGuard noGrad;
        probe = runBackbone(torch::zeros({2, 3, options.image_size(), options.image_size()}));
    } catch (const std::invalid_argument &e) {
        throw std::invalid_argument("image_torchscript: " + path + ": " + e.what());
    } catch (const c10::Error &e) {
        throw std::invalid_argument("image_torchscript: " + path + " fails on a [2, 3, " +
                                    std::to_string(options.image_size()) + ", " + std::to_string(options.image_size()) +
                                    "] picture batch (" + firstLine(e.what_without_backtrace()) + ")");
    }
    m_featureMaps = probe.dim() == 4;
    m_featureSize = probe.size(1);
    m_dropout = register_module("dropout", torch::nn::Dropout(options.dropout()));
    m_output = register_module("output", torch::nn::Linear(m_featureSize, options.classes()));
}

torch::Tensor TorchScriptClassifierImpl::runBackbone(const torch::Tensor &images)
{
    const torch::jit::IValue result = m_backbone.forward({images});
    if (!result.isTensor())
        throw std::invalid_argument("the backbone must return one tensor, [B, D] or [B, C, h, w]; it returns " +
                                    result.tagKind());
    torch::Tensor features = result.toTensor();
    if ((features.dim() != 2 && features.dim() != 4) || features.size(0) != images.size(0) || features.size(1) < 1)
        throw std::invalid_argument("the backbone must return [B, D] or [B, C, h, w] for B = " +
                                    std::to_string(images.size(0)) + " pictures; it returns " + shapeText(features));
    if (!features.is_floating_point())
        throw std::invalid_argument("the backbone must return floating-point features");
    return features;
}

ModelOutputs TorchScriptClassifierImpl::forward(const ModelInputs &inputs)
{
    if (!inputs.images.defined() || inputs.images.dim() != 4 || inputs.images.size(1) != 3)
        throw std::invalid_argument("image_torchscript: images must be [batch, 3, height, width]");
    ModelOutputs outputs;
    const torch::Tensor features = runBackbone(inputs.images);
    if (features.size(1) != m_featureSize)
        throw std::invalid_argument("image_torchscript: the backbone returned " + std::to_string(features.size(1)) +
                                    " features, the head expects " + std::to_string(m_featureSize));
    torch::Tensor pooled = features;
    if (features.dim() == 4) {
        outputs.featureMaps = features;
        pooled = features.mean({2, 3});
    }
    outputs.representation = pooled;
    outputs.logits = m_output->forward(m_dropout->forward(pooled));
    return outputs;
}

void TorchScriptClassifierImpl::to(torch::Device device, torch::Dtype dtype, bool nonBlocking)
{
    SupervisedModelImpl::to(device, dtype, nonBlocking);
    m_backbone.to(device, dtype, nonBlocking);
}

void TorchScriptClassifierImpl::to(torch::Dtype dtype, bool nonBlocking)
{
    SupervisedModelImpl::to(dtype, nonBlocking);
    m_backbone.to(dtype, nonBlocking);
}

void TorchScriptClassifierImpl::to(torch::Device device, bool nonBlocking)
{
    SupervisedModelImpl::to(device, nonBlocking);
    m_backbone.to(device, nonBlocking);
}

} // namespace chorus
