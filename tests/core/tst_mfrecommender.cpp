// Implicit ALS on a planted low-rank matrix: the loss never increases, the exact block solve
// leaves a zero gradient, the planted preferences are recovered, and fits are deterministic.
#include "core/recommend/mfrecommender.h"
#include "core/util/deterministicrandom.h"

#include <QtTest>

#include <cmath>
#include <cstdio>

using namespace chorus;

namespace {

constexpr int kUsers = 60;
constexpr int kItems = 45;
constexpr int kGroups = 3;

int groupOfUser(int u) { return u % kGroups; }
int groupOfItem(int i) { return i % kGroups; }

struct Planted {
    InteractionMatrix train;
    std::vector<std::vector<int>> heldOut; // per user row: in-group items kept out of train
};

// Users of group g like the items of group g (a rank-3 preference matrix). Train holds about
// 60% of each user's liked items plus a little off-group noise; the other liked items are held
// out and should be ranked near the top by a model that found the structure.
Planted planted(std::uint64_t seed)
{
    DeterministicRandom random(seed);
    std::vector<InteractionTriplet> triplets;
    Planted p;
    p.heldOut.resize(kUsers);
    for (int u = 0; u < kUsers; ++u) {
        for (int i = 0; i < kItems; ++i) {
            char key[8];
            std::snprintf(key, sizeof key, "i%02d", i);
            const bool liked = groupOfUser(u) == groupOfItem(i);
            if (liked && random.chance(0.6))
                triplets.push_back({1000 + u, key, 1.0 + random.below(3), 0});
            else if (liked)
                p.heldOut[static_cast<std::size_t>(u)].push_back(i);
            else if (random.chance(0.04))
                triplets.push_back({1000 + u, key, 1.0, 0});
        }
    }
    p.train = InteractionMatrix::fromTriplets(triplets);
    return p;
}

MfOptions smallOptions()
{
    MfOptions o;
    o.factors = 4;
    o.regularization = 2.0;
    o.alpha = 5.0;
    o.iterations = 12;
    o.seed = 3;
    return o;
}

} // namespace

class MfRecommenderTest : public QObject {
    Q_OBJECT

private slots:
    void lossDecreasesMonotonically()
    {
        const Planted p = planted(11);
        QCOMPARE(p.train.users(), kUsers);
        QCOMPARE(p.train.items(), kItems);
        MfRecommender mf(smallOptions());
        QVERIFY(mf.fit(p.train).ok());
        const auto &loss = mf.lossHistory();
        QCOMPARE(int(loss.size()), smallOptions().iterations + 1);
        for (std::size_t i = 1; i < loss.size(); ++i)
            QVERIFY2(loss[i] <= loss[i - 1] * (1.0 + 1e-12),
                     qPrintable(QString("iteration %1: %2 -> %3").arg(i).arg(loss[i - 1]).arg(loss[i])));
        QVERIFY(loss.back() < 0.5 * loss.front());
    }

    // The item half step is an exact least-squares solve, so after fit the gradient of the loss
    // with respect to every item vector vanishes. Computed here with dense loops over all cells.
    void itemGradientVanishes()
    {
        const Planted p = planted(12);
        const MfOptions o = smallOptions();
        MfRecommender mf(o);
        QVERIFY(mf.fit(p.train).ok());
        const auto f = static_cast<std::size_t>(o.factors);
        const auto &x = mf.userFactors();
        const auto &y = mf.itemFactors();
        double largest = 0, scale = 0;
        for (int i = 0; i < kItems; ++i) {
            std::vector<double> gradient(f, 0.0);
            for (int u = 0; u < kUsers; ++u) {
                const double w = p.train.weight(u, i);
                const double preference = w > 0 ? 1.0 : 0.0;
                const double confidence = 1.0 + o.alpha * w;
                double s = 0;
                for (std::size_t d = 0; d < f; ++d)
                    s += x[u * f + d] * y[i * f + d];
                for (std::size_t d = 0; d < f; ++d)
                    gradient[d] += -2.0 * confidence * (preference - s) * x[u * f + d];
            }
            for (std::size_t d = 0; d < f; ++d) {
                gradient[d] += 2.0 * o.regularization * y[i * f + d];
                largest = std::max(largest, std::abs(gradient[d]));
                scale = std::max(scale, std::abs(y[i * f + d]));
            }
        }
        QVERIFY(scale > 0.1);
        QVERIFY2(largest < 1e-8, qPrintable(QString::number(largest)));
    }

    void plantedPreferencesAreRecovered()
    {
        const Planted p = planted(13);
        MfRecommender mf(smallOptions());
        QVERIFY(mf.fit(p.train).ok());
        int heldOut = 0, found = 0;
        double aucSum = 0;
        int aucUsers = 0;
        for (int u = 0; u < kUsers; ++u) {
            const auto &positives = p.heldOut[static_cast<std::size_t>(u)];
            if (positives.empty())
                continue;
            const auto top = mf.recommend(u, static_cast<int>(positives.size()), true);
            for (const ScoredItem &s : top) {
                QVERIFY(!p.train.contains(u, s.item));
                found += groupOfItem(s.item) == groupOfUser(u) ? 1 : 0;
            }
            heldOut += static_cast<int>(positives.size());
            // AUC: held-out positives against unseen items of other groups.
            const auto scores = mf.scores(u);
            int pairs = 0, won = 0;
            for (int i : positives)
                for (int j = 0; j < kItems; ++j)
                    if (groupOfItem(j) != groupOfUser(u) && !p.train.contains(u, j)) {
                        ++pairs;
                        won += scores[i] > scores[j] ? 1 : 0;
                    }
            if (pairs > 0) {
                aucSum += double(won) / pairs;
                ++aucUsers;
            }
        }
        QVERIFY(heldOut > kUsers);
        const double recall = double(found) / heldOut;
        const double auc = aucSum / aucUsers;
        qInfo("held-out positives in the top list: %.3f, AUC %.3f", recall, auc);
        QVERIFY2(recall > 0.9, qPrintable(QString("recall %1").arg(recall)));
        QVERIFY2(auc > 0.95, qPrintable(QString("auc %1").arg(auc)));
    }

    void deterministicAndSeedDependent()
    {
        const Planted p = planted(14);
        MfRecommender a(smallOptions()), b(smallOptions());
        QVERIFY(a.fit(p.train).ok() && b.fit(p.train).ok());
        QCOMPARE(a.itemFactors(), b.itemFactors());
        QCOMPARE(a.userFactors(), b.userFactors());
        MfOptions other = smallOptions();
        other.seed = 99;
        MfRecommender c(other);
        QVERIFY(c.fit(p.train).ok());
        QVERIFY(c.itemFactors() != a.itemFactors());
    }

    void rejectsBadOptions()
    {
        const Planted p = planted(15);
        MfOptions o = smallOptions();
        o.factors = 0;
        QVERIFY(!MfRecommender(o).fit(p.train).ok());
        o = smallOptions();
        o.regularization = 0;
        QVERIFY(!MfRecommender(o).fit(p.train).ok());
        o = smallOptions();
        o.alpha = -1;
        QVERIFY(!MfRecommender(o).fit(p.train).ok());
        o = smallOptions();
        o.iterations = 0; // only the initial factors: allowed
        MfRecommender zero(o);
        QVERIFY(zero.fit(p.train).ok());
        QCOMPARE(zero.lossHistory().size(), std::size_t(1));
    }
};

QTEST_APPLESS_MAIN(MfRecommenderTest)
#include "tst_mfrecommender.moc"
