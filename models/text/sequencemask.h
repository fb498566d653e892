#pragma once

#include <torch/torch.h>

namespace chorus {

// Lengths as the text models use them: on `device`, clamped to [1, length]. A post with no tokens
// is read as one padding token so that every row has at least one position to pool or attend
// over (an empty row would otherwise turn max-pooling and softmax into NaN).
torch::Tensor effectiveLengths(const torch::Tensor &lengths, std::int64_t length, const torch::Device &device);

// [batch, length] bool, true on the real tokens of each row (position < its effective length).
// Derived from the lengths rather than from token id 0 so that a batch padded with any id, or
// padded further, is read the same way.
torch::Tensor realTokenMask(const torch::Tensor &lengths, std::int64_t length, const torch::Device &device);

} // namespace chorus
