// The figures of an evaluation pass: loss, each task's metrics (further tasks prefixed with their
// name), the primary task's report, and nothing for a task without labelled posts.
#include "core/training/superviseddata.h"
#include "core/training/supervisedevaluation.h"

#include <QtTest>

#include <cmath>

using namespace chorus;

class SupervisedEvaluationTest : public QObject {
    Q_OBJECT

private slots:
    void namesEveryTasksFigures()
    {
        LabelTask sentiment;
        sentiment.name = "sentiment";
        sentiment.classes = {"negative", "positive"};
        LabelTask likes;
        likes.name = "post.likes";
        likes.regression = true;
        LabelTask topic;
        topic.name = "topic";
        topic.classes = {"a", "b"};
        // Three of four right; likes off by 1 and 3; no post labelled with a topic.
        const auto evaluation = SupervisedEvaluation::summarise(
            {sentiment, likes, topic}, 0.5, {{0, 1, 1, 0}, {2, 4}, {}}, {{0, 1, 0, 0}, {3, 7}, {}},
            {{{0.9, 0.1}, {0.2, 0.8}, {0.6, 0.4}, {0.7, 0.3}}, {}, {}});
        QCOMPARE(evaluation.value("loss"), 0.5);
        QCOMPARE(evaluation.value("accuracy"), 0.75);
        QCOMPARE(evaluation.value("post.likes/mae"), 2.0);
        QVERIFY(std::abs(evaluation.value("post.likes/rmse") - std::sqrt(5.0)) < 1e-12);
        QVERIFY(!std::isnan(evaluation.value("roc_auc")));
        QVERIFY(std::isnan(evaluation.value("topic/accuracy")));
        QVERIFY(std::isnan(evaluation.value("mae"))); // the primary task is a classification
        QVERIFY(evaluation.report.is_object());
        QVERIFY(evaluation.report.contains("accuracy") || evaluation.report.contains("confusion"));
    }
};

QTEST_GUILESS_MAIN(SupervisedEvaluationTest)
#include "tst_supervisedevaluation.moc"
