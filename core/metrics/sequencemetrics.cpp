#include "core/metrics/sequencemetrics.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

namespace chorus {

namespace {

template <typename Token>
using NgramCounts = std::map<std::vector<Token>, std::int64_t>;

template <typename Token>
NgramCounts<Token> countNgrams(const std::vector<Token> &tokens, std::size_t order)
{
    NgramCounts<Token> counts;
    for (std::size_t start = 0; start + order <= tokens.size(); ++start)
        ++counts[std::vector<Token>(tokens.begin() + std::ptrdiff_t(start),
                                    tokens.begin() + std::ptrdiff_t(start + order))];
    return counts;
}

template <typename Sequence>
Status checkPairs(const std::vector<Sequence> &hypotheses, const std::vector<std::vector<Sequence>> &references)
{
    if (references.size() != hypotheses.size())
        return Error{"there are " + std::to_string(references.size()) + " reference sets for "
                     + std::to_string(hypotheses.size()) + " hypotheses"};
    if (hypotheses.empty())
        return Error{"there are no hypotheses to evaluate"};
    for (std::size_t i = 0; i < references.size(); ++i) {
        if (references[i].empty())
            return Error{"hypothesis " + std::to_string(i) + " has no reference"};
    }
    return Status::success();
}

// The reference length closest to the hypothesis length; the shorter one on a tie.
template <typename Sequence>
std::int64_t closestReferenceLength(std::size_t hypothesisLength, const std::vector<Sequence> &references)
{
    const std::int64_t length = std::int64_t(hypothesisLength);
    std::int64_t best = std::int64_t(references.front().size());
    for (const Sequence &reference : references) {
        const std::int64_t candidate = std::int64_t(reference.size());
        const std::int64_t distance = std::llabs(candidate - length);
        const std::int64_t bestDistance = std::llabs(best - length);
        if (distance < bestDistance || (distance == bestDistance && candidate < best))
            best = candidate;
    }
    return best;
}

template <typename Token>
Result<BleuReport> bleu(const std::vector<std::vector<Token>> &hypotheses,
                        const std::vector<std::vector<std::vector<Token>>> &references, const BleuOptions &options)
{
    if (Status status = checkPairs(hypotheses, references); !status)
        return status.error();
    if (options.smoothing == BleuSmoothing::Epsilon && !(options.epsilon > 0.0 && std::isfinite(options.epsilon)))
        return Error{"the BLEU smoothing epsilon must be a positive number"};

    BleuReport report;
    for (std::size_t i = 0; i < hypotheses.size(); ++i) {
        const std::vector<Token> &hypothesis = hypotheses[i];
        report.hypothesisLength += std::int64_t(hypothesis.size());
        report.referenceLength += closestReferenceLength(hypothesis.size(), references[i]);
        for (std::size_t order = 1; order <= BleuReport::kMaxOrder; ++order) {
            const NgramCounts<Token> hypothesisCounts = countNgrams(hypothesis, order);
            if (hypothesisCounts.empty())
                continue;
            // The most times each hypothesis n-gram occurs in any single reference.
            NgramCounts<Token> clip;
            for (const std::vector<Token> &reference : references[i]) {
                const NgramCounts<Token> referenceCounts = countNgrams(reference, order);
                for (const auto &[ngram, count] : hypothesisCounts) {
                    (void)count;
                    auto found = referenceCounts.find(ngram);
                    if (found != referenceCounts.end())
                        clip[ngram] = std::max(clip[ngram], found->second);
                }
            }
            for (const auto &[ngram, count] : hypothesisCounts) {
                report.candidates[order - 1] += count;
                auto found = clip.find(ngram);
                if (found != clip.end())
                    report.matches[order - 1] += std::min(count, found->second);
            }
        }
    }

    const double c = double(report.hypothesisLength);
    const double r = double(report.referenceLength);
    if (report.hypothesisLength == 0)
        report.brevityPenalty = 0.0;
    else
        report.brevityPenalty = c > r ? 1.0 : std::exp(1.0 - r / c);

    bool anyZero = false;
    double logSum = 0.0;
    for (std::size_t n = 0; n < BleuReport::kMaxOrder; ++n) {
        double matches = double(report.matches[n]);
        double candidates = double(std::max<std::int64_t>(1, report.candidates[n]));
        if (options.smoothing == BleuSmoothing::Epsilon && report.matches[n] == 0)
            matches = options.epsilon;
        else if (options.smoothing == BleuSmoothing::AddOne && n > 0) {
            matches += 1.0;
            candidates += 1.0;
        }
        report.precisions[n] = matches / candidates;
        if (report.precisions[n] == 0.0)
            anyZero = true;
        else
            logSum += std::log(report.precisions[n]);
    }
    if (report.matches[0] == 0 || anyZero)
        report.bleu = 0.0;
    else
        report.bleu = report.brevityPenalty * std::exp(logSum / double(BleuReport::kMaxOrder));
    return report;
}

template <typename Token>
std::size_t lcsLength(const std::vector<Token> &a, const std::vector<Token> &b)
{
    // Two rows of the classic dynamic programme: O(|a| |b|) time, O(|b|) memory.
    std::vector<std::size_t> previous(b.size() + 1, 0);
    std::vector<std::size_t> current(b.size() + 1, 0);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            if (a[i - 1] == b[j - 1])
                current[j] = previous[j - 1] + 1;
            else
                current[j] = std::max(previous[j], current[j - 1]);
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

template <typename Token>
Result<RougeReport> rouge(const std::vector<std::vector<Token>> &hypotheses,
                          const std::vector<std::vector<std::vector<Token>>> &references, double beta)
{
    if (Status status = checkPairs(hypotheses, references); !status)
        return status.error();
    if (!(beta > 0.0 && std::isfinite(beta)))
        return Error{"the ROUGE-L beta must be a positive number"};

    const double beta2 = beta * beta;
    RougeReport report;
    report.beta = beta;
    report.pairs = hypotheses.size();
    for (std::size_t i = 0; i < hypotheses.size(); ++i) {
        double bestP = 0.0;
        double bestR = 0.0;
        double bestF = -1.0;
        for (const std::vector<Token> &reference : references[i]) {
            double p = 0.0;
            double r = 0.0;
            double f = 0.0;
            if (!hypotheses[i].empty() && !reference.empty()) {
                const double common = double(lcsLength(hypotheses[i], reference));
                p = common / double(hypotheses[i].size());
                r = common / double(reference.size());
                if (common > 0.0)
                    f = (1.0 + beta2) * p * r / (r + beta2 * p);
            }
            if (f > bestF) {
                bestP = p;
                bestR = r;
                bestF = f;
            }
        }
        report.precision += bestP;
        report.recall += bestR;
        report.f += bestF;
    }
    const double pairs = double(report.pairs);
    report.precision /= pairs;
    report.recall /= pairs;
    report.f /= pairs;
    return report;
}

} // namespace

Result<BleuReport> SequenceMetrics::corpusBleu(const std::vector<Tokens> &hypotheses,
                                               const std::vector<std::vector<Tokens>> &references,
                                               const BleuOptions &options)
{
    return bleu(hypotheses, references, options);
}

Result<BleuReport> SequenceMetrics::corpusBleu(const std::vector<TokenIds> &hypotheses,
                                               const std::vector<std::vector<TokenIds>> &references,
                                               const BleuOptions &options)
{
    return bleu(hypotheses, references, options);
}

Result<RougeReport> SequenceMetrics::rougeL(const std::vector<Tokens> &hypotheses,
                                            const std::vector<std::vector<Tokens>> &references, double beta)
{
    return rouge(hypotheses, references, beta);
}

Result<RougeReport> SequenceMetrics::rougeL(const std::vector<TokenIds> &hypotheses,
                                            const std::vector<std::vector<TokenIds>> &references, double beta)
{
    return rouge(hypotheses, references, beta);
}

std::size_t SequenceMetrics::longestCommonSubsequence(const Tokens &a, const Tokens &b)
{
    return lcsLength(a, b);
}

std::size_t SequenceMetrics::longestCommonSubsequence(const TokenIds &a, const TokenIds &b)
{
    return lcsLength(a, b);
}

Result<double> SequenceMetrics::perplexity(double totalNegativeLogLikelihood, std::int64_t tokenCount)
{
    if (tokenCount <= 0)
        return Error{"perplexity needs at least one token (got a token count of " + std::to_string(tokenCount) + ")"};
    if (!std::isfinite(totalNegativeLogLikelihood) || totalNegativeLogLikelihood < 0.0)
        return Error{"the summed negative log-likelihood must be a finite number >= 0"};
    const double value = std::exp(totalNegativeLogLikelihood / double(tokenCount));
    if (!std::isfinite(value))
        return Error{"the perplexity overflows a double (mean negative log-likelihood above ~709 nats per token)"};
    return value;
}

nlohmann::json BleuReport::toJson() const
{
    return {{"bleu", bleu},
            {"matches", matches},
            {"candidates", candidates},
            {"precisions", precisions},
            {"brevity_penalty", brevityPenalty},
            {"hypothesis_length", hypothesisLength},
            {"reference_length", referenceLength}};
}

nlohmann::json RougeReport::toJson() const
{
    return {{"beta", beta}, {"precision", precision}, {"recall", recall}, {"f", f}, {"pairs", pairs}};
}

} // namespace chorus
