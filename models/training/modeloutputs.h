#pragma once

#include <torch/torch.h>

#include <map>
#include <string>
#include <vector>

namespace chorus {

// What a supervised model returns for a batch: its predictions and everything it can explain.
// Fields a family does not produce stay undefined (or empty).
struct ModelOutputs {
    torch::Tensor logits; // [B, classes] of the run's task (single-task families)
    // [B, D]: the vector the output layer (or the multi-task heads) reads, before dropout: each post
    // as the model sees it, for the projector's post representations.
    torch::Tensor representation;
    // Multi-task families: one output per label task, [B, classes] logits for classification
    // tasks and [B] values for regression tasks. `logits` then holds the primary task's.
    std::map<std::string, torch::Tensor> heads;

    torch::Tensor tokenAttention;              // [B, T], sums to 1 over each post's real tokens
    std::vector<torch::Tensor> layerAttention; // per Transformer layer: [B, heads, T, T]
    torch::Tensor frameAttention;              // [B, F], sums to 1 over each clip's real frames
    torch::Tensor modalityWeights;             // [B, M], order of SupervisedModelImpl::modalityNames()
    torch::Tensor textToImageAttention;        // [B, T, R]: each token's weights over image regions
    torch::Tensor imageToTextAttention;        // [B, R, T]: each region's weights over tokens
    // Thread families (hierarchical attention): weights over the posts of each thread ([B, P],
    // summing to 1 over its real posts, 0 on padding posts) and, per post of the thread, over its
    // tokens ([B, P, T], summing to 1 over the post's real tokens; 0 on padding posts), in the
    // order of ModelInputs::threadTokens. `tokenAttention` then holds the post's own row.
    torch::Tensor postAttention;
    torch::Tensor threadTokenAttention;
    // Activations of the last convolutional layer, still part of the autograd graph, so Grad-CAM
    // can take the gradient of a class score with respect to them.
    torch::Tensor featureMaps; // [B, C, h, w]
    // A term the trainer adds to the loss (e.g. multi-view agreement); undefined when none.
    torch::Tensor auxiliaryLoss;
};

} // namespace chorus
