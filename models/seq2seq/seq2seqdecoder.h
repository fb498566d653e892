#pragma once

#include "models/seq2seq/additiveattention.h"

#include <torch/torch.h>

#include <cstdint>

namespace chorus {

struct Seq2seqDecoderOptions {
    Seq2seqDecoderOptions(std::int64_t vocabularySize, std::int64_t memoryDim)
        : vocabulary_size_(vocabularySize), memory_dim_(memoryDim)
    {
    }
    TORCH_ARG(std::int64_t, vocabulary_size);
    TORCH_ARG(std::int64_t, memory_dim); // width of the encoder states attended over
    TORCH_ARG(std::int64_t, embedding_dim) = 64;
    TORCH_ARG(std::int64_t, hidden) = 128;
    TORCH_ARG(std::int64_t, layers) = 1;
    TORCH_ARG(std::int64_t, attention_dim) = 128;
    TORCH_ARG(double, dropout) = 0.2;
    TORCH_ARG(std::int64_t, pad_id) = 0;
};

// One decoding step for a batch.
struct DecoderStep {
    torch::Tensor logits;    // [B, V]
    torch::Tensor hidden;    // [layers, B, hidden]
    torch::Tensor attention; // [B, S]: the cross-attention weights that made this step's context
};

// The Bahdanau decoder: at step i the previous top-layer state s_{i-1} attends over the encoder states
// (additive attention) to give the context c_i; the GRU reads [embedding(y_{i-1}); c_i] and moves to
// s_i; the next-token logits come from [s_i; c_i; embedding(y_{i-1})] (the "deep output" of the paper,
// without the maxout).
class Seq2seqDecoderImpl : public torch::nn::Module {
public:
    explicit Seq2seqDecoderImpl(const Seq2seqDecoderOptions &options);

    // Once per source: the attention's key projection of the encoder states [B, S, memory_dim].
    torch::Tensor projectKeys(const torch::Tensor &states);
    // previous [B] int64 tokens, hidden [layers, B, hidden], states/keys/mask from the encoder.
    DecoderStep step(const torch::Tensor &previous, const torch::Tensor &hidden, const torch::Tensor &states,
                     const torch::Tensor &keys, const torch::Tensor &mask);

    const Seq2seqDecoderOptions &options() const { return m_options; }

private:
    Seq2seqDecoderOptions m_options;
    torch::nn::Embedding m_embedding{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
    AdditiveAttention m_attention{nullptr};
    torch::nn::GRU m_gru{nullptr};
    torch::nn::Linear m_output{nullptr};
};

TORCH_MODULE(Seq2seqDecoder);

} // namespace chorus
