#include "core/recommend/itemknnrecommender.h"

namespace chorus {

ItemKnnRecommender::ItemKnnRecommender(ItemKnnOptions options) : m_options(options) {}

Status ItemKnnRecommender::fitModel(const InteractionMatrix &interactions)
{
    if (m_options.neighbours < 1)
        return Error{"the number of neighbours must be at least 1"};
    const SparseVectors items{&interactions.colOffsets(), &interactions.colUsers(), &interactions.colWeights()};
    const SparseVectors users{&interactions.rowOffsets(), &interactions.rowItems(), &interactions.rowWeights()};
    m_neighbours = CosineNeighbourhood::compute(items, users, m_options.neighbours);
    return Status::success();
}

void ItemKnnRecommender::scoreItems(int userRow, std::vector<double> &out) const
{
    const InteractionMatrix &train = trainingMatrix();
    for (std::size_t e = train.rowBegin(userRow); e < train.rowEnd(userRow); ++e) {
        const double weight = train.rowWeights()[e];
        for (const Neighbour &n : m_neighbours[static_cast<std::size_t>(train.rowItems()[e])])
            out[static_cast<std::size_t>(n.index)] += weight * n.similarity;
    }
}

} // namespace chorus
