#pragma once

#include "core/recommend/cosineneighbourhood.h"
#include "core/recommend/recommender.h"

#include <vector>

namespace chorus {

struct UserKnnOptions {
    // Most similar users consulted per user.
    int neighbours = 50;
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

private:
    UserKnnOptions m_options;
    std::vector<std::vector<Neighbour>> m_neighbours;
};

} // namespace chorus
