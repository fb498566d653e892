#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace chorus {

class TopicCorpus;

// The terms that describe one topic, best first.
struct TopicTerms {
    std::vector<std::uint32_t> terms; // corpus term ids
    std::vector<double> weights;
};

// Class-based TF-IDF (Grootendorst 2022, BERTopic): all posts of a topic are one document;
// a term weighs its frequency in the topic (L1-normalised by the topic's length) times
// log(1 + A / f), with A the average number of terms per topic and f the term's frequency over
// all topics. Terms that every topic uses fall to the bottom without a stop-word list.
class ClassTfIdf {
public:
    // assignments: topic per post of the corpus (-1 = none, ignored). Returns `topics` entries
    // with at most topN terms each (fewer for topics with fewer distinct terms); ties by term id.
    static std::vector<TopicTerms> topTerms(const TopicCorpus &corpus, const std::vector<int> &assignments,
                                            std::size_t topics, std::size_t topN = 10);

    // "election_vote_poll": the first `count` terms joined by '_', '#' of hashtags dropped.
    static std::string label(const std::vector<std::string> &terms, std::size_t count = 3);
};

} // namespace chorus
