// RunTransfer: a run recorded in a copy of the project (where a cluster job trained it) comes back
// with its metrics, artifacts and checkpoint files under a new id; and every refusal (another
// dataset, a missing checkpoint file, a run still running, the project itself, an unknown run)
// leaves the project exactly as it was.
#include "core/store/project.h"
#include "core/training/runstore.h"
#include "core/training/runtransfer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

class RunTransferTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_targetPath;

    static std::int64_t count(Project &project, const std::string &sql)
    {
        auto n = project.db().queryInt(sql);
        return n ? *n : -1;
    }

    // A project with dataset "demo" of `posts` posts.
    QString makeProject(const QString &name, int posts)
    {
        const QString path = m_dir.filePath(name);
        auto project = Project::open(path.toStdString());
        if (!project || !(*project)->ensureDataset("demo").ok())
            return {};
        for (int i = 0; i < posts; ++i) {
            auto insert = (*project)->db().prepare(
                "INSERT INTO posts(dataset_id, source_id, text) SELECT id, ?1, 'text' FROM datasets WHERE name = 'demo'");
            insert->bind(1, std::to_string(i));
            if (!insert->exec())
                return {};
        }
        return path;
    }

    // A finished run with metrics, an artifact and a best checkpoint file in `path`'s run folder.
    static std::int64_t makeRun(const QString &path, const std::string &status = "finished")
    {
        auto project = Project::open(path.toStdString(), Project::OpenMode::OpenExisting);
        if (!project)
            return 0;
        RunStore store(**project);
        auto run = store.create("textcnn", "demo", {{"epochs", 2}}, "cpu");
        if (!run)
            return 0;
        store.addMetrics(*run, 10, 0.5, "train", {{"loss", 1.25}, {"lr", 0.001}});
        store.addMetrics(*run, 20, 1.0, "valid", {{"accuracy", 0.75}});
        store.addArtifact(*run, "attention", "epoch-1", 10, "application/json", R"({"epoch": 1})");
        store.setBestMetrics(*run, {{"accuracy", 0.75}});
        const QString runDir = path + ".runs/run-" + QString::number(*run);
        QDir().mkpath(runDir);
        QFile checkpoint(runDir + "/best.pt");
        checkpoint.open(QIODevice::WriteOnly);
        checkpoint.write("weights of the best model");
        checkpoint.close();
        store.addCheckpoint(*run, 20, "best", (runDir + "/best.pt").toStdString(), 0.75);
        store.setStatus(*run, status);
        return *run;
    }

    // The project is unchanged: no run added and no run folder left behind.
    void verifyUntouched(Project &target, std::int64_t runsBefore)
    {
        QCOMPARE(count(target, "SELECT count(*) FROM runs"), runsBefore);
        QVERIFY(!QDir(m_targetPath + ".runs/run-" + QString::number(runsBefore + 1)).exists());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_targetPath = makeProject("target.chorus", 5);
        QVERIFY(!m_targetPath.isEmpty());
        QVERIFY(makeRun(m_targetPath) == 1); // the project already has a run of its own
    }

    void aRunComesBackWithEverythingItRecorded()
    {
        const QString copy = m_dir.filePath("cluster.chorus");
        QVERIFY(QFile::copy(m_targetPath, copy));
        const std::int64_t trained = makeRun(copy);
        QCOMPARE(trained, std::int64_t(2));
        auto target = Project::open(m_targetPath.toStdString(), Project::OpenMode::OpenExisting);
        QVERIFY(target);
        RunStore(**target).create("textcnn", "demo", {{"epochs", 1}}, "cpu"); // run 2 here is another run
        auto imported = RunTransfer::importRun(**target, copy.toStdString(), trained);
        QVERIFY2(imported, imported ? "" : imported.message().c_str());
        QCOMPARE(imported->runId, std::int64_t(3));
        QCOMPARE(imported->metrics, std::int64_t(3));
        QCOMPARE(imported->artifacts, std::int64_t(1));
        QCOMPARE(imported->checkpoints, std::int64_t(1));

        RunStore store(**target);
        auto summary = store.get(3);
        QVERIFY(summary);
        QCOMPARE(summary->status, std::string("finished"));
        QCOMPARE(summary->model, std::string("textcnn"));
        QCOMPARE(summary->dataset, std::string("demo"));
        QVERIFY(summary->name.find("cluster.chorus") != std::string::npos); // says where it came from
        auto loss = store.history(3, "train", "loss");
        QVERIFY(loss && loss->size() == 1);
        QCOMPARE((*loss)[0].first, std::int64_t(10));
        QCOMPARE((*loss)[0].second, 1.25);
        QCOMPARE(count(**target, "SELECT count(*) FROM artifacts WHERE run_id = 3 AND kind = 'attention'"), std::int64_t(1));
        auto path = (*target)->db().queryText("SELECT path FROM checkpoints WHERE run_id = 3 AND kind = 'best'");
        QVERIFY(path);
        QCOMPARE(QString::fromStdString(*path), m_targetPath + ".runs/run-3/best.pt");
        QFile file(QString::fromStdString(*path));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("weights of the best model"));
        // Run 1's and run 2's own rows are untouched.
        QCOMPARE(count(**target, "SELECT count(*) FROM metrics WHERE run_id = 1"), std::int64_t(3));
    }

    void refusalsLeaveTheProjectAsItWas()
    {
        auto target = Project::open(m_targetPath.toStdString(), Project::OpenMode::OpenExisting);
        QVERIFY(target);
        const std::int64_t runs = count(**target, "SELECT count(*) FROM runs");
        auto refused = [&](const QString &source, std::int64_t run, const char *expected) {
            auto imported = RunTransfer::importRun(**target, source.toStdString(), run);
            if (imported) {
                qWarning("imported, expected a refusal mentioning '%s'", expected);
                return false;
            }
            if (imported.message().find(expected) == std::string::npos) {
                qWarning("%s", imported.message().c_str());
                return false;
            }
            return true;
        };

        // Another dataset: same name, other posts.
        const QString other = makeProject("other.chorus", 7);
        const std::int64_t otherRun = makeRun(other);
        QVERIFY(refused(other, otherRun, "differs from this project's"));
        verifyUntouched(**target, runs);

        // The checkpoint file did not travel with the project.
        const QString bare = m_dir.filePath("bare.chorus");
        QVERIFY(QFile::copy(m_targetPath, bare));
        const std::int64_t bareRun = makeRun(bare);
        QVERIFY(QFile::remove(bare + ".runs/run-" + QString::number(bareRun) + "/best.pt"));
        QVERIFY(refused(bare, bareRun, "checkpoint (step 20) is missing"));
        verifyUntouched(**target, runs);

        const QString running = m_dir.filePath("running.chorus");
        QVERIFY(QFile::copy(m_targetPath, running));
        QVERIFY(refused(running, makeRun(running, "running"), "is running"));
        QVERIFY(refused(running, 999, "no such run"));
        QVERIFY(refused(m_targetPath, 1, "is this project"));
        QVERIFY(refused(m_dir.filePath("absent.chorus"), 1, "absent.chorus"));
        verifyUntouched(**target, runs);
    }
};

QTEST_GUILESS_MAIN(RunTransferTest)
#include "tst_runtransfer.moc"
