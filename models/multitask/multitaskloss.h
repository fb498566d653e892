#pragma once

#include "core/util/result.h"
#include "models/training/modeloutputs.h"
#include "models/training/supervisedmodel.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <map>
#include <string>
#include <vector>

namespace chorus {

// One task's labels for a batch.
struct TaskTarget {
    torch::Tensor values; // [B]: int64 class ids (classification) or float values (regression)
    // [B] bool, true where the post has this task's label; undefined = every post has one. Values
    // under a false mask are never read (they may be -1, NaN, anything).
    torch::Tensor mask;
};

// The weighted loss of a multi-task model: sum over tasks of weight * task loss, where a task's
// loss is the mean cross-entropy (classification) or mean squared error on the values as given
// (regression) over the posts labelled for it. A task with no labelled post in the batch adds 0.
struct MultiTaskLoss {
    torch::Tensor total;                           // scalar, what the trainer calls backward() on
    std::map<std::string, torch::Tensor> perTask;  // scalar per task, unweighted, for reporting
    std::map<std::string, std::int64_t> labelled;  // posts that carried the task's label

    // outputs.heads must hold every task of `tasks`; targets must hold every task (a task whose
    // labels are all missing can pass an all-false mask). `weights` maps task name -> weight; a
    // task it does not name weighs 1.0. A weight of 0 leaves that head's gradient exactly zero.
    // Throws std::invalid_argument on a missing head or target or a shape mismatch (a
    // programming error in the caller, not bad data).
    static MultiTaskLoss compute(const ModelOutputs &outputs, const std::vector<TaskShape> &tasks,
                                 const std::map<std::string, TaskTarget> &targets,
                                 const std::map<std::string, double> &weights);
};

} // namespace chorus
