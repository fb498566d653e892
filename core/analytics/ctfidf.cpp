#include "core/analytics/ctfidf.h"

#include "core/analytics/topiccorpus.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace chorus {

std::vector<TopicTerms> ClassTfIdf::topTerms(const TopicCorpus &corpus, const std::vector<int> &assignments,
                                             std::size_t topics, std::size_t topN)
{
    const std::size_t terms = corpus.termCount();
    std::vector<std::vector<double>> frequency(topics, std::vector<double>(terms, 0.0));
    std::vector<double> topicLength(topics, 0.0);
    std::vector<double> overall(terms, 0.0);
    const std::size_t n = std::min(assignments.size(), corpus.size());
    for (std::size_t i = 0; i < n; ++i) {
        const int topic = assignments[i];
        if (topic < 0 || static_cast<std::size_t>(topic) >= topics)
            continue;
        const CorpusDocument &doc = corpus.documents()[i];
        for (std::size_t j = 0; j < doc.terms.size(); ++j) {
            frequency[static_cast<std::size_t>(topic)][doc.terms[j]] += doc.counts[j];
            topicLength[static_cast<std::size_t>(topic)] += doc.counts[j];
            overall[doc.terms[j]] += doc.counts[j];
        }
    }
    double nonEmpty = 0;
    double totalLength = 0;
    for (double length : topicLength) {
        nonEmpty += length > 0;
        totalLength += length;
    }
    const double average = nonEmpty > 0 ? totalLength / nonEmpty : 0.0;

    std::vector<TopicTerms> result(topics);
    std::vector<std::uint32_t> order(terms);
    for (std::size_t t = 0; t < topics; ++t) {
        if (topicLength[t] <= 0)
            continue;
        std::vector<double> weight(terms, 0.0);
        for (std::size_t w = 0; w < terms; ++w)
            if (frequency[t][w] > 0)
                weight[w] = frequency[t][w] / topicLength[t] * std::log(1.0 + average / overall[w]);
        std::iota(order.begin(), order.end(), 0u);
        const std::size_t keep = std::min(topN, terms);
        std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(),
                          [&](std::uint32_t a, std::uint32_t b) { return weight[a] != weight[b] ? weight[a] > weight[b] : a < b; });
        for (std::size_t r = 0; r < keep && weight[order[r]] > 0; ++r) {
            result[t].terms.push_back(order[r]);
            result[t].weights.push_back(weight[order[r]]);
        }
    }
    return result;
}

std::string ClassTfIdf::label(const std::vector<std::string> &terms, std::size_t count)
{
    std::string out;
    for (std::size_t i = 0; i < terms.size() && i < count; ++i) {
        std::string term = terms[i];
        if (!term.empty() && term[0] == '#')
            term.erase(0, 1);
        if (term.empty())
            continue;
        if (!out.empty())
            out += '_';
        out += term;
    }
    return out;
}

} // namespace chorus
