#include "models/text/sequencemask.h"

namespace chorus {

torch::Tensor effectiveLengths(const torch::Tensor &lengths, std::int64_t length, const torch::Device &device)
{
    return lengths.to(device, torch::kLong).clamp(1, std::max<std::int64_t>(length, 1));
}

torch::Tensor realTokenMask(const torch::Tensor &lengths, std::int64_t length, const torch::Device &device)
{
    const torch::Tensor positions = torch::arange(length, torch::TensorOptions().dtype(torch::kLong).device(device));
    return positions.unsqueeze(0) < effectiveLengths(lengths, length, device).unsqueeze(1);
}

} // namespace chorus
