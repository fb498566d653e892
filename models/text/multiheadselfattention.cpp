#include "models/text/multiheadselfattention.h"

#include <cmath>
#include <limits>

namespace chorus {

MultiHeadSelfAttentionImpl::MultiHeadSelfAttentionImpl(const MultiHeadSelfAttentionOptions &options)
    : m_options(options), m_headDim((options.model_dim() + options.heads() - 1) / options.heads())
{
    const std::int64_t inner = m_headDim * options.heads();
    m_inputProjection = register_module("input_projection", torch::nn::Linear(options.model_dim(), 3 * inner));
    m_outputProjection = register_module("output_projection", torch::nn::Linear(inner, options.model_dim()));
    m_dropout = register_module("dropout", torch::nn::Dropout(options.dropout()));
}

std::pair<torch::Tensor, torch::Tensor> MultiHeadSelfAttentionImpl::forward(const torch::Tensor &x,
                                                                            const torch::Tensor &mask)
{
    const std::int64_t batch = x.size(0);
    const std::int64_t length = x.size(1);
    const std::int64_t heads = m_options.heads();
    // [B, T, 3, H, Dh] -> three tensors [B, H, T, Dh]
    const torch::Tensor qkv = m_inputProjection->forward(x).view({batch, length, 3, heads, m_headDim}).permute({2, 0, 3, 1, 4});
    const torch::Tensor queries = qkv[0];
    const torch::Tensor keys = qkv[1];
    const torch::Tensor values = qkv[2];

    torch::Tensor scores = torch::matmul(queries, keys.transpose(-2, -1)) / std::sqrt(static_cast<double>(m_headDim));
    const torch::Tensor keyPadding = mask.logical_not().view({batch, 1, 1, length});
    scores = scores.masked_fill(keyPadding, -std::numeric_limits<float>::infinity());
    // Every row has at least one real key (lengths are clamped to >= 1), so no row is all -inf.
    const torch::Tensor queryReal = mask.view({batch, 1, length, 1}).to(scores.scalar_type());
    const torch::Tensor weights = torch::softmax(scores, -1) * queryReal;

    const torch::Tensor mixed = torch::matmul(m_dropout->forward(weights), values) // [B, H, T, Dh]
                                    .transpose(1, 2)
                                    .reshape({batch, length, heads * m_headDim});
    return {m_outputProjection->forward(mixed), weights};
}

} // namespace chorus
