// kill -9 during training, in a loop: 20 kills at moments drawn by a seeded generator over a
// run's whole duration (loading data, steps, evaluations, checkpoints), four per run and then a
// resume that finishes. What each kill must leave behind, and how the finished run is compared
// with an uninterrupted one, is described in trainingkillloop.h.
#include <torch/torch.h>

#include "../core/clirun.h" // the child is CHORUS_CLI_PATH
#include "trainingkillloop.h"

class KillTrainingLoopTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void killedRunsResumeToTheUninterruptedResult()
    {
        trainingkill::Fixture fixture;
        trainingkill::Options options;
        options.kills = 20;
        trainingkill::Report report;
        trainingkill::run(fixture, options, report);
        if (QTest::currentTestFailed())
            return;
        qInfo("%d kills in %d runs: %d before the first step, %d before the first checkpoint, %d after the run"
              " was recorded finished; %d runs finished before their kill point",
              report.kills, report.chains, report.beforeStart, report.withoutCheckpoint, report.afterFinish,
              report.finishedFirst);
        QVERIFY(report.kills >= options.kills);
        // The draws reach the phase's parts: most kills come while steps are being taken.
        QVERIFY(report.kills - report.beforeStart - report.afterFinish >= options.kills / 2);
    }
};

QTEST_GUILESS_MAIN(KillTrainingLoopTest)
#include "tst_killtrainingloop.moc"
