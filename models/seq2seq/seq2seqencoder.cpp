#include "models/seq2seq/seq2seqencoder.h"

#include "models/text/sequencemask.h"

#include <stdexcept>

namespace chorus {

Seq2seqEncoderImpl::Seq2seqEncoderImpl(const Seq2seqEncoderOptions &options) : m_options(options)
{
    if (options.vocabulary_size() < 1 || options.embedding_dim() < 1 || options.hidden() < 1 ||
        options.layers() < 1 || options.decoder_hidden() < 1)
        throw std::invalid_argument("seq2seq encoder: vocabulary_size, embedding_dim, hidden, layers and "
                                    "decoder_hidden must be at least 1");
    if (options.dropout() < 0 || options.dropout() >= 1)
        throw std::invalid_argument("seq2seq encoder: dropout must be in [0, 1)");
    m_embedding = register_module(
        "embedding", torch::nn::Embedding(torch::nn::EmbeddingOptions(options.vocabulary_size(), options.embedding_dim())
                                              .padding_idx(options.pad_id())));
    m_dropout = register_module("dropout", torch::nn::Dropout(options.dropout()));
    // Dropout between stacked layers only; PyTorch warns when it is set on a single layer.
    m_gru = register_module("gru", torch::nn::GRU(torch::nn::GRUOptions(options.embedding_dim(), options.hidden())
                                                      .num_layers(options.layers())
                                                      .bidirectional(true)
                                                      .batch_first(true)
                                                      .dropout(options.layers() > 1 ? options.dropout() : 0.0)));
    m_bridge = register_module("bridge", torch::nn::Linear(2 * options.hidden(), options.decoder_hidden()));
}

EncodedSource Seq2seqEncoderImpl::forward(const torch::Tensor &tokens, const torch::Tensor &lengths)
{
    namespace rnn = torch::nn::utils::rnn;
    const std::int64_t batch = tokens.size(0);
    const std::int64_t length = tokens.size(1);
    const torch::Tensor embedded = m_dropout->forward(m_embedding->forward(tokens));
    // pack_padded_sequence wants the lengths on the CPU whatever device the data is on.
    const rnn::PackedSequence packed = rnn::pack_padded_sequence(
        embedded, effectiveLengths(lengths, length, torch::kCPU), /*batch_first=*/true, /*enforce_sorted=*/false);
    auto [outputs, last] = m_gru->forward_with_packed_input(packed);
    EncodedSource encoded;
    encoded.states = std::get<0>(rnn::pad_packed_sequence(outputs, /*batch_first=*/true, 0.0, length));
    encoded.mask = realTokenMask(lengths, length, tokens.device());
    // last: [layers * 2, B, H], directions innermost, rows back in the caller's order.
    const torch::Tensor perLayer = last.view({m_options.layers(), 2, batch, m_options.hidden()})
                                       .permute({0, 2, 1, 3})
                                       .reshape({m_options.layers(), batch, 2 * m_options.hidden()});
    encoded.hidden = torch::tanh(m_bridge->forward(perLayer)).contiguous();
    return encoded;
}

} // namespace chorus
