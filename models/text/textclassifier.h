#pragma once

#include "models/training/supervisedmodel.h"

#include <torch/torch.h>

#include <string>
#include <vector>

namespace chorus {

// What a text classifier returns for a batch. `tokenAttention` is [batch, length] (weights over the
// tokens of each post, summing to 1 over its real tokens, 0 on padding) for models that attend over
// tokens; undefined otherwise. `layerAttention` holds, for Transformer encoders, one
// [batch, heads, length, length] tensor per layer.
struct TextClassifierOutput {
    torch::Tensor logits; // [batch, classes]
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
        out.tokenAttention = text.tokenAttention;
        out.layerAttention = std::move(text.layerAttention);
        return out;
    }
};

} // namespace chorus
