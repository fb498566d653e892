#pragma once

#include "core/recommend/recommender.h"

#include <vector>

namespace chorus {

// The baseline every other recommender must beat: the same list for everyone, items ranked by
// how many distinct users interacted with them.
class PopularityRecommender : public Recommender {
public:
    std::string name() const override { return "popularity"; }

protected:
    Status fitModel(const InteractionMatrix &interactions) override;
    void scoreItems(int userRow, std::vector<double> &out) const override;

private:
    std::vector<double> m_users;
};

} // namespace chorus
