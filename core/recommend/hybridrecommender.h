#pragma once

#include "core/recommend/recommender.h"

#include <memory>
#include <string>
#include <vector>

namespace chorus {

// A weighted blend of other recommenders. Their scores live on unrelated scales (co-occurrence
// sums, dot products, cosines), so each is min-max normalised per user to [0, 1] before
// weighting. The range is taken over the items the user has not seen: those are the candidates,
// and a model's high scores for already-seen items would otherwise squash the range that
// matters (seen items may then fall outside [0, 1]). When every item is seen, over all items.
// A component that gives every candidate the same score contributes 0.
class HybridRecommender : public Recommender {
public:
    HybridRecommender() = default;
    // Takes ownership; weight should be > 0 (a component with weight <= 0 or non-finite is
    // refused at fit time).
    void add(std::unique_ptr<Recommender> recommender, double weight);
    std::string name() const override;

    std::size_t components() const { return m_components.size(); }
    const Recommender &component(std::size_t index) const { return *m_components[index].recommender; }
    Recommender &component(std::size_t index) { return *m_components[index].recommender; }

    // Marks the hybrid fitted on `interactions` without refitting, for components the caller has
    // already fitted or restored on that matrix (a stored run's factors). An error when a
    // component is unfitted or was fitted on a matrix of another shape.
    Status restore(const InteractionMatrix &interactions);

protected:
    Status fitModel(const InteractionMatrix &interactions) override;
    void scoreItems(int userRow, std::vector<double> &out) const override;
    void explainItem(int userRow, int item, RecommendationReason &reason) const override;

private:
    struct Component {
        std::unique_ptr<Recommender> recommender;
        double weight = 1.0;
    };
    std::vector<Component> m_components;
};

class MfRecommender;

// The factor model inside a recommender: itself when it is one, a hybrid's MF component, or null.
MfRecommender *factorModelOf(Recommender &recommender);
const MfRecommender *factorModelOf(const Recommender &recommender);

} // namespace chorus
