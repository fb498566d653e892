#pragma once

#include "core/util/result.h"

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace chorus {

// How BLEU treats an n-gram order without a single match (which alone makes plain BLEU 0).
enum class BleuSmoothing {
    None,    // Papineni et al. 2002 as published: any zero precision gives BLEU 0
    Epsilon, // Chen & Cherry 2014 "method 1" (NLTK SmoothingFunction().method1): a zero match
             // count is replaced by epsilon (default 0.1), so p_n = epsilon / candidates_n
    AddOne,  // Lin & Och 2004, Chen & Cherry "method 2" (NLTK method2): orders 2..4 get one match
             // and one candidate added, p_n = (matches_n + 1) / (candidates_n + 1); unigrams unchanged
};

struct BleuOptions {
    BleuSmoothing smoothing = BleuSmoothing::None;
    double epsilon = 0.1; // for BleuSmoothing::Epsilon
};

struct BleuReport {
    static constexpr std::size_t kMaxOrder = 4;
    double bleu = 0.0;
    // Corpus sums per order n = 1..4 (index n-1): clipped n-gram matches and candidate n-grams.
    std::array<std::int64_t, kMaxOrder> matches{};
    std::array<std::int64_t, kMaxOrder> candidates{};
    // The precisions actually combined (after smoothing).
    std::array<double, kMaxOrder> precisions{};
    double brevityPenalty = 0.0;
    std::int64_t hypothesisLength = 0; // c: total hypothesis tokens
    std::int64_t referenceLength = 0;  // r: sum of each hypothesis's closest reference length

    nlohmann::json toJson() const;
};

struct RougeReport {
    double beta = 1.0;
    // Means over the pairs.
    double precision = 0.0;
    double recall = 0.0;
    double f = 0.0;
    std::size_t pairs = 0;

    nlohmann::json toJson() const;
};

// Metrics of generated sequences (captions, replies, translations) against references, over token
// ids or string tokens. Tokenisation is the caller's: the metrics compare tokens exactly.
class SequenceMetrics {
public:
    using Tokens = std::vector<std::string>;
    using TokenIds = std::vector<std::int64_t>;

    // Corpus BLEU-4 (Papineni et al. 2002), as NLTK's corpus_bleu with uniform weights:
    // - p_n = sum over hypotheses of clipped n-gram matches / sum of the hypotheses' n-gram counts,
    //   where a hypothesis n-gram's count is clipped to its largest count in any one reference;
    //   a zero candidate count is taken as 1 (p_n = 0/1) so the ratio stays defined;
    // - BLEU = BP * exp(mean over n of log p_n), 0 when no unigram matches at all, and without
    //   smoothing 0 when any p_n is 0;
    // - BP = 1 if c > r else exp(1 - r/c) (0 when c = 0), with r the sum over hypotheses of the
    //   reference length closest to the hypothesis length (the shorter one on a tie).
    // Corpus level means the counts are summed before dividing; it is not a mean of sentence BLEUs.
    // references[i] holds one or more references for hypotheses[i].
    static Result<BleuReport> corpusBleu(const std::vector<Tokens> &hypotheses,
                                         const std::vector<std::vector<Tokens>> &references,
                                         const BleuOptions &options = {});
    static Result<BleuReport> corpusBleu(const std::vector<TokenIds> &hypotheses,
                                         const std::vector<std::vector<TokenIds>> &references,
                                         const BleuOptions &options = {});

    // ROUGE-L (Lin 2004) from the longest common subsequence L of a hypothesis and a reference:
    // P = L/|hypothesis|, R = L/|reference|, F = (1 + beta²) P R / (R + beta² P).
    // beta = 1 (the default) weighs P and R equally, as Google's rouge-score and ROUGE-1.5.5's
    // default alpha = 0.5 do; a larger beta favours recall. With several references a pair scores
    // with its best-F reference. A pair where either side is empty scores 0 (as rouge-score does).
    // The report holds the means over the pairs.
    static Result<RougeReport> rougeL(const std::vector<Tokens> &hypotheses,
                                      const std::vector<std::vector<Tokens>> &references, double beta = 1.0);
    static Result<RougeReport> rougeL(const std::vector<TokenIds> &hypotheses,
                                      const std::vector<std::vector<TokenIds>> &references, double beta = 1.0);

    // Length of the longest common subsequence (not necessarily contiguous).
    static std::size_t longestCommonSubsequence(const Tokens &a, const Tokens &b);
    static std::size_t longestCommonSubsequence(const TokenIds &a, const TokenIds &b);

    // exp(total negative log-likelihood (natural log) / token count): the model's average
    // branching factor. The NLL is summed over the same tokens that are counted.
    static Result<double> perplexity(double totalNegativeLogLikelihood, std::int64_t tokenCount);
};

} // namespace chorus
