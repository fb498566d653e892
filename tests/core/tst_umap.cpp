// UMAP: keeps well-separated Gaussian clusters apart (trustworthiness and 2-D kNN purity), with
// exact and with NN-descent neighbours; the smooth kNN distances, fuzzy union and a/b curve
// match umap-learn's definitions; the spectral layout of a ring is a circle; a seed gives the
// same embedding on one thread; cancellation stops each stage; bad options name their field.
#include "core/projection/nearestneighbours.h"
#include "core/projection/neighbourhoodmetrics.h"
#include "core/projection/spectrallayout.h"
#include "core/projection/umap.h"
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

// `count` unit-variance Gaussian clusters whose centres are ~3 units apart per dimension (about
// 30 units apart in 50 dimensions, against ~10 between two points of one cluster).
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

// Leave-one-out 5-NN majority vote in the embedding: how pure each point's 2-D neighbourhood is.
double knnPurity(const std::vector<float> &embedding, const std::vector<int> &labels, int classes)
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

bool allFinite(const std::vector<float> &values)
{
    for (float v : values)
        if (!std::isfinite(v))
            return false;
    return true;
}

} // namespace

class TestUmap : public QObject {
    Q_OBJECT

private:
    // Thresholds: a layout that keeps each cluster together and apart scores a 5-NN purity near
    // 1 (a random layout scores ~0.25 with four clusters), and trustworthiness(10) near 0.9 or
    // more; sklearn's trustworthiness of a random 2-D layout is ~0.5, and t-SNE's test holds
    // itself to 0.9 on the same kind of data. Purity 0.97 and trustworthiness 0.88 leave room for
    // the few points on cluster edges and for the approximate search without letting a layout
    // that merges two clusters (purity <= ~0.75) pass.
    static void checkSeparated(const Clusters &clusters, const UmapResult &result)
    {
        QCOMPARE(result.coordinates.size(), 2 * clusters.rows);
        QVERIFY(!result.cancelled);
        QVERIFY(allFinite(result.coordinates));
        const double purity = knnPurity(result.coordinates, clusters.label, 4);
        QVERIFY2(purity >= 0.97, qPrintable(QString::number(purity)));
        Result<double> trust
            = trustworthiness(clusters.view(), MatrixView{result.coordinates.data(), clusters.rows, 2}, 10, 2);
        QVERIFY(trust.ok());
        QVERIFY2(*trust >= 0.88, qPrintable(QString::number(*trust)));
        Result<double> kept
            = neighbourPreservation(clusters.view(), MatrixView{result.coordinates.data(), clusters.rows, 2}, 10, 2);
        QVERIFY(kept.ok());
        // Random 2-D neighbours would keep ~10/n = 2% of the original ten.
        QVERIFY2(*kept >= 0.15, qPrintable(QString::number(*kept)));
    }

private slots:
    void separatesClusters()
    {
        const Clusters clusters = makeClusters(500, 50, 4, 21);
        UmapOptions options;
        options.epochs = 200;
        options.threads = 2;
        std::vector<int> neighbourCalls, layoutCalls;
        Result<UmapResult> result = runUmap(clusters.view(), options, [&](UmapStage stage, int done, int total) {
            if (stage == UmapStage::Neighbours) {
                neighbourCalls.push_back(done);
                if (total != 1)
                    return false;
            } else {
                layoutCalls.push_back(done);
                if (total != 200)
                    return false;
            }
            return true;
        });
        QVERIFY2(result.ok(), result.ok() ? "" : result.message().c_str());
        checkSeparated(clusters, *result);
        QVERIFY(result->exactNeighbours); // fewer than 4,096 points
        QCOMPARE(result->epochsRun, 200);
        QCOMPARE(result->initialisation, UmapInitialisation::Spectral);
        QCOMPARE(result->components, std::size_t(4)); // one per cluster: they share no neighbours
        QVERIFY(result->edges >= 500 * 14);
        QCOMPARE(neighbourCalls, (std::vector<int>{0, 1}));
        QCOMPARE(layoutCalls.size(), std::size_t(21)); // 0, 10, ..., 200
        for (std::size_t i = 0; i < layoutCalls.size(); ++i)
            QCOMPARE(layoutCalls[i], int(10 * i));
    }

    void separatesClustersWithApproximateNeighbours()
    {
        const Clusters clusters = makeClusters(500, 50, 4, 33);
        UmapOptions options;
        options.epochs = 200;
        options.threads = 2;
        options.neighbourSearch = UmapNeighbourSearch::Approximate;
        int rounds = 0;
        Result<UmapResult> result = runUmap(clusters.view(), options, [&](UmapStage stage, int done, int) {
            if (stage == UmapStage::Neighbours)
                rounds = done;
            return true;
        });
        QVERIFY2(result.ok(), result.ok() ? "" : result.message().c_str());
        QVERIFY(!result->exactNeighbours);
        QVERIFY(rounds >= 1);
        checkSeparated(clusters, *result);
    }

    void defaultEpochsFollowUmapLearn()
    {
        UmapOptions options;
        QCOMPARE(options.resolvedEpochs(10000), 500);
        QCOMPARE(options.resolvedEpochs(10001), 200);
        options.epochs = 30;
        QCOMPARE(options.resolvedEpochs(100000), 30);
    }

    void curveMatchesUmapLearn()
    {
        // umap.umap_.find_ab_params(spread, min_dist) from umap-learn 0.5.3 with scipy.
        const struct {
            double spread, minDist, a, b;
        } cases[] = {{1.0, 0.1, 1.5769434604035877, 0.8950608780665811},
                     {1.0, 0.5, 0.5830300205483709, 1.334166992455648},
                     {2.0, 0.0, 0.6460466724817009, 0.7904944901902085}};
        for (const auto &c : cases) {
            const UmapCurve curve = fitUmapCurve(c.spread, c.minDist);
            QVERIFY2(std::abs(curve.a - c.a) < 1e-4 * c.a, qPrintable(QString::number(curve.a, 'g', 10)));
            QVERIFY2(std::abs(curve.b - c.b) < 1e-4 * c.b, qPrintable(QString::number(curve.b, 'g', 10)));
        }
    }

    void smoothDistancesAndFuzzyUnion()
    {
        const Clusters clusters = makeClusters(200, 8, 2, 4);
        Result<NeighbourGraph> graph = euclideanNeighbourGraph(clusters.view(), 9, 1);
        QVERIFY(graph.ok());
        const SmoothDistances smooth = smoothNeighbourDistances(*graph, 10.0, 1);
        for (std::size_t i = 0; i < 200; ++i) {
            QCOMPARE(smooth.rho[i], std::sqrt(double(graph->distancesOf(i)[0])));
            double sum = 0.0;
            for (std::size_t j = 0; j < 9; ++j)
                sum += std::exp(-std::max(0.0, std::sqrt(double(graph->distancesOf(i)[j])) - smooth.rho[i])
                                / smooth.sigma[i]);
            QVERIFY2(std::abs(sum - std::log2(10.0)) < 1e-4, qPrintable(QString::number(sum)));
        }
        const WeightedGraph fuzzy = fuzzySimplicialSet(*graph, smooth);
        const auto membership = [&](std::size_t i, std::uint32_t j) {
            for (std::size_t m = 0; m < 9; ++m)
                if (graph->neighboursOf(i)[m] == j) {
                    const double over = std::sqrt(double(graph->distancesOf(i)[m])) - smooth.rho[i];
                    return over <= 0 ? 1.0 : std::exp(-over / smooth.sigma[i]);
                }
            return 0.0;
        };
        const auto weight = [&](std::size_t i, std::uint32_t j) {
            for (std::size_t e = fuzzy.rowStart[i]; e < fuzzy.rowStart[i + 1]; ++e)
                if (fuzzy.column[e] == j)
                    return double(fuzzy.weight[e]);
            return 0.0;
        };
        std::size_t edges = 0;
        for (std::size_t i = 0; i < 200; ++i) {
            for (std::size_t e = fuzzy.rowStart[i]; e < fuzzy.rowStart[i + 1]; ++e) {
                const std::uint32_t j = fuzzy.column[e];
                QVERIFY(j != i);
                if (e > fuzzy.rowStart[i])
                    QVERIFY(fuzzy.column[e - 1] < j);
                const double a = membership(i, j), b = membership(j, i);
                QVERIFY(std::abs(fuzzy.weight[e] - (a + b - a * b)) < 1e-6);
                QCOMPARE(weight(j, std::uint32_t(i)), double(fuzzy.weight[e]));
                ++edges;
            }
            // The nearest neighbour is always a full member.
            QCOMPARE(membership(i, graph->neighboursOf(i)[0]), 1.0);
        }
        QVERIFY(edges >= 200 * 9);
    }

    void spectralLayoutOfARingIsACircle()
    {
        // A ring of 40 points, each joined to the next two on either side: the two leading
        // non-trivial eigenvectors are cos and sin of the angle, so the layout is a circle.
        constexpr std::size_t n = 40;
        WeightedGraph ring;
        ring.rows = n;
        ring.rowStart.push_back(0);
        for (std::size_t i = 0; i < n; ++i) {
            std::vector<std::uint32_t> others;
            for (std::size_t step : {n - 2, n - 1, std::size_t(1), std::size_t(2)})
                others.push_back(std::uint32_t((i + step) % n));
            std::sort(others.begin(), others.end());
            for (std::uint32_t j : others) {
                ring.column.push_back(j);
                ring.weight.push_back(1.0f);
            }
            ring.rowStart.push_back(ring.column.size());
        }
        std::vector<float> data(n, 0.0f);
        Result<std::vector<double>> layout = spectralLayout(ring, MatrixView{data.data(), n, 1}, 7, 2);
        QVERIFY(layout.ok());
        std::vector<double> radius(n);
        double mean = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            radius[i] = std::hypot((*layout)[2 * i], (*layout)[2 * i + 1]);
            mean += radius[i] / n;
        }
        QVERIFY(mean > 0);
        for (double r : radius)
            QVERIFY2(std::abs(r - mean) < 0.01 * mean, qPrintable(QString::number(r / mean)));
        // Neighbours on the ring are neighbours on the circle: consecutive angles differ by 2 pi / n.
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t j = (i + 1) % n;
            const double step = std::acos(std::clamp(((*layout)[2 * i] * (*layout)[2 * j]
                                                      + (*layout)[2 * i + 1] * (*layout)[2 * j + 1])
                                                         / (radius[i] * radius[j]),
                                                     -1.0, 1.0));
            QVERIFY2(std::abs(step - 2 * M_PI / n) < 0.02, qPrintable(QString::number(step)));
        }
        QCOMPARE(connectedComponents(ring).count, std::size_t(1));
    }

    void sameSeedSameLayoutOnOneThread()
    {
        const Clusters clusters = makeClusters(300, 20, 3, 5);
        UmapOptions options;
        options.epochs = 100;
        options.threads = 1;
        Result<UmapResult> a = runUmap(clusters.view(), options);
        Result<UmapResult> b = runUmap(clusters.view(), options);
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a->coordinates == b->coordinates);
        options.seed = 2;
        Result<UmapResult> c = runUmap(clusters.view(), options);
        QVERIFY(c.ok());
        QVERIFY(a->coordinates != c->coordinates);
        // NN-descent too, and several threads still give a finite layout of every point.
        options.seed = 1;
        options.neighbourSearch = UmapNeighbourSearch::Approximate;
        Result<UmapResult> d = runUmap(clusters.view(), options);
        Result<UmapResult> e = runUmap(clusters.view(), options);
        QVERIFY(d.ok() && e.ok());
        QVERIFY(d->coordinates == e->coordinates);
        options.threads = 3;
        Result<UmapResult> f = runUmap(clusters.view(), options);
        QVERIFY(f.ok());
        QCOMPARE(f->coordinates.size(), std::size_t(600));
        QVERIFY(allFinite(f->coordinates));
    }

    void cancelStopsEachStage()
    {
        const Clusters clusters = makeClusters(200, 10, 3, 2);
        UmapOptions options;
        options.epochs = 500;
        options.threads = 1;
        int calls = 0;
        Result<UmapResult> result = runUmap(clusters.view(), options, [&](UmapStage stage, int done, int) {
            ++calls;
            return stage == UmapStage::Neighbours || done < 50;
        });
        QVERIFY(result.ok());
        QVERIFY(result->cancelled);
        QCOMPARE(result->epochsRun, 50);
        QCOMPARE(calls, 2 + 6); // neighbours 0 and 1; layout 0, 10, ..., 50
        QCOMPARE(result->coordinates.size(), std::size_t(400));
        QVERIFY(allFinite(result->coordinates));

        Result<UmapResult> before = runUmap(clusters.view(), options, [](UmapStage, int, int) { return false; });
        QVERIFY(before.ok());
        QVERIFY(before->cancelled);
        QCOMPARE(before->epochsRun, 0);
        QVERIFY(before->coordinates.empty());

        // In the middle of NN-descent.
        options.neighbourSearch = UmapNeighbourSearch::Approximate;
        Result<UmapResult> searching = runUmap(clusters.view(), options, [](UmapStage stage, int done, int) {
            return !(stage == UmapStage::Neighbours && done >= 1);
        });
        QVERIFY(searching.ok());
        QVERIFY(searching->cancelled);
        QVERIFY(searching->coordinates.empty());
    }

    void rejectsImpossibleOptions()
    {
        const Clusters clusters = makeClusters(20, 4, 2, 1);
        const auto problem = [&](const UmapOptions &options) {
            Result<UmapResult> result = runUmap(clusters.view(), options);
            return result.ok() ? std::string() : result.message();
        };
        const auto names = [](const std::string &message, const char *field) {
            return message.find(field) != std::string::npos;
        };
        UmapOptions options;
        options.nNeighbors = 1;
        QVERIFY(names(problem(options), "n_neighbors"));
        options.nNeighbors = 21; // more than the 20 points
        QVERIFY(names(problem(options), "n_neighbors"));
        options.nNeighbors = 20;
        options.epochs = 5;
        QVERIFY(problem(options).empty()); // every other point a neighbour is fine
        options = UmapOptions();
        options.minDist = -0.1;
        QVERIFY(names(problem(options), "min_dist"));
        options.minDist = 2.0; // more than the spread
        QVERIFY(names(problem(options), "min_dist"));
        QVERIFY(names(problem(options), "spread"));
        options = UmapOptions();
        options.spread = 0.0;
        QVERIFY(names(problem(options), "spread"));
        options.spread = std::numeric_limits<double>::quiet_NaN();
        QVERIFY(names(problem(options), "spread"));
        options = UmapOptions();
        options.epochs = -1;
        QVERIFY(names(problem(options), "epochs"));
        options = UmapOptions();
        options.learningRate = 0.0;
        QVERIFY(names(problem(options), "learning_rate"));
        options = UmapOptions();
        options.negativeSampleRate = -1;
        QVERIFY(names(problem(options), "negative_sample_rate"));

        options = UmapOptions();
        options.nNeighbors = 5;
        std::vector<float> bad = clusters.data;
        bad[9] = std::numeric_limits<float>::infinity();
        Result<UmapResult> infinite = runUmap(MatrixView{bad.data(), 20, 4}, options);
        QVERIFY(!infinite.ok());
        QVERIFY(infinite.message().find("row 2") != std::string::npos);
        QVERIFY(!runUmap(MatrixView{clusters.data.data(), 1, 4}, options).ok());
    }

    void duplicatesAndTinyInputsStayFinite()
    {
        // Ten copies of two points: zero distances, a graph of two components of five-plus points.
        std::vector<float> data;
        for (int i = 0; i < 20; ++i)
            for (int d = 0; d < 3; ++d)
                data.push_back(i % 2 == 0 ? 0.0f : 5.0f);
        UmapOptions options;
        options.nNeighbors = 5;
        options.epochs = 50;
        options.threads = 1;
        Result<UmapResult> result = runUmap(MatrixView{data.data(), 20, 3}, options);
        QVERIFY2(result.ok(), result.ok() ? "" : result.message().c_str());
        QVERIFY(allFinite(result->coordinates));
        // Three points, one column.
        const float line[] = {0.0f, 1.0f, 3.0f};
        options.nNeighbors = 2;
        Result<UmapResult> small = runUmap(MatrixView{line, 3, 1}, options);
        QVERIFY(small.ok());
        QCOMPARE(small->coordinates.size(), std::size_t(6));
        QVERIFY(allFinite(small->coordinates));
    }
};

QTEST_APPLESS_MAIN(TestUmap)
#include "tst_umap.moc"
