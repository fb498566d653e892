// The training dashboard drives a real worker (chorus-cli) on a small generated demo project: the
// curves fill, pause / step / resume work, the run finishes and is recorded. A worker that prints
// one event and aborts leaves its message in the dashboard and its run marked failed.
#include "core/demo/demogenerator.h"
#include "core/split/datasetsplitter.h"
#include "core/store/project.h"
#include "core/training/runstore.h"
#include "ui/training/curveplot.h"
#include "ui/training/trainingdashboard.h"
#include "ui/training/workerprocess.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

class TrainingDashboardTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;

    // A stand-in worker: a shell script with `body`, made executable; empty when it cannot be written.
    QString writeWorker(const QString &name, const QString &body)
    {
        const QString script = m_dir.filePath(name);
        QFile file(script);
        if (!file.open(QIODevice::WriteOnly) || file.write(("#!/bin/sh\n" + body).toUtf8()) < 0)
            return {};
        file.close();
        return file.setPermissions(file.permissions() | QFileDevice::ExeOwner) ? script : QString();
    }

    static nlohmann::json tinyConfig()
    {
        return {{"model", "bag_of_ngrams"}, {"dataset", "demo"}, {"task", "sentiment"}, {"seed", 3}, {"epochs", 2},
                {"batch_size", 16}, {"optimizer", {{"name", "adamw"}, {"lr", 0.01}}}, {"params", {{"embedding_dim", 16}}}};
    }

private slots:
    void initTestCase()
    {
        auto project = Project::open(m_dir.filePath("demo.chorus").toStdString());
        QVERIFY(project.ok());
        m_project = std::move(*project);
        DemoOptions options;
        options.posts = 400;
        options.users = 40;
        options.items = 20;
        options.withMedia = false;
        auto demo = DemoGenerator(options).generate(*m_project);
        QVERIFY2(demo.ok(), demo.ok() ? "" : demo.message().c_str());
        SplitOptions split;
        split.seed = 1;
        split.stratifyTask = "sentiment";
        QVERIFY(DatasetSplitter::create(*m_project, DemoGenerator::kPostsDataset, split).ok());
    }

    void curvesAreThrottled()
    {
        CurvePlot plot("step", "loss");
        for (int i = 0; i < 5000; ++i)
            plot.addPoint("train loss", i, 1.0 / (1 + i));
        QCOMPARE(plot.replotCount(), 0);
        QTRY_COMPARE(plot.replotCount(), 1);
        // Nothing new: no redraw.
        QTest::qWait(3 * CurvePlot::kRedrawIntervalMs);
        QCOMPARE(plot.replotCount(), 1);
        QCOMPARE(plot.pointCount("train loss"), 5000);
        QCOMPARE(plot.drawnValues("train loss").size(), 5000);
        // Smoothing changes what is drawn, never the history.
        plot.addPoint("noisy", 0, 0);
        plot.addPoint("noisy", 1, 10);
        plot.setSmoothing(0.5);
        plot.redraw();
        const QVector<double> drawn = plot.drawnValues("noisy");
        QCOMPARE(drawn.size(), 2);
        QCOMPARE(drawn[0], 0.0);
        QVERIFY(drawn[1] > 0 && drawn[1] < 10);
        plot.setSmoothing(0);
        plot.redraw();
        QCOMPARE(plot.drawnValues("noisy")[1], 10.0);
    }

    void legendOnlyWithCurves()
    {
        CurvePlot plot("step", "loss");
        QVERIFY(!plot.plot()->legend->visible());
        plot.addPoint("train loss", 0, 1.0);
        plot.redraw();
        QVERIFY(plot.plot()->legend->visible());
        QCOMPARE(plot.plot()->legend->itemCount(), 1);
        plot.clear();
        plot.redraw();
        QVERIFY(!plot.plot()->legend->visible());
    }

    void trainsThroughTheWorker()
    {
        TrainingDashboard dashboard;
        dashboard.resize(1280, 860);
        dashboard.worker()->setProgram(QStringLiteral(CHORUS_CLI_PATH));
        dashboard.setProject(m_project.get());
        QSignalSpy ended(&dashboard, &TrainingDashboard::runEnded);
        QSignalSpy paused(dashboard.worker(), &WorkerProcess::paused);
        QSignalSpy resumed(dashboard.worker(), &WorkerProcess::resumed);
        // Before any run, the stats line says how to start one.
        QVERIFY(dashboard.statsLabel()->text().contains(QStringLiteral("Models tab")));
        QCOMPARE(dashboard.start(tinyConfig()), QString());
        // Asked at once, so the worker holds before its first step.
        dashboard.worker()->pause();
        QTRY_VERIFY_WITH_TIMEOUT(dashboard.phase() == TrainingDashboard::Phase::Paused, 60000);
        QVERIFY(dashboard.runId() > 0);
        QVERIFY(dashboard.resumeButton()->isEnabled());
        QVERIFY(dashboard.stepButton()->isEnabled());
        QVERIFY(!dashboard.startButton()->isEnabled());
        QVERIFY(!dashboard.pauseButton()->isEnabled());
        // One step: the worker lets go, steps once and holds again.
        QCOMPARE(paused.count(), 1);
        QTest::mouseClick(dashboard.stepButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(paused.count(), 2, 20000);
        QCOMPARE(resumed.count(), 1);
        QTRY_VERIFY(dashboard.phase() == TrainingDashboard::Phase::Paused);
        QVERIFY(dashboard.statsLabel()->text().contains("memory"));
        dashboard.resumeRateBox()->setValue(0.005);
        QTest::mouseClick(dashboard.resumeButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dashboard.phase() == TrainingDashboard::Phase::Idle, 120000);
        QCOMPARE(ended.count(), 1);
        QVERIFY2(dashboard.lastStatus() == "finished", qPrintable(dashboard.message()));
        QVERIFY2(dashboard.message().contains("finished"), qPrintable(dashboard.message()));

        QVERIFY(dashboard.lossPlot()->pointCount(QStringLiteral("train loss")) >= 2);
        QCOMPARE(dashboard.lossPlot()->pointCount(QStringLiteral("valid loss")), 2); // one evaluation per epoch
        QCOMPARE(dashboard.metricsPlot()->pointCount(QStringLiteral("valid accuracy")), 2);
        QVERIFY(dashboard.metricsPlot()->seriesNames().contains(QStringLiteral("valid macro_f1")));
        QVERIFY(dashboard.ratePlot()->pointCount(QStringLiteral("learning rate")) >= 2);

        RunStore store(*m_project);
        auto run = store.get(dashboard.runId());
        QVERIFY(run.ok());
        QCOMPARE(run->status, std::string("finished"));
        // The new learning rate was applied by the worker from the resumed step and recorded.
        auto changes = m_project->db().queryInt("SELECT count(*) FROM artifacts WHERE kind = 'lr_change'"
                                                " AND run_id = " + std::to_string(dashboard.runId()));
        QVERIFY(changes.ok());
        QCOMPARE(*changes, 1);
        auto rates = store.history(dashboard.runId(), "train", "lr");
        QVERIFY(rates.ok() && !rates->empty());
        QCOMPARE(rates->back().second, 0.005);

        // Curves smoothed and on a log axis, then a picture of the whole dashboard to look at.
        dashboard.smoothingSlider()->setValue(30);
        dashboard.logScaleBox()->setChecked(true);
        QTRY_VERIFY(dashboard.lossPlot()->logScale());
        dashboard.lossPlot()->redraw();
        dashboard.metricsPlot()->redraw();
        dashboard.ratePlot()->redraw();
        dashboard.show();
        const QString shot = QDir::temp().filePath("chorus-dashboard.png");
        QVERIFY(dashboard.grab().save(shot));
        QVERIFY(dashboard.lossPlot()->savePng(m_dir.filePath("loss.png")));
        QVERIFY(QFileInfo(m_dir.filePath("loss.png")).size() > 1000);
    }

    void idleDashboardShowsTheLatestRecordedRun()
    {
        RunStore store(*m_project);
        auto runs = store.list();
        QVERIFY(runs && !runs->empty()); // trainsThroughTheWorker trained one
        const RunSummary latest = runs->back();
        auto trainLoss = store.history(latest.id, "train", "loss");
        auto validNames = store.metricNames(latest.id, "valid");
        QVERIFY(trainLoss && !trainLoss->empty());
        QVERIFY(validNames && !validNames->empty());

        TrainingDashboard dashboard;
        dashboard.setProject(m_project.get());
        QCOMPARE(dashboard.shownRecordedRun(), latest.id);
        QVERIFY(dashboard.statsLabel()->text().contains(QStringLiteral("Run %1").arg(latest.id)));
        QCOMPARE(dashboard.lossPlot()->pointCount(QStringLiteral("train loss")), int(trainLoss->size()));
        QTRY_COMPARE(dashboard.lossPlot()->drawnValues(QStringLiteral("train loss")).size(), int(trainLoss->size()));
        QCOMPARE(dashboard.lossPlot()->drawnValues(QStringLiteral("train loss")).front(), trainLoss->front().second);
        for (const std::string &name : *validNames) {
            auto points = store.history(latest.id, "valid", name);
            QVERIFY(points);
            const QString series = name == "loss" ? QStringLiteral("valid loss")
                                                  : QStringLiteral("valid %1").arg(QString::fromStdString(name));
            CurvePlot *plot = name == "loss" ? dashboard.lossPlot() : dashboard.metricsPlot();
            QCOMPARE(plot->pointCount(series), int(points->size()));
        }
        // A new run starts from empty curves; closing the project empties them too.
        dashboard.setProject(nullptr);
        QCOMPARE(dashboard.shownRecordedRun(), std::int64_t(0));
        QCOMPARE(dashboard.lossPlot()->seriesNames().size(), 0);
        QVERIFY(dashboard.statsLabel()->text().contains(QStringLiteral("No run yet")));
    }

    void crashedWorkerFailsTheRun()
    {
        RunStore store(*m_project);
        auto run = store.create("bag_of_ngrams", "demo", tinyConfig(), "cpu");
        QVERIFY(run.ok());
        // One event (split over two writes, as a pipe may deliver it), a step, then an abort.
        const QString script = writeWorker("crashing-worker.sh", QStringLiteral(
            "printf '{\"event\": \"started\", \"run_id\": %1,'\n"
            "sleep 0.2\n"
            "printf ' \"device\": \"cpu\", \"steps\": 100}\\n'\n"
            "echo '{\"event\": \"step\", \"step\": 10, \"epoch\": 0.1, \"loss\": 1.5, \"lr\": 0.01,"
            " \"samples_per_s\": 100, \"steps\": 100}'\n"
            "echo 'fatal: simulated allocation failure in the worker' >&2\n"
            "kill -ABRT $$\n").arg(*run));
        QVERIFY(!script.isEmpty());

        TrainingDashboard dashboard;
        dashboard.worker()->setProgram(script);
        dashboard.setProject(m_project.get());
        QCOMPARE(dashboard.start(tinyConfig()), QString());
        QTRY_VERIFY_WITH_TIMEOUT(dashboard.phase() == TrainingDashboard::Phase::Idle, 20000);
        QCOMPARE(dashboard.runId(), *run);
        QCOMPARE(dashboard.lastStatus(), QString("failed"));
        QVERIFY2(dashboard.message().contains("crashed"), qPrintable(dashboard.message()));
        QVERIFY2(dashboard.message().contains("simulated allocation failure"), qPrintable(dashboard.message()));
        QCOMPARE(dashboard.lossPlot()->pointCount(QStringLiteral("train loss")), 1);
        QVERIFY(dashboard.startButton()->isEnabled());

        auto failed = store.get(*run);
        QVERIFY(failed.ok());
        QCOMPARE(failed->status, std::string("failed"));
        QVERIFY2(failed->message.find("simulated allocation failure") != std::string::npos, failed->message.c_str());
    }

    void unstartableWorkerIsReported()
    {
        TrainingDashboard dashboard;
        dashboard.worker()->setProgram(m_dir.filePath("no-such-worker"));
        dashboard.setProject(m_project.get());
        const QString error = dashboard.start(tinyConfig());
        QVERIFY(error.contains("no-such-worker"));
        QCOMPARE(dashboard.phase(), TrainingDashboard::Phase::Idle);
    }

    void everyCudaDeviceTheWorkerFindsCanBeChosen()
    {
        // A stand-in worker on a machine with two GPUs: `devices --json` lists them, and `train`
        // keeps the config it was given and reports it could not start, so nothing trains.
        const QString received = m_dir.filePath("received-config.json");
        const QString script = writeWorker("two-gpu-worker.sh", QStringLiteral(
            "if [ \"$1\" = devices ]; then\n"
            "  echo '{\"devices\": [{\"id\": \"cpu\", \"name\": \"CPU\"},"
            " {\"id\": \"cuda:0\", \"name\": \"NVIDIA H100\"}, {\"id\": \"cuda:1\", \"name\": \"NVIDIA A100\"}]}'\n"
            "  exit 0\n"
            "fi\n"
            "cp \"$4\" '%1'\n"
            "echo '{\"event\": \"error\", \"message\": \"stand-in worker\"}'\n"
            "exit 1\n").arg(received));
        QVERIFY(!script.isEmpty());

        TrainingDashboard dashboard;
        dashboard.worker()->setProgram(script);
        dashboard.setProject(m_project.get());
        QComboBox *devices = dashboard.deviceCombo();
        QCOMPARE(devices->count(), 2); // automatic and CPU, before the worker answers
        dashboard.refreshDevices();
        QTRY_COMPARE_WITH_TIMEOUT(devices->count(), 4, 10000);
        QCOMPARE(devices->itemData(2).toString(), QString("cuda:0"));
        QVERIFY(devices->itemText(2).contains("NVIDIA H100"));
        QCOMPARE(devices->itemData(3).toString(), QString("cuda:1"));
        dashboard.refreshDevices(); // asking again adds no duplicates
        QTest::qWait(300);
        QTRY_COMPARE_WITH_TIMEOUT(devices->count(), 4, 10000);

        devices->setCurrentIndex(3);
        QCOMPARE(dashboard.start(tinyConfig()), QString());
        QTRY_VERIFY_WITH_TIMEOUT(dashboard.phase() == TrainingDashboard::Phase::Idle, 20000);
        QFile config(received);
        QVERIFY(config.open(QIODevice::ReadOnly));
        const nlohmann::json sent = nlohmann::json::parse(config.readAll().toStdString(), nullptr, false);
        QVERIFY(sent.is_object());
        QCOMPARE(QString::fromStdString(sent.value("device", "")), QString("cuda:1"));
    }

    void refusedConfigIsReported()
    {
        TrainingDashboard dashboard;
        dashboard.worker()->setProgram(QStringLiteral(CHORUS_CLI_PATH));
        dashboard.setProject(m_project.get());
        nlohmann::json config = tinyConfig();
        config["params"]["embedding_dim"] = 1; // below the family's minimum
        QCOMPARE(dashboard.start(config), QString());
        QTRY_VERIFY_WITH_TIMEOUT(dashboard.phase() == TrainingDashboard::Phase::Idle, 60000);
        QCOMPARE(dashboard.lastStatus(), QString("failed"));
        QVERIFY2(dashboard.message().contains("params.embedding_dim"), qPrintable(dashboard.message()));
    }
};

QTEST_MAIN(TrainingDashboardTest)
#include "tst_trainingdashboard.moc"
