#include "core/recommend/recommender.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace chorus {

Status Recommender::fit(const InteractionMatrix &interactions)
{
    m_fitted = false;
    m_train = interactions;
    Status status = fitModel(m_train);
    if (!status.ok()) {
        m_train = InteractionMatrix();
        return Error{name() + ": " + status.message()};
    }
    m_fitted = true;
    return status;
}

const char *RecommendationReason::kindName(Kind kind)
{
    switch (kind) {
    case Kind::SimilarUsers:
        return "similar_users";
    case Kind::SimilarItems:
        return "similar_items";
    case Kind::SharedTerms:
        return "shared_terms";
    case Kind::Popular:
        break;
    }
    return "popular";
}

void Recommender::adoptFitted(const InteractionMatrix &interactions)
{
    m_train = interactions;
    m_fitted = true;
}

void Recommender::explainItem(int, int, RecommendationReason &) const {}

RecommendationReason Recommender::explain(int userRow, int item) const
{
    RecommendationReason reason;
    if (!m_fitted || userRow < 0 || userRow >= m_train.users() || item < 0 || item >= m_train.items())
        return reason;
    reason.popularity = static_cast<int>(m_train.colSize(item));
    explainItem(userRow, item, reason);
    if (reason.users.empty() && reason.items.empty() && reason.terms.empty())
        reason.kind = RecommendationReason::Kind::Popular;
    return reason;
}

std::vector<double> Recommender::scores(int userRow) const
{
    if (!m_fitted || userRow < 0 || userRow >= m_train.users())
        return {};
    std::vector<double> out(static_cast<std::size_t>(m_train.items()), 0.0);
    scoreItems(userRow, out);
    return out;
}

std::vector<ScoredItem> Recommender::recommend(int userRow, int k, bool excludeSeen) const
{
    const std::vector<double> all = scores(userRow);
    if (all.empty() || k <= 0)
        return {};
    std::vector<ScoredItem> candidates;
    candidates.reserve(all.size());
    const auto &items = m_train.rowItems();
    std::size_t seen = m_train.rowBegin(userRow);
    const std::size_t seenEnd = m_train.rowEnd(userRow);
    for (int col = 0; col < static_cast<int>(all.size()); ++col) {
        // The user's items are sorted by column: walk them alongside.
        while (seen < seenEnd && items[seen] < col)
            ++seen;
        if (excludeSeen && seen < seenEnd && items[seen] == col)
            continue;
        const double score = all[static_cast<std::size_t>(col)];
        // A NaN would break the ordering below; it ranks last instead.
        candidates.push_back({col, std::isnan(score) ? -std::numeric_limits<double>::infinity() : score});
    }
    const auto better = [](const ScoredItem &a, const ScoredItem &b) {
        return a.score > b.score || (a.score == b.score && a.item < b.item);
    };
    const std::size_t n = std::min(candidates.size(), static_cast<std::size_t>(k));
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(n), candidates.end(),
                      better);
    candidates.resize(n);
    return candidates;
}

} // namespace chorus
