#include "models/text/textcnn.h"

#include "models/text/sequencemask.h"

#include <limits>
#include <string>

namespace chorus {

TextCnnImpl::TextCnnImpl(const TextCnnOptions &options) : m_options(options)
{
    m_embedding = register_module(
        "embedding", torch::nn::Embedding(torch::nn::EmbeddingOptions(options.vocabulary_size(), options.embedding_dim())
                                              .padding_idx(0)));
    for (std::size_t i = 0; i < options.kernel_sizes().size(); ++i) {
        const std::int64_t width = options.kernel_sizes()[i];
        m_convolutions.emplace_back(register_module(
            "conv" + std::to_string(i),
            torch::nn::Conv1d(torch::nn::Conv1dOptions(options.embedding_dim(), options.filters(), width))));
    }
    m_dropout = register_module("dropout", torch::nn::Dropout(options.dropout()));
    m_output = register_module(
        "output", torch::nn::Linear(options.filters() * static_cast<std::int64_t>(m_convolutions.size()),
                                    options.classes()));
}

TextClassifierOutput TextCnnImpl::forward(const torch::Tensor &tokens, const torch::Tensor &lengths)
{
    const std::int64_t length = tokens.size(1);
    const torch::Tensor mask = realTokenMask(lengths, length, tokens.device()); // [B, T]
    // Zeroing by the mask (not only through padding_idx) keeps windows that overhang a post's end
    // identical to the zero padding added below, so the batch's own padding never matters.
    torch::Tensor embedded = probeEmbeddings(m_embedding->forward(tokens));
    embedded = embedded * mask.unsqueeze(2).to(embedded.scalar_type());
    embedded = embedded.transpose(1, 2); // [B, E, T]

    std::vector<torch::Tensor> pooled;
    pooled.reserve(m_convolutions.size());
    const torch::Tensor padding = mask.logical_not().unsqueeze(1); // [B, 1, T]
    for (std::size_t i = 0; i < m_convolutions.size(); ++i) {
        const std::int64_t width = m_options.kernel_sizes()[i];
        // Right-pad with width-1 zero vectors: one window per start position, T outputs in all.
        const torch::Tensor input = torch::constant_pad_nd(embedded, {0, width - 1});
        torch::Tensor features = torch::relu(m_convolutions[i]->forward(input)); // [B, F, T]
        features = features.masked_fill(padding, -std::numeric_limits<float>::infinity());
        pooled.push_back(std::get<0>(features.max(2)));
    }
    TextClassifierOutput out;
    out.representation = torch::cat(pooled, 1);
    out.logits = m_output->forward(m_dropout->forward(out.representation));
    return out;
}

} // namespace chorus
