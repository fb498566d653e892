#pragma once

#include <torch/torch.h>

#include "core/embeddings/embeddingsnapshot.h"

#include <cstdint>
#include <optional>

namespace chorus {

class Vocabulary;

// The first EmbeddingSnapshot::kMaxRows rows of a model's token embedding table (vocabulary ids are
// special tokens, then words by count) labelled by the vocabulary; nothing for a model without one.
std::optional<EmbeddingSnapshot> snapshotTokenEmbeddings(const torch::Tensor &weight, const Vocabulary &vocabulary,
                                                         int epoch, std::int64_t step);

} // namespace chorus
