#pragma once

#include "models/registry/modelspec.h"

#include <vector>

namespace chorus {

// Registry entries of the image families ("image_cnn", "image_torchscript"), all on the generic
// "supervised" trainer. Their `image_size` and `augment` parameters drive the data pipeline
// (ImageTensorizer); the trainer passes image_size on as ModelShape::imageSize.
std::vector<ModelSpec> imageModelSpecs();

} // namespace chorus
