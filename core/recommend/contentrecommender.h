#pragma once

#include "core/recommend/recommender.h"
#include "core/text/tokenizer.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace chorus {

class Project;

// Content-based recommendations from the items' text: each item is a TF-IDF vector (term
// count times smoothed idf, ln((1 + n) / (1 + df)) + 1, over the items of the fitted matrix,
// L2-normalised); a user's profile is the mean of the vectors of the items they interacted with;
// an item's score is the cosine between profile and item. Unlike collaborative filtering it
// can rank items nobody has touched yet, as long as they have text.
class ContentRecommender : public Recommender {
public:
    // itemTexts: item key -> text. Items of the matrix without text score 0.
    explicit ContentRecommender(std::unordered_map<std::string, std::string> itemTexts);
    std::string name() const override { return "content-tfidf"; }

    // The text of every item of a dataset (table items): its title and its extras' "topic",
    // keyed by source id (the key interactions use).
    static Result<std::unordered_map<std::string, std::string>> loadItemTexts(Project &project,
                                                                                std::int64_t datasetId);

    int vocabularySize() const { return static_cast<int>(m_terms.size()); }

protected:
    Status fitModel(const InteractionMatrix &interactions) override;
    void scoreItems(int userRow, std::vector<double> &out) const override;
    void explainItem(int userRow, int item, RecommendationReason &reason) const override;

private:
    using SparseVector = std::vector<std::pair<int, double>>; // (term, value) sorted by term

    std::unordered_map<std::string, std::string> m_itemTexts;
    SocialTokenizer m_tokenizer;
    std::unordered_map<std::string, int> m_terms;
    std::vector<std::string> m_termNames; // by term number
    std::vector<SparseVector> m_itemVectors; // per item column
};

} // namespace chorus
