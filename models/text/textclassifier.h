#pragma once

#include "models/training/supervisedmodel.h"

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace chorus {

// What a text classifier returns for a batch. `tokenAttention` is [batch, length] (weights over the
// tokens of each post, summing to 1 over its real tokens, 0 on padding) for models that attend over
// tokens; undefined otherwise. `layerAttention` holds, for Transformer encoders, one
// [batch, heads, length, length] tensor per layer.
struct TextClassifierOutput {
    torch::Tensor logits; // [batch, classes]
    torch::Tensor representation; // [batch, D]: what the output layer reads, before dropout
    torch::Tensor tokenAttention;
    std::vector<torch::Tensor> layerAttention;
};

// Common base of the text classifier families (TextCNN, BiLSTM/BiGRU with attention, Transformer
// encoder, bag of n-grams). tokens: [batch, length] int64 ids, 0 = padding; lengths: [batch] int64.
// As SupervisedModelImpls they read the text of ModelInputs, so the generic trainer drives them.
class TextClassifierImpl : public SupervisedModelImpl {
public:
    virtual TextClassifierOutput forward(const torch::Tensor &tokens, const torch::Tensor &lengths) = 0;
    ModelOutputs forward(const ModelInputs &inputs) override
    {
        TextClassifierOutput text = forward(inputs.tokens, inputs.lengths);
        ModelOutputs out;
        out.logits = text.logits;
        out.representation = text.representation;
        out.tokenAttention = text.tokenAttention;
        out.layerAttention = std::move(text.layerAttention);
        return out;
    }

    // Saliency (gradient x input, integrated gradients) needs gradients with respect to the token
    // embeddings, which forward() computes itself. While a probe is set, a family that supports it
    // passes its embedding output [B, P, D] through the probe and carries on with what comes back
    // (the same tensor, or one that is a leaf of the autograd graph, or an interpolation towards a
    // baseline). P is the number of embedded positions: one per token, and for bag-of-n-grams the
    // bigrams after them.
    using EmbeddingProbe = std::function<torch::Tensor(const torch::Tensor &embedded)>;
    void setEmbeddingProbe(EmbeddingProbe probe) { m_embeddingProbe = std::move(probe); }
    virtual bool supportsEmbeddingProbe() const { return false; }
    // For a post of `tokens` tokens, the tokens each embedded position stands for: position p counts
    // for tokens first and second (the same token twice for a unigram). Default: position p is token p.
    virtual std::vector<std::pair<std::int64_t, std::int64_t>> embeddedPositions(std::int64_t tokens) const
    {
        std::vector<std::pair<std::int64_t, std::int64_t>> positions;
        for (std::int64_t t = 0; t < tokens; ++t)
            positions.emplace_back(t, t);
        return positions;
    }

protected:
    bool hasEmbeddingProbe() const { return static_cast<bool>(m_embeddingProbe); }
    torch::Tensor probeEmbeddings(const torch::Tensor &embedded) const
    {
        return m_embeddingProbe ? m_embeddingProbe(embedded) : embedded;
    }

private:
    EmbeddingProbe m_embeddingProbe;
};

} // namespace chorus
