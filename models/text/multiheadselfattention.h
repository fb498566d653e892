#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <utility>

namespace chorus {

struct MultiHeadSelfAttentionOptions {
    MultiHeadSelfAttentionOptions(std::int64_t modelDim, std::int64_t heads) : model_dim_(modelDim), heads_(heads) {}
    TORCH_ARG(std::int64_t, model_dim);
    TORCH_ARG(std::int64_t, heads);
    TORCH_ARG(double, dropout) = 0.1; // on the attention weights
};

// Scaled dot-product self-attention with a key padding mask that also returns its weights.
// torch::nn::MultiheadAttention averages the weights over heads (and its encoder layer drops them),
// while the attention view shows each head. Each head has ceil(model_dim / heads) dimensions, so
// any head count works with any width.
class MultiHeadSelfAttentionImpl : public torch::nn::Module {
public:
    explicit MultiHeadSelfAttentionImpl(const MultiHeadSelfAttentionOptions &options);

    // x: [B, T, D]; mask: [B, T] bool, true on real tokens. Returns the output [B, T, D] and the
    // weights [B, heads, T, T] (before dropout): rows of real queries sum to 1 over real keys and
    // are 0 on padding keys; rows of padding queries are all 0.
    std::pair<torch::Tensor, torch::Tensor> forward(const torch::Tensor &x, const torch::Tensor &mask);

private:
    MultiHeadSelfAttentionOptions m_options;
    std::int64_t m_headDim = 0;
    torch::nn::Linear m_inputProjection{nullptr}; // queries, keys and values in one matrix product
    torch::nn::Linear m_outputProjection{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
};

TORCH_MODULE(MultiHeadSelfAttention);

} // namespace chorus
