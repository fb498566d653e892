#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <utility>

namespace chorus {

struct AdditiveAttentionOptions {
    AdditiveAttentionOptions(std::int64_t queryDim, std::int64_t keyDim, std::int64_t attentionDim)
        : query_dim_(queryDim), key_dim_(keyDim), attention_dim_(attentionDim)
    {
    }
    TORCH_ARG(std::int64_t, query_dim);
    TORCH_ARG(std::int64_t, key_dim);
    TORCH_ARG(std::int64_t, attention_dim);
};

// Bahdanau et al. 2015 additive attention: score(q, k_j) = v^T tanh(W_q q + W_k k_j), softmax over the
// real positions only. The keys' projection W_k k_j does not depend on the query, so a decoder
// projects its memory once (projectKeys) and reuses it at every step.
class AdditiveAttentionImpl : public torch::nn::Module {
public:
    explicit AdditiveAttentionImpl(const AdditiveAttentionOptions &options);

    // [B, S, key_dim] -> [B, S, attention_dim]
    torch::Tensor projectKeys(const torch::Tensor &keys);
    // query [B, query_dim], projectedKeys [B, S, A], values [B, S, D], mask [B, S] (true on real
    // positions; each row needs at least one). Returns the context [B, D] and the weights [B, S]:
    // each row sums to 1 and is exactly 0 where the mask is false.
    std::pair<torch::Tensor, torch::Tensor> forward(const torch::Tensor &query, const torch::Tensor &projectedKeys,
                                                    const torch::Tensor &values, const torch::Tensor &mask);

    const AdditiveAttentionOptions &options() const { return m_options; }

private:
    AdditiveAttentionOptions m_options;
    torch::nn::Linear m_query{nullptr};
    torch::nn::Linear m_key{nullptr};
    torch::nn::Linear m_score{nullptr};
};

TORCH_MODULE(AdditiveAttention);

} // namespace chorus
