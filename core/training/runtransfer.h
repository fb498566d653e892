#pragma once

#include "core/util/result.h"

#include <cstdint>
#include <string>

namespace chorus {

class Project;

struct ImportedRun {
    std::int64_t runId = 0; // in the target project
    std::int64_t metrics = 0;
    std::int64_t checkpoints = 0;
    std::int64_t artifacts = 0;
    std::string directory; // where its checkpoint files now are
};

// Brings a run trained elsewhere -- on a cluster, in a copy of this project -- back into the
// project, so the GUI shows its curves, evaluation and attention, and predict/explain use its
// checkpoints. Only a copy of this project's data qualifies: a run refers to posts by id, so the
// run's dataset must exist here under the same name with the same posts (count and id range).
// Rows (the run, its metrics, checkpoints and artifacts) are written in one transaction and the
// checkpoint files are copied under "<project>.runs/run-<new id>" before it commits: a failure
// leaves the project as it was.
class RunTransfer {
public:
    static Result<ImportedRun> importRun(Project &target, const std::string &sourcePath, std::int64_t sourceRun);
};

} // namespace chorus
