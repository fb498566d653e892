#include "core/recommend/hybridrecommender.h"

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

} // namespace chorus
