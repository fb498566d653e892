#pragma once

#include "core/embeddings/embeddingsnapshot.h"
#include "core/recommend/mfrecommender.h"

#include <cstdint>
#include <vector>

namespace chorus {

class InteractionMatrix;
class RecommenderModel;

// The projector's user and item factors per ALS iteration. capture() is the factor model's
// iteration observer: it copies the factors of the most active users and the most popular items
// (EmbeddingSnapshot::kMaxRows of each, the same rows every iteration); snapshots() labels them
// like the run's final projector tables (user id with name and item count; item key with title
// and user count) once the fitted model knows the users' names. Copies are floats, so 15
// iterations of 2 x 2,000 rows of 64 factors hold 15 MB.
class FactorSnapshotter {
public:
    explicit FactorSnapshotter(const InteractionMatrix &matrix);

    void capture(int iteration, const MfRecommender &model);
    MfRecommender::IterationObserver observer();

    // Two snapshots per captured iteration (users, then items); `model` is the fitted model whose
    // matrix the rows index.
    std::vector<EmbeddingSnapshot> snapshots(const RecommenderModel &model) const;

private:
    struct Iteration {
        int iteration = 0;
        std::size_t factors = 0;
        std::vector<float> users; // m_userRows.size() x factors
        std::vector<float> items; // m_itemRows.size() x factors
    };

    std::vector<int> m_userRows;
    std::vector<int> m_itemRows;
    std::vector<Iteration> m_iterations;
};

} // namespace chorus
