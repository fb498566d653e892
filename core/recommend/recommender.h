#pragma once

#include "core/recommend/interactionmatrix.h"
#include "core/util/result.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace chorus {

struct ScoredItem {
    int item = 0; // column of the fitted matrix
    double score = 0.0;
};

// How many users, items or terms a reason names at most.
constexpr std::size_t kReasonEvidence = 3;

// Why an item was recommended to a user, in the model's own terms: the evidence its score was
// built from, strongest first. Views turn it into words with user names and item titles.
struct RecommendationReason {
    enum class Kind {
        SimilarUsers, // users whose histories resemble this user's have the item
        SimilarItems, // the item resembles items the user interacted with
        SharedTerms,  // the item's text shares terms with the texts of the user's items
        Popular,      // nothing personal: many users interacted with it
    };
    Kind kind = Kind::Popular;
    std::vector<std::int64_t> users; // SimilarUsers: user ids
    std::vector<int> items;          // SimilarItems: item columns from the user's history
    std::vector<std::string> terms;  // SharedTerms
    int popularity = 0;              // distinct users of the item in the training matrix (always set)

    static const char *kindName(Kind kind); // "similar_users", "similar_items", "shared_terms", "popular"
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

    // The evidence behind a user's score for an item. A model with no evidence of its own for
    // this pair (no neighbour has the item, no shared term) says "popular", as does a row or
    // column outside the fitted matrix.
    RecommendationReason explain(int userRow, int item) const;

protected:
    virtual Status fitModel(const InteractionMatrix &interactions) = 0;
    // Fills out (already sized to the number of items, all zero) with the user's scores.
    virtual void scoreItems(int userRow, std::vector<double> &out) const = 0;
    // Fills the model's evidence (kind and users, items or terms) for a valid row and column;
    // leaving all three lists empty means "popular". The default has no evidence.
    virtual void explainItem(int userRow, int item, RecommendationReason &reason) const;
    // For models restored from saved state rather than fitted: keeps the matrix and marks the
    // recommender fitted without calling fitModel().
    void adoptFitted(const InteractionMatrix &interactions);

private:
    InteractionMatrix m_train;
    bool m_fitted = false;
};

} // namespace chorus
