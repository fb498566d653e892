// The training dashboard when its real worker (chorus-cli) crashes: one aborts in the middle of
// training, one runs out of memory (an allocation fails), both through CHORUS_FAULT_TRAINING. The
// dashboard says what happened, in words that name the cause, the run is marked failed with that
// message in the project, the curves drawn so far stay, and the window stays responsive all along
// (a timer on the GUI thread never stalls) and can start the next run, which finishes.
#include "core/demo/demogenerator.h"
#include "core/split/datasetsplitter.h"
#include "core/store/project.h"
#include "core/training/runstore.h"
#include "ui/training/curveplot.h"
#include "ui/training/trainingdashboard.h"
#include "ui/training/workerprocess.h"

#include <QElapsedTimer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace chorus;

class WorkerCrashDashboardTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;

    static nlohmann::json config()
    {
        return {{"model", "bag_of_ngrams"}, {"dataset", "demo"}, {"task", "sentiment"}, {"seed", 3},
                {"epochs", 2}, {"batch_size", 16}, {"checkpoint_every", 5},
                {"params", {{"embedding_dim", 16}, {"buckets", 1024}}}};
    }

    // Trains through the dashboard until the worker is gone; returns the longest stall of the GUI
    // thread (ms) seen by a 10 ms timer meanwhile.
    static qint64 trainUntilIdle(TrainingDashboard &dashboard)
    {
        QElapsedTimer sinceTick;
        qint64 longest = 0;
        QTimer ticker;
        ticker.setInterval(10);
        QObject::connect(&ticker, &QTimer::timeout, [&] {
            longest = std::max(longest, sinceTick.restart());
        });
        sinceTick.start();
        ticker.start();
        QElapsedTimer total;
        total.start();
        while (dashboard.phase() != TrainingDashboard::Phase::Idle && total.elapsed() < 120000)
            QTest::qWait(20);
        ticker.stop();
        return longest;
    }

    void crashReported(const char *fault, const QString &expected)
    {
        qputenv("CHORUS_FAULT_TRAINING", fault); // the worker inherits the environment
        TrainingDashboard dashboard;
        dashboard.resize(1000, 700);
        dashboard.show();
        dashboard.worker()->setProgram(QStringLiteral(CHORUS_CLI_PATH));
        dashboard.setProject(m_project.get());
        QSignalSpy ended(&dashboard, &TrainingDashboard::runEnded);
        QCOMPARE(dashboard.start(config()), QString());
        qunsetenv("CHORUS_FAULT_TRAINING");
        const qint64 stall = trainUntilIdle(dashboard);
        QCOMPARE(dashboard.phase(), TrainingDashboard::Phase::Idle);
        QVERIFY2(stall < 1000, qPrintable(QStringLiteral("the GUI thread stalled for %1 ms").arg(stall)));

        QCOMPARE(ended.count(), 1);
        QCOMPARE(dashboard.lastStatus(), QString("failed"));
        QVERIFY(dashboard.runId() > 0);
        QVERIFY2(dashboard.message().contains(expected), qPrintable(dashboard.message()));
        QVERIFY2(dashboard.message().contains(QString::number(dashboard.runId())), qPrintable(dashboard.message()));
        // The steps reported before the crash are still drawn.
        QVERIFY(dashboard.lossPlot()->pointCount(QStringLiteral("train loss")) >= 1);
        QVERIFY(dashboard.startButton()->isEnabled());
        QVERIFY(!dashboard.stopButton()->isEnabled());

        auto run = RunStore(*m_project).get(dashboard.runId());
        QVERIFY(run.ok());
        QCOMPARE(run->status, std::string("failed"));
        QVERIFY2(QString::fromStdString(run->message).contains(expected), run->message.c_str());

        // Still usable: the next run starts and finishes.
        QCOMPARE(dashboard.start(config()), QString());
        trainUntilIdle(dashboard);
        QCOMPARE(dashboard.lastStatus(), QString("finished"));
        QCOMPARE(ended.count(), 2);
    }

private slots:
    void initTestCase()
    {
        auto project = Project::open(m_dir.filePath("crash.chorus").toStdString());
        QVERIFY(project.ok());
        m_project = std::move(*project);
        DemoOptions options;
        options.posts = 400;
        options.users = 30;
        options.items = 10;
        options.withMedia = false;
        QVERIFY(DemoGenerator(options).generate(*m_project).ok());
        SplitOptions split;
        split.seed = 1;
        split.stratifyTask = "sentiment";
        QVERIFY(DatasetSplitter::create(*m_project, DemoGenerator::kPostsDataset, split).ok());
    }

    void abortingWorkerIsReported()
    {
        // The dashboard names the crash and the last words the worker wrote to stderr.
        crashReported("abort@14", QStringLiteral("aborts at step 14"));
    }

    void workerOutOfMemoryIsReported()
    {
        crashReported("bad_alloc@14", QStringLiteral("out of memory"));
    }
};

QTEST_MAIN(WorkerCrashDashboardTest)
#include "tst_workercrashdashboard.moc"
