#pragma once

#include "models/text/multiheadselfattention.h"

#include <cstdint>
#include <utility>

namespace chorus {

struct TransformerEncoderLayerOptions {
    TransformerEncoderLayerOptions(std::int64_t modelDim, std::int64_t heads) : model_dim_(modelDim), heads_(heads) {}
    TORCH_ARG(std::int64_t, model_dim);
    TORCH_ARG(std::int64_t, heads);
    TORCH_ARG(std::int64_t, ff_dim) = 256;
    TORCH_ARG(double, dropout) = 0.1;
};

// One pre-LayerNorm encoder block: x + Dropout(Attention(LN(x))), then x + Dropout(FF(LN(x))).
// Pre-LN trains without a warm-up schedule, which matters because users pick their own schedules.
class TransformerEncoderLayerImpl : public torch::nn::Module {
public:
    explicit TransformerEncoderLayerImpl(const TransformerEncoderLayerOptions &options);

    // x: [B, T, D]; mask: [B, T] bool, true on real tokens. Returns the output and the attention
    // weights [B, heads, T, T].
    std::pair<torch::Tensor, torch::Tensor> forward(const torch::Tensor &x, const torch::Tensor &mask);

private:
    MultiHeadSelfAttention m_attention{nullptr};
    torch::nn::LayerNorm m_attentionNorm{nullptr};
    torch::nn::LayerNorm m_feedForwardNorm{nullptr};
    torch::nn::Linear m_feedForwardIn{nullptr};
    torch::nn::Linear m_feedForwardOut{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
};

TORCH_MODULE(TransformerEncoderLayer);

} // namespace chorus
