#pragma once

#include "core/recommend/recommender.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace chorus {

struct MfOptions {
    // Defaults chosen on the demo interactions (150-200 users, a few topics): few factors and
    // strong regularization; larger real data usually wants more factors and less of it.
    int factors = 8;
    // Weight of the squared norms of the factors: keeps rarely seen users and items near zero.
    double regularization = 10.0;
    // Confidence in an observed cell is 1 + alpha * weight; unobserved cells have confidence 1.
    double alpha = 2.0;
    int iterations = 15;
    std::uint64_t seed = 42;
};

// Matrix factorisation for implicit feedback by alternating least squares (Hu, Koren and
// Volinsky 2008). Every cell counts: preference p = 1 where the user interacted (weight > 0),
// else 0, with confidence c = 1 + alpha * weight or 1, and the model minimises
//   sum over all (u, i) of c_ui (p_ui - x_u . y_i)^2 + regularization (sum |x_u|^2 + sum |y_i|^2).
// With the item factors fixed, each user's factors are the exact solution of a small linear
// system (YtY + Yt (C_u - I) Y + regularization I) x_u = Yt C_u p_u; YtY is shared by all users,
// so only the user's own items add work. Then the same for items. Each half step minimises the
// loss exactly over one block, so the loss never increases. The systems are solved by Cholesky.
// Initial factors come from DeterministicRandom: the same seed gives the same model everywhere.
class MfRecommender : public Recommender {
public:
    // Called after each ALS iteration (1-based) with the factors as they stand then.
    using IterationObserver = std::function<void(int iteration, const MfRecommender &model)>;

    explicit MfRecommender(MfOptions options = {});
    std::string name() const override { return "mf-als"; }

    void setIterationObserver(IterationObserver observer) { m_observer = std::move(observer); }

    // The loss before the first iteration and after each one (iterations + 1 values).
    const std::vector<double> &lossHistory() const { return m_loss; }
    int factors() const { return m_options.factors; }
    // Row-major factors, users() x factors() and items() x factors().
    const std::vector<double> &userFactors() const { return m_userFactors; }
    const std::vector<double> &itemFactors() const { return m_itemFactors; }

    // Puts back factors saved from a fit on `interactions` (sizes users() x factors() and
    // items() x factors() of the options given at construction), so a stored run recommends
    // without refitting. An error when the sizes do not match.
    Status restore(const InteractionMatrix &interactions, std::vector<double> userFactors,
                   std::vector<double> itemFactors);

protected:
    Status fitModel(const InteractionMatrix &interactions) override;
    void scoreItems(int userRow, std::vector<double> &out) const override;
    void explainItem(int userRow, int item, RecommendationReason &reason) const override;

private:
    double loss(const InteractionMatrix &interactions) const;

    MfOptions m_options;
    std::vector<double> m_userFactors;
    std::vector<double> m_itemFactors;
    std::vector<double> m_loss;
    IterationObserver m_observer;
};

} // namespace chorus
