#pragma once

#include <cstdint>
#include <string>

class CliContext;

namespace chorus {
class Project;
}

// `export --run ID --what posts OUT`: the posts of the run's dataset as its model sees them (the
// vector its output layer reads, ModelOutputs::representation) for the projector, in the folder OUT
// as vectors.tsv and metadata.tsv (text, post id, split part, the true label and the prediction of
// the run's task). At most `limit` posts, in id order: their ids and texts are read first, then
// they are predicted and written a chunk at a time, so model outputs never pile up in memory.
int exportPostRepresentations(const CliContext &ctx, chorus::Project &project, std::int64_t runId, std::int64_t limit,
                              const std::string &out);
