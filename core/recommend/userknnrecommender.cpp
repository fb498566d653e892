#include "core/recommend/userknnrecommender.h"

namespace chorus {

UserKnnRecommender::UserKnnRecommender(UserKnnOptions options) : m_options(options) {}

Status UserKnnRecommender::fitModel(const InteractionMatrix &interactions)
{
    if (m_options.neighbours < 1)
        return Error{"the number of neighbours must be at least 1"};
    const SparseVectors users{&interactions.rowOffsets(), &interactions.rowItems(), &interactions.rowWeights()};
    const SparseVectors items{&interactions.colOffsets(), &interactions.colUsers(), &interactions.colWeights()};
    m_neighbours = CosineNeighbourhood::compute(users, items, m_options.neighbours);
    return Status::success();
}

void UserKnnRecommender::scoreItems(int userRow, std::vector<double> &out) const
{
    const InteractionMatrix &train = trainingMatrix();
    for (const Neighbour &n : m_neighbours[static_cast<std::size_t>(userRow)])
        for (std::size_t e = train.rowBegin(n.index); e < train.rowEnd(n.index); ++e)
            out[static_cast<std::size_t>(train.rowItems()[e])] += n.similarity * train.rowWeights()[e];
}

} // namespace chorus
