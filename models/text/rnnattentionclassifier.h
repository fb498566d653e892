#pragma once

#include "models/text/textclassifier.h"

#include <cstdint>
#include <string>

namespace chorus {

struct RnnAttentionClassifierOptions {
    RnnAttentionClassifierOptions(std::int64_t vocabularySize, std::int64_t classes)
        : vocabulary_size_(vocabularySize), classes_(classes)
    {
    }
    TORCH_ARG(std::int64_t, vocabulary_size);
    TORCH_ARG(std::int64_t, classes);
    TORCH_ARG(std::int64_t, embedding_dim) = 128;
    TORCH_ARG(std::string, cell) = "lstm"; // lstm | gru
    TORCH_ARG(std::int64_t, hidden) = 128; // per direction
    TORCH_ARG(std::int64_t, layers) = 1;
    TORCH_ARG(std::int64_t, attention_dim) = 128;
    TORCH_ARG(double, dropout) = 0.3;
};

// Embedding -> bidirectional LSTM or GRU -> additive (Bahdanau) attention over time -> dropout ->
// linear. The recurrent layers run on packed sequences, so the backward direction starts at each
// post's last real token and padding never enters a state; attention is a softmax over real
// tokens only. output.tokenAttention holds the weights [B, T].
class RnnAttentionClassifierImpl : public TextClassifierImpl {
public:
    using TextClassifierImpl::forward;
    explicit RnnAttentionClassifierImpl(const RnnAttentionClassifierOptions &options);

    TextClassifierOutput forward(const torch::Tensor &tokens, const torch::Tensor &lengths) override;
    torch::Tensor embeddingWeight() override { return m_embedding->weight; }
    bool supportsEmbeddingProbe() const override { return true; }

    const RnnAttentionClassifierOptions &options() const { return m_options; }

private:
    torch::Tensor encode(const torch::Tensor &embedded, const torch::Tensor &lengths, std::int64_t length);

    RnnAttentionClassifierOptions m_options;
    torch::nn::Embedding m_embedding{nullptr};
    torch::nn::LSTM m_lstm{nullptr}; // exactly one of m_lstm, m_gru is set
    torch::nn::GRU m_gru{nullptr};
    torch::nn::Linear m_attentionProjection{nullptr}; // W h + b
    torch::nn::Linear m_attentionScore{nullptr};      // v^T tanh(.)
    torch::nn::Dropout m_dropout{nullptr};
    torch::nn::Linear m_output{nullptr};
};

TORCH_MODULE(RnnAttentionClassifier);

} // namespace chorus
