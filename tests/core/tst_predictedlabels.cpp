// Predictions kept as a label task: stored in one go, replaced by the next run's, remembered by
// run, and never written over hand-made labels unless asked.
#include "core/store/predictedlabels.h"
#include "core/store/project.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

class PredictedLabelsTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;

    std::int64_t count(const std::string &sql)
    {
        auto statement = m_project->db().prepare(sql);
        return statement && statement->step() ? statement->int64(0) : -1;
    }

    // Each test gets a fresh project file.
    static qint64 nextProject()
    {
        static qint64 n = 0;
        return ++n;
    }

private slots:
    void init()
    {
        auto project = Project::open(m_dir.filePath(QString("p%1.chorus").arg(nextProject())).toStdString());
        QVERIFY(project.ok());
        m_project = std::move(*project);
        QVERIFY(m_project->db()
                    .exec("INSERT INTO datasets(id, name) VALUES (1, 'a'), (2, 'b');"
                          "INSERT INTO posts(id, dataset_id, source_id, text) VALUES"
                          " (1, 1, 'x', 'good'), (2, 1, 'y', 'bad'), (3, 1, 'z', 'meh'), (4, 2, 'w', 'other');"
                          "INSERT INTO labels(post_id, task, value) VALUES (1, 'sentiment', 'positive'),"
                          " (4, 'predicted', 'kept')")
                    .ok());
    }

    void storesAndReplacesPredictions()
    {
        QCOMPARE(*PredictedLabels::sourceRun(*m_project, "a", "predicted"), std::int64_t(0));
        QVERIFY(PredictedLabels::store(*m_project, "a", "predicted", 7, {{1, "positive"}, {2, "negative"}, {3, "neutral"}}, {})
                    .ok());
        QCOMPARE(count("SELECT count(*) FROM labels WHERE task = 'predicted' AND post_id <= 3"), std::int64_t(3));
        QCOMPARE(*PredictedLabels::sourceRun(*m_project, "a", "predicted"), std::int64_t(7));
        // A later run replaces them; posts it does not cover lose the old prediction.
        QVERIFY(PredictedLabels::store(*m_project, "a", "predicted", 9, {{2, "positive"}}, {}).ok());
        QCOMPARE(count("SELECT count(*) FROM labels WHERE task = 'predicted' AND post_id <= 3"), std::int64_t(1));
        QCOMPARE(count("SELECT count(*) FROM labels WHERE task = 'predicted' AND post_id = 2 AND value = 'positive'"),
                 std::int64_t(1));
        QCOMPARE(*PredictedLabels::sourceRun(*m_project, "a", "predicted"), std::int64_t(9));
        // Another dataset's labels of the same task name are untouched, and hand labels too.
        QCOMPARE(count("SELECT count(*) FROM labels WHERE post_id = 4 AND value = 'kept'"), std::int64_t(1));
        QCOMPARE(count("SELECT count(*) FROM labels WHERE task = 'sentiment'"), std::int64_t(1));
    }

    void handLabelsAreNotOverwrittenByAccident()
    {
        const Status refused = PredictedLabels::store(*m_project, "a", "sentiment", 3, {{2, "negative"}}, {});
        QVERIFY(!refused.ok());
        QVERIFY2(refused.message().find("'sentiment'") != std::string::npos, refused.message().c_str());
        QVERIFY(refused.message().find("predicted_sentiment") != std::string::npos);
        QCOMPARE(count("SELECT count(*) FROM labels WHERE task = 'sentiment' AND post_id = 1"), std::int64_t(1));
        PredictedLabels::Options replace;
        replace.replaceForeignLabels = true;
        QVERIFY(PredictedLabels::store(*m_project, "a", "sentiment", 3, {{2, "negative"}}, replace).ok());
        QCOMPARE(count("SELECT count(*) FROM labels WHERE task = 'sentiment'"), std::int64_t(1));
        QCOMPARE(count("SELECT count(*) FROM labels WHERE task = 'sentiment' AND post_id = 2"), std::int64_t(1));
    }

    void badArgumentsAreNamed()
    {
        QVERIFY(PredictedLabels::store(*m_project, "nope", "t", 1, {}, {}).message().find("'nope'") != std::string::npos);
        QVERIFY(!PredictedLabels::store(*m_project, "a", "", 1, {}, {}).ok());
        // A post of another dataset is not labelled through this one.
        QVERIFY(PredictedLabels::store(*m_project, "a", "p2", 1, {{4, "x"}}, {}).ok());
        QCOMPARE(count("SELECT count(*) FROM labels WHERE task = 'p2'"), std::int64_t(0));
    }
};

QTEST_GUILESS_MAIN(PredictedLabelsTest)
#include "tst_predictedlabels.moc"
