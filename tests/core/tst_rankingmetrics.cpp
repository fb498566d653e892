// Top-K ranking metrics against a worked example (arithmetic in the comments), the edge cases of
// short lists and large relevant sets, skipped users, coverage, and input errors.
#include "core/metrics/rankingmetrics.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <string>
#include <vector>

using namespace chorus;

#define COMPARE_NEAR(actual, expected)                                                                            \
    QVERIFY2(std::fabs(double(actual) - double(expected)) < 1e-12,                                                 \
             qPrintable(QString("%1 = %2, expected %3").arg(#actual).arg(double(actual), 0, 'g', 17)              \
                            .arg(double(expected), 0, 'g', 17)))

namespace {

// 1 / log2(3): the discount of rank 2. Rank 1 discounts by 1 / log2(2) = 1, rank 3 by 1 / log2(4) = 1/2.
const double kRank2 = 1.0 / std::log2(3.0);

// K = 3, catalogue of 10 items.
// A: ranked 1 2 3 4 5, relevant {2, 5, 7}: top 3 hits only item 2, at rank 2.
// B: ranked 7 8 6,     relevant {7, 6}:    hits at ranks 1 and 3.
// C: ranked 9 1,       relevant {}:        skipped (but its items count for coverage).
// D: ranked 4 5 6,     relevant {10}:      no hit.
std::vector<UserRanking> example()
{
    return {{{1, 2, 3, 4, 5}, {2, 5, 7}}, {{7, 8, 6}, {7, 6}}, {{9, 1}, {}}, {{4, 5, 6}, {10}}};
}

} // namespace

class RankingMetricsTest : public QObject {
    Q_OBJECT

private slots:
    void perUserWorkedExample()
    {
        const std::vector<UserRanking> users = example();
        const UserRanking &a = users[0];
        const UserRanking &b = users[1];
        // A: 1 hit of 3 relevant in 3 slots.
        COMPARE_NEAR(RankingMetrics::recallAtK(a, 3), 1.0 / 3.0);
        COMPARE_NEAR(RankingMetrics::precisionAtK(a, 3), 1.0 / 3.0);
        QCOMPARE(RankingMetrics::hitAtK(a, 3), 1.0);
        // A: DCG = 1/log2(3); IDCG over min(3, 3) = 3 ranks = 1 + 1/log2(3) + 1/2
        COMPARE_NEAR(RankingMetrics::ndcgAtK(a, 3), kRank2 / (1.0 + kRank2 + 0.5)); // ~ 0.296082
        // A: AP = (precision at rank 2 = 1/2) / min(3, 3) = 1/6
        COMPARE_NEAR(RankingMetrics::averagePrecisionAtK(a, 3), 1.0 / 6.0);

        // B: 2 hits of 2 relevant in 3 slots.
        COMPARE_NEAR(RankingMetrics::recallAtK(b, 3), 1.0);
        COMPARE_NEAR(RankingMetrics::precisionAtK(b, 3), 2.0 / 3.0);
        // B: DCG = 1 + 1/2 = 1.5; IDCG over min(3, 2) = 2 ranks = 1 + 1/log2(3)
        COMPARE_NEAR(RankingMetrics::ndcgAtK(b, 3), 1.5 / (1.0 + kRank2)); // ~ 0.919721
        // B: AP = (1/1 + 2/3) / min(3, 2) = 5/6
        COMPARE_NEAR(RankingMetrics::averagePrecisionAtK(b, 3), 5.0 / 6.0);

        // A at K = 1: rank 1 misses.
        QCOMPARE(RankingMetrics::hitAtK(a, 1), 0.0);
        QCOMPARE(RankingMetrics::ndcgAtK(a, 1), 0.0);
        // A at K = 5: hits at ranks 2 and 5; IDCG over min(5, 3) = 3 ranks.
        // NDCG = (1/log2(3) + 1/log2(6)) / (1 + 1/log2(3) + 1/2); AP = (1/2 + 2/5) / 3 = 0.3
        COMPARE_NEAR(RankingMetrics::ndcgAtK(a, 5), (kRank2 + 1.0 / std::log2(6.0)) / (1.0 + kRank2 + 0.5));
        COMPARE_NEAR(RankingMetrics::averagePrecisionAtK(a, 5), 0.3);
    }

    void meansOverEvaluatedUsers()
    {
        const Result<RankingReport> report = RankingMetrics::evaluate(example(), 3, 10);
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        QCOMPARE(report->usersEvaluated, std::size_t(3)); // A, B, D
        QCOMPARE(report->usersSkipped, std::size_t(1));   // C
        COMPARE_NEAR(report->recall, (1.0 / 3.0 + 1.0 + 0.0) / 3.0);         // 4/9
        COMPARE_NEAR(report->precision, (1.0 / 3.0 + 2.0 / 3.0 + 0.0) / 3.0); // 1/3
        COMPARE_NEAR(report->ndcg, (kRank2 / (1.5 + kRank2) + 1.5 / (1.0 + kRank2)) / 3.0); // ~ 0.405268
        COMPARE_NEAR(report->map, (1.0 / 6.0 + 5.0 / 6.0 + 0.0) / 3.0);      // 1/3
        COMPARE_NEAR(report->hitRate, 2.0 / 3.0);
        // Top 3s: A {1,2,3}, B {7,8,6}, C {9,1}, D {4,5,6} -> {1..9}: 9 of 10 items.
        QCOMPARE(report->distinctRecommended, std::size_t(9));
        COMPARE_NEAR(report->coverage, 0.9);

        const nlohmann::json json = report->toJson();
        QCOMPARE(json["k"].get<int>(), 3);
        QCOMPARE(json["users_skipped"].get<int>(), 1);
        COMPARE_NEAR(json["ndcg"].get<double>(), report->ndcg);
        COMPARE_NEAR(json["coverage"].get<double>(), 0.9);
    }

    void perfectRanking()
    {
        const RankingReport report = RankingMetrics::evaluate({{{3, 1, 2, 9}, {1, 2, 3}}}, 3, 4).value();
        QCOMPARE(report.recall, 1.0);
        QCOMPARE(report.precision, 1.0);
        QCOMPARE(report.ndcg, 1.0);
        QCOMPARE(report.map, 1.0);
        QCOMPARE(report.hitRate, 1.0);
        COMPARE_NEAR(report.coverage, 0.75); // 3 of 4 items shown
    }

    void allWrong()
    {
        const RankingReport report = RankingMetrics::evaluate({{{4, 5, 6}, {1, 2}}, {{1, 2, 3}, {7}}}, 3, 7).value();
        QCOMPARE(report.recall, 0.0);
        QCOMPARE(report.precision, 0.0);
        QCOMPARE(report.ndcg, 0.0);
        QCOMPARE(report.map, 0.0);
        QCOMPARE(report.hitRate, 0.0);
        COMPARE_NEAR(report.coverage, 6.0 / 7.0);
    }

    void moreRelevantThanK()
    {
        // 5 relevant, K = 3, all three slots hit: recall 3/5, but NDCG and MAP normalise by
        // min(K, 5) = 3 and reach 1. Precision = 3/3.
        const UserRanking user{{1, 2, 3}, {1, 2, 3, 4, 5}};
        COMPARE_NEAR(RankingMetrics::recallAtK(user, 3), 0.6);
        QCOMPARE(RankingMetrics::precisionAtK(user, 3), 1.0);
        COMPARE_NEAR(RankingMetrics::ndcgAtK(user, 3), 1.0);
        COMPARE_NEAR(RankingMetrics::averagePrecisionAtK(user, 3), 1.0);
    }

    void listShorterThanK()
    {
        // One item recommended with K = 5: precision counts the empty slots (1/5); the rest are 1.
        const UserRanking user{{1}, {1}};
        COMPARE_NEAR(RankingMetrics::precisionAtK(user, 5), 0.2);
        QCOMPARE(RankingMetrics::recallAtK(user, 5), 1.0);
        QCOMPARE(RankingMetrics::ndcgAtK(user, 5), 1.0);
        QCOMPARE(RankingMetrics::averagePrecisionAtK(user, 5), 1.0);
        // Repeated relevant ids count once: {1, 1, 2} is the set {1, 2}, recall 1/2.
        COMPARE_NEAR(RankingMetrics::recallAtK(UserRanking{{1}, {1, 1, 2}}, 5), 0.5);
    }

    void inputErrors()
    {
        Result<RankingReport> report = RankingMetrics::evaluate({}, 3, 10);
        QVERIFY(!report.ok());
        QCOMPARE(report.message(), std::string("there are no users to evaluate"));
        report = RankingMetrics::evaluate(example(), 0, 10);
        QCOMPARE(report.message(), std::string("K must be at least 1"));
        report = RankingMetrics::evaluate(example(), 3, 0);
        QCOMPARE(report.message(), std::string("the catalogue size must be at least 1"));
        report = RankingMetrics::evaluate({{{1, 2}, {1}}, {{4, 3, 4}, {3}}}, 3, 10);
        QCOMPARE(report.message(), std::string("users[1]: item 4 appears twice in the ranked list"));
        report = RankingMetrics::evaluate({{{1, 2}, {}}, {{3}, {}}}, 3, 10);
        QCOMPARE(report.message(), std::string("none of the 2 users has a relevant item"));
        report = RankingMetrics::evaluate(example(), 3, 8);
        QCOMPARE(report.message(),
                 std::string("the top 3 lists hold 9 distinct items but the catalogue has only 8"));
    }
};

QTEST_APPLESS_MAIN(RankingMetricsTest)
#include "tst_rankingmetrics.moc"
