// Barnes-Hut t-SNE: separates well-separated Gaussian clusters (kNN accuracy and
// trustworthiness of the 2-D map), is deterministic for a seed and independent of the thread
// count, honours cancellation, reports KL every 50 iterations, and rejects impossible options.
#include "core/projection/nearestneighbours.h"
#include "core/projection/neighbourhoodmetrics.h"
#include "core/projection/tsne.h"
#include "core/util/deterministicrandom.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <vector>

using namespace chorus;

namespace {

struct Clusters {
    std::vector<float> data;
    std::vector<int> label;
    std::size_t rows = 0;
    std::size_t dims = 0;
    MatrixView view() const { return MatrixView{data.data(), rows, dims}; }
};

// `count` unit-variance Gaussian clusters whose centres are ~8 units apart per dimension.
Clusters makeClusters(std::size_t rows, std::size_t dims, int count, std::uint64_t seed)
{
    DeterministicRandom random(seed);
    std::vector<double> centres(std::size_t(count) * dims);
    for (double &c : centres)
        c = 3.0 * random.roughNormal();
    Clusters out;
    out.rows = rows;
    out.dims = dims;
    out.data.resize(rows * dims);
    out.label.resize(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        const int label = static_cast<int>(random.below(std::uint64_t(count)));
        out.label[i] = label;
        for (std::size_t j = 0; j < dims; ++j)
            out.data[i * dims + j] = float(centres[std::size_t(label) * dims + j] + random.roughNormal());
    }
    return out;
}

// Leave-one-out 5-NN majority vote in the embedding.
double knnAccuracy(const std::vector<float> &embedding, const std::vector<int> &labels, int classes)
{
    const std::size_t n = labels.size();
    Result<NeighbourGraph> graph = euclideanNeighbourGraph(MatrixView{embedding.data(), n, 2}, 5, 2);
    if (!graph.ok())
        return 0.0;
    std::size_t correct = 0;
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<int> votes(std::size_t(classes), 0);
        for (std::size_t m = 0; m < 5; ++m)
            ++votes[std::size_t(labels[graph->neighboursOf(i)[m]])];
        int best = 0;
        for (int c = 1; c < classes; ++c)
            if (votes[std::size_t(c)] > votes[std::size_t(best)])
                best = c;
        correct += best == labels[i] ? 1 : 0;
    }
    return double(correct) / double(n);
}

} // namespace

class TestTsne : public QObject {
    Q_OBJECT

private slots:
    void separatesClusters()
    {
        const Clusters clusters = makeClusters(600, 50, 4, 21);
        TsneOptions options;
        options.iterations = 600;
        options.threads = 2;
        std::vector<int> checkedAt;
        std::vector<double> kls;
        Result<TsneResult> result = runTsne(clusters.view(), options, [&](int iteration, double kl) {
            checkedAt.push_back(iteration);
            kls.push_back(kl);
            return true;
        });
        QVERIFY2(result.ok(), result.ok() ? "" : result.message().c_str());
        QCOMPARE(result->coordinates.size(), std::size_t(1200));
        QVERIFY(!result->cancelled);
        for (float v : result->coordinates)
            QVERIFY(std::isfinite(v));

        const double accuracy = knnAccuracy(result->coordinates, clusters.label, 4);
        QVERIFY2(accuracy >= 0.95, qPrintable(QString::number(accuracy)));
        Result<double> trust = trustworthiness(clusters.view(), MatrixView{result->coordinates.data(), 600, 2}, 10, 2);
        QVERIFY(trust.ok());
        QVERIFY2(*trust >= 0.9, qPrintable(QString::number(*trust)));

        // Called at 0 (before optimising), then every 50 iterations; KL falls once the
        // exaggeration is off and ends well below its first value.
        QVERIFY(checkedAt.size() >= 2);
        QCOMPARE(checkedAt.front(), 0);
        QVERIFY(std::isnan(kls.front()));
        for (std::size_t i = 1; i < checkedAt.size(); ++i)
            QCOMPARE(checkedAt[i], int(50 * i));
        QVERIFY(kls.back() < kls[1]);
        QCOMPARE(result->klDivergence, kls.back());
        QVERIFY(result->klDivergence > 0);
    }

    void deterministicForSeedAndThreads()
    {
        const Clusters clusters = makeClusters(300, 20, 3, 5);
        TsneOptions options;
        options.iterations = 300;
        options.threads = 1;
        Result<TsneResult> a = runTsne(clusters.view(), options);
        Result<TsneResult> b = runTsne(clusters.view(), options);
        options.threads = 3;
        Result<TsneResult> c = runTsne(clusters.view(), options);
        QVERIFY(a.ok() && b.ok() && c.ok());
        QVERIFY(a->coordinates == b->coordinates);
        QVERIFY(a->coordinates == c->coordinates);

        // Random initialisation follows the seed.
        options.initialisation = TsneInitialisation::Random;
        options.iterations = 100;
        options.seed = 1;
        Result<TsneResult> r1 = runTsne(clusters.view(), options);
        Result<TsneResult> r1again = runTsne(clusters.view(), options);
        options.seed = 2;
        Result<TsneResult> r2 = runTsne(clusters.view(), options);
        QVERIFY(r1.ok() && r1again.ok() && r2.ok());
        QVERIFY(r1->coordinates == r1again->coordinates);
        QVERIFY(r1->coordinates != r2->coordinates);
    }

    void exactRepulsionAgreesWithBarnesHut()
    {
        // theta = 0 opens every cell: the exact gradient. Both must separate the clusters.
        const Clusters clusters = makeClusters(200, 10, 3, 8);
        TsneOptions options;
        options.iterations = 400;
        options.perplexity = 15;
        options.threads = 2;
        options.theta = 0.0;
        Result<TsneResult> exact = runTsne(clusters.view(), options);
        QVERIFY(exact.ok());
        QVERIFY(knnAccuracy(exact->coordinates, clusters.label, 3) >= 0.95);
        options.theta = 0.5;
        Result<TsneResult> approximate = runTsne(clusters.view(), options);
        QVERIFY(approximate.ok());
        QVERIFY(std::abs(exact->klDivergence - approximate->klDivergence) < 0.1 * exact->klDivergence);
    }

    void cancelStopsEarly()
    {
        const Clusters clusters = makeClusters(200, 10, 3, 2);
        TsneOptions options;
        options.iterations = 1000;
        options.threads = 1;
        int calls = 0;
        Result<TsneResult> result = runTsne(clusters.view(), options, [&](int iteration, double) {
            ++calls;
            return iteration < 100;
        });
        QVERIFY(result.ok());
        QVERIFY(result->cancelled);
        QCOMPARE(result->iterationsRun, 100);
        QCOMPARE(calls, 3); // 0, 50, 100
        QCOMPARE(result->coordinates.size(), std::size_t(400));

        Result<TsneResult> before = runTsne(clusters.view(), options, [](int, double) { return false; });
        QVERIFY(before.ok());
        QVERIFY(before->cancelled);
        QCOMPARE(before->iterationsRun, 0);
    }

    void rejectsImpossibleOptions()
    {
        const Clusters clusters = makeClusters(20, 4, 2, 1);
        TsneOptions options;
        options.perplexity = 30; // not below the 20 points
        Result<TsneResult> tooPerplexed = runTsne(clusters.view(), options);
        QVERIFY(!tooPerplexed.ok());
        QVERIFY(tooPerplexed.message().find("perplexity") != std::string::npos);
        options.perplexity = 5;
        options.iterations = 0;
        QVERIFY(!runTsne(clusters.view(), options).ok());
        options.iterations = 10;
        std::vector<float> bad = clusters.data;
        bad[9] = std::numeric_limits<float>::infinity();
        Result<TsneResult> infinite = runTsne(MatrixView{bad.data(), 20, 4}, options);
        QVERIFY(!infinite.ok());
        QVERIFY(infinite.message().find("row 2") != std::string::npos);
        QVERIFY(!runTsne(MatrixView{clusters.data.data(), 1, 4}, options).ok());
    }
};

QTEST_APPLESS_MAIN(TestTsne)
#include "tst_tsne.moc"
