// Sequence metrics against values worked out by hand (arithmetic in the comments): corpus BLEU-4
// with clipping, brevity penalty, corpus-level sums and both smoothings; ROUGE-L; perplexity.
#include "core/metrics/sequencemetrics.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <array>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

using namespace chorus;

#define COMPARE_NEAR(actual, expected)                                                                            \
    QVERIFY2(std::fabs(double(actual) - double(expected)) < 1e-12,                                                 \
             qPrintable(QString("%1 = %2, expected %3").arg(#actual).arg(double(actual), 0, 'g', 17)              \
                            .arg(double(expected), 0, 'g', 17)))

namespace {

using Tokens = SequenceMetrics::Tokens;
using Counts = std::array<std::int64_t, 4>;

Tokens words(const std::string &text)
{
    std::istringstream stream(text);
    Tokens tokens;
    std::string token;
    while (stream >> token)
        tokens.push_back(token);
    return tokens;
}

} // namespace

class SequenceMetricsTest : public QObject {
    Q_OBJECT

private slots:
    void bleuPerfectMatch()
    {
        const Result<BleuReport> report =
            SequenceMetrics::corpusBleu({words("the cat is on the mat")}, {{words("the cat is on the mat")}});
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        QCOMPARE(report->bleu, 1.0);
        QCOMPARE(report->brevityPenalty, 1.0);
        QCOMPARE(report->matches, (Counts{6, 5, 4, 3}));
        QCOMPARE(report->candidates, (Counts{6, 5, 4, 3}));
    }

    void bleuNgramCountsAndSmoothing()
    {
        // hypothesis "the cat sat on the mat", reference "the cat is on the mat":
        // 1-grams: the x2, cat, on, mat match, "sat" not             -> 5 / 6
        // 2-grams: the cat, on the, the mat match; cat sat, sat on   -> 3 / 5
        // 3-grams: only "on the mat" matches                         -> 1 / 4
        // 4-grams: the cat sat on, cat sat on the, sat on the mat    -> 0 / 3
        // c = r = 6 -> BP = 1. A zero 4-gram precision makes plain BLEU 0.
        const std::vector<Tokens> hypotheses = {words("the cat sat on the mat")};
        const std::vector<std::vector<Tokens>> references = {{words("the cat is on the mat")}};
        const BleuReport plain = SequenceMetrics::corpusBleu(hypotheses, references).value();
        QCOMPARE(plain.matches, (Counts{5, 3, 1, 0}));
        QCOMPARE(plain.candidates, (Counts{6, 5, 4, 3}));
        QCOMPARE(plain.brevityPenalty, 1.0);
        QCOMPARE(plain.bleu, 0.0);

        // Epsilon (method 1): p4 = 0.1 / 3.
        // BLEU = (5/6 * 3/5 * 1/4 * 0.1/3)^(1/4) = (1/2 * 1/4 * 1/30)^(1/4) = (1/240)^(1/4) ~ 0.254066
        BleuOptions epsilon;
        epsilon.smoothing = BleuSmoothing::Epsilon;
        const BleuReport smoothed = SequenceMetrics::corpusBleu(hypotheses, references, epsilon).value();
        COMPARE_NEAR(smoothed.precisions[3], 0.1 / 3.0);
        COMPARE_NEAR(smoothed.bleu, std::pow(1.0 / 240.0, 0.25));

        // Add-one (method 2) on orders 2..4: p = 5/6, 4/6, 2/5, 1/4.
        // BLEU = (5*4*2*1 / (6*6*5*4))^(1/4) = (40/720)^(1/4) = (1/18)^(1/4) ~ 0.485492
        BleuOptions addOne;
        addOne.smoothing = BleuSmoothing::AddOne;
        const BleuReport added = SequenceMetrics::corpusBleu(hypotheses, references, addOne).value();
        COMPARE_NEAR(added.precisions[0], 5.0 / 6.0);
        COMPARE_NEAR(added.precisions[1], 4.0 / 6.0);
        COMPARE_NEAR(added.bleu, std::pow(1.0 / 18.0, 0.25));
    }

    void bleuClipsToTheReferenceCount()
    {
        // Papineni et al.'s example: "the" x7 against two references. "the" occurs at most twice
        // in one reference, so the modified unigram precision is 2/7; no bigram "the the" exists.
        // Closest reference length to 7 is 7 (lengths 6 and 7) -> BP = exp(1 - 7/7) = 1.
        const Result<BleuReport> report = SequenceMetrics::corpusBleu(
            {words("the the the the the the the")},
            {{words("the cat is on the mat"), words("there is a cat on the mat")}});
        QVERIFY(report.ok());
        QCOMPARE(report->matches[0], std::int64_t(2));
        QCOMPARE(report->candidates[0], std::int64_t(7));
        COMPARE_NEAR(report->precisions[0], 2.0 / 7.0);
        QCOMPARE(report->matches[1], std::int64_t(0));
        QCOMPARE(report->referenceLength, std::int64_t(7));
        QCOMPARE(report->brevityPenalty, 1.0);
        QCOMPARE(report->bleu, 0.0);
    }

    void bleuBrevityPenalty()
    {
        // "the cat is on" against "the cat is on the mat": every n-gram matches (4, 3, 2, 1),
        // c = 4 < r = 6 -> BP = exp(1 - 6/4) = exp(-0.5) ~ 0.606531, BLEU = BP * 1.
        const BleuReport report =
            SequenceMetrics::corpusBleu({words("the cat is on")}, {{words("the cat is on the mat")}}).value();
        QCOMPARE(report.matches, (Counts{4, 3, 2, 1}));
        QCOMPARE(report.hypothesisLength, std::int64_t(4));
        QCOMPARE(report.referenceLength, std::int64_t(6));
        COMPARE_NEAR(report.brevityPenalty, std::exp(-0.5));
        COMPARE_NEAR(report.bleu, std::exp(-0.5));
    }

    void bleuClosestReferenceLengthPrefersShorterOnTie()
    {
        // Hypothesis length 5, references 4 and 6 long: both 1 away, the shorter counts -> r = 4,
        // c = 5 > 4 -> BP = 1.
        const BleuReport report =
            SequenceMetrics::corpusBleu({words("a b c d e")}, {{words("a b c d x y"), words("a b c d")}}).value();
        QCOMPARE(report.referenceLength, std::int64_t(4));
        QCOMPARE(report.brevityPenalty, 1.0);
    }

    void bleuSumsCountsOverTheCorpus()
    {
        // Pair 1 is the perfect match: matches = candidates = 6, 5, 4, 3.
        // Pair 2 "a dog barks" against "the dog barks": 1-grams 2/3, 2-grams ("dog barks") 1/2,
        // 3-grams 0/1, no 4-grams.
        // Corpus: matches 8, 6, 4, 3 of 9, 7, 5, 3; c = r = 9 -> BP = 1.
        // BLEU = (8/9 * 6/7 * 4/5 * 3/3)^(1/4) = (576/945)^(1/4) ~ 0.883584
        // (a mean of sentence BLEUs would be (1 + 0) / 2: corpus BLEU is not that).
        const std::vector<Tokens> hypotheses = {words("the cat is on the mat"), words("a dog barks")};
        const std::vector<std::vector<Tokens>> references = {{words("the cat is on the mat")},
                                                             {words("the dog barks")}};
        const BleuReport report = SequenceMetrics::corpusBleu(hypotheses, references).value();
        QCOMPARE(report.matches, (Counts{8, 6, 4, 3}));
        QCOMPARE(report.candidates, (Counts{9, 7, 5, 3}));
        COMPARE_NEAR(report.bleu, std::pow(576.0 / 945.0, 0.25));

        // The same corpus as token ids (the=1 cat=2 is=3 on=4 mat=5 a=6 dog=7 barks=8).
        using Ids = SequenceMetrics::TokenIds;
        const std::vector<Ids> idHypotheses = {{1, 2, 3, 4, 1, 5}, {6, 7, 8}};
        const std::vector<std::vector<Ids>> idReferences = {{{1, 2, 3, 4, 1, 5}}, {{1, 7, 8}}};
        const BleuReport ids = SequenceMetrics::corpusBleu(idHypotheses, idReferences).value();
        QCOMPARE(ids.matches, report.matches);
        QCOMPARE(ids.bleu, report.bleu);

        const nlohmann::json json = report.toJson();
        COMPARE_NEAR(json["bleu"].get<double>(), report.bleu);
        QCOMPARE(json["matches"][0].get<int>(), 8);
        QCOMPARE(json["candidates"][3].get<int>(), 3);
        QCOMPARE(json["reference_length"].get<int>(), 9);
    }

    void bleuEdgeCases()
    {
        // All wrong: no unigram matches -> 0 even with smoothing.
        BleuOptions epsilon;
        epsilon.smoothing = BleuSmoothing::Epsilon;
        QCOMPARE(SequenceMetrics::corpusBleu({words("x y z w")}, {{words("a b c d")}}, epsilon).value().bleu, 0.0);
        // Empty hypothesis: c = 0 -> BP 0, BLEU 0, no division by zero.
        const BleuReport empty = SequenceMetrics::corpusBleu({Tokens{}}, {{words("a b")}}).value();
        QCOMPARE(empty.bleu, 0.0);
        QCOMPARE(empty.brevityPenalty, 0.0);
        QCOMPARE(empty.referenceLength, std::int64_t(2));
    }

    void bleuInputErrors()
    {
        Result<BleuReport> report = SequenceMetrics::corpusBleu({words("a")}, {{words("a")}, {words("b")}});
        QVERIFY(!report.ok());
        QCOMPARE(report.message(), std::string("there are 2 reference sets for 1 hypotheses"));
        report = SequenceMetrics::corpusBleu(std::vector<Tokens>{}, std::vector<std::vector<Tokens>>{});
        QCOMPARE(report.message(), std::string("there are no hypotheses to evaluate"));
        report = SequenceMetrics::corpusBleu({words("a"), words("b")}, {{words("a")}, {}});
        QCOMPARE(report.message(), std::string("hypothesis 1 has no reference"));
        BleuOptions badEpsilon;
        badEpsilon.smoothing = BleuSmoothing::Epsilon;
        badEpsilon.epsilon = 0.0;
        QVERIFY(!SequenceMetrics::corpusBleu({words("a")}, {{words("a")}}, badEpsilon).ok());
    }

    void longestCommonSubsequence()
    {
        // The textbook pair ABCBDAB / BDCABA has an LCS of length 4 (e.g. BCBA).
        QCOMPARE(SequenceMetrics::longestCommonSubsequence(words("A B C B D A B"), words("B D C A B A")),
                 std::size_t(4));
        QCOMPARE(SequenceMetrics::longestCommonSubsequence(SequenceMetrics::TokenIds{1, 2, 3},
                                                           SequenceMetrics::TokenIds{3, 2, 1}),
                 std::size_t(1));
        QCOMPARE(SequenceMetrics::longestCommonSubsequence(Tokens{}, words("a b")), std::size_t(0));
    }

    void rougeLShortPairs()
    {
        // Pair 1: hypothesis "the cat on mat" (4), reference "the cat sat on the mat" (6).
        //   LCS "the cat on mat" = 4 -> P = 4/4 = 1, R = 4/6 = 2/3,
        //   F(beta 1) = 2 * 1 * 2/3 / (2/3 + 1) = (4/3) / (5/3) = 0.8
        // Pair 2: "the gunman kill police" vs "police killed the gunman": LCS "the gunman" = 2
        //   -> P = R = F = 2/4 = 0.5
        // Means: P = (1 + 0.5)/2 = 0.75, R = (2/3 + 1/2)/2 = 7/12, F = (0.8 + 0.5)/2 = 0.65
        const std::vector<Tokens> hypotheses = {words("the cat on mat"), words("the gunman kill police")};
        const std::vector<std::vector<Tokens>> references = {{words("the cat sat on the mat")},
                                                             {words("police killed the gunman")}};
        const Result<RougeReport> report = SequenceMetrics::rougeL(hypotheses, references);
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        QCOMPARE(report->pairs, std::size_t(2));
        COMPARE_NEAR(report->precision, 0.75);
        COMPARE_NEAR(report->recall, 7.0 / 12.0);
        COMPARE_NEAR(report->f, 0.65);

        // beta = 2 on pair 1 alone: F = (1 + 4) * 1 * 2/3 / (2/3 + 4 * 1) = (10/3) / (14/3) = 5/7
        const RougeReport recallWeighted =
            SequenceMetrics::rougeL({hypotheses[0]}, {references[0]}, 2.0).value();
        COMPARE_NEAR(recallWeighted.f, 5.0 / 7.0);
        QCOMPARE(recallWeighted.toJson()["beta"].get<double>(), 2.0);
    }

    void rougeLTakesTheBestReference()
    {
        // "the gunman kill police" against a second reference "the gunman was killed by police" (6):
        // LCS "the gunman police" = 3 -> P = 3/4, R = 3/6, F = 2 * 0.75 * 0.5 / 1.25 = 0.6 > 0.5.
        const RougeReport report =
            SequenceMetrics::rougeL({words("the gunman kill police")},
                                    {{words("police killed the gunman"), words("the gunman was killed by police")}})
                .value();
        COMPARE_NEAR(report.f, 0.6);
        COMPARE_NEAR(report.precision, 0.75);
        COMPARE_NEAR(report.recall, 0.5);
    }

    void rougeLEdgeCases()
    {
        QCOMPARE(SequenceMetrics::rougeL({words("a b c")}, {{words("a b c")}}).value().f, 1.0);
        QCOMPARE(SequenceMetrics::rougeL({words("a b c")}, {{words("x y")}}).value().f, 0.0);
        QCOMPARE(SequenceMetrics::rougeL({Tokens{}}, {{words("x y")}}).value().f, 0.0);
        QCOMPARE(SequenceMetrics::rougeL({Tokens{}}, {{Tokens{}}}).value().f, 0.0);
        QVERIFY(!SequenceMetrics::rougeL({words("a")}, {{words("a")}}, 0.0).ok());
        QVERIFY(!SequenceMetrics::rougeL({words("a")}, {}).ok());
        using Ids = SequenceMetrics::TokenIds;
        COMPARE_NEAR(SequenceMetrics::rougeL(std::vector<Ids>{{1, 2}}, std::vector<std::vector<Ids>>{{{1, 3, 2}}})
                         .value()
                         .f,
                     0.8); // LCS 2: P 1, R 2/3 -> 0.8
    }

    void perplexity()
    {
        // A model uniform over 10 tokens: NLL per token ln 10, so perplexity 10.
        COMPARE_NEAR(SequenceMetrics::perplexity(5 * std::log(10.0), 5).value(), 10.0);
        // Certain of every token: perplexity 1. Mean NLL 2 nats: e².
        QCOMPARE(SequenceMetrics::perplexity(0.0, 3).value(), 1.0);
        COMPARE_NEAR(SequenceMetrics::perplexity(8.0, 4).value(), std::exp(2.0));
        Result<double> bad = SequenceMetrics::perplexity(1.0, 0);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.message(), std::string("perplexity needs at least one token (got a token count of 0)"));
        QVERIFY(!SequenceMetrics::perplexity(-1.0, 2).ok());
        QVERIFY(!SequenceMetrics::perplexity(NAN, 2).ok());
        QVERIFY(!SequenceMetrics::perplexity(1e6, 1).ok()); // exp(1e6) overflows
    }
};

QTEST_APPLESS_MAIN(SequenceMetricsTest)
#include "tst_sequencemetrics.moc"
