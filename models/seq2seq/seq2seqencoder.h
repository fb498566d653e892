#pragma once

#include <torch/torch.h>

#include <cstdint>

namespace chorus {

struct Seq2seqEncoderOptions {
    explicit Seq2seqEncoderOptions(std::int64_t vocabularySize) : vocabulary_size_(vocabularySize) {}
    TORCH_ARG(std::int64_t, vocabulary_size);
    TORCH_ARG(std::int64_t, embedding_dim) = 64;
    TORCH_ARG(std::int64_t, hidden) = 128;         // per direction
    TORCH_ARG(std::int64_t, layers) = 1;
    TORCH_ARG(std::int64_t, decoder_hidden) = 128; // the size the final states are bridged to
    TORCH_ARG(double, dropout) = 0.2;
    TORCH_ARG(std::int64_t, pad_id) = 0;
};

// What the decoder reads: every source position's states and the decoder's starting state.
struct EncodedSource {
    torch::Tensor states; // [B, S, 2 * hidden]: forward and backward states of the top layer
    torch::Tensor mask;   // [B, S] bool, true on real source tokens
    torch::Tensor hidden; // [layers, B, decoder_hidden]: the bridged final states
};

// Embedding -> bidirectional GRU over packed sequences (padding never enters a state; the backward
// direction starts at each row's last real token). The bridge maps each layer's final forward and
// backward states, concatenated, through tanh(W [h_fwd; h_bwd] + b) to the decoder's initial state
// of the same layer, so the decoder starts from a summary of the whole source.
class Seq2seqEncoderImpl : public torch::nn::Module {
public:
    explicit Seq2seqEncoderImpl(const Seq2seqEncoderOptions &options);

    // tokens [B, S] (int64, padded with anything), lengths [B] (real tokens; 0 is read as 1).
    EncodedSource forward(const torch::Tensor &tokens, const torch::Tensor &lengths);

    const Seq2seqEncoderOptions &options() const { return m_options; }

private:
    Seq2seqEncoderOptions m_options;
    torch::nn::Embedding m_embedding{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
    torch::nn::GRU m_gru{nullptr};
    torch::nn::Linear m_bridge{nullptr};
};

TORCH_MODULE(Seq2seqEncoder);

} // namespace chorus
