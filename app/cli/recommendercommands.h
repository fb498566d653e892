#pragma once

#include <cstdint>

class CliContext;

namespace chorus {
class Project;
}

// For subcommands that meet a recommender run elsewhere (eval): whether a run is one, and its
// ranking metrics as eval prints them.
bool isRecommenderRun(chorus::Project &project, std::int64_t runId);
int evalRecommenderRun(const CliContext &ctx, chorus::Project &project, std::int64_t runId);
