#pragma once

#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace chorus {

// One discovered topic as a person reads it.
struct TopicDescription {
    int id = 0;                 // 0 is the largest topic
    std::string label;          // "election_vote_poll": the top three terms, unique within a model
    std::int64_t size = 0;      // posts assigned to it
    std::vector<std::string> terms;   // best first
    std::vector<double> weights;      // c-TF-IDF weight or p(term | topic), one per term
    double coherence = 0;             // NPMI of the top terms over the project's posts
    std::vector<std::int64_t> representativePosts; // post ids closest to the topic's centre
};

// What topic discovery found in one dataset: the topics, and the topic of every post.
struct TopicModelResult {
    std::string dataset;
    std::int64_t datasetId = 0;
    std::string method;    // kmeans | density | lda
    std::string embedding; // lsa | vectors | none (lda)
    std::string task;      // the label task the topics are stored as
    std::uint64_t seed = 0;
    std::vector<TopicDescription> topics;
    std::vector<std::int64_t> postIds; // every post of the corpus
    std::vector<int> assignments;      // topic id per post, -1 for outliers and empty posts
    std::int64_t outliers = 0;
    double meanCoherence = 0;          // over topics with at least two terms
    nlohmann::json details = nlohmann::json::object(); // method specifics: chosen k, silhouettes, epsilon ...

    // "outlier" for -1 and unknown ids.
    std::string labelOf(int topic) const;
    // Everything but the per-post assignments, which live in the labels table.
    nlohmann::json toJson() const;
    static Result<TopicModelResult> fromJson(const nlohmann::json &json);
};

} // namespace chorus
