#pragma once

#include "core/training/paramspec.h"
#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace chorus {

struct OptimizerConfig {
    std::string name = "adamw"; // adamw | sgd
    double learningRate = 1e-3;
    double weightDecay = 0.01;
    double momentum = 0.9; // sgd only
};

struct ScheduleConfig {
    std::string name = "constant"; // constant | cosine | step
    std::int64_t warmupSteps = 0;
    std::int64_t stepSize = 1000; // step only
    double gamma = 0.1;           // step only

    // The learning rate at `step` (0-based) of `totalSteps`, from the base rate: linear warm-up,
    // then constant, cosine decay to 0, or a factor gamma every stepSize steps.
    double rate(double base, std::int64_t step, std::int64_t totalSteps) const;
};

struct EarlyStoppingConfig {
    bool enabled = false;
    std::string metric = "accuracy";
    std::string mode = "max"; // max | min
    int patience = 3;         // evaluations without improvement
};

// One training run as the user wrote it (chorus-cli train --config C.json, or the GUI's JSON tab).
// Unknown keys are errors, not ignored; every error names the field and the allowed range.
struct RunConfig {
    std::string model;
    std::string dataset;
    std::string task; // the label task; empty for unsupervised models
    // Further label tasks for multi-task families (the shared encoder gets one head per task; `task`
    // is the primary one, which early stopping and the headline metrics follow).
    std::vector<std::string> extraTasks;
    // Loss weight per task name; tasks not listed weigh 1.
    std::map<std::string, double> taskWeights;
    std::uint64_t seed = 0;
    int epochs = 1;
    nlohmann::json params = nlohmann::json::object(); // resolved: defaults filled in
    std::optional<std::int64_t> split;                 // default: the dataset's latest stored split
    std::string device = "auto";                       // auto | cpu | cuda | cuda:N
    int batchSize = 64;
    OptimizerConfig optimizer;
    ScheduleConfig schedule;
    EarlyStoppingConfig earlyStopping;
    std::int64_t checkpointEvery = 0; // steps; 0: at the end of each epoch
    std::int64_t evalEvery = 0;       // steps; 0: at the end of each epoch
    double gradientClip = 0;          // max global norm; 0: off
    bool classWeights = false;        // weight the loss by inverse class frequency
    // Word vectors (word2vec text or binary, fastText .vec) that initialise a text model's token
    // embeddings; empty: random initialisation. Binary when the name ends in ".bin".
    std::string pretrainedVectors;

    // schema: the model family's parameters (nullptr skips the check of `params`).
    // requiresTask: supervised families need `task`.
    static Result<RunConfig> parse(const nlohmann::json &json, const ParamSchema *schema, bool requiresTask);
    static Result<RunConfig> parseFile(const std::string &path, const ParamSchema *schema, bool requiresTask);
    nlohmann::json toJson() const;
};

} // namespace chorus
