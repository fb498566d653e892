#pragma once

#include "models/training/supervisedmodel.h"

#include <torch/torch.h>

#include <cstdint>

namespace chorus::han {

struct HierarchicalAttentionNetworkOptions {
    HierarchicalAttentionNetworkOptions(std::int64_t vocabularySize, std::int64_t classes)
        : vocabulary_size_(vocabularySize), classes_(classes)
    {
    }
    TORCH_ARG(std::int64_t, vocabulary_size);
    TORCH_ARG(std::int64_t, classes);
    TORCH_ARG(std::int64_t, embedding_dim) = 64;
    TORCH_ARG(std::int64_t, word_hidden) = 48;  // per direction, word-level GRU
    TORCH_ARG(std::int64_t, post_hidden) = 48;  // per direction, post-level GRU
    TORCH_ARG(std::int64_t, attention_dim) = 64; // both attention scoring layers
    TORCH_ARG(double, dropout) = 0.3;
};

// A Hierarchical Attention Network (Yang et al. 2016) over reply threads. Word level: each post of
// the thread is embedded, read both ways by a GRU, and summarised by additive attention over its
// real tokens. Post level: the post vectors, oldest first, are read both ways by a second GRU and
// summarised by additive attention over the thread's real posts. The classifier sees that summary
// beside the post-level state of the post being classified (the thread's last post), so the same
// thread can give its posts different labels.
//
// Reads ModelInputs::threadTokens/threadLengths/threadMask (real posts first in each row); without
// them each post of `tokens` is a thread of one. Exposes both levels: postAttention [B, P] and
// threadTokenAttention [B, P, T], plus tokenAttention [B, T] (the classified post's own row).
// Padding posts are never encoded: only real posts go through the word level.
class HierarchicalAttentionNetworkImpl : public SupervisedModelImpl {
public:
    explicit HierarchicalAttentionNetworkImpl(const HierarchicalAttentionNetworkOptions &options);

    ModelOutputs forward(const ModelInputs &inputs) override;
    torch::Tensor embeddingWeight() override { return m_embedding->weight; }

    const HierarchicalAttentionNetworkOptions &options() const { return m_options; }

private:
    // Bidirectional GRU over the first `lengths[i]` steps of each row, padding never entering a state.
    static torch::Tensor readBothWays(torch::nn::GRU &gru, const torch::Tensor &input, const torch::Tensor &lengths);
    // Additive attention: softmax over the masked positions of v^T tanh(W h + b); 0 elsewhere.
    static torch::Tensor attend(torch::nn::Linear &projection, torch::nn::Linear &score, const torch::Tensor &states,
                                const torch::Tensor &mask);

    HierarchicalAttentionNetworkOptions m_options;
    torch::nn::Embedding m_embedding{nullptr};
    torch::nn::GRU m_wordGru{nullptr};
    torch::nn::Linear m_wordProjection{nullptr};
    torch::nn::Linear m_wordScore{nullptr};
    torch::nn::GRU m_postGru{nullptr};
    torch::nn::Linear m_postProjection{nullptr};
    torch::nn::Linear m_postScore{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
    torch::nn::Linear m_output{nullptr};
};

TORCH_MODULE(HierarchicalAttentionNetwork);

} // namespace chorus::han
