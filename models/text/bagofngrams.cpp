#include "models/text/bagofngrams.h"

#include "models/text/sequencemask.h"

#include <cmath>

namespace chorus {
namespace {

// Multipliers of a simple multiplicative hash; ids below 2^31 keep every product inside int64.
constexpr std::int64_t kFirstMultiplier = 2654435761LL;
constexpr std::int64_t kSecondMultiplier = 40503LL;

} // namespace

BagOfNgramsImpl::BagOfNgramsImpl(const BagOfNgramsOptions &options) : m_options(options)
{
    const std::int64_t rows = options.vocabulary_size() + (options.bigrams() ? options.buckets() : 0);
    m_embedding = register_module(
        "embedding",
        torch::nn::EmbeddingBag(torch::nn::EmbeddingBagOptions(rows, options.embedding_dim()).mode(torch::kMean)));
    // fastText's initialisation: small uniform vectors, so a mean of many n-grams starts near zero.
    {
        torch::NoGradGuard noGrad;
        const double bound = 1.0 / static_cast<double>(options.embedding_dim());
        m_embedding->weight.uniform_(-bound, bound);
    }
    m_dropout = register_module("dropout", torch::nn::Dropout(options.dropout()));
    m_output = register_module("output", torch::nn::Linear(options.embedding_dim(), options.classes()));
}

std::pair<torch::Tensor, torch::Tensor> BagOfNgramsImpl::ngramIds(const torch::Tensor &tokens,
                                                                  const torch::Tensor &lengths) const
{
    const std::int64_t length = tokens.size(1);
    const torch::Tensor mask = realTokenMask(lengths, length, tokens.device());
    const torch::Tensor unigrams = tokens.to(torch::kLong);
    if (!m_options.bigrams() || length < 2)
        return {unigrams, mask};
    const torch::Tensor first = unigrams.narrow(1, 0, length - 1);
    const torch::Tensor second = unigrams.narrow(1, 1, length - 1);
    const torch::Tensor bigrams =
        m_options.vocabulary_size() +
        (first * kFirstMultiplier + second * kSecondMultiplier).remainder(m_options.buckets());
    const torch::Tensor bigramMask = mask.narrow(1, 1, length - 1); // both tokens real
    return {torch::cat({unigrams, bigrams}, 1), torch::cat({mask, bigramMask}, 1)};
}

TextClassifierOutput BagOfNgramsImpl::forward(const torch::Tensor &tokens, const torch::Tensor &lengths)
{
    auto [ids, mask] = ngramIds(tokens, lengths);
    // One flat list of the real n-grams, row after row, and where each row's bag starts in it: the
    // padding is not in any bag, so however far a batch is padded the means are the same.
    const torch::Tensor counts = mask.sum(1);
    const torch::Tensor offsets = counts.cumsum(0) - counts;
    const torch::Tensor flat = ids.masked_select(mask);
    TextClassifierOutput out;
    if (hasEmbeddingProbe()) {
        // The same mean, from the embedding of each n-gram position, so a saliency method can see
        // (and replace) them: [B, P, D] -> masked mean over P.
        const torch::Tensor embedded = probeEmbeddings(torch::embedding(m_embedding->weight, ids)); // [B, P, D]
        const torch::Tensor real = mask.unsqueeze(2).to(embedded.scalar_type());
        const torch::Tensor mean = (embedded * real).sum(1) / real.sum(1).clamp_min(1.0);
        out.representation = mean;
        out.logits = m_output->forward(m_dropout->forward(mean));
        return out;
    }
    out.representation = m_embedding->forward(flat, offsets);
    out.logits = m_output->forward(m_dropout->forward(out.representation));
    return out;
}

std::vector<std::pair<std::int64_t, std::int64_t>> BagOfNgramsImpl::embeddedPositions(std::int64_t tokens) const
{
    std::vector<std::pair<std::int64_t, std::int64_t>> positions = TextClassifierImpl::embeddedPositions(tokens);
    if (m_options.bigrams() && tokens >= 2)
        for (std::int64_t t = 0; t + 1 < tokens; ++t)
            positions.emplace_back(t, t + 1);
    return positions;
}

} // namespace chorus
