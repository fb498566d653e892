#pragma once

#include "models/training/modelinputs.h"

#include <torch/torch.h>

#include <string>
#include <vector>

namespace chorus {

// A batch as the trainer uses it: the model's inputs and, per label task, the targets (class index
// or regression value, as float) with a mask of the posts that have a label for that task.
struct SupervisedBatch {
    ModelInputs inputs;
    std::vector<torch::Tensor> targets; // per task: [B] float
    std::vector<torch::Tensor> masks;   // per task: [B] bool
    std::vector<std::size_t> rows;      // positions of the posts in their example list
    std::vector<std::string> mediaProblems; // media that could not be decoded (treated as missing)

    SupervisedBatch to(const torch::Device &device) const
    {
        SupervisedBatch out;
        out.inputs = inputs.to(device);
        for (const auto &t : targets)
            out.targets.push_back(t.to(device));
        for (const auto &m : masks)
            out.masks.push_back(m.to(device));
        out.rows = rows;
        out.mediaProblems = mediaProblems;
        return out;
    }
};

} // namespace chorus
