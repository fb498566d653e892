// Item-kNN and user-kNN against a brute-force reference written with dense loops, plus the
// common recommend() behaviour (seen items, ordering, bounds) and the popularity baseline.
#include "core/recommend/hybridrecommender.h"
#include "core/recommend/itemknnrecommender.h"
#include "core/recommend/popularityrecommender.h"
#include "core/recommend/userknnrecommender.h"
#include "core/util/deterministicrandom.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

using namespace chorus;

namespace {

constexpr int kUsers = 12;
constexpr int kItems = 15;

using Dense = std::vector<std::vector<double>>;

// A random sparse matrix with weights in [0.5, 3.5); user ids and item keys are chosen so that
// rows and columns come out in the same order as the dense indexes.
InteractionMatrix randomMatrix(std::uint64_t seed, Dense &dense)
{
    DeterministicRandom random(seed);
    dense.assign(kUsers, std::vector<double>(kItems, 0.0));
    std::vector<InteractionTriplet> triplets;
    for (int u = 0; u < kUsers; ++u) {
        for (int i = 0; i < kItems; ++i) {
            // Every user and item gets at least one entry, so the index maps are complete.
            if (random.chance(0.3) || i == u || (u == 0 && i >= kUsers)) {
                const double w = 0.5 + 3.0 * random.uniform();
                dense[u][i] = w;
                char key[8];
                std::snprintf(key, sizeof key, "i%02d", i);
                triplets.push_back({100 + u, key, w, 0});
            }
        }
    }
    return InteractionMatrix::fromTriplets(triplets);
}

double cosine(const std::vector<double> &a, const std::vector<double> &b)
{
    double dot = 0, na = 0, nb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        dot += a[i] * b[i];
        na += a[i] * a[i];
        nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0.0 : dot / std::sqrt(na * nb);
}

// Similarity matrix with, per vector, only its k best positive neighbours (ties by index) kept.
Dense topKSimilarities(const Dense &vectors, int k)
{
    const std::size_t n = vectors.size();
    Dense kept(n, std::vector<double>(n, 0.0));
    for (std::size_t a = 0; a < n; ++a) {
        std::vector<std::pair<double, std::size_t>> all;
        for (std::size_t b = 0; b < n; ++b) {
            const double s = cosine(vectors[a], vectors[b]);
            if (b != a && s > 0)
                all.push_back({-s, b});
        }
        std::sort(all.begin(), all.end());
        for (std::size_t j = 0; j < all.size() && j < static_cast<std::size_t>(k); ++j)
            kept[a][all[j].second] = -all[j].first;
    }
    return kept;
}

Dense transpose(const Dense &m)
{
    Dense t(m[0].size(), std::vector<double>(m.size()));
    for (std::size_t r = 0; r < m.size(); ++r)
        for (std::size_t c = 0; c < m[r].size(); ++c)
            t[c][r] = m[r][c];
    return t;
}

} // namespace

class KnnRecommenderTest : public QObject {
    Q_OBJECT

private slots:
    void itemKnnMatchesBruteForce_data()
    {
        QTest::addColumn<int>("neighbours");
        QTest::addColumn<quint64>("seed");
        QTest::newRow("k=3") << 3 << quint64(1);
        QTest::newRow("k=5") << 5 << quint64(2);
        QTest::newRow("k=all") << 100 << quint64(3);
    }
    void itemKnnMatchesBruteForce()
    {
        QFETCH(int, neighbours);
        QFETCH(quint64, seed);
        Dense r;
        const InteractionMatrix m = randomMatrix(seed, r);
        QCOMPARE(m.users(), kUsers);
        QCOMPARE(m.items(), kItems);

        const Dense s = topKSimilarities(transpose(r), neighbours); // s[i][j]: j among i's neighbours
        ItemKnnRecommender knn(ItemKnnOptions{neighbours});
        QVERIFY(knn.fit(m).ok());
        for (int i = 0; i < kItems; ++i) {
            std::size_t expected = 0;
            for (int j = 0; j < kItems; ++j)
                expected += s[i][j] > 0 ? 1 : 0;
            QCOMPARE(knn.neighbours(i).size(), expected);
        }
        int positive = 0;
        for (int u = 0; u < kUsers; ++u) {
            const std::vector<double> scores = knn.scores(u);
            QCOMPARE(int(scores.size()), kItems);
            for (int j = 0; j < kItems; ++j) {
                double reference = 0;
                for (int i = 0; i < kItems; ++i)
                    reference += r[u][i] * s[i][j];
                QVERIFY2(std::abs(scores[j] - reference) < 1e-9,
                         qPrintable(QString("user %1 item %2: %3 vs %4").arg(u).arg(j).arg(scores[j]).arg(reference)));
                positive += reference > 0 ? 1 : 0;
            }
        }
        QVERIFY(positive > kUsers); // the comparison is not all zeros
    }

    void userKnnMatchesBruteForce_data()
    {
        QTest::addColumn<int>("neighbours");
        QTest::addColumn<quint64>("seed");
        QTest::newRow("k=2") << 2 << quint64(4);
        QTest::newRow("k=4") << 4 << quint64(5);
        QTest::newRow("k=all") << 100 << quint64(6);
    }
    void userKnnMatchesBruteForce()
    {
        QFETCH(int, neighbours);
        QFETCH(quint64, seed);
        Dense r;
        const InteractionMatrix m = randomMatrix(seed, r);
        const Dense s = topKSimilarities(r, neighbours); // s[u][v]: v among u's neighbours
        UserKnnRecommender knn(UserKnnOptions{neighbours});
        QVERIFY(knn.fit(m).ok());
        for (int u = 0; u < kUsers; ++u) {
            const std::vector<double> scores = knn.scores(u);
            for (int j = 0; j < kItems; ++j) {
                double reference = 0;
                for (int v = 0; v < kUsers; ++v)
                    reference += s[u][v] * r[v][j];
                QVERIFY2(std::abs(scores[j] - reference) < 1e-9,
                         qPrintable(QString("user %1 item %2: %3 vs %4").arg(u).arg(j).arg(scores[j]).arg(reference)));
            }
        }
    }

    void recommendExcludesSeenAndOrders()
    {
        Dense r;
        const InteractionMatrix m = randomMatrix(7, r);
        ItemKnnRecommender knn(ItemKnnOptions{5});
        QVERIFY(knn.fit(m).ok());
        for (int u = 0; u < kUsers; ++u) {
            const std::vector<double> scores = knn.scores(u);
            const auto unseen = knn.recommend(u, kItems, true);
            const auto all = knn.recommend(u, kItems, false);
            QCOMPARE(int(all.size()), kItems);
            QCOMPARE(unseen.size(), std::size_t(kItems) - m.rowSize(u));
            std::set<int> items;
            for (std::size_t p = 0; p < unseen.size(); ++p) {
                QVERIFY(!m.contains(u, unseen[p].item));
                QCOMPARE(unseen[p].score, scores[static_cast<std::size_t>(unseen[p].item)]);
                items.insert(unseen[p].item);
                if (p > 0)
                    QVERIFY(unseen[p - 1].score > unseen[p].score ||
                            (unseen[p - 1].score == unseen[p].score && unseen[p - 1].item < unseen[p].item));
            }
            QCOMPARE(items.size(), unseen.size());
            // Top 3 is the prefix of the full list.
            const auto top3 = knn.recommend(u, 3, true);
            QCOMPARE(top3.size(), std::size_t(3));
            for (std::size_t p = 0; p < 3; ++p)
                QCOMPARE(top3[p].item, unseen[p].item);
        }
        QVERIFY(knn.recommend(-1, 5).empty());
        QVERIFY(knn.recommend(kUsers, 5).empty());
        QVERIFY(knn.recommend(0, 0).empty());
        ItemKnnRecommender unfitted;
        QVERIFY(unfitted.recommend(0, 5).empty());
        QVERIFY(!ItemKnnRecommender(ItemKnnOptions{0}).fit(m).ok());
        QVERIFY(!UserKnnRecommender(UserKnnOptions{0}).fit(m).ok());
    }

    void popularityCountsUsers()
    {
        Dense r;
        const InteractionMatrix m = randomMatrix(8, r);
        PopularityRecommender popularity;
        QVERIFY(popularity.fit(m).ok());
        const auto scores = popularity.scores(3);
        for (int i = 0; i < kItems; ++i) {
            int users = 0;
            for (int u = 0; u < kUsers; ++u)
                users += r[u][i] > 0 ? 1 : 0;
            QCOMPARE(scores[i], double(users));
        }
        const auto top = popularity.recommend(3, 1, false);
        QCOMPARE(top.size(), std::size_t(1));
        QCOMPARE(top[0].score, *std::max_element(scores.begin(), scores.end()));
    }

    void hybridNormalisesAndWeights()
    {
        Dense r;
        const InteractionMatrix m = randomMatrix(9, r);
        HybridRecommender hybrid;
        hybrid.add(std::make_unique<ItemKnnRecommender>(ItemKnnOptions{5}), 2.0);
        hybrid.add(std::make_unique<PopularityRecommender>(), 1.0);
        QVERIFY(hybrid.fit(m).ok());
        QCOMPARE(hybrid.name(), std::string("hybrid(item-knn+popularity)"));
        ItemKnnRecommender knn(ItemKnnOptions{5});
        PopularityRecommender popularity;
        QVERIFY(knn.fit(m).ok() && popularity.fit(m).ok());
        for (int u = 0; u < kUsers; ++u) {
            const auto a = knn.scores(u);
            const auto b = popularity.scores(u);
            auto range = [&](const std::vector<double> &s) {
                double lo = 1e300, hi = -1e300;
                for (int i = 0; i < kItems; ++i)
                    if (!m.contains(u, i)) {
                        lo = std::min(lo, s[i]);
                        hi = std::max(hi, s[i]);
                    }
                return std::make_pair(lo, hi);
            };
            const auto [alo, ahi] = range(a);
            const auto [blo, bhi] = range(b);
            const auto h = hybrid.scores(u);
            for (int i = 0; i < kItems; ++i) {
                double expected = 0;
                if (ahi > alo)
                    expected += 2.0 * (a[i] - alo) / (ahi - alo);
                if (bhi > blo)
                    expected += (b[i] - blo) / (bhi - blo);
                QVERIFY(std::abs(h[i] - expected) < 1e-12);
            }
        }
        HybridRecommender empty;
        QVERIFY(!empty.fit(m).ok());
        HybridRecommender badWeight;
        badWeight.add(std::make_unique<PopularityRecommender>(), 0.0);
        QVERIFY(!badWeight.fit(m).ok());
    }
};

QTEST_APPLESS_MAIN(KnnRecommenderTest)
#include "tst_knnrecommender.moc"
