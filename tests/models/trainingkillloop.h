#pragma once

// The kill -9 loop over training, shared by tst_killtrainingloop (kills anywhere in a run) and
// tst_killcheckpointloop (kills while a checkpoint file is being written). A chain is one run:
// `chorus-cli train`, killed, then `chorus-cli resume`, killed again, ... and a last resume that
// finishes. After every kill:
//   - PRAGMA integrity_check answers ok;
//   - every metric row the test had seen committed (from its own read-only connection, once the
//     segment had started) is still there with the same values;
//   - the checkpoint the project records as the run's latest loads: its model into a freshly built
//     model of the run's family, its trainer state at (or, when the kill fell between the file's
//     rename and its row, after) the recorded step; a `.partial` file never replaces it;
// and the resume that follows starts from that checkpoint (or, with none yet, from step 0). The
// run that finally finishes has, step for step, exactly the losses, learning rates and metrics of
// an uninterrupted run: every resume continued where the run had really been.
#include "../core/clirun.h"
#include "../core/killtrial.h"

#include "core/demo/demogenerator.h"
#include "core/split/datasetsplitter.h"
#include "core/store/project.h"
#include "core/training/runstore.h"
#include "models/training/checkpointfile.h"
#include "models/training/runmodel.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <thread>

namespace trainingkill {

using nlohmann::json;

struct Options {
    int kills = 20;
    int killsPerChain = 4;
    // Kill while a checkpoint file is being written (its .partial exists), not anywhere.
    bool duringCheckpointWrites = false;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Added to `environment` only for the segments that are to be killed (a slowed checkpoint
    // writer, say): the reference run and each chain's finishing resume go at full speed.
    QProcessEnvironment whileKilling;
};

struct Report {
    int kills = 0;
    int chains = 0;
    int beforeStart = 0;      // killed while loading data, before the first step
    int withoutCheckpoint = 0; // killed before the run's first checkpoint: resumed from step 0
    int midWrite = 0;          // a checkpoint file was half written when the kill came
    int afterFinish = 0;       // killed once the run was recorded finished, before the process exited
    int finishedFirst = 0;     // a segment meant to be killed finished before its kill point
};

inline json tinyConfig()
{
    // Dropout on, so the random generator's state must come back too; a checkpoint every 4 steps.
    return {{"model", "bag_of_ngrams"},
            {"dataset", "demo"},
            {"task", "sentiment"},
            {"seed", 11},
            {"epochs", 4},
            {"batch_size", 16},
            {"checkpoint_every", 4},
            {"device", "cpu"},
            {"optimizer", {{"lr", 0.02}}},
            {"schedule", {{"name", "cosine"}, {"warmup_steps", 3}}},
            {"params", {{"embedding_dim", 16}, {"buckets", 2048}, {"dropout", 0.2}}}};
}

class Fixture {
public:
    QTemporaryDir dir;
    QString configPath;

    void makeProject(const QString &path)
    {
        auto project = chorus::Project::open(path.toStdString());
        QVERIFY(project.ok());
        chorus::DemoOptions demo;
        demo.posts = 500;
        demo.users = 30;
        demo.items = 10;
        demo.withMedia = false;
        QVERIFY(chorus::DemoGenerator(demo).generate(**project).ok());
        chorus::SplitOptions split;
        split.seed = 3;
        split.stratifyTask = "sentiment";
        QVERIFY(chorus::DatasetSplitter::create(**project, "demo", split).ok());
    }

    void writeConfig()
    {
        configPath = dir.filePath("config.json");
        QFile file(configPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(tinyConfig().dump()));
    }
};

using History = std::vector<std::pair<std::int64_t, double>>;

inline History history(chorus::Project &project, std::int64_t run, const char *split, const char *name)
{
    auto values = chorus::RunStore(project).history(run, split, name);
    return values ? *values : History();
}

inline const std::vector<std::pair<const char *, const char *>> &comparedSeries()
{
    static const std::vector<std::pair<const char *, const char *>> series = {
        {"train", "loss"}, {"train", "lr"}, {"valid", "loss"}, {"valid", "accuracy"}, {"test", "accuracy"}};
    return series;
}

// The checks made right after a kill; `seen` is what the test saw committed in this segment.
inline void checkProject(const std::string &path, std::int64_t runId, bool sawStart, const killtrial::Committed &seen,
                         const QByteArray &trial, Report &report, std::int64_t &resumeStep)
{
    QVERIFY2(killtrial::integrity(path) == "ok", trial.constData());
    auto opened = chorus::Project::open(path, chorus::Project::OpenMode::OpenExisting);
    QVERIFY2(opened.ok(), opened.ok() ? trial.constData() : (trial + ": " + opened.message().c_str()).constData());
    chorus::Project &project = **opened;
    if (sawStart) {
        auto kept = project.db().prepare("SELECT count(*), total(value) FROM metrics WHERE run_id = ?1 AND rowid <= ?2");
        QVERIFY(kept.ok());
        kept->bind(1, runId).bind(2, seen.maxRowid);
        QVERIFY(kept->step());
        QVERIFY2(kept->int64(0) == seen.rows && kept->real(1) == seen.sum,
                 (trial + ": committed metrics were lost or changed").constData());
    }
    auto latest = project.db().prepare("SELECT step, path FROM checkpoints WHERE run_id = ?1 AND kind = 'latest'");
    QVERIFY(latest.ok());
    latest->bind(1, runId);
    if (!latest->step()) {
        ++report.withoutCheckpoint;
        resumeStep = 0;
        return;
    }
    const std::int64_t recordedStep = latest->int64(0);
    const std::string file = latest->text(1);
    QVERIFY2(QFileInfo::exists(QString::fromStdString(file)), trial.constData());
    // The family's model, sized from the run's encoding, takes the checkpoint's weights.
    auto model = chorus::RunModel::load(project, runId);
    QVERIFY2(model.ok(), model.ok() ? "" : (trial + ": " + model.message().c_str()).constData());
    try {
        chorus::CheckpointFile::loadModel(file, *model->model);
        torch::serialize::InputArchive archive;
        archive.load_from(file);
        c10::IValue trainer;
        archive.read("trainer", trainer);
        const json state = json::parse(trainer.toStringRef());
        QVERIFY2(state.value("step", -1) >= recordedStep, trial.constData());
        torch::serialize::InputArchive optimizer;
        QVERIFY2(archive.try_read("optimizer", optimizer), trial.constData());
        resumeStep = state.value("step", -1);
    } catch (const std::exception &e) {
        QFAIL((trial + ": the latest checkpoint does not load: " + e.what()).constData());
    }
}

inline std::string runStatus(const std::string &path, std::int64_t runId)
{
    chorus::SqliteDatabase db;
    if (!db.open(path, chorus::SqliteDatabase::Mode::ReadOnly).ok())
        return "cannot open";
    auto select = db.prepare("SELECT status FROM runs WHERE id = ?1");
    if (!select)
        return select.message();
    select->bind(1, runId);
    return select->step() ? select->text(0) : std::string("no such run");
}

// Returns the step a resume must continue from (the checkpoint file's, 0 without one), -1 on failure.
inline std::int64_t checkAfterKill(const std::string &path, std::int64_t runId, bool sawStart,
                                   const killtrial::Committed &seen, const QByteArray &trial, Report &report)
{
    std::int64_t resumeStep = -1;
    checkProject(path, runId, sawStart, seen, trial, report, resumeStep);
    return resumeStep;
}

// Runs the loop; the reference run (uninterrupted) is trained first in its own project.
inline void run(Fixture &fixture, const Options &options, Report &report)
{
    fixture.writeConfig();
    if (QTest::currentTestFailed())
        return;

    // The uninterrupted run: its timings place the kills, its figures are what every chain must end with.
    const QString referencePath = fixture.dir.filePath("reference.chorus");
    fixture.makeProject(referencePath);
    if (QTest::currentTestFailed())
        return;
    killtrial::Victim reference(options.environment);
    QVERIFY(reference.start({"train", referencePath, "--config", fixture.configPath, "--events", "-"}));
    qint64 startedUs = -1, finishedUs = -1;
    std::int64_t totalSteps = 0, referenceRun = 0;
    while (reference.running() || startedUs < 0) {
        for (const json &event : reference.events()) {
            const std::string kind = event.value("event", "");
            if (kind == "started") {
                startedUs = reference.elapsedUs();
                totalSteps = event.value("steps", 0);
                referenceRun = event.value("run_id", 0);
            } else if (kind == "finished") {
                finishedUs = reference.elapsedUs();
            }
        }
        if (!reference.running())
            break;
        reference.poll(500);
    }
    const qint64 referenceUs = reference.elapsedUs();
    QVERIFY2(reference.exitCode() == 0, reference.readStandardError().constData());
    QVERIFY(startedUs > 0 && totalSteps > 10 && referenceRun > 0);
    // From the first step to the run's last commit (its finished event), not to the process's exit:
    // the kills are drawn over the part of the run that can be resumed.
    qint64 trainingUs = std::max<qint64>(1000, (finishedUs > startedUs ? finishedUs : referenceUs) - startedUs);
    qInfo("reference run: start-up %.0f ms, %lld steps in %.0f ms; seed %llx", startedUs / 1000.0,
          (long long)totalSteps, trainingUs / 1000.0, (unsigned long long)killtrial::kSeed);
    auto referenceProject = chorus::Project::open(referencePath.toStdString(), chorus::Project::OpenMode::OpenExisting);
    QVERIFY(referenceProject.ok());

    std::mt19937_64 random(killtrial::kSeed + (options.duringCheckpointWrites ? 1 : 0));
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    while (report.kills < options.kills) {
        const QString projectPath = fixture.dir.filePath(QStringLiteral("chain-%1.chorus").arg(report.chains++));
        fixture.makeProject(projectPath);
        if (QTest::currentTestFailed())
            return;
        const std::string path = projectPath.toStdString();
        std::int64_t runId = 0;
        std::int64_t expectedResume = -1; // unknown until the first kill is checked
        bool finished = false;
        for (int segment = 0; !finished; ++segment) {
            const bool last = segment >= options.killsPerChain || report.kills >= options.kills;
            QStringList arguments = segment == 0 ? QStringList{"train", projectPath, "--config", fixture.configPath}
                                                 : QStringList{"resume", projectPath, "--run", QString::number(runId)};
            arguments << "--events" << "-";
            // Where this segment is killed: before its first step now and then, else at a point
            // drawn over the steps it has left, or (checkpoint mode) in the n-th checkpoint write.
            const bool killEarly = !options.duringCheckpointWrites && unit(random) < 0.15;
            const double at = unit(random);
            int writesToSkip = 0;
            qint64 writeDelayUs = 0;
            if (options.duringCheckpointWrites) {
                writesToSkip = std::uniform_int_distribution<int>(0, 6)(random);
                writeDelayUs = std::uniform_int_distribution<qint64>(0, 15000)(random);
            }

            QProcessEnvironment environment = options.environment;
            if (!last)
                environment.insert(options.whileKilling);
            killtrial::Victim victim(environment);
            QVERIFY(victim.start(arguments));
            chorus::SqliteDatabase watcher;
            QVERIFY(watcher.open(path, chorus::SqliteDatabase::Mode::ReadOnly).ok());
            killtrial::Committed seen;
            bool sawStart = false;
            qint64 killAtUs = (last || !killEarly) ? -1 : qint64(at * double(startedUs));
            int writesSeen = 0;
            bool inWrite = false;
            qint64 writeSeenUs = -1;
            const QString runDir = projectPath + ".runs/run-%1/";
            qint64 segmentStartedUs = -1, segmentFinishedUs = -1;
            std::int64_t segmentFrom = 0;
            while (victim.running()) {
                for (const json &event : victim.events()) {
                    const std::string kind = event.value("event", "");
                    if (kind == "finished")
                        segmentFinishedUs = victim.elapsedUs();
                    if (kind == "started") {
                        sawStart = true;
                        segmentStartedUs = victim.elapsedUs();
                        runId = event.value("run_id", runId);
                        const std::int64_t resumedFrom =
                            event["resumed_from_step"].is_number() ? event["resumed_from_step"].get<std::int64_t>() : 0;
                        // A resume continues from the checkpoint found after the last kill.
                        if (expectedResume >= 0)
                            QVERIFY2(resumedFrom == expectedResume,
                                     qPrintable(QStringLiteral("chain %1 segment %2 resumed from step %3, expected %4")
                                                    .arg(report.chains).arg(segment).arg(resumedFrom).arg(expectedResume)));
                        segmentFrom = resumedFrom;
                        if (!last && !killEarly && !options.duringCheckpointWrites) {
                            const double left = double(totalSteps - resumedFrom) / double(totalSteps);
                            killAtUs = victim.elapsedUs() + qint64(at * left * double(trainingUs));
                        }
                    }
                }
                if (sawStart && runId > 0) {
                    auto select = watcher.prepare("SELECT count(*), coalesce(max(rowid), 0), total(value) FROM metrics WHERE run_id = ?1");
                    if (select) {
                        select->bind(1, runId);
                        if (select->step())
                            seen = {select->int64(0), select->int64(1), select->real(2)};
                    }
                }
                if (!last && options.duringCheckpointWrites && runId > 0) {
                    const QString dirPath = runDir.arg(runId);
                    const bool writing = QFileInfo::exists(dirPath + "latest.pt.partial") || QFileInfo::exists(dirPath + "best.pt.partial");
                    if (writing && !inWrite && writesSeen++ >= writesToSkip && writeSeenUs < 0)
                        writeSeenUs = victim.elapsedUs();
                    inWrite = writing;
                    if (writeSeenUs >= 0)
                        killAtUs = writeSeenUs + writeDelayUs;
                }
                if (killAtUs >= 0 && victim.elapsedUs() >= killAtUs)
                    break;
                victim.poll(options.duringCheckpointWrites ? 200 : 1000);
            }
            watcher.close();
            if (!victim.running()) {
                // It finished first (the last segment, or a kill point past a short resumed run).
                victim.waitForFinished(30000);
                QVERIFY2(victim.exitCode() == 0, victim.readStandardError().constData());
                for (const json &event : victim.events())
                    if (event.value("event", "") == "finished")
                        QCOMPARE(event.value("status", ""), std::string("finished"));
                // The machine's pace changes while the loop runs (a shared CI runner, a build
                // beside it): a segment that ran at least half the run unbroken rescales the
                // duration the kills are drawn over, so they keep landing inside the run.
                if (segmentStartedUs >= 0 && segmentFinishedUs > segmentStartedUs &&
                    2 * (totalSteps - segmentFrom) >= totalSteps)
                    trainingUs = std::max<qint64>(1000, (segmentFinishedUs - segmentStartedUs) * totalSteps /
                                                            (totalSteps - segmentFrom));
                report.finishedFirst += !last;
                finished = true;
                break;
            }
            victim.kill();
            ++report.kills;
            report.beforeStart += !sawStart;
            const QString dirPath = runDir.arg(runId);
            const bool partialLeft = runId > 0 && (QFileInfo::exists(dirPath + "latest.pt.partial") ||
                                                   QFileInfo::exists(dirPath + "best.pt.partial"));
            report.midWrite += partialLeft;
            const QByteArray trial = QStringLiteral("trial %1 (chain %2, segment %3, %4 at %5 ms%6)")
                                         .arg(report.kills)
                                         .arg(report.chains)
                                         .arg(segment)
                                         .arg(sawStart ? "training" : "starting")
                                         .arg(victim.elapsedMs())
                                         .arg(partialLeft ? ", mid-write" : "")
                                         .toUtf8();
            if (runId == 0) {
                // Killed before the started event: the run's row may exist already.
                chorus::SqliteDatabase db;
                QVERIFY(db.open(path, chorus::SqliteDatabase::Mode::ReadOnly).ok());
                runId = *db.queryInt("SELECT coalesce(max(id), 0) FROM runs");
            }
            if (runId == 0) {
                // Killed before the run existed: nothing to check but the file, then train anew.
                QVERIFY2(killtrial::integrity(path) == "ok", trial.constData());
                segment = -1;
                continue;
            }
            expectedResume = checkAfterKill(path, runId, sawStart, seen, trial, report);
            if (QTest::currentTestFailed())
                return;
            // The kill came after the run's last commit (its status is finished; the process was
            // reporting or exiting): there is nothing to resume, and the run, as kept, must equal
            // the uninterrupted one like any other.
            if (runStatus(path, runId) == "finished") {
                ++report.afterFinish;
                finished = true;
            }
        }
        if (QTest::currentTestFailed())
            return;
        // The run that finished is the uninterrupted one, step for step.
        QVERIFY(runId > 0);
        auto project = chorus::Project::open(path, chorus::Project::OpenMode::OpenExisting);
        QVERIFY(project.ok());
        auto summary = chorus::RunStore(**project).get(runId);
        QVERIFY(summary.ok());
        QCOMPARE(summary->status, std::string("finished"));
        QCOMPARE(chorus::RunStore(**project).list()->size(), std::size_t(1));
        for (const auto &[split, name] : comparedSeries()) {
            const History expected = history(**referenceProject, referenceRun, split, name);
            const History actual = history(**project, runId, split, name);
            QVERIFY2(!expected.empty(), name);
            QVERIFY2(actual.size() == expected.size(),
                     qPrintable(QStringLiteral("chain %1: %2/%3 has %4 points, uninterrupted %5")
                                    .arg(report.chains).arg(split, name).arg(actual.size()).arg(expected.size())));
            for (std::size_t i = 0; i < expected.size(); ++i) {
                QCOMPARE(actual[i].first, expected[i].first);
                QVERIFY2(actual[i].second == expected[i].second,
                         qPrintable(QStringLiteral("chain %1: %2/%3 at step %4: %5 vs %6 uninterrupted")
                                        .arg(report.chains)
                                        .arg(split, name)
                                        .arg(expected[i].first)
                                        .arg(actual[i].second, 0, 'g', 17)
                                        .arg(expected[i].second, 0, 'g', 17)));
            }
        }
        QCOMPARE(*(*project)->db().queryText("PRAGMA integrity_check"), std::string("ok"));
    }
}

} // namespace trainingkill
