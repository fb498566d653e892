#include "models/seq2seq/additiveattention.h"

#include <limits>
#include <stdexcept>

namespace chorus {

AdditiveAttentionImpl::AdditiveAttentionImpl(const AdditiveAttentionOptions &options) : m_options(options)
{
    if (options.query_dim() < 1 || options.key_dim() < 1 || options.attention_dim() < 1)
        throw std::invalid_argument("additive attention needs positive query, key and attention sizes");
    // One bias is enough: W_q q + W_k k + b.
    m_query = register_module(
        "query", torch::nn::Linear(torch::nn::LinearOptions(options.query_dim(), options.attention_dim()).bias(false)));
    m_key = register_module("key", torch::nn::Linear(options.key_dim(), options.attention_dim()));
    m_score = register_module("score",
                              torch::nn::Linear(torch::nn::LinearOptions(options.attention_dim(), 1).bias(false)));
}

torch::Tensor AdditiveAttentionImpl::projectKeys(const torch::Tensor &keys)
{
    return m_key->forward(keys);
}

std::pair<torch::Tensor, torch::Tensor> AdditiveAttentionImpl::forward(const torch::Tensor &query,
                                                                       const torch::Tensor &projectedKeys,
                                                                       const torch::Tensor &values,
                                                                       const torch::Tensor &mask)
{
    const torch::Tensor energy = torch::tanh(projectedKeys + m_query->forward(query).unsqueeze(1)); // [B, S, A]
    torch::Tensor scores = m_score->forward(energy).squeeze(2);                                    // [B, S]
    // exp(-inf) is exactly 0: padding gets no weight and the real positions share all of it.
    scores = scores.masked_fill(mask.logical_not(), -std::numeric_limits<float>::infinity());
    const torch::Tensor weights = torch::softmax(scores, 1);
    const torch::Tensor context = torch::bmm(weights.unsqueeze(1), values).squeeze(1); // [B, D]
    return {context, weights};
}

} // namespace chorus
