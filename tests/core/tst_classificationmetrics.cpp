// Classification metrics against values worked out by hand (the arithmetic is in the comments):
// confusion matrix, per-class and averaged precision/recall/F1, the 0/0 conventions, ROC-AUC with
// tied scores and skipped classes, input errors, and the JSON report.
#include "core/metrics/classificationmetrics.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

using namespace chorus;

#define COMPARE_NEAR(actual, expected)                                                                            \
    QVERIFY2(std::fabs(double(actual) - double(expected)) < 1e-9,                                                  \
             qPrintable(QString("%1 = %2, expected %3").arg(#actual).arg(double(actual), 0, 'g', 17)              \
                            .arg(double(expected), 0, 'g', 17)))

namespace {

using Labels = std::vector<std::int64_t>;

// Three classes, ten samples:
//   index  : 0 1 2 3 4 5 6 7 8 9
//   y_true : 0 0 0 0 1 1 1 2 2 2
//   y_pred : 0 0 1 2 1 1 0 2 2 1
// Confusion (rows true, columns predicted):
//   cat  [2 1 1]   support 4
//   dog  [1 2 0]   support 3
//   bird [0 1 2]   support 3
//   predicted per column: 3 4 3
const Labels kTrue = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2};
const Labels kPred = {0, 0, 1, 2, 1, 1, 0, 2, 2, 1};
const std::vector<std::string> kNames = {"cat", "dog", "bird"};

} // namespace

class ClassificationMetricsTest : public QObject {
    Q_OBJECT

private slots:
    void confusionMatrixRowsAreTrueColumnsPredicted()
    {
        const Result<ClassificationReport> report = ClassificationMetrics::evaluate(kTrue, kPred, 3, kNames);
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        const std::vector<std::vector<std::int64_t>> expected = {{2, 1, 1}, {1, 2, 0}, {0, 1, 2}};
        QCOMPARE(report->confusion, expected);
        QCOMPARE(report->total, std::int64_t(10));
        QCOMPARE(report->correct, std::int64_t(6)); // diagonal 2 + 2 + 2
        COMPARE_NEAR(report->accuracy, 0.6);        // 6 / 10
    }

    void perClassScores()
    {
        const ClassificationReport report = ClassificationMetrics::evaluate(kTrue, kPred, 3, kNames).value();
        QCOMPARE(report.perClass.size(), std::size_t(3));
        QCOMPARE(report.perClass[0].name, std::string("cat"));
        QCOMPARE(report.perClass[2].name, std::string("bird"));
        // cat: TP 2, predicted 3, support 4 -> P 2/3, R 2/4, F1 = 2(2/3)(1/2)/(2/3+1/2) = (2/3)/(7/6) = 4/7
        QCOMPARE(report.perClass[0].support, std::int64_t(4));
        QCOMPARE(report.perClass[0].predicted, std::int64_t(3));
        COMPARE_NEAR(report.perClass[0].precision, 2.0 / 3.0);
        COMPARE_NEAR(report.perClass[0].recall, 0.5);
        COMPARE_NEAR(report.perClass[0].f1, 4.0 / 7.0);
        // dog: TP 2, predicted 4, support 3 -> P 1/2, R 2/3, F1 4/7 (same pair swapped)
        COMPARE_NEAR(report.perClass[1].precision, 0.5);
        COMPARE_NEAR(report.perClass[1].recall, 2.0 / 3.0);
        COMPARE_NEAR(report.perClass[1].f1, 4.0 / 7.0);
        // bird: TP 2, predicted 3, support 3 -> P = R = F1 = 2/3
        COMPARE_NEAR(report.perClass[2].precision, 2.0 / 3.0);
        COMPARE_NEAR(report.perClass[2].recall, 2.0 / 3.0);
        COMPARE_NEAR(report.perClass[2].f1, 2.0 / 3.0);
    }

    void averages()
    {
        const ClassificationReport report = ClassificationMetrics::evaluate(kTrue, kPred, 3).value();
        QCOMPARE(report.perClass[1].name, std::string("1")); // unnamed classes go by id
        QCOMPARE(report.macroClasses, std::size_t(3));
        // macro P = (2/3 + 1/2 + 2/3) / 3 = (11/6) / 3 = 11/18; macro R the same numbers = 11/18
        COMPARE_NEAR(report.macroPrecision, 11.0 / 18.0);
        COMPARE_NEAR(report.macroRecall, 11.0 / 18.0);
        // macro F1 = (4/7 + 4/7 + 2/3) / 3 = (12/21 + 12/21 + 14/21) / 3 = 38/63
        COMPARE_NEAR(report.macroF1, 38.0 / 63.0);
        // micro: 6 correct of 10 predicted and of 10 true -> 0.6 everywhere (= accuracy)
        COMPARE_NEAR(report.microPrecision, 0.6);
        COMPARE_NEAR(report.microRecall, 0.6);
        COMPARE_NEAR(report.microF1, 0.6);
        // weighted by support 4, 3, 3:
        // P = (4 * 2/3 + 3 * 1/2 + 3 * 2/3) / 10 = (16/6 + 9/6 + 12/6) / 10 = 37/60
        // R = (4 * 1/2 + 3 * 2/3 + 3 * 2/3) / 10 = 6/10
        // F1 = (4 * 4/7 + 3 * 4/7 + 3 * 2/3) / 10 = (4 + 2) / 10 = 0.6
        COMPARE_NEAR(report.weightedPrecision, 37.0 / 60.0);
        COMPARE_NEAR(report.weightedRecall, 0.6);
        COMPARE_NEAR(report.weightedF1, 0.6);
    }

    void zeroDivisionConventions()
    {
        // y_true 0 1 2 2, y_pred 0 1 1 1, four classes (class 3 neither occurs nor is predicted).
        // class 0: P = R = F1 = 1
        // class 1: TP 1, predicted 3, support 1 -> P 1/3, R 1, F1 = 2(1/3)(1)/(4/3) = 1/2
        // class 2: never predicted -> P = 0/0 := 0, R = 0/2 = 0, F1 = 0/0 := 0
        // class 3: support 0 and never predicted -> all 0, and left out of the macro mean
        const ClassificationReport report = ClassificationMetrics::evaluate({0, 1, 2, 2}, {0, 1, 1, 1}, 4).value();
        COMPARE_NEAR(report.perClass[1].precision, 1.0 / 3.0);
        COMPARE_NEAR(report.perClass[1].f1, 0.5);
        QCOMPARE(report.perClass[2].predicted, std::int64_t(0));
        QCOMPARE(report.perClass[2].precision, 0.0);
        QCOMPARE(report.perClass[2].recall, 0.0);
        QCOMPARE(report.perClass[2].f1, 0.0);
        QCOMPARE(report.perClass[3].support, std::int64_t(0));
        QCOMPARE(report.perClass[3].f1, 0.0);
        QCOMPARE(report.macroClasses, std::size_t(3));
        COMPARE_NEAR(report.macroF1, 0.5);                   // (1 + 1/2 + 0) / 3
        COMPARE_NEAR(report.macroPrecision, 4.0 / 9.0);      // (1 + 1/3 + 0) / 3
        COMPARE_NEAR(report.weightedF1, 0.375);              // (1*1 + 1*1/2 + 2*0) / 4
        COMPARE_NEAR(report.accuracy, 0.5);                  // 2 / 4
    }

    void perfectPrediction()
    {
        const Labels labels = {2, 0, 1, 1, 2};
        const ClassificationReport report = ClassificationMetrics::evaluate(labels, labels, 3).value();
        QCOMPARE(report.accuracy, 1.0);
        QCOMPARE(report.macroF1, 1.0);
        QCOMPARE(report.weightedF1, 1.0);
        for (const ClassScores &scores : report.perClass) {
            QCOMPARE(scores.precision, 1.0);
            QCOMPARE(scores.recall, 1.0);
        }
    }

    void allWrong()
    {
        const ClassificationReport report = ClassificationMetrics::evaluate({0, 1, 2}, {1, 2, 0}, 3).value();
        QCOMPARE(report.correct, std::int64_t(0));
        QCOMPARE(report.accuracy, 0.0);
        QCOMPARE(report.macroF1, 0.0);
        QCOMPARE(report.microF1, 0.0);
        QCOMPARE(report.weightedF1, 0.0);
        QCOMPARE(report.confusion[0][1], std::int64_t(1));
        QCOMPARE(report.confusion[0][0], std::int64_t(0));
    }

    void singleClass()
    {
        const ClassificationReport report = ClassificationMetrics::evaluate({0, 0, 0}, {0, 0, 0}, 1).value();
        QCOMPARE(report.accuracy, 1.0);
        QCOMPARE(report.macroF1, 1.0);
        // One class only: no negatives, so ROC-AUC is undefined and says why.
        const Result<RocAucReport> auc = ClassificationMetrics::rocAuc({0, 0, 0}, {{0.9}, {0.8}, {0.1}}, 1);
        QVERIFY(!auc.ok());
        QVERIFY2(auc.message().find("only class 0") != std::string::npos, auc.message().c_str());

        // Through evaluate() the other metrics survive; the report says why there is no AUC.
        const ClassificationReport withScores =
            ClassificationMetrics::evaluate({1, 1}, {1, 0}, {{0.2, 0.8}, {0.6, 0.4}}, 2).value();
        COMPARE_NEAR(withScores.accuracy, 0.5);
        QVERIFY(!withScores.rocAuc.has_value());
        QCOMPARE(withScores.rocAucUnavailable,
                 std::string("ROC-AUC is undefined: y_true holds only class 1, so no class has both positive and "
                             "negative samples"));
        QCOMPARE(withScores.toJson()["roc_auc_unavailable"].get<std::string>(), withScores.rocAucUnavailable);
    }

    void inputErrorsNameTheProblem()
    {
        Labels nine(9, 0);
        Labels ten(10, 0);
        Result<ClassificationReport> report = ClassificationMetrics::evaluate(ten, nine, 2);
        QVERIFY(!report.ok());
        QCOMPARE(report.message(), std::string("y_pred has 9 entries, y_true 10"));

        report = ClassificationMetrics::evaluate({}, {}, 2);
        QVERIFY(!report.ok());
        QVERIFY(report.message().find("empty") != std::string::npos);

        report = ClassificationMetrics::evaluate({0, 1, 2}, {0, 1, 3}, 3);
        QVERIFY(!report.ok());
        QCOMPARE(report.message(), std::string("y_pred[2] = 3 is not a class id (expected 0..2)"));

        report = ClassificationMetrics::evaluate({0, -1}, {0, 0}, 3);
        QVERIFY(!report.ok());
        QCOMPARE(report.message(), std::string("y_true[1] = -1 is not a class id (expected 0..2)"));

        report = ClassificationMetrics::evaluate({0, 1}, {0, 1}, 2, {"only one name"});
        QVERIFY(!report.ok());
        QCOMPARE(report.message(), std::string("there are 1 class names for 2 classes"));

        report = ClassificationMetrics::evaluate({0}, {0}, 0);
        QVERIFY(!report.ok());

        report = ClassificationMetrics::evaluate({0, 1}, {0, 1}, {{0.5, 0.5}}, 2);
        QVERIFY(!report.ok());
        QCOMPARE(report.message(), std::string("scores has 1 rows, y_true 2 entries"));

        report = ClassificationMetrics::evaluate({0, 1}, {0, 1}, {{0.5, 0.5}, {0.5}}, 2);
        QVERIFY(!report.ok());
        QCOMPARE(report.message(), std::string("scores[1] has 1 entries for 2 classes"));

        report = ClassificationMetrics::evaluate({0, 1}, {0, 1}, {{0.5, 0.5}, {NAN, 0.5}}, 2);
        QVERIFY(!report.ok());
        QCOMPARE(report.message(), std::string("scores[1][0] is not a finite number"));
    }

    void binaryAucWithTies()
    {
        // y_true 0    0    1     1    0    1
        // score  0.1  0.4  0.35  0.8  0.4  0.4
        // Ascending: 0.1(-) 0.35(+) 0.4(-) 0.4(-) 0.4(+) 0.8(+)
        // Ranks:     1      2       the three 0.4s share (3+4+5)/3 = 4       6
        // Positive rank sum = 2 + 4 + 6 = 12; P = N = 3
        // AUC = (12 - 3*4/2) / (3*3) = 6/9 = 2/3
        // Pair check: 0.35 beats 0.1 (1); 0.4 beats 0.1, ties two 0.4s (1 + 0.5 + 0.5); 0.8 beats all (3): 6/9
        const Result<double> auc =
            ClassificationMetrics::binaryRocAuc({0, 0, 1, 1, 0, 1}, {0.1, 0.4, 0.35, 0.8, 0.4, 0.4});
        QVERIFY2(auc.ok(), auc.ok() ? "" : auc.message().c_str());
        COMPARE_NEAR(*auc, 2.0 / 3.0);
    }

    void binaryAucWithoutTies()
    {
        // Ascending 0.1(-) 0.35(+) 0.4(-) 0.8(+): positive ranks 2 + 4 = 6; (6 - 3) / (2*2) = 0.75
        COMPARE_NEAR(ClassificationMetrics::binaryRocAuc({0, 0, 1, 1}, {0.1, 0.4, 0.35, 0.8}).value(), 0.75);
        // Perfect ranking, reversed ranking, and all scores equal (every pair a tie).
        QCOMPARE(ClassificationMetrics::binaryRocAuc({0, 0, 1, 1}, {0.1, 0.2, 0.3, 0.4}).value(), 1.0);
        QCOMPARE(ClassificationMetrics::binaryRocAuc({1, 1, 0, 0}, {0.1, 0.2, 0.3, 0.4}).value(), 0.0);
        QCOMPARE(ClassificationMetrics::binaryRocAuc({1, 0, 1, 0}, {0.5, 0.5, 0.5, 0.5}).value(), 0.5);
    }

    void binaryAucErrors()
    {
        Result<double> auc = ClassificationMetrics::binaryRocAuc({1, 1}, {0.2, 0.3});
        QVERIFY(!auc.ok());
        QCOMPARE(auc.message(), std::string("ROC-AUC is undefined: y_true has no negative samples"));
        auc = ClassificationMetrics::binaryRocAuc({0, 0}, {0.2, 0.3});
        QCOMPARE(auc.message(), std::string("ROC-AUC is undefined: y_true has no positive samples"));
        auc = ClassificationMetrics::binaryRocAuc({0, 2}, {0.2, 0.3});
        QCOMPARE(auc.message(), std::string("y_true[1] = 2 is not a class id (expected 0..1)"));
        auc = ClassificationMetrics::binaryRocAuc({0, 1}, {0.2});
        QCOMPARE(auc.message(), std::string("scores has 1 entries, y_true 2"));
        auc = ClassificationMetrics::binaryRocAuc({0, 1}, {0.2, INFINITY});
        QCOMPARE(auc.message(), std::string("scores[1] is not a finite number"));
        QVERIFY(!ClassificationMetrics::binaryRocAuc({}, {}).ok());
    }

    void oneVsRestSkipsAbsentClass()
    {
        // y_true 0 0 1 1 with three classes: class 2 has no positives and is skipped.
        //            class0 class1 class2
        // sample 0:  0.7    0.2    0.1     (true 0)
        // sample 1:  0.4    0.4    0.2     (true 0)
        // sample 2:  0.5    0.3    0.2     (true 1)
        // sample 3:  0.1    0.4    0.5     (true 1)
        // class 0: positives 0.7, 0.4 vs negatives 0.5, 0.1:
        //   0.7 > 0.5, 0.7 > 0.1, 0.4 < 0.5, 0.4 > 0.1 -> 3/4
        // class 1: positives 0.3, 0.4 vs negatives 0.2, 0.4:
        //   0.3 > 0.2, 0.3 < 0.4, 0.4 > 0.2, 0.4 = 0.4 (half) -> 2.5/4 = 0.625
        // macro = (0.75 + 0.625) / 2 = 0.6875
        const std::vector<std::vector<double>> scores = {
            {0.7, 0.2, 0.1}, {0.4, 0.4, 0.2}, {0.5, 0.3, 0.2}, {0.1, 0.4, 0.5}};
        const Result<RocAucReport> auc = ClassificationMetrics::rocAuc({0, 0, 1, 1}, scores, 3);
        QVERIFY2(auc.ok(), auc.ok() ? "" : auc.message().c_str());
        COMPARE_NEAR(auc->perClass[0].value(), 0.75);
        COMPARE_NEAR(auc->perClass[1].value(), 0.625);
        QVERIFY(!auc->perClass[2].has_value());
        QCOMPARE(auc->skippedClasses, std::vector<std::size_t>{2});
        COMPARE_NEAR(auc->auc, 0.6875);
    }

    void twoClassAucUsesPositiveColumn()
    {
        // Column 1 is 0.1 0.4 0.35 0.8 -> 0.75 (binaryAucWithoutTies). Column 0 is deliberately not
        // its complement: for class 0, positives 0.9, 0.6 beat negatives 0.5, 0.2 in all 4 pairs -> 1.
        // The headline is column 1's AUC, as scikit-learn reports for binary problems.
        const std::vector<std::vector<double>> scores = {{0.9, 0.1}, {0.6, 0.4}, {0.5, 0.35}, {0.2, 0.8}};
        const RocAucReport auc = ClassificationMetrics::rocAuc({0, 0, 1, 1}, scores, 2).value();
        COMPARE_NEAR(auc.auc, 0.75);
        COMPARE_NEAR(auc.perClass[0].value(), 1.0);
        QVERIFY(auc.skippedClasses.empty());
    }

    void reportWithScoresAndJson()
    {
        // The 3-class example with scores that rank every sample's true class first for its class:
        // each one-vs-rest AUC is 1.
        std::vector<std::vector<double>> scores;
        for (std::int64_t label : kTrue) {
            std::vector<double> row(3, 0.1);
            row[std::size_t(label)] = 0.8;
            scores.push_back(row);
        }
        const Result<ClassificationReport> report = ClassificationMetrics::evaluate(kTrue, kPred, scores, 3, kNames);
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        QVERIFY(report->rocAuc.has_value());
        QCOMPARE(report->rocAuc->auc, 1.0);

        // The JSON survives a text round trip with every number in place.
        const nlohmann::json json = nlohmann::json::parse(report->toJson().dump());
        QCOMPARE(json["class_count"].get<int>(), 3);
        QCOMPARE(json["total"].get<int>(), 10);
        QCOMPARE(json["confusion"][0][1].get<int>(), 1);
        QCOMPARE(json["confusion"][2][2].get<int>(), 2);
        COMPARE_NEAR(json["accuracy"].get<double>(), 0.6);
        QCOMPARE(json["classes"][2]["name"].get<std::string>(), std::string("bird"));
        COMPARE_NEAR(json["classes"][0]["f1"].get<double>(), 4.0 / 7.0);
        QCOMPARE(json["classes"][1]["support"].get<int>(), 3);
        COMPARE_NEAR(json["macro"]["f1"].get<double>(), 38.0 / 63.0);
        COMPARE_NEAR(json["weighted"]["precision"].get<double>(), 37.0 / 60.0);
        COMPARE_NEAR(json["micro"]["f1"].get<double>(), 0.6);
        QCOMPARE(json["roc_auc"]["auc"].get<double>(), 1.0);
        QCOMPARE(json["roc_auc"]["per_class"].size(), std::size_t(3));

        // Without scores there is no roc_auc entry; a skipped class is null in per_class.
        QVERIFY(!ClassificationMetrics::evaluate(kTrue, kPred, 3).value().toJson().contains("roc_auc"));
        const ClassificationReport skipped =
            ClassificationMetrics::evaluate({0, 1}, {0, 1}, {{0.9, 0.1, 0.0}, {0.2, 0.8, 0.0}}, 3).value();
        const nlohmann::json skippedJson = skipped.toJson();
        QVERIFY(skippedJson["roc_auc"]["per_class"][2].is_null());
        QCOMPARE(skippedJson["roc_auc"]["skipped_classes"][0].get<int>(), 2);
    }
};

QTEST_APPLESS_MAIN(ClassificationMetricsTest)
#include "tst_classificationmetrics.moc"
