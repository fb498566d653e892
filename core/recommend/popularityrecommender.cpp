#include "core/recommend/popularityrecommender.h"

namespace chorus {

Status PopularityRecommender::fitModel(const InteractionMatrix &interactions)
{
    m_users.assign(static_cast<std::size_t>(interactions.items()), 0.0);
    for (int c = 0; c < interactions.items(); ++c)
        m_users[static_cast<std::size_t>(c)] = static_cast<double>(interactions.colSize(c));
    return Status::success();
}

void PopularityRecommender::scoreItems(int, std::vector<double> &out) const { out = m_users; }

} // namespace chorus
