#pragma once

#include "core/training/runconfig.h"
#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>

namespace chorus {

class Project;
struct ModelSpec;

// What `chorus-cli describe` prints and the Models tab's architecture view shows: a model family
// built from its parameters and the sizes of the data, run once on a dummy batch, as a tree of its
// modules with each one's output shape and parameter counts. Families without a LibTorch module
// (word2vec, recommenders) are described by their parameter tables instead.
//
// The "shape" object holds the sizes a family depends on:
//   supervised families: vocabulary, classes, max_length, image_size, frames, thread_posts, tasks
//                        ([{name, classes}], classes 0 for a regression task)
//   seq2seq:             vocabulary, source_length, target_length
//   word2vec:            vocabulary
//   recommenders:        users, items
// A key left out takes a default, so a shape can be given by hand.
class ArchitectureDescriber {
public:
    // Posts in the dummy batch (the first dimension of most output shapes).
    static constexpr std::int64_t kBatch = 2;

    // The shape the family's trainer would size its model with, read from the project's data: the
    // vocabulary of the training part, the task's classes and so on. As slow as a trainer's data
    // loading (it tokenises the dataset once), and no slower.
    static Result<nlohmann::json> shapeFromProject(Project &project, const RunConfig &config, const ModelSpec &spec);

    // {model, trainer, shape, batch, inputs, outputs, parameters, trainable, tree} where tree is a
    // ModuleShapeTracer tree (or, for families without modules, a tree of parameter tables).
    // `params` are resolved against the family's schema here; bad ones come back as errors.
    static Result<nlohmann::json> describe(const ModelSpec &spec, const nlohmann::json &params,
                                           const nlohmann::json &shape);
};

} // namespace chorus
