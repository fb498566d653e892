#pragma once

#include "models/registry/modelspec.h"

#include <vector>

namespace chorus {

// The recommender families (trainer "recommender", run by RecommenderTrainer in core: no
// LibTorch). Their parameters come from RecommenderFactory, which builds them.
std::vector<ModelSpec> recommenderModelSpecs();

} // namespace chorus
