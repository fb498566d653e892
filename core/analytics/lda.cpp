#include "core/analytics/lda.h"

#include "core/util/deterministicrandom.h"

#include <algorithm>
#include <numeric>

namespace chorus {

std::vector<std::uint32_t> LdaResult::topTerms(std::size_t topic, std::size_t topN) const
{
    std::vector<std::uint32_t> order(terms);
    std::iota(order.begin(), order.end(), 0u);
    const double *p = topicTerm.data() + topic * terms;
    const std::size_t keep = std::min(topN, terms);
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(),
                      [p](std::uint32_t a, std::uint32_t b) { return p[a] != p[b] ? p[a] > p[b] : a < b; });
    order.resize(keep);
    return order;
}

Result<LdaResult> LdaModel::fit(const TopicCorpus &corpus, const LdaOptions &options, const TopicProgress &progress)
{
    const std::size_t k = options.topics;
    const std::size_t v = corpus.termCount();
    if (k < 2)
        return Error{"LDA: at least 2 topics are needed"};
    if (k > 65535)
        return Error{"LDA: at most 65535 topics"};
    if (v == 0)
        return Error{"LDA: the corpus has no terms left after filtering"};
    if (options.beta <= 0)
        return Error{"LDA: beta must be positive"};
    const double alpha = options.alpha > 0 ? options.alpha : std::min(1.0, 50.0 / static_cast<double>(k));
    const double beta = options.beta;
    const double vBeta = beta * static_cast<double>(v);
    const std::size_t n = corpus.size();

    // Tokens flattened post by post; docStart[i] is where post i begins.
    std::vector<std::uint32_t> words;
    std::vector<std::size_t> docStart(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const CorpusDocument &doc = corpus.documents()[i];
        for (std::size_t j = 0; j < doc.terms.size(); ++j)
            words.insert(words.end(), doc.counts[j], doc.terms[j]);
        docStart[i + 1] = words.size();
    }
    if (words.empty())
        return Error{"LDA: no post has a kept term"};

    std::vector<std::uint16_t> topicOf(words.size());
    std::vector<std::int32_t> docTopic(n * k, 0);
    std::vector<std::int32_t> topicWord(k * v, 0);
    std::vector<std::int64_t> topicTotal(k, 0);
    DeterministicRandom random(DeterministicRandom::derive(options.seed, 0x1da));
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t p = docStart[i]; p < docStart[i + 1]; ++p) {
            const std::size_t z = static_cast<std::size_t>(random.below(k));
            topicOf[p] = static_cast<std::uint16_t>(z);
            ++docTopic[i * k + z];
            ++topicWord[z * v + words[p]];
            ++topicTotal[z];
        }

    std::vector<double> cumulative(k);
    for (int iteration = 0; iteration < options.iterations; ++iteration) {
        if (progress && iteration % 10 == 0 &&
            !progress("sampling topics", static_cast<double>(iteration) / options.iterations))
            return Error{"LDA: cancelled"};
        for (std::size_t i = 0; i < n; ++i) {
            std::int32_t *dt = docTopic.data() + i * k;
            for (std::size_t p = docStart[i]; p < docStart[i + 1]; ++p) {
                const std::uint32_t w = words[p];
                std::size_t z = topicOf[p];
                --dt[z];
                --topicWord[z * v + w];
                --topicTotal[z];
                double sum = 0;
                for (std::size_t t = 0; t < k; ++t) {
                    sum += (dt[t] + alpha) * (topicWord[t * v + w] + beta) / (static_cast<double>(topicTotal[t]) + vBeta);
                    cumulative[t] = sum;
                }
                const double u = random.uniform() * sum;
                z = static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), u) - cumulative.begin());
                if (z >= k)
                    z = k - 1;
                topicOf[p] = static_cast<std::uint16_t>(z);
                ++dt[z];
                ++topicWord[z * v + w];
                ++topicTotal[z];
            }
        }
    }

    LdaResult result;
    result.topics = k;
    result.terms = v;
    result.topicTerm.resize(k * v);
    for (std::size_t t = 0; t < k; ++t)
        for (std::size_t w = 0; w < v; ++w)
            result.topicTerm[t * v + w] = (topicWord[t * v + w] + beta) / (static_cast<double>(topicTotal[t]) + vBeta);
    result.documentTopic.resize(n * k);
    result.dominantTopic.assign(n, -1);
    result.topicSizes.assign(k, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const double length = static_cast<double>(docStart[i + 1] - docStart[i]);
        std::size_t best = 0;
        for (std::size_t t = 0; t < k; ++t) {
            result.documentTopic[i * k + t] = (docTopic[i * k + t] + alpha) / (length + alpha * static_cast<double>(k));
            if (docTopic[i * k + t] > docTopic[i * k + best])
                best = t;
        }
        if (length > 0) {
            result.dominantTopic[i] = static_cast<int>(best);
            ++result.topicSizes[best];
        }
    }
    return result;
}

} // namespace chorus
