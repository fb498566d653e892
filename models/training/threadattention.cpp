#include <torch/torch.h>

#include "models/training/threadattention.h"

#include "models/training/batchbuilder.h"

#include <algorithm>

namespace chorus {

nlohmann::json ThreadAttention::toJson(const ModelOutputs &out, std::int64_t row, const PostExample &example,
                                       const SupervisedData &data)
{
    nlohmann::json thread = nlohmann::json::array();
    if (!out.postAttention.defined() || !out.threadTokenAttention.defined())
        return thread;
    const torch::Tensor postWeights = out.postAttention[row].to(torch::kCPU, torch::kDouble).contiguous();
    const torch::Tensor tokenWeights = out.threadTokenAttention[row].to(torch::kCPU, torch::kDouble).contiguous();
    const std::vector<BatchBuilder::ThreadPost> posts = BatchBuilder::threadPosts(example, data);
    for (std::size_t p = 0; p < posts.size() && static_cast<std::int64_t>(p) < postWeights.size(0); ++p) {
        const auto index = static_cast<std::int64_t>(p);
        const std::vector<std::int64_t> &ids = *posts[p].second;
        const auto count = std::min<std::int64_t>(static_cast<std::int64_t>(ids.size()), tokenWeights.size(1));
        const double *weights = tokenWeights[index].data_ptr<double>();
        thread.push_back({{"post_id", posts[p].first},
                          {"weight", postWeights[index].item<double>()},
                          {"tokens", data.vocabulary.decode(ids)},
                          {"weights", std::vector<double>(weights, weights + count)}});
    }
    return thread;
}

} // namespace chorus
