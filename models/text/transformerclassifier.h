#pragma once

#include "models/text/textclassifier.h"
#include "models/text/transformerencoderlayer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace chorus {

struct TransformerClassifierOptions {
    TransformerClassifierOptions(std::int64_t vocabularySize, std::int64_t classes)
        : vocabulary_size_(vocabularySize), classes_(classes)
    {
    }
    TORCH_ARG(std::int64_t, vocabulary_size);
    TORCH_ARG(std::int64_t, classes);
    TORCH_ARG(std::int64_t, embedding_dim) = 128; // the model width
    TORCH_ARG(std::int64_t, heads) = 4;
    TORCH_ARG(std::int64_t, layers) = 2;
    TORCH_ARG(std::int64_t, ff_dim) = 256;
    TORCH_ARG(double, dropout) = 0.1;
    TORCH_ARG(std::string, positions) = "learned"; // learned | sinusoidal
    TORCH_ARG(std::int64_t, max_length) = 512;       // tokens past it are not read
};

// Token embedding + position encoding -> N pre-LN encoder layers (self-attention with a key
// padding mask) -> final LayerNorm -> mean over real tokens -> dropout -> linear.
// output.layerAttention holds each layer's weights [B, heads, T, T] (T cut to max_length).
class TransformerClassifierImpl : public TextClassifierImpl {
public:
    using TextClassifierImpl::forward;
    explicit TransformerClassifierImpl(const TransformerClassifierOptions &options);

    TextClassifierOutput forward(const torch::Tensor &tokens, const torch::Tensor &lengths) override;
    torch::Tensor embeddingWeight() override { return m_embedding->weight; }
    bool supportsEmbeddingProbe() const override { return true; }

    const TransformerClassifierOptions &options() const { return m_options; }

private:
    torch::Tensor positionEncoding(std::int64_t length, const torch::Device &device);

    TransformerClassifierOptions m_options;
    torch::nn::Embedding m_embedding{nullptr};
    torch::nn::Embedding m_positions{nullptr}; // learned positions only
    std::vector<TransformerEncoderLayer> m_layers;
    torch::nn::LayerNorm m_finalNorm{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
    torch::nn::Linear m_output{nullptr};
};

TORCH_MODULE(TransformerClassifier);

} // namespace chorus
