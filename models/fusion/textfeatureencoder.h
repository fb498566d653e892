#pragma once

#include <torch/torch.h>

#include <cstdint>

namespace chorus {

struct TextFeatureEncoderOptions {
    explicit TextFeatureEncoderOptions(std::int64_t vocabularySize) : vocabulary_size_(vocabularySize) {}
    TORCH_ARG(std::int64_t, vocabulary_size);
    TORCH_ARG(std::int64_t, embedding_dim) = 64;
    TORCH_ARG(std::int64_t, hidden) = 64; // per direction; features are 2 * hidden wide
    TORCH_ARG(std::int64_t, layers) = 1;
    TORCH_ARG(double, dropout) = 0.0; // between stacked layers only
};

// What the text side of a multimodal or multi-task model works with.
struct TextFeatures {
    torch::Tensor tokens; // [B, T, D] one feature per token, zeros on padding
    torch::Tensor mask;   // [B, T] bool, true on real tokens
    torch::Tensor pooled; // [B, D] mean of the real tokens' features
};

// Embedding (row 0 = padding, kept at zero) -> bidirectional GRU over packed sequences, so the
// backward direction starts at each post's last real token and padding never enters a state. The
// token features feed co-attention; the masked mean is the post's vector for the other fusions
// and the multi-task trunk.
class TextFeatureEncoderImpl : public torch::nn::Module {
public:
    explicit TextFeatureEncoderImpl(const TextFeatureEncoderOptions &options);

    TextFeatures forward(const torch::Tensor &tokens, const torch::Tensor &lengths);
    std::int64_t outDim() const { return 2 * m_options.hidden(); }
    torch::Tensor embeddingWeight() { return m_embedding->weight; }
    const TextFeatureEncoderOptions &options() const { return m_options; }

private:
    TextFeatureEncoderOptions m_options;
    torch::nn::Embedding m_embedding{nullptr};
    torch::nn::GRU m_gru{nullptr};
};

TORCH_MODULE(TextFeatureEncoder);

} // namespace chorus
