#include "core/recommend/itemknnrecommender.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace chorus {

ItemKnnRecommender::ItemKnnRecommender(ItemKnnOptions options) : m_options(options) {}

Status ItemKnnRecommender::fitModel(const InteractionMatrix &interactions)
{
    if (m_options.neighbours < 1)
        return Error{"the number of neighbours must be at least 1"};
    if (!(m_options.shrinkage >= 0.0) || !std::isfinite(m_options.shrinkage))
        return Error{"the shrinkage must be a number >= 0"};
    const SparseVectors items{&interactions.colOffsets(), &interactions.colUsers(), &interactions.colWeights()};
    const SparseVectors users{&interactions.rowOffsets(), &interactions.rowItems(), &interactions.rowWeights()};
    m_neighbours = CosineNeighbourhood::compute(items, users, m_options.neighbours, m_options.shrinkage);
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

void ItemKnnRecommender::explainItem(int userRow, int item, RecommendationReason &reason) const
{
    // The user's items that count the candidate among their neighbours, by contribution.
    const InteractionMatrix &train = trainingMatrix();
    std::vector<std::pair<double, int>> votes;
    for (std::size_t e = train.rowBegin(userRow); e < train.rowEnd(userRow); ++e) {
        const int seen = train.rowItems()[e];
        for (const Neighbour &n : m_neighbours[static_cast<std::size_t>(seen)])
            if (n.index == item)
                votes.emplace_back(-train.rowWeights()[e] * n.similarity, seen);
    }
    std::sort(votes.begin(), votes.end());
    reason.kind = RecommendationReason::Kind::SimilarItems;
    for (std::size_t i = 0; i < votes.size() && i < kReasonEvidence; ++i)
        reason.items.push_back(votes[i].second);
}

} // namespace chorus
