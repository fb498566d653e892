#include "core/analytics/topiccoherence.h"

#include "core/analytics/topiccorpus.h"

#include <algorithm>
#include <cmath>

namespace chorus {

TopicCoherence::TopicCoherence(const TopicCorpus &corpus)
    : m_postings(corpus.termCount()), m_posts(static_cast<double>(corpus.size()))
{
    for (std::size_t i = 0; i < corpus.size(); ++i)
        for (std::uint32_t term : corpus.documents()[i].terms)
            m_postings[term].push_back(static_cast<std::uint32_t>(i));
}

double TopicCoherence::pairNpmi(std::uint32_t a, std::uint32_t b) const
{
    if (a >= m_postings.size() || b >= m_postings.size() || m_posts <= 0)
        return -1.0;
    const auto &pa = m_postings[a];
    const auto &pb = m_postings[b];
    std::size_t both = 0;
    for (std::size_t i = 0, j = 0; i < pa.size() && j < pb.size();) {
        if (pa[i] < pb[j]) {
            ++i;
        } else if (pb[j] < pa[i]) {
            ++j;
        } else {
            ++both;
            ++i;
            ++j;
        }
    }
    if (both == 0)
        return -1.0;
    const double pab = static_cast<double>(both) / m_posts;
    if (pab >= 1.0)
        return 1.0;
    const double pA = static_cast<double>(pa.size()) / m_posts;
    const double pB = static_cast<double>(pb.size()) / m_posts;
    return std::log(pab / (pA * pB)) / -std::log(pab);
}

double TopicCoherence::npmi(const std::vector<std::uint32_t> &terms) const
{
    double sum = 0;
    std::size_t pairs = 0;
    for (std::size_t i = 0; i < terms.size(); ++i)
        for (std::size_t j = i + 1; j < terms.size(); ++j) {
            sum += pairNpmi(terms[i], terms[j]);
            ++pairs;
        }
    return pairs ? sum / static_cast<double>(pairs) : 0.0;
}

} // namespace chorus
