#include "models/seq2seq/seq2seqdecoder.h"

#include <stdexcept>

namespace chorus {

Seq2seqDecoderImpl::Seq2seqDecoderImpl(const Seq2seqDecoderOptions &options) : m_options(options)
{
    if (options.vocabulary_size() < 1 || options.memory_dim() < 1 || options.embedding_dim() < 1 ||
        options.hidden() < 1 || options.layers() < 1 || options.attention_dim() < 1)
        throw std::invalid_argument("seq2seq decoder: every size must be at least 1");
    if (options.dropout() < 0 || options.dropout() >= 1)
        throw std::invalid_argument("seq2seq decoder: dropout must be in [0, 1)");
    m_embedding = register_module(
        "embedding", torch::nn::Embedding(torch::nn::EmbeddingOptions(options.vocabulary_size(), options.embedding_dim())
                                              .padding_idx(options.pad_id())));
    m_dropout = register_module("dropout", torch::nn::Dropout(options.dropout()));
    m_attention = register_module(
        "attention", AdditiveAttention(AdditiveAttentionOptions(options.hidden(), options.memory_dim(),
                                                                options.attention_dim())));
    m_gru = register_module(
        "gru", torch::nn::GRU(torch::nn::GRUOptions(options.embedding_dim() + options.memory_dim(), options.hidden())
                                  .num_layers(options.layers())
                                  .batch_first(true)
                                  .dropout(options.layers() > 1 ? options.dropout() : 0.0)));
    m_output = register_module(
        "output", torch::nn::Linear(options.hidden() + options.memory_dim() + options.embedding_dim(),
                                    options.vocabulary_size()));
}

torch::Tensor Seq2seqDecoderImpl::projectKeys(const torch::Tensor &states)
{
    return m_attention->projectKeys(states);
}

DecoderStep Seq2seqDecoderImpl::step(const torch::Tensor &previous, const torch::Tensor &hidden,
                                     const torch::Tensor &states, const torch::Tensor &keys, const torch::Tensor &mask)
{
    const torch::Tensor embedded = m_dropout->forward(m_embedding->forward(previous)); // [B, E]
    auto [context, weights] = m_attention->forward(hidden[hidden.size(0) - 1], keys, states, mask);
    auto [output, next] = m_gru->forward(torch::cat({embedded, context}, 1).unsqueeze(1), hidden);
    const torch::Tensor features = torch::cat({output.squeeze(1), context, embedded}, 1);
    return {m_output->forward(m_dropout->forward(features)), next, weights};
}

} // namespace chorus
