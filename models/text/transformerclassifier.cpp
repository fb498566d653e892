#include "models/text/transformerclassifier.h"

#include "models/text/sequencemask.h"

#include <cmath>
#include <string>

namespace chorus {

TransformerClassifierImpl::TransformerClassifierImpl(const TransformerClassifierOptions &options)
    : m_options(options)
{
    const std::int64_t width = options.embedding_dim();
    m_embedding = register_module(
        "embedding", torch::nn::Embedding(torch::nn::EmbeddingOptions(options.vocabulary_size(), width).padding_idx(0)));
    if (options.positions() != "sinusoidal")
        m_positions = register_module("positions", torch::nn::Embedding(options.max_length(), width));
    for (std::int64_t i = 0; i < options.layers(); ++i) {
        m_layers.emplace_back(register_module(
            "layer" + std::to_string(i),
            TransformerEncoderLayer(TransformerEncoderLayerOptions(width, options.heads())
                                        .ff_dim(options.ff_dim())
                                        .dropout(options.dropout()))));
    }
    m_finalNorm = register_module("final_norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({width})));
    m_dropout = register_module("dropout", torch::nn::Dropout(options.dropout()));
    m_output = register_module("output", torch::nn::Linear(width, options.classes()));
}

torch::Tensor TransformerClassifierImpl::positionEncoding(std::int64_t length, const torch::Device &device)
{
    const auto floats = torch::TensorOptions().dtype(torch::kFloat).device(device);
    if (m_positions)
        return m_positions->forward(torch::arange(length, floats.dtype(torch::kLong)));
    // Vaswani et al.: sin on even dimensions, cos on odd ones, wavelengths from 2*pi to 10000*2*pi.
    const std::int64_t width = m_options.embedding_dim();
    const torch::Tensor position = torch::arange(length, floats).unsqueeze(1);    // [T, 1]
    const torch::Tensor dims = torch::arange(width, floats.dtype(torch::kLong));  // [D]
    const torch::Tensor pairIndex = (dims - dims % 2).to(torch::kFloat); // 2i for dims 2i and 2i+1
    const torch::Tensor frequency = torch::exp(pairIndex * (-std::log(10000.0) / static_cast<double>(width)));
    const torch::Tensor angle = position * frequency.unsqueeze(0); // [T, D]
    return torch::where((dims % 2 == 0).unsqueeze(0), torch::sin(angle), torch::cos(angle));
}

TextClassifierOutput TransformerClassifierImpl::forward(const torch::Tensor &tokens, const torch::Tensor &lengths)
{
    const torch::Tensor input = tokens.size(1) > m_options.max_length() ? tokens.narrow(1, 0, m_options.max_length())
                                                                        : tokens;
    const std::int64_t length = input.size(1);
    const torch::Tensor mask = realTokenMask(lengths, length, input.device()); // [B, T]

    torch::Tensor x = probeEmbeddings(m_embedding->forward(input)) + positionEncoding(length, input.device()).unsqueeze(0);
    x = m_dropout->forward(x);
    TextClassifierOutput out;
    out.layerAttention.reserve(m_layers.size());
    for (TransformerEncoderLayer &layer : m_layers) {
        auto [next, weights] = layer->forward(x, mask);
        x = next;
        out.layerAttention.push_back(weights);
    }
    x = m_finalNorm->forward(x);

    const torch::Tensor real = mask.unsqueeze(2).to(x.scalar_type());
    const torch::Tensor pooled = (x * real).sum(1) / real.sum(1); // mean over real tokens only
    out.representation = pooled;
    out.logits = m_output->forward(m_dropout->forward(pooled));
    return out;
}

} // namespace chorus
