#pragma once

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
class TextClassifierImpl : public torch::nn::Module {
public:
    virtual TextClassifierOutput forward(const torch::Tensor &tokens, const torch::Tensor &lengths) = 0;
    // The embedding table, for initialising from pretrained vectors; undefined when the model has none.
    virtual torch::Tensor embeddingWeight() { return {}; }
};

} // namespace chorus
