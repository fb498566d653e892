#pragma once

#include "models/image/residualblock.h"

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace chorus {

struct ImageEncoderOptions {
    TORCH_ARG(std::int64_t, base_channels) = 32;  // width of the first stage; doubles at each stage
    TORCH_ARG(std::int64_t, stages) = 3;          // each stage after the first halves the resolution
    TORCH_ARG(std::int64_t, blocks_per_stage) = 1;
};

// A small ResNet-style trunk trained from scratch: a 3x3 stem, then stages of residual blocks.
// It returns the last feature map [B, C, h, w] (h = w = input / 2^(stages-1)), which image
// classifiers pool, Grad-CAM differentiates and fusion models read as a grid of regions.
class ImageEncoderImpl : public torch::nn::Module {
public:
    explicit ImageEncoderImpl(const ImageEncoderOptions &options = ImageEncoderOptions());
    torch::Tensor forward(const torch::Tensor &images); // [B, 3, H, W] -> [B, C, h, w]
    std::int64_t outChannels() const { return m_outChannels; }

private:
    torch::nn::Conv2d m_stem{nullptr};
    torch::nn::BatchNorm2d m_stemNorm{nullptr};
    torch::nn::Sequential m_stages{nullptr};
    std::int64_t m_outChannels = 0;
};

TORCH_MODULE(ImageEncoder);

} // namespace chorus
