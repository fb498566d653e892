// Trustworthiness and neighbour preservation: identity embeddings score 1, a hand-computed
// swapped embedding, agreement with sklearn's formula on a random case, and the cosine and
// Euclidean neighbour searches the projector uses.
#include "core/projection/nearestneighbours.h"
#include "core/projection/neighbourhoodmetrics.h"
#include "core/util/deterministicrandom.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

using namespace chorus;

namespace {

// sklearn.manifold.trustworthiness written out directly: full argsort of original distances,
// ranks by inversion, penalty for embedded neighbours ranked beyond k.
double referenceTrustworthiness(const std::vector<float> &x, std::size_t d, const std::vector<float> &y,
                                std::size_t e, std::size_t k)
{
    const std::size_t n = x.size() / d;
    auto dist = [](const float *a, const float *b, std::size_t dims) {
        double s = 0;
        for (std::size_t j = 0; j < dims; ++j)
            s += (double(a[j]) - b[j]) * (double(a[j]) - b[j]);
        return s;
    };
    double t = 0;
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<std::size_t> order(n), lowOrder(n);
        std::iota(order.begin(), order.end(), 0);
        std::iota(lowOrder.begin(), lowOrder.end(), 0);
        auto byHigh = [&](std::size_t a, std::size_t b) {
            const double da = a == i ? 1e300 : dist(&x[i * d], &x[a * d], d);
            const double db = b == i ? 1e300 : dist(&x[i * d], &x[b * d], d);
            return da < db || (da == db && a < b);
        };
        auto byLow = [&](std::size_t a, std::size_t b) {
            const double da = a == i ? 1e300 : dist(&y[i * e], &y[a * e], e);
            const double db = b == i ? 1e300 : dist(&y[i * e], &y[b * e], e);
            return da < db || (da == db && a < b);
        };
        std::sort(order.begin(), order.end(), byHigh);
        std::sort(lowOrder.begin(), lowOrder.end(), byLow);
        std::vector<std::size_t> rank(n);
        for (std::size_t r = 0; r < n; ++r)
            rank[order[r]] = r + 1;
        for (std::size_t m = 0; m < k; ++m) {
            const double over = double(rank[lowOrder[m]]) - double(k);
            if (over > 0)
                t += over;
        }
    }
    return 1.0 - t * (2.0 / (double(n) * k * (2.0 * n - 3.0 * k - 1.0)));
}

} // namespace

class TestNeighbourhoodMetrics : public QObject {
    Q_OBJECT

private slots:
    void identityEmbeddingIsPerfect()
    {
        DeterministicRandom random(3);
        std::vector<float> x(60 * 5);
        for (float &v : x)
            v = float(random.roughNormal());
        const MatrixView view{x.data(), 60, 5};
        Result<double> t = trustworthiness(view, view, 5, 2);
        QVERIFY(t.ok());
        QCOMPARE(*t, 1.0);
        Result<double> p = neighbourPreservation(view, view, 5, 2);
        QVERIFY(p.ok());
        QCOMPARE(*p, 1.0);
    }

    void handComputedLine()
    {
        // Original: six points on a line at 0, 1, 3, 7, 12, 20 (no tied distances). The embedding
        // moves point 0 to 20.5, next to point 5; k = 1. Embedded nearest neighbours and their
        // original ranks: 0 -> 5 (rank 5, penalty 4), 1 -> 2 (rank 2, penalty 1: its true
        // nearest, 0, has gone), 2 -> 1, 3 -> 2, 4 -> 3 (rank 1 each), 5 -> 0 (rank 5, penalty 4).
        // T = 1 - 9 * 2 / (6 * 1 * (12 - 3 - 1)) = 1 - 18 / 48.
        const std::vector<float> x{0, 1, 3, 7, 12, 20};
        const std::vector<float> y{20.5f, 1, 3, 7, 12, 20};
        Result<double> t = trustworthiness(MatrixView{x.data(), 6, 1}, MatrixView{y.data(), 6, 1}, 1, 1);
        QVERIFY(t.ok());
        QVERIFY2(std::abs(*t - (1.0 - 18.0 / 48.0)) < 1e-12, qPrintable(QString::number(*t, 'g', 12)));
        QVERIFY(std::abs(*t - referenceTrustworthiness(x, 1, y, 1, 1)) < 1e-12);
        // Preservation, k = 1: original nearest 0 -> 1, 1 -> 0, 2 -> 1, 3 -> 2, 4 -> 3, 5 -> 4;
        // embedded 0 -> 5, 1 -> 2, 2 -> 1, 3 -> 2, 4 -> 3, 5 -> 0: 3 of 6 kept.
        Result<double> p = neighbourPreservation(MatrixView{x.data(), 6, 1}, MatrixView{y.data(), 6, 1}, 1, 1);
        QVERIFY(p.ok());
        QCOMPARE(*p, 0.5);
    }

    void agreesWithSklearnFormulaOnRandomData()
    {
        DeterministicRandom random(5);
        const std::size_t n = 80, d = 6;
        std::vector<float> x(n * d), y(n * 2);
        for (float &v : x)
            v = float(random.roughNormal());
        for (std::size_t i = 0; i < n; ++i) { // a noisy projection of the first two columns
            y[2 * i] = x[i * d] + 0.5f * float(random.roughNormal());
            y[2 * i + 1] = x[i * d + 1] + 0.5f * float(random.roughNormal());
        }
        for (std::size_t k : {1, 5, 12}) {
            Result<double> t = trustworthiness(MatrixView{x.data(), n, d}, MatrixView{y.data(), n, 2}, k, 3);
            QVERIFY(t.ok());
            const double expected = referenceTrustworthiness(x, d, y, 2, k);
            QVERIFY2(std::abs(*t - expected) < 1e-9, qPrintable(QString("%1 vs %2").arg(*t).arg(expected)));
            QVERIFY(*t < 1.0 && *t > 0.5);
        }
    }

    void rejectsBadArguments()
    {
        const std::vector<float> x{0, 1, 2, 3};
        const MatrixView view{x.data(), 4, 1};
        QVERIFY(!trustworthiness(view, view, 2).ok()); // k must be < n / 2
        QVERIFY(!trustworthiness(view, view, 0).ok());
        QVERIFY(!trustworthiness(view, MatrixView{x.data(), 3, 1}, 1).ok());
        QVERIFY(!neighbourPreservation(view, view, 4).ok());
    }

    void cosineNeighboursRankBySimilarity()
    {
        // Row 0 = (1, 0); row 1 at 10 degrees, row 2 at 60 degrees, row 3 = zero vector, row 4 at
        // 180 degrees, row 5 = (3, 0.5) (about 9.5 degrees).
        const float c10 = std::cos(0.1745329f), s10 = std::sin(0.1745329f);
        const std::vector<float> m{1, 0, 2 * c10, 2 * s10, 0.5f, 0.8660254f, 0, 0, -1, 0, 3, 0.5f};
        const MatrixView view{m.data(), 6, 2};
        const std::vector<Neighbour> near = cosineNeighboursOfRow(view, 0, 3);
        QCOMPARE(near.size(), std::size_t(3));
        QCOMPARE(near[0].index, std::size_t(5));
        QCOMPARE(near[1].index, std::size_t(1));
        QCOMPARE(near[2].index, std::size_t(2));
        QVERIFY(std::abs(near[1].value - c10) < 1e-6);
        QVERIFY(std::abs(near[2].value - 0.5f) < 1e-6);
        // Asking for more than exist returns all non-zero rows but the query; -1 comes last.
        const std::vector<Neighbour> all = cosineNeighboursOfRow(view, 0, 10);
        QCOMPARE(all.size(), std::size_t(4));
        QCOMPARE(all.back().index, std::size_t(4));
        QVERIFY(std::abs(all.back().value + 1.0f) < 1e-6);
    }

    void euclideanGraphMatchesBruteForce()
    {
        DeterministicRandom random(9);
        const std::size_t n = 150, d = 13, k = 7;
        std::vector<float> x(n * d);
        for (float &v : x)
            v = float(random.roughNormal());
        Result<NeighbourGraph> one = euclideanNeighbourGraph(MatrixView{x.data(), n, d}, k, 1);
        Result<NeighbourGraph> three = euclideanNeighbourGraph(MatrixView{x.data(), n, d}, k, 3);
        QVERIFY(one.ok() && three.ok());
        QVERIFY(one->indices == three->indices);
        for (std::size_t i = 0; i < n; ++i) {
            std::vector<std::pair<double, std::size_t>> all;
            for (std::size_t j = 0; j < n; ++j) {
                if (j == i)
                    continue;
                double s = 0;
                for (std::size_t c = 0; c < d; ++c)
                    s += (double(x[i * d + c]) - x[j * d + c]) * (double(x[i * d + c]) - x[j * d + c]);
                all.push_back({s, j});
            }
            std::sort(all.begin(), all.end());
            for (std::size_t m = 0; m < k; ++m) {
                QCOMPARE(std::size_t(one->neighboursOf(i)[m]), all[m].second);
                QVERIFY(std::abs(one->distancesOf(i)[m] - all[m].first) < 1e-4 * (1 + all[m].first));
            }
        }
        QVERIFY(!euclideanNeighbourGraph(MatrixView{x.data(), n, d}, n, 1).ok());
    }
};

QTEST_APPLESS_MAIN(TestNeighbourhoodMetrics)
#include "tst_neighbourhoodmetrics.moc"
