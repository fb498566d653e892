#include "models/fusion/textfeatureencoder.h"

#include "models/text/sequencemask.h"

#include <stdexcept>

namespace chorus {

TextFeatureEncoderImpl::TextFeatureEncoderImpl(const TextFeatureEncoderOptions &options) : m_options(options)
{
    if (options.vocabulary_size() < 1 || options.embedding_dim() < 1 || options.hidden() < 1 || options.layers() < 1)
        throw std::invalid_argument(
            "text encoder: vocabulary_size, embedding_dim, hidden and layers must be at least 1");
    m_embedding = register_module(
        "embedding", torch::nn::Embedding(torch::nn::EmbeddingOptions(options.vocabulary_size(), options.embedding_dim())
                                              .padding_idx(0)));
    // PyTorch warns when inter-layer dropout is set on a single layer.
    const double between = options.layers() > 1 ? options.dropout() : 0.0;
    m_gru = register_module("gru", torch::nn::GRU(torch::nn::GRUOptions(options.embedding_dim(), options.hidden())
                                                      .num_layers(options.layers())
                                                      .bidirectional(true)
                                                      .batch_first(true)
                                                      .dropout(between)));
}

TextFeatures TextFeatureEncoderImpl::forward(const torch::Tensor &tokens, const torch::Tensor &lengths)
{
    namespace rnn = torch::nn::utils::rnn;
    const std::int64_t length = tokens.size(1);
    // pack_padded_sequence wants the lengths on the CPU whatever device the data is on.
    const torch::Tensor cpuLengths = effectiveLengths(lengths, length, torch::kCPU);
    const rnn::PackedSequence packed = rnn::pack_padded_sequence(m_embedding->forward(tokens), cpuLengths,
                                                                 /*batch_first=*/true, /*enforce_sorted=*/false);
    const rnn::PackedSequence states = std::get<0>(m_gru->forward_with_packed_input(packed));

    TextFeatures out;
    out.tokens = std::get<0>(rnn::pad_packed_sequence(states, /*batch_first=*/true, /*padding_value=*/0.0, length));
    out.mask = realTokenMask(lengths, length, tokens.device());
    // Padding rows are already zero, so the sum only counts real tokens.
    const torch::Tensor counts = out.mask.sum(1, /*keepdim=*/true).to(out.tokens.scalar_type());
    out.pooled = out.tokens.sum(1) / counts;
    return out;
}

} // namespace chorus
