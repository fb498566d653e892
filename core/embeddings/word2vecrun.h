#pragma once

#include "core/util/result.h"

#include <cstdint>
#include <string>

namespace chorus {

class Project;

// The vectors file (word2vec binary) of a finished word2vec run: the path of its latest checkpoint.
// Lives in core so that views without LibTorch (the embedding projector) find the same file the
// trainer wrote. An Error says the run is not a finished word2vec run.
Result<std::string> word2vecVectorsPath(Project &project, std::int64_t runId);

} // namespace chorus
