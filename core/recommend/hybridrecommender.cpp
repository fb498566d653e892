#include "core/recommend/hybridrecommender.h"

#include "core/recommend/mfrecommender.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace chorus {

void HybridRecommender::add(std::unique_ptr<Recommender> recommender, double weight)
{
    m_components.push_back({std::move(recommender), weight});
}

std::string HybridRecommender::name() const
{
    std::string name = "hybrid(";
    for (std::size_t i = 0; i < m_components.size(); ++i) {
        if (i > 0)
            name += "+";
        name += m_components[i].recommender ? m_components[i].recommender->name() : "?";
    }
    return name + ")";
}

Status HybridRecommender::fitModel(const InteractionMatrix &interactions)
{
    if (m_components.empty())
        return Error{"a hybrid needs at least one recommender"};
    for (const Component &c : m_components) {
        if (!c.recommender)
            return Error{"a hybrid component is missing"};
        if (!(c.weight > 0.0) || !std::isfinite(c.weight))
            return Error{"the weight of " + c.recommender->name() + " must be a positive number"};
    }
    for (Component &c : m_components)
        if (Status s = c.recommender->fit(interactions); !s.ok())
            return s;
    return Status::success();
}

Status HybridRecommender::restore(const InteractionMatrix &interactions)
{
    if (m_components.empty())
        return Error{"a hybrid needs at least one recommender"};
    for (const Component &c : m_components) {
        if (!c.recommender || !c.recommender->fitted())
            return Error{"a hybrid component is not fitted"};
        const InteractionMatrix &own = c.recommender->trainingMatrix();
        if (own.users() != interactions.users() || own.items() != interactions.items() ||
            own.nonZeros() != interactions.nonZeros())
            return Error{c.recommender->name() + " was fitted on another matrix"};
    }
    adoptFitted(interactions);
    return Status::success();
}

void HybridRecommender::scoreItems(int userRow, std::vector<double> &out) const
{
    const InteractionMatrix &train = trainingMatrix();
    std::vector<char> candidate(out.size(), 1);
    for (std::size_t e = train.rowBegin(userRow); e < train.rowEnd(userRow); ++e)
        candidate[static_cast<std::size_t>(train.rowItems()[e])] = 0;
    if (std::find(candidate.begin(), candidate.end(), 1) == candidate.end())
        std::fill(candidate.begin(), candidate.end(), 1);

    for (const Component &c : m_components) {
        const std::vector<double> scores = c.recommender->scores(userRow);
        if (scores.size() != out.size())
            continue;
        double low = std::numeric_limits<double>::infinity();
        double high = -std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i < scores.size(); ++i) {
            if (candidate[i] && std::isfinite(scores[i])) {
                low = std::min(low, scores[i]);
                high = std::max(high, scores[i]);
            }
        }
        if (!(high > low))
            continue;
        for (std::size_t i = 0; i < scores.size(); ++i)
            if (std::isfinite(scores[i]))
                out[i] += c.weight * (scores[i] - low) / (high - low);
    }
}

void HybridRecommender::explainItem(int userRow, int item, RecommendationReason &reason) const
{
    // The component that added most to the blended score speaks for the hybrid; with its
    // normalisation, which is the one scoreItems() applied.
    const InteractionMatrix &train = trainingMatrix();
    std::vector<char> candidate(static_cast<std::size_t>(train.items()), 1);
    for (std::size_t e = train.rowBegin(userRow); e < train.rowEnd(userRow); ++e)
        candidate[static_cast<std::size_t>(train.rowItems()[e])] = 0;
    if (std::find(candidate.begin(), candidate.end(), 1) == candidate.end())
        std::fill(candidate.begin(), candidate.end(), 1);
    const Recommender *best = nullptr;
    double bestShare = 0.0;
    for (const Component &c : m_components) {
        const std::vector<double> scores = c.recommender->scores(userRow);
        if (scores.size() != candidate.size() || !std::isfinite(scores[static_cast<std::size_t>(item)]))
            continue;
        double low = std::numeric_limits<double>::infinity();
        double high = -std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i < scores.size(); ++i) {
            if (candidate[i] && std::isfinite(scores[i])) {
                low = std::min(low, scores[i]);
                high = std::max(high, scores[i]);
            }
        }
        if (!(high > low))
            continue;
        const double share = c.weight * (scores[static_cast<std::size_t>(item)] - low) / (high - low);
        if (share > bestShare) {
            bestShare = share;
            best = c.recommender.get();
        }
    }
    if (best)
        reason = best->explain(userRow, item);
}

const MfRecommender *factorModelOf(const Recommender &recommender)
{
    if (auto *mf = dynamic_cast<const MfRecommender *>(&recommender))
        return mf;
    if (auto *hybrid = dynamic_cast<const HybridRecommender *>(&recommender))
        for (std::size_t i = 0; i < hybrid->components(); ++i)
            if (auto *mf = dynamic_cast<const MfRecommender *>(&hybrid->component(i)))
                return mf;
    return nullptr;
}

MfRecommender *factorModelOf(Recommender &recommender)
{
    // The same search; constness comes back from the caller's own non-const recommender.
    return const_cast<MfRecommender *>(factorModelOf(static_cast<const Recommender &>(recommender)));
}

} // namespace chorus
