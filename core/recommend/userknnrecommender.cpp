#include "core/recommend/userknnrecommender.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace chorus {

UserKnnRecommender::UserKnnRecommender(UserKnnOptions options) : m_options(options) {}

Status UserKnnRecommender::fitModel(const InteractionMatrix &interactions)
{
    if (m_options.neighbours < 1)
        return Error{"the number of neighbours must be at least 1"};
    if (!(m_options.shrinkage >= 0.0) || !std::isfinite(m_options.shrinkage))
        return Error{"the shrinkage must be a number >= 0"};
    const SparseVectors users{&interactions.rowOffsets(), &interactions.rowItems(), &interactions.rowWeights()};
    const SparseVectors items{&interactions.colOffsets(), &interactions.colUsers(), &interactions.colWeights()};
    m_neighbours = CosineNeighbourhood::compute(users, items, m_options.neighbours, m_options.shrinkage);
    return Status::success();
}

void UserKnnRecommender::scoreItems(int userRow, std::vector<double> &out) const
{
    const InteractionMatrix &train = trainingMatrix();
    for (const Neighbour &n : m_neighbours[static_cast<std::size_t>(userRow)])
        for (std::size_t e = train.rowBegin(n.index); e < train.rowEnd(n.index); ++e)
            out[static_cast<std::size_t>(train.rowItems()[e])] += n.similarity * train.rowWeights()[e];
}

void UserKnnRecommender::explainItem(int userRow, int item, RecommendationReason &reason) const
{
    // The neighbours who have the item, by what each added to the score.
    const InteractionMatrix &train = trainingMatrix();
    std::vector<std::pair<double, int>> votes;
    for (const Neighbour &n : m_neighbours[static_cast<std::size_t>(userRow)]) {
        const double weight = train.weight(n.index, item);
        if (weight > 0.0)
            votes.emplace_back(-n.similarity * weight, n.index);
    }
    std::sort(votes.begin(), votes.end());
    reason.kind = RecommendationReason::Kind::SimilarUsers;
    for (std::size_t i = 0; i < votes.size() && i < kReasonEvidence; ++i)
        reason.users.push_back(train.userId(votes[i].second));
}

} // namespace chorus
