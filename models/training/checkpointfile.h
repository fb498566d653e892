#pragma once

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <string>

namespace chorus {

// Checkpoints on disk. A training checkpoint holds everything resuming needs to continue exactly:
// the model, the optimiser's moments, the CPU random generator (dropout) and the trainer's own
// state as JSON (step, data position, early-stopping bookkeeping). Every file is written beside its
// final name and renamed, so a crash leaves the previous checkpoint intact, never half a file.
// Functions throw (LibTorch style); the trainer catches at its edge.
class CheckpointFile {
public:
    static void saveTraining(const std::string &path, torch::nn::Module &model, torch::optim::Optimizer &optimizer,
                             const nlohmann::json &trainerState);
    // Restores model, optimiser and random generator; returns the trainer state.
    static nlohmann::json loadTraining(const std::string &path, torch::nn::Module &model,
                                       torch::optim::Optimizer &optimizer);
    // Weights only (the best model), what predict and explain load.
    static void saveModel(const std::string &path, torch::nn::Module &model);
    // Loads the weights of either kind of file.
    static void loadModel(const std::string &path, torch::nn::Module &model);
};

} // namespace chorus
