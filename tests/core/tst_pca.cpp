// PCA: a planted rank-2 structure is recovered with explained variance ~1, hand-computed 2- and
// 3-point cases, deterministic signs, thread-count independence, and errors for impossible asks.
#include "core/projection/pca.h"
#include "core/util/deterministicrandom.h"

#include <QtTest>

#include <cmath>
#include <vector>

using namespace chorus;

class TestPca : public QObject {
    Q_OBJECT

private slots:
    void twoPointsLieOnOneAxis()
    {
        // (0,0) and (2,2): mean (1,1), the only axis is (1,1)/sqrt2, coordinates -+sqrt2.
        const std::vector<float> data{0, 0, 2, 2};
        Result<PcaResult> pca = principalComponents(MatrixView{data.data(), 2, 2}, 1, 1);
        QVERIFY2(pca.ok(), pca.ok() ? "" : pca.message().c_str());
        const double s = std::sqrt(0.5);
        QVERIFY(std::abs(pca->axes[0] - s) < 1e-9);
        QVERIFY(std::abs(pca->axes[1] - s) < 1e-9);
        QVERIFY(std::abs(pca->coordinates[0] + std::sqrt(2.0)) < 1e-6);
        QVERIFY(std::abs(pca->coordinates[1] - std::sqrt(2.0)) < 1e-6);
        // Covariance with n - 1: variance along the axis is (2 + 2) / 1 = 4.
        QVERIFY(std::abs(pca->explainedVariance[0] - 4.0) < 1e-9);
        QVERIFY(std::abs(pca->explainedVarianceRatio[0] - 1.0) < 1e-12);
    }

    void threePointsByHand()
    {
        // (-1,0), (1,0), (0,3): mean (0,1); centred (-1,-1), (1,-1), (0,2); covariance
        // [[1, 0], [0, 3]] (sums 2 and 6 over n - 1 = 2): axes y then x, ratios 0.75 and 0.25.
        const std::vector<float> data{-1, 0, 1, 0, 0, 3};
        Result<PcaResult> pca = principalComponents(MatrixView{data.data(), 3, 2}, 2, 1);
        QVERIFY(pca.ok());
        QVERIFY(std::abs(pca->explainedVariance[0] - 3.0) < 1e-9);
        QVERIFY(std::abs(pca->explainedVariance[1] - 1.0) < 1e-9);
        QVERIFY(std::abs(pca->explainedVarianceRatio[0] - 0.75) < 1e-9);
        QVERIFY(std::abs(pca->explainedVarianceRatio[1] - 0.25) < 1e-9);
        // Axis 1 = +y, axis 2 = +x (largest entry made positive).
        QVERIFY(std::abs(pca->axes[0]) < 1e-9 && std::abs(pca->axes[1] - 1.0) < 1e-9);
        QVERIFY(std::abs(pca->axes[2] - 1.0) < 1e-9 && std::abs(pca->axes[3]) < 1e-9);
        const float expected[] = {-1, -1, -1, 1, 2, 0};
        for (int i = 0; i < 6; ++i)
            QVERIFY2(std::abs(pca->coordinates[i] - expected[i]) < 1e-6, qPrintable(QString::number(i)));
        QCOMPARE(pca->mean[1], 1.0);
    }

    void recoversPlantedRankTwo()
    {
        // 400 points in 30-D: two latent factors times fixed loadings, plus noise 1e-3.
        const std::size_t n = 400, d = 30;
        DeterministicRandom random(11);
        std::vector<double> loadA(d), loadB(d);
        for (std::size_t j = 0; j < d; ++j) {
            loadA[j] = random.roughNormal();
            loadB[j] = random.roughNormal();
        }
        std::vector<float> data(n * d);
        for (std::size_t i = 0; i < n; ++i) {
            const double a = 3.0 * random.roughNormal(), b = random.roughNormal();
            for (std::size_t j = 0; j < d; ++j)
                data[i * d + j] = float(5.0 + a * loadA[j] + b * loadB[j] + 1e-3 * random.roughNormal());
        }
        Result<PcaResult> pca = principalComponents(MatrixView{data.data(), n, d}, 3, 2);
        QVERIFY(pca.ok());
        const double planted = pca->explainedVarianceRatio[0] + pca->explainedVarianceRatio[1];
        QVERIFY2(planted > 0.99999, qPrintable(QString::number(planted, 'g', 10)));
        QVERIFY(pca->explainedVarianceRatio[0] > pca->explainedVarianceRatio[1]);
        QVERIFY(pca->explainedVarianceRatio[2] < 1e-5);
        // Axes are orthonormal and the loadings lie in their span.
        for (std::size_t a = 0; a < 3; ++a) {
            for (std::size_t b = 0; b < 3; ++b) {
                double dot = 0;
                for (std::size_t j = 0; j < d; ++j)
                    dot += pca->axes[a * d + j] * pca->axes[b * d + j];
                QVERIFY(std::abs(dot - (a == b ? 1.0 : 0.0)) < 1e-9);
            }
        }
        for (const std::vector<double> *load : {&loadA, &loadB}) {
            double norm = 0, inSpan = 0;
            for (std::size_t j = 0; j < d; ++j)
                norm += (*load)[j] * (*load)[j];
            for (std::size_t a = 0; a < 2; ++a) {
                double dot = 0;
                for (std::size_t j = 0; j < d; ++j)
                    dot += pca->axes[a * d + j] * (*load)[j];
                inSpan += dot * dot;
            }
            QVERIFY(inSpan / norm > 0.99999);
        }
        // Same numbers on one thread as on two.
        Result<PcaResult> single = principalComponents(MatrixView{data.data(), n, d}, 3, 1);
        QVERIFY(single.ok());
        QVERIFY(single->coordinates == pca->coordinates);
    }

    void rejectsImpossibleRequests()
    {
        const std::vector<float> data{1, 2, 3, 4, 5, 6};
        QVERIFY(!principalComponents(MatrixView{data.data(), 3, 2}, 3).ok());
        QVERIFY(!principalComponents(MatrixView{data.data(), 3, 2}, 0).ok());
        QVERIFY(!principalComponents(MatrixView{data.data(), 1, 6}, 1).ok());
        std::vector<float> bad = data;
        bad[3] = std::nanf("");
        Result<PcaResult> nan = principalComponents(MatrixView{bad.data(), 3, 2}, 1);
        QVERIFY(!nan.ok());
        QVERIFY(nan.message().find("row 1") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestPca)
#include "tst_pca.moc"
