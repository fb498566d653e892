#pragma once

#include "models/registry/modelspec.h"

#include <vector>

namespace chorus {

// Registry entries of the video families ("video_temporal"), for ModelRegistry to add.
std::vector<ModelSpec> videoModelSpecs();

} // namespace chorus
