// The training worker failing the hard way, through CHORUS_FAULT_TRAINING in a real chorus-cli:
// an allocation that fails (std::bad_alloc, what running out of memory looks like to C++) is
// caught at the trainer's edge, said in words and recorded: the run is failed with that message.
// An abort kills the process on the spot: nothing is recorded, but nothing committed is lost and
// the run resumes from its last checkpoint to the end. (The GUI's side of a crash, the dashboard
// and the failed run, is tst_workercrashdashboard.)
#include "clirun.h"

#include "core/demo/demogenerator.h"
#include "core/split/datasetsplitter.h"
#include "core/store/project.h"
#include "core/training/runstore.h"
#include "core/util/faultinjection.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

class WorkerCrashTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;
    QString m_config;

    static QProcessEnvironment withFault(const QString &fault)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("CHORUS_FAULT_TRAINING", fault);
        return environment;
    }

    // What the worker reported on stdout (--events -): its step events and its latest checkpoint.
    struct Reported {
        qint64 runId = 0;
        int stepEvents = 0;
        qint64 latestCheckpoint = -1;
        QString error; // the closing {"error": ...} line
    };
    static Reported reported(const QByteArray &out)
    {
        Reported r;
        for (const QByteArray &line : out.split('\n')) {
            const QJsonObject event = QJsonDocument::fromJson(line).object();
            const QString kind = event["event"].toString();
            if (kind == "started")
                r.runId = event["run_id"].toInteger();
            else if (kind == "step")
                ++r.stepEvents;
            else if (kind == "checkpoint" && event["kind"].toString() == "latest")
                r.latestCheckpoint = event["step"].toInteger();
            else if (event.contains("error"))
                r.error = event["error"].toString();
        }
        return r;
    }

    std::int64_t count(const std::string &sql, std::int64_t run)
    {
        auto project = Project::open(m_project.toStdString(), Project::OpenMode::OpenExisting);
        auto select = (*project)->db().prepare(sql);
        select->bind(1, run);
        return select->step() ? select->int64(0) : -1;
    }

private slots:
    void initTestCase()
    {
        m_project = m_dir.filePath("crash.chorus");
        auto project = Project::open(m_project.toStdString());
        QVERIFY(project.ok());
        DemoOptions demo;
        demo.posts = 400;
        demo.users = 30;
        demo.items = 10;
        demo.withMedia = false;
        QVERIFY(DemoGenerator(demo).generate(**project).ok());
        SplitOptions split;
        split.seed = 2;
        split.stratifyTask = "sentiment";
        QVERIFY(DatasetSplitter::create(**project, "demo", split).ok());
        m_config = m_dir.filePath("config.json");
        QFile file(m_config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"model": "bag_of_ngrams", "dataset": "demo", "task": "sentiment", "seed": 4, "epochs": 2,
                       "batch_size": 16, "checkpoint_every": 4, "device": "cpu",
                       "params": {"embedding_dim": 16, "buckets": 1024}})");
    }

    void faultSpecificationsParse()
    {
        using Kind = FaultInjection::TrainingFault::Kind;
        QCOMPARE(FaultInjection::parseTrainingFault("abort@12").kind, Kind::Abort);
        QCOMPARE(FaultInjection::parseTrainingFault("abort@12").step, std::int64_t(12));
        QCOMPARE(FaultInjection::parseTrainingFault("bad_alloc@3").kind, Kind::BadAlloc);
        QCOMPARE(FaultInjection::parseTrainingFault("bad_alloc").kind, Kind::None);
        QCOMPARE(FaultInjection::parseTrainingFault("segv@3").kind, Kind::None);
        QCOMPARE(FaultInjection::parseTrainingFault("abort@-1").kind, Kind::None);
    }

    void failedAllocationFailsTheRunWithItsMessage()
    {
        const CliRun run = runCli({"train", m_project, "--config", m_config, "--events", "-"}, 120000, withFault("bad_alloc@23"));
        QCOMPARE(run.code, 1); // an error, not a crash
        const Reported said = reported(run.out);
        const QString error = said.error;
        QVERIFY2(error.startsWith("out of memory") && error.contains("step 23") && error.contains("batch_size"),
                 run.out.right(600).constData());
        QVERIFY(run.out.contains("\"event\":\"failed\""));

        auto project = Project::open(m_project.toStdString(), Project::OpenMode::OpenExisting);
        QVERIFY(project.ok());
        QCOMPARE(*(*project)->db().queryText("PRAGMA integrity_check"), std::string("ok"));
        auto runs = RunStore(**project).list();
        QVERIFY(runs.ok() && !runs->empty());
        const RunSummary failed = runs->back();
        QCOMPARE(failed.status, std::string("failed"));
        QCOMPARE(QString::fromStdString(failed.message), error);
        QVERIFY(failed.finishedAt > 0);
        QCOMPARE(failed.id, std::int64_t(said.runId));
        // Everything it reported before the failure is recorded: every step window, its last checkpoint.
        QVERIFY(said.stepEvents >= 2);
        QCOMPARE(count("SELECT count(*) FROM metrics WHERE run_id = ?1 AND split = 'train' AND name = 'loss'", failed.id),
                 std::int64_t(said.stepEvents));
        QVERIFY(said.latestCheckpoint >= 16 && said.latestCheckpoint <= 22);
        QCOMPARE(count("SELECT step FROM checkpoints WHERE run_id = ?1 AND kind = 'latest'", failed.id),
                 std::int64_t(said.latestCheckpoint));
    }

    void abortedWorkerLosesNothingAndResumes()
    {
        const CliRun crashed = runCli({"train", m_project, "--config", m_config, "--events", "-"}, 120000, withFault("abort@15"));
        QCOMPARE(crashed.code, -1); // killed by SIGABRT
        QVERIFY2(crashed.err.contains("fault injection") && crashed.err.contains("aborts at step 15"), crashed.err.constData());
        const Reported said = reported(crashed.out);
        const qint64 runId = said.runId;
        QVERIFY(runId > 0);
        {
            auto project = Project::open(m_project.toStdString(), Project::OpenMode::OpenExisting);
            QVERIFY2(project.ok(), project.ok() ? "" : project.message().c_str());
            QCOMPARE(*(*project)->db().queryText("PRAGMA integrity_check"), std::string("ok"));
        }
        QVERIFY(said.stepEvents >= 1 && said.latestCheckpoint >= 8);
        QCOMPARE(count("SELECT count(*) FROM metrics WHERE run_id = ?1 AND split = 'train' AND name = 'loss'", runId),
                 std::int64_t(said.stepEvents));
        QCOMPARE(count("SELECT step FROM checkpoints WHERE run_id = ?1 AND kind = 'latest'", runId),
                 std::int64_t(said.latestCheckpoint));

        const CliRun resumed = runCli({"resume", m_project, "--run", QString::number(runId), "--json"});
        QVERIFY2(resumed.code == 0, resumed.err.constData());
        QCOMPARE(resumed.json()["status"].toString(), QString("finished"));
        auto project = Project::open(m_project.toStdString(), Project::OpenMode::OpenExisting);
        QCOMPARE(RunStore(**project).get(runId)->status, std::string("finished"));
        QVERIFY(count("SELECT count(*) FROM metrics WHERE run_id = ?1 AND split = 'test'", runId) > 0);
    }
};

QTEST_GUILESS_MAIN(WorkerCrashTest)
#include "tst_workercrash.moc"
