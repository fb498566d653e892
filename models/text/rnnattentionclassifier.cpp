#include "models/text/rnnattentionclassifier.h"

#include "models/text/sequencemask.h"

#include <limits>

namespace chorus {

RnnAttentionClassifierImpl::RnnAttentionClassifierImpl(const RnnAttentionClassifierOptions &options)
    : m_options(options)
{
    m_embedding = register_module(
        "embedding", torch::nn::Embedding(torch::nn::EmbeddingOptions(options.vocabulary_size(), options.embedding_dim())
                                              .padding_idx(0)));
    // Dropout between stacked layers only; PyTorch warns when it is set on a single layer.
    const double between = options.layers() > 1 ? options.dropout() : 0.0;
    if (options.cell() == "gru") {
        m_gru = register_module("rnn", torch::nn::GRU(torch::nn::GRUOptions(options.embedding_dim(), options.hidden())
                                                          .num_layers(options.layers())
                                                          .bidirectional(true)
                                                          .batch_first(true)
                                                          .dropout(between)));
    } else {
        m_lstm = register_module("rnn", torch::nn::LSTM(torch::nn::LSTMOptions(options.embedding_dim(), options.hidden())
                                                            .num_layers(options.layers())
                                                            .bidirectional(true)
                                                            .batch_first(true)
                                                            .dropout(between)));
    }
    m_attentionProjection =
        register_module("attention_projection", torch::nn::Linear(2 * options.hidden(), options.attention_dim()));
    m_attentionScore = register_module(
        "attention_score", torch::nn::Linear(torch::nn::LinearOptions(options.attention_dim(), 1).bias(false)));
    m_dropout = register_module("dropout", torch::nn::Dropout(options.dropout()));
    m_output = register_module("output", torch::nn::Linear(2 * options.hidden(), options.classes()));
}

torch::Tensor RnnAttentionClassifierImpl::encode(const torch::Tensor &embedded, const torch::Tensor &lengths,
                                                 std::int64_t length)
{
    namespace rnn = torch::nn::utils::rnn;
    // pack_padded_sequence wants the lengths on the CPU whatever device the data is on.
    const torch::Tensor cpuLengths = effectiveLengths(lengths, length, torch::kCPU);
    const rnn::PackedSequence packed = rnn::pack_padded_sequence(embedded, cpuLengths, /*batch_first=*/true,
                                                                 /*enforce_sorted=*/false);
    rnn::PackedSequence states = m_gru ? std::get<0>(m_gru->forward_with_packed_input(packed))
                                       : std::get<0>(m_lstm->forward_with_packed_input(packed));
    return std::get<0>(rnn::pad_packed_sequence(states, /*batch_first=*/true, /*padding_value=*/0.0, length));
}

TextClassifierOutput RnnAttentionClassifierImpl::forward(const torch::Tensor &tokens, const torch::Tensor &lengths)
{
    const std::int64_t length = tokens.size(1);
    const torch::Tensor mask = realTokenMask(lengths, length, tokens.device());      // [B, T]
    const torch::Tensor states = encode(probeEmbeddings(m_embedding->forward(tokens)), lengths, length); // [B, T, 2H]

    torch::Tensor scores = m_attentionScore->forward(torch::tanh(m_attentionProjection->forward(states))).squeeze(2);
    scores = scores.masked_fill(mask.logical_not(), -std::numeric_limits<float>::infinity());
    // exp(-inf) is exactly 0, so padding gets weight 0 and each row sums to 1 over its real tokens.
    const torch::Tensor weights = torch::softmax(scores, 1); // [B, T]
    const torch::Tensor context = torch::bmm(weights.unsqueeze(1), states).squeeze(1); // [B, 2H]

    TextClassifierOutput out;
    out.representation = context;
    out.logits = m_output->forward(m_dropout->forward(context));
    out.tokenAttention = weights;
    return out;
}

} // namespace chorus
