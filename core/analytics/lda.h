#pragma once

#include "core/analytics/topiccorpus.h"
#include "core/util/result.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace chorus {

struct LdaOptions {
    std::size_t topics = 10;
    // Symmetric Dirichlet priors: alpha on each post's topic mixture, beta on each topic's words.
    // Small alpha suits short posts (one or two topics each). alpha <= 0 uses 50 / topics
    // (Griffiths and Steyvers 2004) capped at 1.
    double alpha = 0.1;
    double beta = 0.01;
    int iterations = 300;
    std::uint64_t seed = 1;
};

struct LdaResult {
    std::size_t topics = 0;
    std::size_t terms = 0;
    std::vector<double> topicTerm;     // topics x terms: p(term | topic), smoothed
    std::vector<double> documentTopic; // posts x topics: p(topic | post), smoothed
    std::vector<int> dominantTopic;    // per post; -1 for posts without a kept term
    std::vector<std::int64_t> topicSizes; // posts whose dominant topic it is

    // The topN terms most probable under the topic, best first (ties by term id).
    std::vector<std::uint32_t> topTerms(std::size_t topic, std::size_t topN) const;
};

// Latent Dirichlet allocation fitted by collapsed Gibbs sampling (Griffiths and Steyvers 2004):
// every token's topic is resampled in turn from its conditional given all others. Sequential and
// driven by DeterministicRandom, so a seed gives the same topics everywhere.
class LdaModel {
public:
    static Result<LdaResult> fit(const TopicCorpus &corpus, const LdaOptions &options,
                                 const TopicProgress &progress = {});
};

} // namespace chorus
