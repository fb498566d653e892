#pragma once

#include "core/training/runstore.h"
#include "core/util/result.h"
#include "models/training/supervisedmodel.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <string>

namespace chorus {

class Project;
struct ModelSpec;

// A trained supervised model rebuilt from its run: the family's factory sized from the run's
// "encoding" artifact (vocabulary, tasks, inputs), then its best checkpoint (the latest when the
// run never evaluated). In eval mode, on the CPU. LibTorch failures come back as errors.
struct RunModel {
    RunSummary run;
    const ModelSpec *spec = nullptr;
    nlohmann::json encoding;
    ModelShape shape;
    std::string checkpoint;
    std::shared_ptr<SupervisedModelImpl> model;

    static Result<RunModel> load(Project &project, std::int64_t runId);
};

} // namespace chorus
