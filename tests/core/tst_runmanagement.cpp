// Renaming and deleting runs through RunStore: the rows, what cascades with them, the run's files,
// and the refusals (a missing run, a run still training).
#include "core/store/project.h"
#include "core/training/runstore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

class RunManagementTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;

    std::int64_t countOf(const std::string &table, std::int64_t run)
    {
        auto n = m_project->db().queryInt("SELECT count(*) FROM " + table + " WHERE run_id = " + std::to_string(run));
        return n ? *n : -1;
    }

private slots:
    void initTestCase()
    {
        auto project = Project::open(m_dir.filePath("runs.chorus").toStdString());
        QVERIFY(project.ok());
        m_project = std::move(*project);
        QVERIFY(m_project->ensureDataset("demo").ok());
        auto none = RunStore(*m_project).latest();
        QVERIFY(none.ok() && !none->has_value());
    }

    void renameSetsAndClearsTheName()
    {
        RunStore store(*m_project);
        auto run = store.create("textcnn", "demo", {{"epochs", 1}}, "cpu");
        QVERIFY(run.ok());
        QVERIFY(store.rename(*run, "baseline").ok());
        QCOMPARE(store.get(*run)->name, std::string("baseline"));
        QVERIFY(store.rename(*run, "").ok());
        QCOMPARE(store.get(*run)->name, std::string());
        const Status missing = store.rename(999999, "x");
        QVERIFY(!missing.ok());
        QVERIFY2(missing.message().find("999999") != std::string::npos, missing.message().c_str());
    }

    void metricNamesInFirstRecordedOrder()
    {
        RunStore store(*m_project);
        auto run = store.create("textcnn", "demo", {{"epochs", 1}}, "cpu");
        QVERIFY(run.ok());
        QVERIFY(store.addMetrics(*run, 1, 0.1, "valid", {{"macro_f1", 0.4}, {"accuracy", 0.5}}).ok());
        QVERIFY(store.addMetrics(*run, 1, 0.1, "train", {{"loss", 2.0}}).ok());
        QVERIFY(store.addMetrics(*run, 2, 0.2, "valid", {{"accuracy", 0.6}, {"loss", 1.5}, {"macro_f1", 0.5}}).ok());
        auto valid = store.metricNames(*run, "valid");
        QVERIFY(valid.ok());
        QCOMPARE(*valid, (std::vector<std::string>{"macro_f1", "accuracy", "loss"}));
        QCOMPARE(*store.metricNames(*run, "train"), std::vector<std::string>{"loss"});
        QVERIFY(store.metricNames(*run, "test")->empty());
        QVERIFY(store.metricNames(999999, "valid")->empty());
        auto latest = store.latest();
        QVERIFY(latest.ok() && latest->has_value());
        QCOMPARE((*latest)->id, *run);
        QCOMPARE((*latest)->model, std::string("textcnn"));
    }

    void removeTakesRowsAndFiles()
    {
        RunStore store(*m_project);
        auto run = store.create("textcnn", "demo", {{"epochs", 1}}, "cpu");
        QVERIFY(run.ok());
        QVERIFY(store.addMetrics(*run, 10, 0.5, "train", {{"loss", 1.0}}).ok());
        QVERIFY(store.addArtifact(*run, "attention", "epoch-1", 10, "application/json", "{}").ok());
        const QString runDir = QString::fromStdString(m_project->path()) + ".runs/run-" + QString::number(*run);
        QVERIFY(QDir().mkpath(runDir));
        QFile checkpoint(runDir + "/best.pt");
        QVERIFY(checkpoint.open(QIODevice::WriteOnly));
        checkpoint.write("weights");
        checkpoint.close();
        QVERIFY(store.addCheckpoint(*run, 10, "best", checkpoint.fileName().toStdString(), 0.5).ok());

        // Still training: refused, nothing removed.
        const Status refused = store.remove(*run);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.message().find("running") != std::string::npos, refused.message().c_str());
        QCOMPARE(countOf("metrics", *run), 1);

        QVERIFY(store.setStatus(*run, "finished").ok());
        QVERIFY(store.remove(*run).ok());
        QVERIFY(!store.get(*run).ok());
        QCOMPARE(countOf("metrics", *run), 0);
        QCOMPARE(countOf("artifacts", *run), 0);
        QCOMPARE(countOf("checkpoints", *run), 0);
        QVERIFY(!QFileInfo::exists(runDir));
        QVERIFY(!store.remove(*run).ok());
    }

    void removeLeavesOtherRuns()
    {
        RunStore store(*m_project);
        auto a = store.create("textcnn", "demo", {}, "cpu");
        auto b = store.create("transformer", "demo", {}, "cpu");
        QVERIFY(a.ok() && b.ok());
        QVERIFY(store.addMetrics(*b, 1, 0.1, "train", {{"loss", 2.0}}).ok());
        QVERIFY(store.setStatus(*a, "failed", "crashed").ok());
        QVERIFY(store.remove(*a).ok());
        QVERIFY(store.get(*b).ok());
        QCOMPARE(countOf("metrics", *b), 1);
    }
};

QTEST_GUILESS_MAIN(RunManagementTest)
#include "tst_runmanagement.moc"
