// NN-descent: the approximate neighbour graph finds nearly all the exact neighbours of
// overlapping Gaussian clusters, its distances are the true ones and sorted, it is the same for
// a seed whatever the thread count, and it can be cancelled; impossible k is an error.
#include "core/projection/nearestneighbours.h"
#include "core/projection/nndescent.h"
#include "core/util/deterministicrandom.h"

#include <QtTest>

#include <algorithm>
#include <vector>

using namespace chorus;

namespace {

// Unit-variance clusters whose centres are drawn at spread 2 per dimension: they overlap in
// some directions, so neighbours are not trivially inside one cluster.
std::vector<float> mixture(std::size_t rows, std::size_t dims, int clusters, std::uint64_t seed)
{
    DeterministicRandom random(seed);
    std::vector<double> centres(std::size_t(clusters) * dims);
    for (double &c : centres)
        c = 2.0 * random.roughNormal();
    std::vector<float> data(rows * dims);
    for (std::size_t i = 0; i < rows; ++i) {
        const std::size_t c = random.below(std::uint64_t(clusters));
        for (std::size_t j = 0; j < dims; ++j)
            data[i * dims + j] = float(centres[c * dims + j] + random.roughNormal());
    }
    return data;
}

double recall(const NeighbourGraph &approximate, const NeighbourGraph &exact)
{
    std::size_t found = 0;
    for (std::size_t i = 0; i < exact.rows; ++i) {
        const std::uint32_t *mine = approximate.neighboursOf(i);
        for (std::size_t m = 0; m < exact.k; ++m)
            found += std::find(mine, mine + approximate.k, exact.neighboursOf(i)[m]) != mine + approximate.k;
    }
    return double(found) / double(exact.rows * exact.k);
}

} // namespace

class TestNnDescent : public QObject {
    Q_OBJECT

private slots:
    void findsNearlyAllExactNeighbours()
    {
        constexpr std::size_t rows = 3000, dims = 32, k = 14;
        const std::vector<float> data = mixture(rows, dims, 10, 3);
        const MatrixView matrix{data.data(), rows, dims};
        Result<NeighbourGraph> exact = euclideanNeighbourGraph(matrix, k, 2);
        QVERIFY(exact.ok());
        NnDescentOptions options;
        options.threads = 2;
        std::vector<int> rounds;
        Result<NeighbourGraph> approximate = approximateNeighbourGraph(matrix, k, options, [&](int done, int total) {
            rounds.push_back(done);
            return total == 12; // max(5, round(log2(3000)))
        });
        QVERIFY2(approximate.ok(), approximate.ok() ? "" : approximate.message().c_str());
        QCOMPARE(approximate->rows, rows);
        QCOMPARE(approximate->k, k);
        QVERIFY(rounds.size() >= 2);
        QCOMPARE(rounds.front(), 0);
        // pynndescent with umap-learn's settings reaches ~0.95-0.99 recall on such data; below
        // 0.9 the descent would be broken (the forest alone gives ~0.6).
        const double r = recall(*approximate, *exact);
        QVERIFY2(r >= 0.9, qPrintable(QString::number(r)));
        for (std::size_t i = 0; i < rows; ++i) {
            for (std::size_t m = 0; m < k; ++m) {
                const std::uint32_t j = approximate->neighboursOf(i)[m];
                QVERIFY(j != i && j < rows);
                QCOMPARE(approximate->distancesOf(i)[m], squaredDistance(matrix.row(i), matrix.row(j), dims));
                if (m > 0)
                    QVERIFY(approximate->distancesOf(i)[m - 1] <= approximate->distancesOf(i)[m]);
            }
        }
    }

    void sameForASeedWhateverTheThreads()
    {
        constexpr std::size_t rows = 1500, dims = 16;
        const std::vector<float> data = mixture(rows, dims, 5, 9);
        const MatrixView matrix{data.data(), rows, dims};
        NnDescentOptions options;
        options.threads = 1;
        Result<NeighbourGraph> one = approximateNeighbourGraph(matrix, 10, options);
        options.threads = 3;
        Result<NeighbourGraph> three = approximateNeighbourGraph(matrix, 10, options);
        QVERIFY(one.ok() && three.ok());
        QVERIFY(one->indices == three->indices);
        QVERIFY(one->squaredDistances == three->squaredDistances);
        options.seed = 2;
        options.trees = 1;
        options.iterations = 1;
        Result<NeighbourGraph> other = approximateNeighbourGraph(matrix, 10, options);
        QVERIFY(other.ok());
        QVERIFY(other->indices != one->indices);
    }

    void smallInputsAndErrors()
    {
        const std::vector<float> data = mixture(12, 3, 2, 1);
        const MatrixView matrix{data.data(), 12, 3};
        // Fewer points than a leaf: the one leaf holds every pair, so the graph is exact.
        Result<NeighbourGraph> small = approximateNeighbourGraph(matrix, 11);
        Result<NeighbourGraph> exact = euclideanNeighbourGraph(matrix, 11, 1);
        QVERIFY(small.ok() && exact.ok());
        QVERIFY(small->indices == exact->indices);
        QVERIFY(!approximateNeighbourGraph(matrix, 12).ok());
        QVERIFY(!approximateNeighbourGraph(matrix, 0).ok());
        Result<NeighbourGraph> cancelled = approximateNeighbourGraph(matrix, 3, {}, [](int, int) { return false; });
        QVERIFY(!cancelled.ok());
        QVERIFY(cancelled.message().find("cancelled") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestNnDescent)
#include "tst_nndescent.moc"
