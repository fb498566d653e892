#pragma once

#include "models/text/textclassifier.h"

#include <cstdint>
#include <utility>

namespace chorus {

struct BagOfNgramsOptions {
    BagOfNgramsOptions(std::int64_t vocabularySize, std::int64_t classes)
        : vocabulary_size_(vocabularySize), classes_(classes)
    {
    }
    TORCH_ARG(std::int64_t, vocabulary_size);
    TORCH_ARG(std::int64_t, classes);
    TORCH_ARG(std::int64_t, embedding_dim) = 64;
    TORCH_ARG(bool, bigrams) = true;
    TORCH_ARG(std::int64_t, buckets) = 100000; // hashed bigram rows
    TORCH_ARG(double, dropout) = 0.0;
};

// The fastText-style baseline (Joulin et al. 2016): the mean of the embeddings of a post's
// unigrams and hashed bigrams, then a linear layer. Rows [0, vocabulary_size) of the table are the
// unigrams (so pretrained vectors load into them); bigram (a, b) uses row vocabulary_size +
// hash(a, b) mod buckets. The hash is integer arithmetic, the same on every device and compiler.
class BagOfNgramsImpl : public TextClassifierImpl {
public:
    using TextClassifierImpl::forward;
    explicit BagOfNgramsImpl(const BagOfNgramsOptions &options);

    TextClassifierOutput forward(const torch::Tensor &tokens, const torch::Tensor &lengths) override;
    torch::Tensor embeddingWeight() override { return m_embedding->weight; }
    bool supportsEmbeddingProbe() const override { return true; }
    // Unigrams first, then bigram (t, t+1) after them, counting half for each of its tokens.
    std::vector<std::pair<std::int64_t, std::int64_t>> embeddedPositions(std::int64_t tokens) const override;

    const BagOfNgramsOptions &options() const { return m_options; }

    // The table rows a batch reads, [B, 2T-1] (or [B, T] without bigrams), and a mask of the real ones.
    std::pair<torch::Tensor, torch::Tensor> ngramIds(const torch::Tensor &tokens, const torch::Tensor &lengths) const;

private:
    BagOfNgramsOptions m_options;
    torch::nn::EmbeddingBag m_embedding{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
    torch::nn::Linear m_output{nullptr};
};

TORCH_MODULE(BagOfNgrams);

} // namespace chorus
