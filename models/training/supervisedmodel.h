#pragma once

#include "models/training/modelinputs.h"
#include "models/training/modeloutputs.h"

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace chorus {

// A label task a model predicts: classes > 0 for classification, 0 for regression.
struct TaskShape {
    std::string name;
    std::int64_t classes = 0;
};

// What the trainer tells a factory about the data, so models size their inputs and outputs.
struct ModelShape {
    std::int64_t vocabularySize = 0; // text families
    std::int64_t classes = 0;        // the run's (primary) task
    std::int64_t maxLength = 0;      // tokens per post
    std::int64_t imageSize = 64;     // images and frames are imageSize x imageSize
    std::int64_t frames = 8;         // frames sampled per video
    std::vector<TaskShape> tasks;    // multi-task families: every task, the primary one first
};

// Common base of every supervised model family the generic trainer drives (text, image, video,
// fusion, multi-task).
class SupervisedModelImpl : public torch::nn::Module {
public:
    virtual ModelOutputs forward(const ModelInputs &inputs) = 0;
    // The token embedding table, for initialising from pretrained vectors; undefined when none.
    virtual torch::Tensor embeddingWeight() { return {}; }
    // Names of the modalities `modalityWeights` columns refer to (e.g. {"text", "image"}).
    virtual std::vector<std::string> modalityNames() const { return {}; }
};

} // namespace chorus
