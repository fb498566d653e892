#pragma once

#include "core/recommend/interactionmatrix.h"
#include "core/util/result.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace chorus {

class Recommender;

struct RecommenderEvaluationOptions {
    int k = 10; // length of the recommendation lists
};

struct RecommenderScore {
    std::string name;
    double recall = 0.0;   // mean Recall@K over the evaluated users
    double ndcg = 0.0;     // mean NDCG@K
    double coverage = 0.0; // distinct items in all top-K lists / items in the matrix
    int users = 0;         // users evaluated
};

struct RecommenderEvaluationTable {
    int k = 10;
    int users = 0;         // users in the matrix
    int eligibleUsers = 0; // users with a held-out item
    int items = 0;
    std::size_t trainCells = 0;
    std::vector<RecommenderScore> rows; // popularity first, then the recommenders in the order given

    const RecommenderScore *find(const std::string &name) const;
    nlohmann::json toJson() const;
};

// Offline evaluation by leave-last-out: every recommender is fitted on everything but each
// user's latest item and asked for its top K unseen items; relevance is binary (the held-out
// item). NDCG@K uses the log2 discount 1 / log2(rank + 1) with ranks from 1 and the ideal DCG of
// min(K, |relevant|) hits. The popularity baseline is always evaluated (and fitted by this
// class unless one named "popularity" is among the recommenders), so every table says how much
// personalisation buys.
class RecommenderEvaluation {
public:
    explicit RecommenderEvaluation(RecommenderEvaluationOptions options = {});

    // Fits the recommenders (they stay fitted on the training part afterwards). An error when
    // K < 1, no user is eligible, or a recommender cannot be fitted.
    Result<RecommenderEvaluationTable> run(const InteractionMatrix &interactions,
                                           const std::vector<Recommender *> &recommenders) const;

private:
    RecommenderEvaluationOptions m_options;
};

} // namespace chorus
