#pragma once

#include "core/util/result.h"

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace chorus {

// One user's recommendations: items best first, and the items the user actually interacted with
// in the held-out data (order and repeats in `relevant` do not matter).
struct UserRanking {
    std::vector<std::int64_t> ranked;
    std::vector<std::int64_t> relevant;
};

// Top-K metrics, each the mean over the evaluated users.
struct RankingReport {
    std::size_t k = 0;
    double recall = 0.0;
    double precision = 0.0;
    double ndcg = 0.0;
    double map = 0.0;
    double hitRate = 0.0;
    double coverage = 0.0;
    std::size_t usersEvaluated = 0;
    std::size_t usersSkipped = 0; // users without relevant items: every metric is undefined for them
    std::size_t distinctRecommended = 0;
    std::size_t catalogueSize = 0;

    nlohmann::json toJson() const;
};

// Ranking metrics for recommenders, binary relevance. For one user with hits h = relevant items
// among the first K recommended (fewer when the list is shorter than K) and R relevant items:
// - Recall@K = h / R;
// - Precision@K = h / K (a list shorter than K is not rewarded for being short);
// - HitRate@K = 1 if h > 0 else 0;
// - NDCG@K = DCG / IDCG, DCG = sum over ranks i = 1..K holding a relevant item of 1 / log2(i + 1),
//   IDCG = sum over i = 1..min(K, R) of 1 / log2(i + 1) (all relevant items on top);
// - MAP@K: AP@K = (sum over ranks i <= K holding a relevant item of Precision@i) / min(K, R).
// Coverage = distinct items in all users' top K (skipped users included: they were still shown
// recommendations) / catalogue size.
class RankingMetrics {
public:
    // Errors: no users, K = 0, catalogue size 0, an item repeated in one ranked list, more distinct
    // recommended items than the catalogue holds, or no user with any relevant item.
    static Result<RankingReport> evaluate(const std::vector<UserRanking> &users, std::size_t k,
                                          std::size_t catalogueSize);

    // Per-user values. They do not validate: a user without relevant items gets 0, and a repeated
    // ranked item would count twice (evaluate() skips the one and rejects the other).
    static double recallAtK(const UserRanking &user, std::size_t k);
    static double precisionAtK(const UserRanking &user, std::size_t k);
    static double ndcgAtK(const UserRanking &user, std::size_t k);
    static double averagePrecisionAtK(const UserRanking &user, std::size_t k);
    static double hitAtK(const UserRanking &user, std::size_t k);
};

} // namespace chorus
