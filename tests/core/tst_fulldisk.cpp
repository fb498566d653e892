// A full disk during import and during checkpoint writing. The disk fills through the SQLite VFS
// shim (FullDiskVfs: writes beyond an allowance fail with SQLITE_FULL), switched on in a real
// chorus-cli by CHORUS_FAULT_DISK_FULL_AFTER, and through the checkpoint writer's ENOSPC
// (CHORUS_FAULT_CHECKPOINT_FULL_AFTER); where the machine lets a test mount a small tmpfs in a
// private mount namespace, the same import also runs out of real space. Each time: a clear error
// naming what could not be written, the project still opens and passes integrity_check, nothing
// committed before is lost, and running the import (or resuming the run) again completes it.
#include "clirun.h"

#include "core/demo/demogenerator.h"
#include "core/split/datasetsplitter.h"
#include "core/store/fulldiskvfs.h"
#include "core/store/project.h"
#include "core/training/runstore.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace chorus;

class FullDiskTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    static constexpr int kPosts = 6000;

    static std::int64_t count(Project &project, const char *sql) { return *project.db().queryInt(sql); }

    QString writeInput(const QString &name, int posts, const char *prefix)
    {
        const QString path = m_dir.filePath(name);
        std::ofstream out(path.toStdString());
        for (int i = 0; i < posts; ++i)
            out << "{\"id\": \"" << prefix << i << "\", \"author\": \"u" << i % 50 << "\", \"text\": \"post " << i
                << " on the election, the match and the weather " << std::string(120, 'w')
                << "\", \"label\": \"" << (i % 2 ? "a" : "b") << "\"}\n";
        return path;
    }

    static QStringList importArguments(const QString &project, const QString &dataset, const QString &input)
    {
        return {"import", project, "--format", "jsonl", "--dataset", dataset, "--label", "class=label",
                "--batch-size", "500", "--json", "--quiet", input};
    }

    // A project with one dataset already stored: what a full disk must not take away.
    QString projectWithKeptData(const QString &name)
    {
        const QString project = m_dir.filePath(name);
        const CliRun first = runCli(importArguments(project, "kept", writeInput(name + "-kept.jsonl", 300, "k")));
        if (first.code != 0)
            qWarning("%s", first.err.constData());
        return project;
    }

    // After the failure: the file opens, is sound, holds the kept data and only whole posts.
    static void checkProjectAfterFailure(const QString &path)
    {
        auto project = Project::open(path.toStdString(), Project::OpenMode::OpenExisting);
        QVERIFY2(project.ok(), project.ok() ? "" : project.message().c_str());
        Project &p = **project;
        QCOMPARE(*p.db().queryText("PRAGMA integrity_check"), std::string("ok"));
        QCOMPARE(count(p, "SELECT count(*) FROM posts p JOIN datasets d ON d.id = p.dataset_id WHERE d.name = 'kept'"),
                 std::int64_t(300));
        QCOMPARE(count(p, "SELECT count(*) FROM labels"), count(p, "SELECT count(*) FROM posts"));
        QCOMPARE(count(p, "SELECT count(*) FROM meta WHERE key = 'fts_deferred'"), std::int64_t(0));
        QCOMPARE(p.search("election")->size(), std::size_t(50));
    }

    // The same import without the fault completes it: exactly kPosts posts in the dataset.
    static void rerunCompletes(const QString &project, const QString &input)
    {
        const CliRun rerun = runCli(importArguments(project, "big", input));
        QVERIFY2(rerun.code == 0, rerun.err.constData());
        auto opened = Project::open(project.toStdString(), Project::OpenMode::OpenExisting);
        QVERIFY(opened.ok());
        QCOMPARE(count(**opened, "SELECT count(*) FROM posts p JOIN datasets d ON d.id = p.dataset_id WHERE d.name = 'big'"),
                 std::int64_t(kPosts));
        QCOMPARE(rerun.json()["imported"].toInteger() + rerun.json()["duplicates"].toInteger(), qint64(kPosts));
        QCOMPARE(*(*opened)->db().queryText("PRAGMA integrity_check"), std::string("ok"));
    }

private slots:
    void shimFailsWritesBeyondItsAllowance()
    {
        const std::string path = m_dir.filePath("shim.chorus").toStdString();
        {
            auto project = Project::open(path);
            QVERIFY(project.ok());
            QVERIFY((*project)->ensureDataset("before").ok());
        }
        // Each commit of a 2000-byte row appends two to five 4 KiB pages to the WAL (table leaf,
        // index leaf, a split's interior page, page 1 when the file grows), about 12 KiB on
        // average: 256 KiB holds some twenty commits before the disk is "full".
        constexpr std::int64_t kAllowance = 256 * 1024;
        constexpr std::int64_t kPageSize = 4096;
        QVERIFY(FullDiskVfs::install(kAllowance).ok());
        struct Uninstall {
            ~Uninstall() { FullDiskVfs::uninstall(); } // also when a QVERIFY returns early
        } uninstallAtEnd;
        Status failure;
        std::int64_t stored = 0;
        std::int64_t written = 0;
        {
            auto project = Project::open(path, Project::OpenMode::OpenExisting);
            QVERIFY2(project.ok(), project.ok() ? "" : project.message().c_str());
            const std::string text(2000, 't');
            for (int i = 0; i < 1000 && failure.ok(); ++i) {
                SqliteTransaction tx((*project)->db());
                auto insert = (*project)->db().prepare("INSERT INTO meta(key, value) VALUES (?, ?)");
                QVERIFY(insert.ok());
                insert->bind(1, "k" + std::to_string(i)).bind(2, text);
                failure = insert->exec() ? tx.commit() : Status(Error{insert->lastError()});
                stored += failure.ok();
            }
            // Before the connection closes (its closing checkpoint meets the full disk as well).
            written = FullDiskVfs::bytesWritten();
        }
        const std::int64_t refused = FullDiskVfs::writesRefused();
        FullDiskVfs::uninstall();
        QVERIFY(!failure.ok());
        QVERIFY2(failure.message().find("database or disk is full") != std::string::npos, failure.message().c_str());
        QVERIFY(refused > 0);
        const QString counts = QStringLiteral("%1 rows stored, %2 bytes written, %3 writes refused")
                                   .arg(stored)
                                   .arg(written)
                                   .arg(refused);
        QVERIFY2(stored >= 10 && stored < 1000, qPrintable(counts));
        // Refused exactly at the allowance: no write passes it, and the refused one (at most a page)
        // is what would have crossed it.
        QVERIFY2(written <= kAllowance && written > kAllowance - kPageSize, qPrintable(counts));
        auto project = Project::open(path, Project::OpenMode::OpenExisting);
        QVERIFY(project.ok());
        QCOMPARE(*(*project)->db().queryText("PRAGMA integrity_check"), std::string("ok"));
        QCOMPARE(count(**project, "SELECT count(*) FROM meta WHERE key GLOB 'k*'"), stored);
        QVERIFY((*project)->datasetId("before").has_value());
    }

    void importIntoAFullDiskFailsClearly()
    {
        const QString project = projectWithKeptData("import-full.chorus");
        const QString input = writeInput("big.jsonl", kPosts, "p");
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("CHORUS_FAULT_DISK_FULL_AFTER", QString::number(900 * 1024));
        const CliRun full = runCli(importArguments(project, "big", input), 120000, environment);
        QCOMPARE(full.code, 1);
        const QString error = full.json()["error"].toString();
        QVERIFY2(error.contains("database or disk is full"), full.out.constData());
        QVERIFY2(error.contains("cannot store") || error.contains("cannot commit") || error.contains("cannot write"),
                 qPrintable(error));
        QVERIFY2(error.contains("are kept"), qPrintable(error));
        checkProjectAfterFailure(project);
        if (QTest::currentTestFailed())
            return;
        {
            auto opened = Project::open(project.toStdString(), Project::OpenMode::OpenExisting);
            const std::int64_t partial = count(**opened, "SELECT count(*) FROM posts p JOIN datasets d ON d.id = p.dataset_id"
                                                         " WHERE d.name = 'big'");
            QVERIFY2(partial > 0 && partial < kPosts, qPrintable(QString::number(partial)));
        }
        rerunCompletes(project, input);
    }

    void importIntoAFullTmpfs()
    {
        // A real full disk: a 2 MiB tmpfs mounted in a private mount namespace (root, or a user
        // namespace where the kernel allows one); the project is copied out before it vanishes.
        const QString input = writeInput("tmpfs.jsonl", kPosts, "p");
        const QString base = projectWithKeptData("tmpfs-base.chorus");
        const QString mountPoint = m_dir.filePath("mnt");
        const QString out = m_dir.filePath("from-tmpfs");
        QVERIFY(QDir().mkpath(mountPoint) && QDir().mkpath(out));
        const QString script = QStringLiteral(
            "set -e; mount -t tmpfs -o size=2m chorus-test \"$MNT\"; cp \"$BASE\" \"$MNT/p.chorus\";"
            " set +e; \"$CLI\" import \"$MNT/p.chorus\" --format jsonl --dataset big --label class=label"
            " --batch-size 500 --json --quiet \"$INPUT\" > \"$OUT/stdout\"; echo $? > \"$OUT/code\";"
            " cp \"$MNT\"/p.chorus* \"$OUT/\"");
        QProcess shell;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("MNT", mountPoint);
        environment.insert("BASE", base);
        environment.insert("CLI", CHORUS_CLI_PATH);
        environment.insert("INPUT", input);
        environment.insert("OUT", out);
        shell.setProcessEnvironment(environment);
        shell.start("unshare", {"--mount", "--map-root-user", "sh", "-c", script});
        if (!shell.waitForStarted() || !shell.waitForFinished(120000) || shell.exitCode() != 0 ||
            !QFileInfo::exists(out + "/code"))
            QSKIP(qPrintable("this machine does not let a test mount a tmpfs (" + shell.readAllStandardError().trimmed() +
                             "); the VFS shim above covers a full disk"));
        QFile code(out + "/code"), stdoutFile(out + "/stdout");
        QVERIFY(code.open(QIODevice::ReadOnly) && stdoutFile.open(QIODevice::ReadOnly));
        QCOMPARE(code.readAll().trimmed(), QByteArray("1"));
        const QByteArray answer = stdoutFile.readAll();
        const QString error = QJsonDocument::fromJson(answer).object()["error"].toString();
        QVERIFY2(error.contains("full"), answer.constData());
        checkProjectAfterFailure(out + "/p.chorus");
        if (QTest::currentTestFailed())
            return;
        rerunCompletes(out + "/p.chorus", input);
    }

    void checkpointOnAFullDiskFailsClearly()
    {
        const QString project = m_dir.filePath("checkpoint-full.chorus");
        {
            auto opened = Project::open(project.toStdString());
            QVERIFY(opened.ok());
            DemoOptions demo;
            demo.posts = 400;
            demo.users = 30;
            demo.items = 10;
            demo.withMedia = false;
            QVERIFY(DemoGenerator(demo).generate(**opened).ok());
            SplitOptions split;
            split.seed = 3;
            split.stratifyTask = "sentiment";
            QVERIFY(DatasetSplitter::create(**opened, "demo", split).ok());
        }
        const QString config = m_dir.filePath("checkpoint.json");
        {
            QFile file(config);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(R"({"model": "bag_of_ngrams", "dataset": "demo", "task": "sentiment", "seed": 4, "epochs": 3,
                           "batch_size": 16, "checkpoint_every": 5, "device": "cpu",
                           "params": {"embedding_dim": 16, "buckets": 1024}})");
        }
        // One checkpoint's size, from a run that is allowed to write: the failing run gets room
        // for two and a half, so its third checkpoint write meets a full disk half-way.
        const CliRun sizing = runCli({"train", project, "--config", config, "--json"});
        QVERIFY2(sizing.code == 0, sizing.err.constData());
        const qint64 checkpointBytes =
            QFileInfo(project + QStringLiteral(".runs/run-%1/latest.pt").arg(sizing.json()["run_id"].toInt())).size();
        QVERIFY(checkpointBytes > 1000);

        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("CHORUS_FAULT_CHECKPOINT_FULL_AFTER", QString::number(checkpointBytes * 5 / 2));
        const CliRun full = runCli({"train", project, "--config", config, "--json"}, 120000, environment);
        QCOMPARE(full.code, 1);
        const QString error = full.json()["error"].toString();
        QVERIFY2(error.contains("cannot write checkpoint") && error.contains("No space left on device") &&
                     error.contains(".pt'"),
                 full.out.constData());

        RunSummary failed;
        {
            auto opened = Project::open(project.toStdString(), Project::OpenMode::OpenExisting);
            QVERIFY2(opened.ok(), opened.ok() ? "" : opened.message().c_str());
            QCOMPARE(*(*opened)->db().queryText("PRAGMA integrity_check"), std::string("ok"));
            auto runs = RunStore(**opened).list();
            QVERIFY(runs.ok() && runs->size() == 2);
            failed = runs->back();
            QCOMPARE(failed.status, std::string("failed"));
            QCOMPARE(QString::fromStdString(failed.message), error);
            const QString runDir = project + QStringLiteral(".runs/run-%1/").arg(failed.id);
            QVERIFY2(!QFileInfo::exists(runDir + "latest.pt.partial") && !QFileInfo::exists(runDir + "best.pt.partial"),
                     "the half-written file is removed");
            const std::int64_t metricsBefore = *(*opened)->db().queryInt(
                "SELECT count(*) FROM metrics WHERE run_id = (SELECT max(id) FROM runs)");
            QVERIFY(metricsBefore > 0);
            const std::int64_t latestStep = *(*opened)->db().queryInt(
                "SELECT step FROM checkpoints WHERE kind = 'latest' AND run_id = (SELECT max(id) FROM runs)");
            QCOMPARE(latestStep, std::int64_t(10)); // two checkpoints fitted: steps 5 and 10
        }

        // The kept checkpoint loads (resume reads it) and the run finishes.
        const CliRun resumed = runCli({"resume", project, "--run", QString::number(failed.id), "--events", "-"});
        QVERIFY2(resumed.code == 0, resumed.err.constData());
        QVERIFY2(resumed.out.contains("\"resumed_from_step\":10"), resumed.out.left(400).constData());
        auto after = Project::open(project.toStdString(), Project::OpenMode::OpenExisting);
        QCOMPARE(RunStore(**after).get(failed.id)->status, std::string("finished"));
        QCOMPARE(*(*after)->db().queryInt("SELECT max(step) FROM metrics WHERE run_id = (SELECT max(id) FROM runs)"),
                 *(*after)->db().queryInt("SELECT max(step) FROM metrics WHERE run_id = (SELECT min(id) FROM runs)"));
    }
};

QTEST_GUILESS_MAIN(FullDiskTest)
#include "tst_fulldisk.moc"
