#pragma once

#include "core/recommend/cosineneighbourhood.h"
#include "core/recommend/recommender.h"

#include <vector>

namespace chorus {

struct UserKnnOptions {
    // Most similar users consulted per user.
    int neighbours;
    // Shrunk cosine (CosineNeighbourhood): 0 is the plain cosine.
    double shrinkage;

    // A constructor rather than aggregate initialisation, so {k} needs no initializer per field.
    UserKnnOptions(int neighbourCount = 50, double shrink = 0.0) : neighbours(neighbourCount), shrinkage(shrink) {}
};

// User-based collaborative filtering: a user's k most similar users (cosine between the user
// rows, weights included) vote for their items; the score of item j is the sum over those
// neighbours v of similarity(u, v) times weight(v, j).
class UserKnnRecommender : public Recommender {
public:
    explicit UserKnnRecommender(UserKnnOptions options = {});
    std::string name() const override { return "user-knn"; }

    const std::vector<Neighbour> &neighbours(int user) const { return m_neighbours[static_cast<std::size_t>(user)]; }

protected:
    Status fitModel(const InteractionMatrix &interactions) override;
    void scoreItems(int userRow, std::vector<double> &out) const override;
    void explainItem(int userRow, int item, RecommendationReason &reason) const override;

private:
    UserKnnOptions m_options;
    std::vector<std::vector<Neighbour>> m_neighbours;
};

} // namespace chorus
