#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace chorus {

class TopicCorpus;

// Topic coherence as the mean normalised pointwise mutual information (Bouma 2009; Röder et al.
// 2015) over all pairs of a topic's top terms, with posts as the co-occurrence window:
//   NPMI(a, b) = log(p(a, b) / (p(a) p(b))) / -log p(a, b),  p = share of posts containing them.
// It is 1 for terms that always appear together, 0 for independent ones and -1 for terms that
// never share a post. Measured on the project's own posts, so no reference corpus is needed.
// Keeps an inverted index (one sorted post list per term): memory of the sparse matrix again.
class TopicCoherence {
public:
    explicit TopicCoherence(const TopicCorpus &corpus);

    double pairNpmi(std::uint32_t a, std::uint32_t b) const;
    // Mean over pairs; 0 for fewer than two terms.
    double npmi(const std::vector<std::uint32_t> &terms) const;

private:
    std::vector<std::vector<std::uint32_t>> m_postings;
    double m_posts = 0;
};

} // namespace chorus
