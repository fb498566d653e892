#include "core/recommend/cosineneighbourhood.h"

#include <algorithm>
#include <cmath>

namespace chorus {

std::vector<std::vector<Neighbour>> CosineNeighbourhood::compute(const SparseVectors &vectors,
                                                                 const SparseVectors &transposed, int k,
                                                                 double shrinkage)
{
    const std::size_t count = vectors.count();
    const auto &offsets = *vectors.offsets;
    const auto &indices = *vectors.indices;
    const auto &values = *vectors.values;
    const auto &tOffsets = *transposed.offsets;
    const auto &tIndices = *transposed.indices;
    const auto &tValues = *transposed.values;

    std::vector<double> norms(count, 0.0);
    for (std::size_t v = 0; v < count; ++v) {
        double sum = 0.0;
        for (std::size_t e = offsets[v]; e < offsets[v + 1]; ++e)
            sum += values[e] * values[e];
        norms[v] = std::sqrt(sum);
    }

    std::vector<std::vector<Neighbour>> result(count);
    if (k <= 0)
        return result;
    std::vector<double> dot(count, 0.0);
    std::vector<char> touched(count, 0);
    std::vector<int> touchedList;
    const auto better = [](const Neighbour &a, const Neighbour &b) {
        return a.similarity > b.similarity || (a.similarity == b.similarity && a.index < b.index);
    };
    for (std::size_t a = 0; a < count; ++a) {
        if (norms[a] == 0.0)
            continue;
        touchedList.clear();
        for (std::size_t e = offsets[a]; e < offsets[a + 1]; ++e) {
            const auto coordinate = static_cast<std::size_t>(indices[e]);
            for (std::size_t t = tOffsets[coordinate]; t < tOffsets[coordinate + 1]; ++t) {
                const auto b = static_cast<std::size_t>(tIndices[t]);
                if (!touched[b]) {
                    touched[b] = 1;
                    touchedList.push_back(static_cast<int>(b));
                }
                dot[b] += values[e] * tValues[t];
            }
        }
        std::vector<Neighbour> &out = result[a];
        for (int b : touchedList) {
            const auto bi = static_cast<std::size_t>(b);
            if (bi != a && norms[bi] > 0.0) {
                const double similarity = dot[bi] / (norms[a] * norms[bi] + shrinkage);
                if (similarity > 0.0)
                    out.push_back({b, similarity});
            }
            dot[bi] = 0.0;
            touched[bi] = 0;
        }
        const std::size_t keep = std::min(out.size(), static_cast<std::size_t>(k));
        std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(keep), out.end(), better);
        out.resize(keep);
        out.shrink_to_fit();
    }
    return result;
}

} // namespace chorus
