#pragma once

#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <vector>

namespace chorus {

// A Transformer's attention for one post of a batch, per layer and per head, as attention
// snapshots record it (so the explorer can colour tokens and draw the heatmap for any layer and
// head, or their average):
//   "head_weights":  [layer][head][token], the attention each token receives, averaged over the
//                    post's real queries (each row sums to 1 over its tokens);
//   "head_matrices": [layer][head][query][key], rounded to 4 decimals, while layers x heads x T x T
//                    stays within kMaxMatrixValues; otherwise
//   "layer_matrices": [layer][query][key] averaged over heads, while layers x T x T does;
//   otherwise no matrix at all. Snapshots stay bounded whatever the model's size.
class HeadAttention {
public:
    static constexpr std::int64_t kMaxMatrixValues = 16384;

    // layers: ModelOutputs::layerAttention, one [B, heads, T, T] tensor per layer (any device);
    // tokens: the post's real tokens (at most T). Adds the members above to `post`; nothing when
    // there are no layers or no tokens.
    static void addTo(nlohmann::json &post, const std::vector<torch::Tensor> &layers, std::int64_t row,
                      std::int64_t tokens);
};

} // namespace chorus
