#include <torch/torch.h>

#include "models/training/headattention.h"

#include <algorithm>
#include <cmath>

namespace chorus {
namespace {

double rounded(double value) { return std::round(value * 1e4) / 1e4; }

nlohmann::json matrix(const torch::Tensor &square) // [T, T] double, contiguous
{
    nlohmann::json rows = nlohmann::json::array();
    for (std::int64_t q = 0; q < square.size(0); ++q) {
        const double *row = square[q].data_ptr<double>();
        std::vector<double> values(row, row + square.size(1));
        std::transform(values.begin(), values.end(), values.begin(), rounded);
        rows.push_back(std::move(values));
    }
    return rows;
}

} // namespace

void HeadAttention::addTo(nlohmann::json &post, const std::vector<torch::Tensor> &layers, std::int64_t row,
                          std::int64_t tokens)
{
    if (layers.empty() || tokens < 1)
        return;
    std::vector<torch::Tensor> posts; // [heads, T, T] per layer, the post's real tokens only
    for (const torch::Tensor &layer : layers) {
        const std::int64_t t = std::min<std::int64_t>(tokens, layer.size(2));
        posts.push_back(layer[row].narrow(1, 0, t).narrow(2, 0, t).to(torch::kCPU, torch::kDouble).contiguous());
    }
    const std::int64_t heads = posts.front().size(0);
    const std::int64_t t = posts.front().size(1);
    const auto layerCount = static_cast<std::int64_t>(posts.size());

    nlohmann::json weights = nlohmann::json::array();
    for (const torch::Tensor &layer : posts) {
        // Padding query rows are all 0 and were cut off above, so this is the mean over real queries.
        const torch::Tensor received = layer.mean(1).contiguous(); // [heads, T]
        nlohmann::json perHead = nlohmann::json::array();
        for (std::int64_t h = 0; h < heads; ++h)
            perHead.push_back(std::vector<double>(received[h].data_ptr<double>(), received[h].data_ptr<double>() + t));
        weights.push_back(std::move(perHead));
    }
    post["head_weights"] = std::move(weights);

    if (layerCount * heads * t * t <= kMaxMatrixValues) {
        nlohmann::json matrices = nlohmann::json::array();
        for (const torch::Tensor &layer : posts) {
            nlohmann::json perHead = nlohmann::json::array();
            for (std::int64_t h = 0; h < heads; ++h)
                perHead.push_back(matrix(layer[h].contiguous()));
            matrices.push_back(std::move(perHead));
        }
        post["head_matrices"] = std::move(matrices);
    } else if (layerCount * t * t <= kMaxMatrixValues) {
        nlohmann::json matrices = nlohmann::json::array();
        for (const torch::Tensor &layer : posts)
            matrices.push_back(matrix(layer.mean(0).contiguous()));
        post["layer_matrices"] = std::move(matrices);
    }
}

} // namespace chorus
