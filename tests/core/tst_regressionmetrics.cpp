// Regression metrics against values worked out by hand (arithmetic in the comments), the R²
// convention for a constant target, and input errors.
#include "core/metrics/regressionmetrics.h"

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

class RegressionMetricsTest : public QObject {
    Q_OBJECT

private slots:
    void workedExample()
    {
        // y_true  3    -0.5   2    7
        // y_pred  2.5   0.0   2    8
        // |err|   0.5   0.5   0    1     -> MAE = 2 / 4 = 0.5
        // err²    0.25  0.25  0    1     -> MSE = 1.5 / 4 = 0.375, RMSE = sqrt(0.375)
        // mean(y_true) = 11.5 / 4 = 2.875
        // (y - mean)²: 0.125² + 3.375² + 0.875² + 4.125²
        //            = 0.015625 + 11.390625 + 0.765625 + 17.015625 = 29.1875
        // R² = 1 - 1.5 / 29.1875
        const Result<RegressionReport> report = RegressionMetrics::evaluate({3, -0.5, 2, 7}, {2.5, 0.0, 2, 8});
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        QCOMPARE(report->count, std::size_t(4));
        COMPARE_NEAR(report->mae, 0.5);
        COMPARE_NEAR(report->rmse, std::sqrt(0.375));
        COMPARE_NEAR(report->r2, 1.0 - 1.5 / 29.1875);

        COMPARE_NEAR(RegressionMetrics::meanAbsoluteError({3, -0.5, 2, 7}, {2.5, 0.0, 2, 8}).value(), 0.5);
        COMPARE_NEAR(RegressionMetrics::rootMeanSquaredError({3, -0.5, 2, 7}, {2.5, 0.0, 2, 8}).value(),
                     std::sqrt(0.375));
        COMPARE_NEAR(RegressionMetrics::r2Score({3, -0.5, 2, 7}, {2.5, 0.0, 2, 8}).value(), 1.0 - 1.5 / 29.1875);

        const nlohmann::json json = report->toJson();
        QCOMPARE(json["count"].get<int>(), 4);
        COMPARE_NEAR(json["mae"].get<double>(), 0.5);
        COMPARE_NEAR(json["rmse"].get<double>(), std::sqrt(0.375));
        COMPARE_NEAR(json["r2"].get<double>(), 1.0 - 1.5 / 29.1875);
    }

    void perfectPrediction()
    {
        const RegressionReport report = RegressionMetrics::evaluate({1.5, -2, 10}, {1.5, -2, 10}).value();
        QCOMPARE(report.mae, 0.0);
        QCOMPARE(report.rmse, 0.0);
        QCOMPARE(report.r2, 1.0);
    }

    void r2AgainstTheMean()
    {
        // Predicting the mean (2) everywhere: SS_res = SS_tot -> R² = 0.
        COMPARE_NEAR(RegressionMetrics::r2Score({1, 2, 3}, {2, 2, 2}).value(), 0.0);
        // Reversed: SS_res = (1-3)² + 0 + (3-1)² = 8, SS_tot = 1 + 0 + 1 = 2 -> R² = 1 - 8/2 = -3.
        // MAE = (2 + 0 + 2) / 3, RMSE = sqrt(8 / 3).
        const RegressionReport report = RegressionMetrics::evaluate({1, 2, 3}, {3, 2, 1}).value();
        COMPARE_NEAR(report.r2, -3.0);
        COMPARE_NEAR(report.mae, 4.0 / 3.0);
        COMPARE_NEAR(report.rmse, std::sqrt(8.0 / 3.0));
    }

    void constantTargetConvention()
    {
        // SS_tot = 0: exact prediction -> 1, anything else -> 0 (never NaN or -inf).
        QCOMPARE(RegressionMetrics::r2Score({4, 4, 4}, {4, 4, 4}).value(), 1.0);
        QCOMPARE(RegressionMetrics::r2Score({4, 4, 4}, {4, 5, 4}).value(), 0.0);
        // A single sample is a constant target too. MAE = |7 - 5| = 2, RMSE = 2.
        const RegressionReport single = RegressionMetrics::evaluate({7}, {5}).value();
        QCOMPARE(single.r2, 0.0);
        QCOMPARE(single.mae, 2.0);
        QCOMPARE(single.rmse, 2.0);
    }

    void inputErrors()
    {
        const std::vector<double> ten(10, 1.0);
        const std::vector<double> nine(9, 1.0);
        Result<RegressionReport> report = RegressionMetrics::evaluate(ten, nine);
        QVERIFY(!report.ok());
        QCOMPARE(report.message(), std::string("y_pred has 9 entries, y_true 10"));
        report = RegressionMetrics::evaluate({}, {});
        QVERIFY(!report.ok());
        QCOMPARE(report.message(), std::string("y_true is empty: there is nothing to evaluate"));
        report = RegressionMetrics::evaluate({1, NAN}, {1, 2});
        QCOMPARE(report.message(), std::string("y_true[1] is not a finite number"));
        report = RegressionMetrics::evaluate({1, 2}, {INFINITY, 2});
        QCOMPARE(report.message(), std::string("y_pred[0] is not a finite number"));
        QVERIFY(!RegressionMetrics::meanAbsoluteError({1}, {}).ok());
        QVERIFY(!RegressionMetrics::rootMeanSquaredError({}, {1}).ok());
        QVERIFY(!RegressionMetrics::r2Score({}, {}).ok());
    }
};

QTEST_APPLESS_MAIN(RegressionMetricsTest)
#include "tst_regressionmetrics.moc"
