#pragma once

#include "models/text/textclassifier.h"

#include <cstdint>
#include <vector>

namespace chorus {

struct TextCnnOptions {
    TextCnnOptions(std::int64_t vocabularySize, std::int64_t classes)
        : vocabulary_size_(vocabularySize), classes_(classes)
    {
    }
    TORCH_ARG(std::int64_t, vocabulary_size);
    TORCH_ARG(std::int64_t, classes);
    TORCH_ARG(std::int64_t, embedding_dim) = 128;
    TORCH_ARG(std::vector<std::int64_t>, kernel_sizes) = std::vector<std::int64_t>{3, 4, 5};
    TORCH_ARG(std::int64_t, filters) = 100; // per kernel size
    TORCH_ARG(double, dropout) = 0.5;
};

// Kim (2014): embedding -> parallel 1-D convolutions of several widths -> ReLU -> max over time ->
// dropout -> linear. Every window starts at a real token; the part of a window that runs past the
// end of a post sees zero vectors, whatever the batch is padded with, so extra padding changes
// nothing. Posts shorter than a kernel still get one window.
class TextCnnImpl : public TextClassifierImpl {
public:
    using TextClassifierImpl::forward;
    explicit TextCnnImpl(const TextCnnOptions &options);

    TextClassifierOutput forward(const torch::Tensor &tokens, const torch::Tensor &lengths) override;
    torch::Tensor embeddingWeight() override { return m_embedding->weight; }
    bool supportsEmbeddingProbe() const override { return true; }

    const TextCnnOptions &options() const { return m_options; }

private:
    TextCnnOptions m_options;
    torch::nn::Embedding m_embedding{nullptr};
    std::vector<torch::nn::Conv1d> m_convolutions;
    torch::nn::Dropout m_dropout{nullptr};
    torch::nn::Linear m_output{nullptr};
};

TORCH_MODULE(TextCnn);

} // namespace chorus
