// Resuming: a run interrupted (stopped, or its worker killed with SIGKILL) and resumed from its
// latest checkpoint records exactly the losses and metrics of an uninterrupted run, on the CPU.
#include <torch/torch.h>

#include "core/demo/demogenerator.h"
#include "core/split/datasetsplitter.h"
#include "core/store/project.h"
#include "core/training/runstore.h"
#include "models/registry/modelregistry.h"
#include "models/training/supervisedtrainer.h"
#include "models/training/trainercontrol.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;
using nlohmann::json;

class TrainerResumeTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_path;
    std::unique_ptr<Project> m_project;

    static json rawConfig()
    {
        // Dropout on, so the random generator's state must come back too; checkpoints every 5 steps.
        return {{"model", "rnn_attention"},
                {"dataset", "demo"},
                {"task", "sentiment"},
                {"seed", 5},
                {"epochs", 2},
                {"batch_size", 32},
                {"checkpoint_every", 5},
                {"device", "cpu"},
                {"optimizer", {{"lr", 0.01}}},
                {"schedule", {{"name", "cosine"}, {"warmup_steps", 4}}},
                {"params", {{"embedding_dim", 16}, {"hidden", 16}, {"attention_dim", 16}, {"dropout", 0.3}}}};
    }
    static RunConfig config()
    {
        const ModelSpec *spec = ModelRegistry::instance().find("rnn_attention");
        auto parsed = RunConfig::parse(rawConfig(), &spec->params, true);
        if (!parsed)
            qFatal("%s", parsed.message().c_str());
        return *parsed;
    }
    std::vector<std::pair<std::int64_t, double>> history(std::int64_t run, const char *split, const char *name)
    {
        auto values = RunStore(*m_project).history(run, split, name);
        if (!values)
            qFatal("%s", values.message().c_str());
        return *values;
    }
    void compareRuns(std::int64_t reference, std::int64_t resumed)
    {
        for (const auto &[split, name] : std::vector<std::pair<const char *, const char *>>{
                 {"train", "loss"}, {"train", "lr"}, {"valid", "loss"}, {"valid", "accuracy"}, {"test", "accuracy"}}) {
            const auto a = history(reference, split, name);
            const auto b = history(resumed, split, name);
            QVERIFY2(!a.empty(), name);
            QCOMPARE(b.size(), a.size());
            for (std::size_t i = 0; i < a.size(); ++i) {
                QCOMPARE(b[i].first, a[i].first);
                // Identical to the last digit, not merely close.
                QVERIFY2(b[i].second == a[i].second,
                         qPrintable(QString("%1/%2 at step %3: %4 resumed vs %5 uninterrupted")
                                        .arg(split, name)
                                        .arg(a[i].first)
                                        .arg(b[i].second, 0, 'g', 17)
                                        .arg(a[i].second, 0, 'g', 17)));
            }
        }
    }
    std::int64_t uninterrupted()
    {
        const ModelSpec *spec = ModelRegistry::instance().find("rnn_attention");
        auto outcome = SupervisedTrainer(*m_project, config(), *spec).run();
        if (!outcome)
            qFatal("%s", outcome.message().c_str());
        return outcome->runId;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_path = m_dir.filePath("resume.chorus").toStdString();
        auto project = Project::open(m_path);
        QVERIFY(project.ok());
        m_project = std::move(*project);
        DemoOptions demo;
        demo.posts = 600;
        demo.users = 40;
        demo.withMedia = false;
        QVERIFY(DemoGenerator(demo).generate(*m_project).ok());
        SplitOptions split;
        split.seed = 3;
        split.stratifyTask = "sentiment";
        QVERIFY(DatasetSplitter::create(*m_project, "demo", split).ok());
    }

    void stoppedRunResumesIdentically()
    {
        const std::int64_t reference = uninterrupted();
        const ModelSpec *spec = ModelRegistry::instance().find("rnn_attention");
        TrainerControl control;
        SupervisedTrainer first(*m_project, config(), *spec);
        first.setControl(&control);
        // Stop a few steps after the checkpoint at step 10, mid-epoch: those steps are done again.
        first.setEventSink([&](const json &event) {
            if (event.value("event", "") == "checkpoint" && event.value("step", 0) >= 10)
                control.stop();
        });
        auto stopped = first.run();
        QVERIFY2(stopped.ok(), stopped.ok() ? "" : stopped.message().c_str());
        QCOMPARE(stopped->status, std::string("stopped"));

        SupervisedTrainer second(*m_project, config(), *spec);
        second.setResume(stopped->runId);
        std::int64_t resumedFrom = -1;
        second.setEventSink([&](const json &event) {
            if (event.value("event", "") == "started")
                resumedFrom = event.value("resumed_from_step", -1);
        });
        auto resumed = second.run();
        QVERIFY2(resumed.ok(), resumed.ok() ? "" : resumed.message().c_str());
        QCOMPARE(resumed->runId, stopped->runId);
        QCOMPARE(resumed->status, std::string("finished"));
        QVERIFY(resumedFrom >= 10);
        compareRuns(reference, resumed->runId);
    }

    void killedWorkerResumesIdentically()
    {
        const std::int64_t reference = uninterrupted();
        const QString configPath = m_dir.filePath("resume.json");
        QFile file(configPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(rawConfig().dump()));
        file.close();

        // The worker as the GUI runs it, killed with SIGKILL right after a checkpoint in the
        // second epoch: no chance to clean up.
        QProcess worker;
        worker.start(CHORUS_CLI_PATH, {"train", QString::fromStdString(m_path), "--config", configPath, "--events", "-"});
        QVERIFY(worker.waitForStarted());
        std::int64_t runId = 0;
        bool killed = false;
        QByteArray pending;
        while (!killed && worker.state() != QProcess::NotRunning) {
            worker.waitForReadyRead(1000);
            pending += worker.readAllStandardOutput();
            int newline;
            while ((newline = pending.indexOf('\n')) >= 0) {
                const json event = json::parse(pending.left(newline).toStdString(), nullptr, false);
                pending.remove(0, newline + 1);
                if (event.value("event", "") == "started")
                    runId = event.value("run_id", 0);
                if (event.value("event", "") == "checkpoint" && event.value("kind", "") == "latest" &&
                    event.value("step", 0) >= 15) {
                    worker.kill();
                    killed = true;
                    break;
                }
            }
        }
        QVERIFY2(killed, "the worker finished before it could be killed");
        worker.waitForFinished();
        QVERIFY(runId > 0);
        QCOMPARE(RunStore(*m_project).get(runId)->status, std::string("running"));

        QProcess resume;
        resume.start(CHORUS_CLI_PATH, {"resume", QString::fromStdString(m_path), "--run", QString::number(runId), "--json"});
        QVERIFY(resume.waitForFinished(120000));
        QVERIFY2(resume.exitCode() == 0, resume.readAllStandardError().constData());
        const json result = json::parse(resume.readAllStandardOutput().toStdString());
        QCOMPARE(result.value("run_id", 0), runId);
        QCOMPARE(RunStore(*m_project).get(runId)->status, std::string("finished"));
        compareRuns(reference, runId);

        auto check = m_project->db().prepare("PRAGMA integrity_check");
        QVERIFY(check.ok() && check->step());
        QCOMPARE(check->text(0), std::string("ok"));
    }

    void resumeWithNewRateIsRecorded()
    {
        const ModelSpec *spec = ModelRegistry::instance().find("rnn_attention");
        TrainerControl control;
        SupervisedTrainer first(*m_project, config(), *spec);
        first.setControl(&control);
        first.setEventSink([&](const json &event) {
            if (event.value("event", "") == "checkpoint" && event.value("step", 0) >= 5)
                control.stop();
        });
        auto stopped = first.run();
        QVERIFY(stopped.ok());
        SupervisedTrainer second(*m_project, config(), *spec);
        second.setResume(stopped->runId, 0.002);
        auto resumed = second.run();
        QVERIFY(resumed.ok());
        auto change = m_project->db().prepare("SELECT step, data FROM artifacts WHERE run_id = ?1 AND kind = 'lr_change'");
        QVERIFY(change.ok());
        change->bind(1, stopped->runId);
        QVERIFY(change->step());
        QCOMPARE(json::parse(change->text(1)).value("lr", 0.0), 0.002);
        // The constant part of the schedule after warm-up runs at the new rate's scale.
        const auto rates = history(stopped->runId, "train", "lr");
        QVERIFY(!rates.empty());
        QVERIFY(rates.back().second <= 0.002);
    }

    void nothingToResume()
    {
        const ModelSpec *spec = ModelRegistry::instance().find("rnn_attention");
        SupervisedTrainer trainer(*m_project, config(), *spec);
        trainer.setResume(987654);
        auto outcome = trainer.run();
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.message().find("987654") != std::string::npos, outcome.message().c_str());
    }
};

QTEST_GUILESS_MAIN(TrainerResumeTest)
#include "tst_trainerresume.moc"
