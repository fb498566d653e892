#include "models/training/embeddingsnapshotter.h"

#include "core/text/vocabulary.h"

#include <algorithm>
#include <numeric>

namespace chorus {

std::optional<EmbeddingSnapshot> snapshotTokenEmbeddings(const torch::Tensor &weight, const Vocabulary &vocabulary,
                                                         int epoch, std::int64_t step)
{
    if (!weight.defined() || weight.dim() != 2 || weight.size(0) == 0)
        return std::nullopt;
    const auto rows = static_cast<std::int64_t>(
        std::min<std::size_t>({static_cast<std::size_t>(weight.size(0)), vocabulary.size(), EmbeddingSnapshot::kMaxRows}));
    const torch::Tensor values = weight.detach().slice(0, 0, rows).to(torch::kCPU, torch::kFloat).contiguous();
    std::vector<std::int64_t> ids(static_cast<std::size_t>(rows));
    std::iota(ids.begin(), ids.end(), std::int64_t(0));
    return EmbeddingSnapshot::firstRows(epoch, step, vocabulary.decode(ids), static_cast<std::size_t>(values.size(1)),
                                        values.data_ptr<float>());
}

} // namespace chorus
