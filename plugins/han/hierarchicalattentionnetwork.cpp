#include <torch/torch.h>

#include "hierarchicalattentionnetwork.h"

#include "models/text/sequencemask.h"

#include <limits>

namespace chorus::han {

HierarchicalAttentionNetworkImpl::HierarchicalAttentionNetworkImpl(const HierarchicalAttentionNetworkOptions &options)
    : m_options(options)
{
    namespace nn = torch::nn;
    m_embedding = register_module(
        "embedding", nn::Embedding(nn::EmbeddingOptions(options.vocabulary_size(), options.embedding_dim()).padding_idx(0)));
    m_wordGru = register_module(
        "word_gru", nn::GRU(nn::GRUOptions(options.embedding_dim(), options.word_hidden()).bidirectional(true).batch_first(true)));
    m_wordProjection = register_module("word_projection", nn::Linear(2 * options.word_hidden(), options.attention_dim()));
    m_wordScore = register_module("word_score", nn::Linear(nn::LinearOptions(options.attention_dim(), 1).bias(false)));
    m_postGru = register_module("post_gru", nn::GRU(nn::GRUOptions(2 * options.word_hidden(), options.post_hidden())
                                                        .bidirectional(true)
                                                        .batch_first(true)));
    m_postProjection = register_module("post_projection", nn::Linear(2 * options.post_hidden(), options.attention_dim()));
    m_postScore = register_module("post_score", nn::Linear(nn::LinearOptions(options.attention_dim(), 1).bias(false)));
    m_dropout = register_module("dropout", nn::Dropout(options.dropout()));
    m_output = register_module("output", nn::Linear(4 * options.post_hidden(), options.classes()));
}

torch::Tensor HierarchicalAttentionNetworkImpl::readBothWays(torch::nn::GRU &gru, const torch::Tensor &input,
                                                             const torch::Tensor &lengths)
{
    namespace rnn = torch::nn::utils::rnn;
    const std::int64_t steps = input.size(1);
    // pack_padded_sequence wants the lengths on the CPU whatever device the data is on.
    const rnn::PackedSequence packed = rnn::pack_padded_sequence(input, effectiveLengths(lengths, steps, torch::kCPU),
                                                                 /*batch_first=*/true, /*enforce_sorted=*/false);
    const rnn::PackedSequence states = std::get<0>(gru->forward_with_packed_input(packed));
    return std::get<0>(rnn::pad_packed_sequence(states, /*batch_first=*/true, /*padding_value=*/0.0, steps));
}

torch::Tensor HierarchicalAttentionNetworkImpl::attend(torch::nn::Linear &projection, torch::nn::Linear &score,
                                                       const torch::Tensor &states, const torch::Tensor &mask)
{
    torch::Tensor scores = score->forward(torch::tanh(projection->forward(states))).squeeze(2);
    // exp(-inf) is exactly 0: masked positions get weight 0 and each row sums to 1 over the rest.
    scores = scores.masked_fill(mask.logical_not(), -std::numeric_limits<float>::infinity());
    return torch::softmax(scores, 1);
}

ModelOutputs HierarchicalAttentionNetworkImpl::forward(const ModelInputs &inputs)
{
    torch::Tensor tokens, lengths, postMask;
    if (inputs.threadTokens.defined()) {
        tokens = inputs.threadTokens;
        lengths = inputs.threadLengths;
        postMask = inputs.threadMask;
    } else {
        TORCH_CHECK(inputs.tokens.defined(), "the hierarchical attention network needs text");
        tokens = inputs.tokens.unsqueeze(1);
        lengths = inputs.lengths.unsqueeze(1);
        postMask = torch::ones({tokens.size(0), 1}, torch::TensorOptions().dtype(torch::kBool).device(tokens.device()));
    }
    const std::int64_t batch = tokens.size(0), posts = tokens.size(1), width = tokens.size(2);
    const torch::Device device = tokens.device();

    // Word level, on the real posts only.
    const torch::Tensor real = postMask.reshape({-1}).nonzero().squeeze(1); // [N] cells of [B * P]
    const torch::Tensor postTokens = tokens.reshape({batch * posts, width}).index_select(0, real);
    const torch::Tensor postLengths = lengths.reshape({-1}).index_select(0, real);
    const torch::Tensor wordStates =
        readBothWays(m_wordGru, m_dropout->forward(m_embedding->forward(postTokens)), postLengths); // [N, T, 2Hw]
    const torch::Tensor wordWeights =
        attend(m_wordProjection, m_wordScore, wordStates, realTokenMask(postLengths, width, device)); // [N, T]
    const torch::Tensor postVectors = torch::bmm(wordWeights.unsqueeze(1), wordStates).squeeze(1);  // [N, 2Hw]

    // Back into the thread layout; padding posts stay zero and are packed away below.
    const std::int64_t wordWidth = postVectors.size(1);
    const torch::Tensor threadVectors =
        torch::zeros({batch * posts, wordWidth}, postVectors.options()).index_copy(0, real, postVectors).view({batch, posts, wordWidth});
    const torch::Tensor threadWordWeights =
        torch::zeros({batch * posts, width}, wordWeights.options()).index_copy(0, real, wordWeights).view({batch, posts, width});

    // Post level: the thread read in time order, the classified post last.
    const torch::Tensor postCounts = postMask.sum(1).clamp_min(1); // [B]
    const torch::Tensor postStates = readBothWays(m_postGru, m_dropout->forward(threadVectors), postCounts); // [B, P, 2Hp]
    const torch::Tensor postWeights = attend(m_postProjection, m_postScore, postStates, postMask);           // [B, P]
    const torch::Tensor summary = torch::bmm(postWeights.unsqueeze(1), postStates).squeeze(1);              // [B, 2Hp]
    const torch::Tensor last = (postCounts - 1).to(torch::kLong).view({batch, 1, 1});
    const torch::Tensor own = postStates.gather(1, last.expand({batch, 1, postStates.size(2)})).squeeze(1); // [B, 2Hp]

    ModelOutputs out;
    out.representation = torch::cat({summary, own}, 1);
    out.logits = m_output->forward(m_dropout->forward(out.representation));
    out.postAttention = postWeights;
    out.threadTokenAttention = threadWordWeights;
    out.tokenAttention = threadWordWeights.gather(1, last.expand({batch, 1, width})).squeeze(1);
    return out;
}

} // namespace chorus::han
