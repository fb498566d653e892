#pragma once

#include "models/registry/modelspec.h"

#include <vector>

namespace chorus {

// Registry entries of the multimodal families: "fusion" (text + image, four fusion kinds) and
// "multitask" (a shared encoder with one head per label task). Both run on the generic trainer.
std::vector<ModelSpec> fusionModelSpecs();

} // namespace chorus
