#include "models/text/transformerencoderlayer.h"

namespace chorus {

TransformerEncoderLayerImpl::TransformerEncoderLayerImpl(const TransformerEncoderLayerOptions &options)
{
    m_attention = register_module(
        "attention",
        MultiHeadSelfAttention(MultiHeadSelfAttentionOptions(options.model_dim(), options.heads()).dropout(options.dropout())));
    m_attentionNorm = register_module(
        "attention_norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({options.model_dim()})));
    m_feedForwardNorm = register_module(
        "feed_forward_norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({options.model_dim()})));
    m_feedForwardIn = register_module("feed_forward_in", torch::nn::Linear(options.model_dim(), options.ff_dim()));
    m_feedForwardOut = register_module("feed_forward_out", torch::nn::Linear(options.ff_dim(), options.model_dim()));
    m_dropout = register_module("dropout", torch::nn::Dropout(options.dropout()));
}

std::pair<torch::Tensor, torch::Tensor> TransformerEncoderLayerImpl::forward(const torch::Tensor &x,
                                                                             const torch::Tensor &mask)
{
    auto [attended, weights] = m_attention->forward(m_attentionNorm->forward(x), mask);
    torch::Tensor y = x + m_dropout->forward(attended);
    const torch::Tensor hidden = torch::gelu(m_feedForwardIn->forward(m_feedForwardNorm->forward(y)));
    y = y + m_dropout->forward(m_feedForwardOut->forward(m_dropout->forward(hidden)));
    return {y, weights};
}

} // namespace chorus
