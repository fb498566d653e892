#pragma once

#include "core/recommend/cosineneighbourhood.h"
#include "core/recommend/recommender.h"

#include <vector>

namespace chorus {

struct ItemKnnOptions {
    // Neighbours kept per item: fewer is faster and filters weak, noisy co-occurrences.
    int neighbours;
    // Shrunk cosine (CosineNeighbourhood): 0 is the plain cosine.
    double shrinkage;

    // A constructor rather than aggregate initialisation, so {k} needs no initializer per field.
    ItemKnnOptions(int neighbourCount = 50, double shrink = 0.0) : neighbours(neighbourCount), shrinkage(shrink) {}
};

// Item-based collaborative filtering: items are similar when the same users interacted with
// them (cosine between the item columns, weights included). Each item keeps its k most similar
// items; a user's score for item j is the sum over the user's items i of weight(u, i) times the
// similarity of j to i, where it is among i's neighbours (0 otherwise).
class ItemKnnRecommender : public Recommender {
public:
    explicit ItemKnnRecommender(ItemKnnOptions options = {});
    std::string name() const override { return "item-knn"; }

    // The neighbours of an item column after fit.
    const std::vector<Neighbour> &neighbours(int item) const { return m_neighbours[static_cast<std::size_t>(item)]; }

protected:
    Status fitModel(const InteractionMatrix &interactions) override;
    void scoreItems(int userRow, std::vector<double> &out) const override;
    void explainItem(int userRow, int item, RecommendationReason &reason) const override;

private:
    ItemKnnOptions m_options;
    std::vector<std::vector<Neighbour>> m_neighbours;
};

} // namespace chorus
