#pragma once

#include <torch/torch.h>

#include <cstdint>

namespace chorus {

// He et al. (2016) basic block: two 3x3 convolutions with batch norm, added to the input (through a
// 1x1 projection when the stride or the width changes).
class ResidualBlockImpl : public torch::nn::Module {
public:
    ResidualBlockImpl(std::int64_t inChannels, std::int64_t outChannels, std::int64_t stride);
    torch::Tensor forward(const torch::Tensor &input);

private:
    torch::nn::Conv2d m_conv1{nullptr}, m_conv2{nullptr};
    torch::nn::BatchNorm2d m_norm1{nullptr}, m_norm2{nullptr};
    torch::nn::Sequential m_shortcut{nullptr};
};

TORCH_MODULE(ResidualBlock);

} // namespace chorus
