#pragma once

#include "models/registry/modelspec.h"

#include <vector>

namespace chorus {

// The sequence-to-sequence families (trainer "seq2seq", run by Seq2seqTrainer).
std::vector<ModelSpec> seq2seqModelSpecs();

} // namespace chorus
