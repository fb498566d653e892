#pragma once

#include "core/recommend/interactionmatrix.h"
#include "core/util/result.h"

#include <string>
#include <vector>

namespace chorus {

struct ScoredItem {
    int item = 0; // column of the fitted matrix
    double score = 0.0;
};

// A recommender over an implicit-feedback matrix: fit once, then rank the items for a user row.
// Non-virtual interface: fit() and recommend() do the common work (keeping the training matrix,
// excluding seen items, ordering) and call the model's own fitModel() and scoreItems().
class Recommender {
public:
    virtual ~Recommender() = default;

    virtual std::string name() const = 0;

    // Learns from the matrix (copied: the recommender needs the users' histories later).
    // An error when the matrix is unusable for this model; the recommender is then unfitted.
    Status fit(const InteractionMatrix &interactions);
    bool fitted() const { return m_fitted; }
    const InteractionMatrix &trainingMatrix() const { return m_train; }

    // The k best items for a user row, best first; equal scores in column order. Empty for a
    // row outside the fitted matrix or an unfitted recommender.
    std::vector<ScoredItem> recommend(int userRow, int k, bool excludeSeen = true) const;

    // One score per item column for a user row (higher is better); empty when the row is
    // outside the fitted matrix. Hybrids combine these.
    std::vector<double> scores(int userRow) const;

protected:
    virtual Status fitModel(const InteractionMatrix &interactions) = 0;
    // Fills out (already sized to the number of items, all zero) with the user's scores.
    virtual void scoreItems(int userRow, std::vector<double> &out) const = 0;

private:
    InteractionMatrix m_train;
    bool m_fitted = false;
};

} // namespace chorus
