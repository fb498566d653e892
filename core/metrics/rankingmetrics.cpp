#include "core/metrics/rankingmetrics.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_set>

namespace chorus {

namespace {

using ItemSet = std::unordered_set<std::int64_t>;

ItemSet relevantSet(const UserRanking &user)
{
    return ItemSet(user.relevant.begin(), user.relevant.end());
}

std::size_t cutoff(const UserRanking &user, std::size_t k)
{
    return std::min(k, user.ranked.size());
}

std::size_t hits(const UserRanking &user, const ItemSet &relevant, std::size_t k)
{
    std::size_t count = 0;
    for (std::size_t i = 0; i < cutoff(user, k); ++i)
        count += relevant.count(user.ranked[i]);
    return count;
}

// Discount of 1-based rank `rank`.
double discount(std::size_t rank)
{
    return 1.0 / std::log2(double(rank) + 1.0);
}

} // namespace

double RankingMetrics::recallAtK(const UserRanking &user, std::size_t k)
{
    const ItemSet relevant = relevantSet(user);
    if (relevant.empty())
        return 0.0;
    return double(hits(user, relevant, k)) / double(relevant.size());
}

double RankingMetrics::precisionAtK(const UserRanking &user, std::size_t k)
{
    if (k == 0)
        return 0.0;
    return double(hits(user, relevantSet(user), k)) / double(k);
}

double RankingMetrics::hitAtK(const UserRanking &user, std::size_t k)
{
    return hits(user, relevantSet(user), k) > 0 ? 1.0 : 0.0;
}

double RankingMetrics::ndcgAtK(const UserRanking &user, std::size_t k)
{
    const ItemSet relevant = relevantSet(user);
    const std::size_t idealHits = std::min(k, relevant.size());
    if (idealHits == 0)
        return 0.0;
    double dcg = 0.0;
    for (std::size_t i = 0; i < cutoff(user, k); ++i) {
        if (relevant.count(user.ranked[i]))
            dcg += discount(i + 1);
    }
    double idealDcg = 0.0;
    for (std::size_t rank = 1; rank <= idealHits; ++rank)
        idealDcg += discount(rank);
    return dcg / idealDcg;
}

double RankingMetrics::averagePrecisionAtK(const UserRanking &user, std::size_t k)
{
    const ItemSet relevant = relevantSet(user);
    const std::size_t normaliser = std::min(k, relevant.size());
    if (normaliser == 0)
        return 0.0;
    double sum = 0.0;
    std::size_t found = 0;
    for (std::size_t i = 0; i < cutoff(user, k); ++i) {
        if (relevant.count(user.ranked[i])) {
            ++found;
            sum += double(found) / double(i + 1);
        }
    }
    return sum / double(normaliser);
}

Result<RankingReport> RankingMetrics::evaluate(const std::vector<UserRanking> &users, std::size_t k,
                                               std::size_t catalogueSize)
{
    if (users.empty())
        return Error{"there are no users to evaluate"};
    if (k == 0)
        return Error{"K must be at least 1"};
    if (catalogueSize == 0)
        return Error{"the catalogue size must be at least 1"};

    RankingReport report;
    report.k = k;
    report.catalogueSize = catalogueSize;
    ItemSet recommended;
    for (std::size_t u = 0; u < users.size(); ++u) {
        const UserRanking &user = users[u];
        ItemSet seen;
        for (std::int64_t item : user.ranked) {
            if (!seen.insert(item).second)
                return Error{"users[" + std::to_string(u) + "]: item " + std::to_string(item)
                             + " appears twice in the ranked list"};
        }
        for (std::size_t i = 0; i < cutoff(user, k); ++i)
            recommended.insert(user.ranked[i]);

        if (user.relevant.empty()) {
            ++report.usersSkipped;
            continue;
        }
        ++report.usersEvaluated;
        report.recall += recallAtK(user, k);
        report.precision += precisionAtK(user, k);
        report.ndcg += ndcgAtK(user, k);
        report.map += averagePrecisionAtK(user, k);
        report.hitRate += hitAtK(user, k);
    }
    report.distinctRecommended = recommended.size();
    if (report.distinctRecommended > catalogueSize)
        return Error{"the top " + std::to_string(k) + " lists hold " + std::to_string(report.distinctRecommended)
                     + " distinct items but the catalogue has only " + std::to_string(catalogueSize)};
    if (report.usersEvaluated == 0)
        return Error{"none of the " + std::to_string(users.size()) + " users has a relevant item"};

    const double evaluated = double(report.usersEvaluated);
    report.recall /= evaluated;
    report.precision /= evaluated;
    report.ndcg /= evaluated;
    report.map /= evaluated;
    report.hitRate /= evaluated;
    report.coverage = double(report.distinctRecommended) / double(catalogueSize);
    return report;
}

nlohmann::json RankingReport::toJson() const
{
    return {{"k", k},
            {"recall", recall},
            {"precision", precision},
            {"ndcg", ndcg},
            {"map", map},
            {"hit_rate", hitRate},
            {"coverage", coverage},
            {"users_evaluated", usersEvaluated},
            {"users_skipped", usersSkipped},
            {"distinct_recommended", distinctRecommended},
            {"catalogue_size", catalogueSize}};
}

} // namespace chorus
