#pragma once

#include "core/training/superviseddata.h"
#include "models/training/modeloutputs.h"

#include <nlohmann/json.hpp>

#include <cstdint>

namespace chorus {

// Both levels of attention a thread family (hierarchical attention) gave one post of a batch, as
// attention snapshots record them and `chorus-cli explain` prints them: one entry per post of its
// thread, oldest first and the post itself last, with the post-level weight and the post's tokens
// with their word-level weights:
//   [{"post_id": 12, "weight": 0.7, "tokens": ["so", "good"], "weights": [0.4, 0.6]}, ...]
// An empty array when the outputs hold no post-level attention.
class ThreadAttention {
public:
    static nlohmann::json toJson(const ModelOutputs &out, std::int64_t row, const PostExample &example,
                                 const SupervisedData &data);
};

} // namespace chorus
