#pragma once

#include <torch/torch.h>

#include "core/training/runconfig.h"
#include "core/training/superviseddata.h"
#include "core/util/result.h"
#include "models/training/batchbuilder.h"

#include <memory>
#include <utility>
#include <vector>

namespace chorus {

class DataParallelGroup;
struct ModelSpec;

// What the supervised trainer derives from a run config and a model family before its loop:
// which posts and labels to read, which inputs to batch, how regression targets are scaled, the
// optimiser, and (for a data-parallel run) that every rank read the same data.
class SupervisedTrainingSetup {
public:
    // The dataset, tasks, split and encoding limits; families that read nothing but media learn
    // from the posts that have it.
    static SupervisedDataOptions dataOptions(const RunConfig &config, const ModelSpec &spec);
    // The inputs a batch carries; families whose image branch is optional switch it on with "use_images".
    static BatchInputs batchInputs(const RunConfig &config, const ModelSpec &spec);
    // Per task: the training targets' mean and standard deviation for regression tasks (0 and 1
    // for classification tasks, or a constant target), so that targets are trained standardised.
    static std::pair<std::vector<double>, std::vector<double>> targetStandardisation(const SupervisedData &data);
    static std::unique_ptr<torch::optim::Optimizer> optimizer(const OptimizerConfig &config,
                                                              const std::vector<torch::Tensor> &parameters);
    // Fails on every rank when the ranks' posts, vocabularies or loop settings differ.
    static Status checkRanksAgree(DataParallelGroup &group, const SupervisedData &data, const RunConfig &config);
};

} // namespace chorus
