// kill -9 while a checkpoint is being written, in a loop of 12 kills. A slow disk is simulated
// (CHORUS_FAULT_CHECKPOINT_SLOW_US: the checkpoint writer sleeps per chunk, in the runs that are
// to be killed only) so that the write lasts long enough to be hit; the test waits for a checkpoint's `.partial` file to appear (the
// n-th one, n drawn by a seeded generator), waits a drawn few milliseconds more and kills. The
// `.partial` file still there afterwards shows the kill came mid-write. Every kill must leave the
// previous checkpoint whole and loadable, the project sound and every committed metric in place;
// the resumed run ends exactly as an uninterrupted one (see trainingkillloop.h).
#include <torch/torch.h>

#include "../core/clirun.h" // the child is CHORUS_CLI_PATH
#include "trainingkillloop.h"

class KillCheckpointLoopTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void killsDuringCheckpointWritesLoseNothing()
    {
        trainingkill::Fixture fixture;
        trainingkill::Options options;
        options.kills = 12;
        options.killsPerChain = 4;
        options.duringCheckpointWrites = true;
        options.whileKilling.insert(QStringLiteral("CHORUS_FAULT_CHECKPOINT_SLOW_US"), QStringLiteral("1500"));
        trainingkill::Report report;
        trainingkill::run(fixture, options, report);
        if (QTest::currentTestFailed())
            return;
        qInfo("%d kills in %d runs, %d of them with a checkpoint half written; %d runs finished before their kill"
              " point", report.kills, report.chains, report.midWrite, report.finishedFirst);
        QVERIFY(report.kills >= options.kills);
        QVERIFY2(report.midWrite * 4 >= report.kills * 3, "most kills must land inside a checkpoint write");
    }
};

QTEST_GUILESS_MAIN(KillCheckpointLoopTest)
#include "tst_killcheckpointloop.moc"
