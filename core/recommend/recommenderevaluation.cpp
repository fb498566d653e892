#include "core/recommend/recommenderevaluation.h"

#include "core/recommend/leavelastout.h"
#include "core/recommend/popularityrecommender.h"
#include "core/recommend/recommender.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace chorus {

namespace {

// Recall@K and NDCG@K with binary relevance, kept private here on purpose so this folder does
// not depend on core/metrics while that is being written; the two should be unified there.
// ranked: item ids best first (only the first k count); relevant: sorted, distinct.
double recallAtK(const std::vector<int> &ranked, const std::vector<int> &relevant, int k)
{
    if (relevant.empty())
        return 0.0;
    const std::size_t n = std::min(ranked.size(), static_cast<std::size_t>(k));
    std::size_t hits = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (std::binary_search(relevant.begin(), relevant.end(), ranked[i]))
            ++hits;
    return static_cast<double>(hits) / static_cast<double>(relevant.size());
}

double ndcgAtK(const std::vector<int> &ranked, const std::vector<int> &relevant, int k)
{
    if (relevant.empty())
        return 0.0;
    const std::size_t n = std::min(ranked.size(), static_cast<std::size_t>(k));
    double dcg = 0.0;
    for (std::size_t i = 0; i < n; ++i)
        if (std::binary_search(relevant.begin(), relevant.end(), ranked[i]))
            dcg += 1.0 / std::log2(static_cast<double>(i) + 2.0);
    double ideal = 0.0;
    const std::size_t idealHits = std::min(relevant.size(), static_cast<std::size_t>(k));
    for (std::size_t i = 0; i < idealHits; ++i)
        ideal += 1.0 / std::log2(static_cast<double>(i) + 2.0);
    return dcg / ideal;
}

RecommenderScore evaluate(const Recommender &recommender, const LeaveLastOutSplit &split, int k)
{
    RecommenderScore score;
    score.name = recommender.name();
    std::vector<char> recommended(static_cast<std::size_t>(split.train.items()), 0);
    std::vector<int> ranked;
    for (int user = 0; user < split.train.users(); ++user) {
        const int held = split.testItem[static_cast<std::size_t>(user)];
        if (held < 0)
            continue;
        ranked.clear();
        for (const ScoredItem &item : recommender.recommend(user, k, true)) {
            ranked.push_back(item.item);
            recommended[static_cast<std::size_t>(item.item)] = 1;
        }
        const std::vector<int> relevant{held};
        score.recall += recallAtK(ranked, relevant, k);
        score.ndcg += ndcgAtK(ranked, relevant, k);
        ++score.users;
    }
    if (score.users > 0) {
        score.recall /= score.users;
        score.ndcg /= score.users;
    }
    if (split.train.items() > 0)
        score.coverage = static_cast<double>(std::count(recommended.begin(), recommended.end(), 1)) /
                         static_cast<double>(split.train.items());
    return score;
}

} // namespace

const RecommenderScore *RecommenderEvaluationTable::find(const std::string &name) const
{
    for (const RecommenderScore &row : rows)
        if (row.name == name)
            return &row;
    return nullptr;
}

nlohmann::json RecommenderEvaluationTable::toJson() const
{
    nlohmann::json json = {{"k", k},           {"users", users},           {"eligible_users", eligibleUsers},
                           {"items", items},   {"train_cells", trainCells}, {"split", "leave-last-out"}};
    nlohmann::json list = nlohmann::json::array();
    for (const RecommenderScore &row : rows)
        list.push_back({{"name", row.name},
                        {"recall_at_k", row.recall},
                        {"ndcg_at_k", row.ndcg},
                        {"coverage", row.coverage},
                        {"users", row.users}});
    json["recommenders"] = std::move(list);
    return json;
}

RecommenderEvaluation::RecommenderEvaluation(RecommenderEvaluationOptions options) : m_options(options) {}

Result<RecommenderEvaluationTable> RecommenderEvaluation::run(const InteractionMatrix &interactions,
                                                              const std::vector<Recommender *> &recommenders) const
{
    const int k = m_options.k;
    if (k < 1)
        return Error{"K must be at least 1"};
    const LeaveLastOutSplit split = LeaveLastOut::split(interactions);
    if (split.eligibleUsers == 0)
        return Error{"no user has two or more items, so nothing can be held out for evaluation"};

    RecommenderEvaluationTable table;
    table.k = k;
    table.users = interactions.users();
    table.eligibleUsers = split.eligibleUsers;
    table.items = interactions.items();
    table.trainCells = split.train.nonZeros();

    const bool hasPopularity = std::any_of(recommenders.begin(), recommenders.end(), [](const Recommender *r) {
        return r && r->name() == "popularity";
    });
    if (!hasPopularity) {
        PopularityRecommender popularity;
        if (Status s = popularity.fit(split.train); !s.ok())
            return s.error();
        table.rows.push_back(evaluate(popularity, split, k));
    }
    for (Recommender *recommender : recommenders) {
        if (!recommender)
            return Error{"a recommender to evaluate is missing"};
        if (Status s = recommender->fit(split.train); !s.ok())
            return s.error();
        table.rows.push_back(evaluate(*recommender, split, k));
    }
    // Popularity first, wherever the caller put it.
    std::stable_partition(table.rows.begin(), table.rows.end(),
                          [](const RecommenderScore &row) { return row.name == "popularity"; });
    return table;
}

} // namespace chorus
