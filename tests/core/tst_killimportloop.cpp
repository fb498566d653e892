// kill -9 during import, in a loop: 20 trials at moments drawn by a seeded generator. One trial in
// three draws its moment over the import's whole duration (start-up and the final steps included);
// the others wait for the victim's first committed batch and draw over the first half of the time
// the batches took to store in an uninterrupted import, so that a slow, loaded machine (whose
// start-up takes most of the time) still kills mid-import. After every
// kill the project passes PRAGMA integrity_check, every post the test had seen committed is still
// there unchanged, each stored post came with its label (batches are all or nothing), nothing is
// stored twice; then the same import, run again after a few kills, completes with exactly the
// expected rows, duplicates and rejects.
#include "clirun.h"
#include "killtrial.h"

#include "core/store/project.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <fstream>

using namespace chorus;

class KillImportLoopTest : public QObject {
    Q_OBJECT

private:
    static constexpr int kPosts = 40000;
    static constexpr int kBadEvery = 797;
    static constexpr int kKills = 20;
    static constexpr int kKillsPerChain = 4; // then the import is run to the end

    QTemporaryDir m_dir;
    QString m_input;
    qint64 m_fullImportMs = 0;
    qint64 m_storingUs = 0; // from the first committed batch to the last, in the uninterrupted import

    static int expectedBad()
    {
        int bad = 0;
        for (int i = 0; i < kPosts; ++i)
            bad += i % kBadEvery == 0;
        return bad;
    }
    static int expectedValid() { return kPosts - expectedBad(); }

    QStringList importArguments(const QString &project) const
    {
        return {"import", project, "--format", "jsonl", "--dataset", "d", "--label", "class=label",
                "--batch-size", "1000", "--json", "--quiet", m_input};
    }

    static std::int64_t committedPosts(SqliteDatabase &watcher)
    {
        killtrial::Committed now;
        return killtrial::readCommitted(watcher, "SELECT count(*), coalesce(max(rowid), 0), total(length(text)) FROM posts", now)
                   ? now.rows
                   : -1;
    }

    static std::int64_t count(SqliteDatabase &db, const char *sql)
    {
        auto n = db.queryInt(sql);
        return n ? *n : -1;
    }

private slots:
    void initTestCase()
    {
        m_input = m_dir.filePath("posts.jsonl");
        std::ofstream out(m_input.toStdString());
        for (int i = 0; i < kPosts; ++i) {
            if (i % kBadEvery == 0)
                out << "{\"id\": \"p" << i << "\", \"text\": \"cut\n"; // malformed on purpose
            else
                out << "{\"id\": \"p" << i << "\", \"author\": \"u" << i % 500 << "\", \"text\": \"post " << i
                    << " about the election and the match\", \"label\": \"" << (i % 3 ? "a" : "b") << "\"}\n";
        }
        out.close();
        // The uninterrupted import: how long the phase lasts, and that it is what the checks expect.
        const QString reference = m_dir.filePath("reference.chorus");
        QElapsedTimer timer;
        timer.start();
        const CliRun run = runCli(importArguments(reference));
        m_fullImportMs = timer.elapsed();
        QVERIFY2(run.code == 0, run.err.constData());
        QCOMPARE(run.json()["imported"].toInt(), expectedValid());
        QCOMPARE(run.json()["rejected"].toInt(), expectedBad());

        // The same import watched: when its first batch shows, and how long storing goes on after.
        const QString watched = m_dir.filePath("watched.chorus");
        QVERIFY(Project::open(watched.toStdString()).ok());
        SqliteDatabase watcher;
        QVERIFY(watcher.open(watched.toStdString(), SqliteDatabase::Mode::ReadOnly).ok());
        killtrial::Victim victim;
        QVERIFY(victim.start(importArguments(watched)));
        qint64 firstCommitUs = -1, lastCommitUs = -1;
        while (victim.running()) {
            const std::int64_t posts = committedPosts(watcher);
            if (firstCommitUs < 0 && posts > 0)
                firstCommitUs = victim.elapsedUs();
            if (lastCommitUs < 0 && posts == expectedValid())
                lastCommitUs = victim.elapsedUs();
            victim.poll(1000);
        }
        QCOMPARE(victim.exitCode(), 0);
        if (lastCommitUs < 0)
            lastCommitUs = victim.elapsedUs();
        QVERIFY2(firstCommitUs >= 0, "no batch was seen committed before the import ended");
        m_storingUs = std::max<qint64>(lastCommitUs - firstCommitUs, 1000);
        qInfo("uninterrupted import: %lld ms, batches stored over %lld ms; seed %llx", m_fullImportMs,
              m_storingUs / 1000, (unsigned long long)killtrial::kSeed);
    }

    void killedImportsLoseNothingAndComplete()
    {
        std::mt19937_64 random(killtrial::kSeed);
        int kills = 0, chains = 0, midImport = 0, trials = 0;
        while (kills < kKills) {
            const QString project = m_dir.filePath(QStringLiteral("chain-%1.chorus").arg(chains++));
            QVERIFY(Project::open(project.toStdString()).ok());
            for (int inChain = 0; inChain < kKillsPerChain && kills < kKills; ++inChain) {
                // From the start, over the whole phase (start-up included; a little past its end
                // too, where a resumed import, which skips what is stored, may already be done), or
                // from this run's first committed batch, over the first half of the storing phase
                // (its length varies from run to run; a resumed import has less to store).
                const bool fromStart = trials++ % 3 == 0;
                const qint64 killAtUs = std::uniform_int_distribution<qint64>(
                    0, fromStart ? m_fullImportMs * 1000 : m_storingUs / 2)(random);
                SqliteDatabase watcher;
                QVERIFY(watcher.open(project.toStdString(), SqliteDatabase::Mode::ReadOnly).ok());
                killtrial::Committed seen;
                const std::int64_t storedBefore = committedPosts(watcher);
                killtrial::Victim victim;
                QVERIFY(victim.start(importArguments(project)));
                qint64 anchorUs = fromStart ? 0 : -1;
                while (victim.running() && (anchorUs < 0 || victim.elapsedUs() - anchorUs < killAtUs)) {
                    killtrial::Committed now;
                    if (killtrial::readCommitted(watcher, "SELECT count(*), coalesce(max(rowid), 0), total(length(text)) FROM posts", now))
                        seen = now;
                    if (anchorUs < 0 && seen.rows > storedBefore)
                        anchorUs = victim.elapsedUs();
                    QTest::qWait(2);
                }
                const bool killed = victim.running();
                victim.kill();
                watcher.close();
                if (!killed) {
                    QCOMPARE(victim.exitCode(), 0);
                    break; // this import finished first: the chain's final run below checks it
                }
                ++kills;
                const std::string path = project.toStdString();
                const QByteArray trial = QStringLiteral("trial %1 (chain %2, kill at %3 ms)")
                                             .arg(kills).arg(chains).arg(killAtUs / 1000.0, 0, 'f', 1).toUtf8();
                QVERIFY2(killtrial::integrity(path) == "ok", trial.constData());
                auto opened = Project::open(path, Project::OpenMode::OpenExisting);
                QVERIFY2(opened.ok(), opened.ok() ? "" : opened.message().c_str());
                SqliteDatabase &db = (*opened)->db();
                // What the test saw committed is all there, unchanged.
                auto kept = db.prepare("SELECT count(*), total(length(text)) FROM posts WHERE rowid <= ?1");
                QVERIFY(kept.ok());
                kept->bind(1, seen.maxRowid);
                QVERIFY(kept->step());
                QVERIFY2(kept->int64(0) == seen.rows && kept->real(1) == seen.sum, trial.constData());
                const std::int64_t posts = count(db, "SELECT count(*) FROM posts");
                midImport += posts > seen.rows || (posts > 0 && posts < expectedValid());
                QVERIFY2(posts >= seen.rows && posts <= expectedValid(), trial.constData());
                QCOMPARE(count(db, "SELECT count(DISTINCT source_id) FROM posts"), posts);
                QCOMPARE(count(db, "SELECT count(*) FROM labels"), posts);
                QVERIFY(count(db, "SELECT count(*) FROM import_log") <= expectedBad());
                QCOMPARE(count(db, "SELECT count(*) FROM meta WHERE key = 'fts_deferred'"), std::int64_t(0));
            }
            // Run again to the end: exactly the expected rows, the stored ones counted as duplicates.
            std::int64_t before = 0;
            {
                auto opened = Project::open(project.toStdString(), Project::OpenMode::OpenExisting);
                QVERIFY(opened.ok());
                before = count((*opened)->db(), "SELECT count(*) FROM posts");
            }
            const CliRun rerun = runCli(importArguments(project));
            QVERIFY2(rerun.code == 0, rerun.err.constData());
            QCOMPARE(rerun.json()["imported"].toInteger() + before, qint64(expectedValid()));
            QCOMPARE(rerun.json()["duplicates"].toInteger(), qint64(before));
            QCOMPARE(rerun.json()["rejected"].toInteger(), qint64(expectedBad()));
            auto opened = Project::open(project.toStdString(), Project::OpenMode::OpenExisting);
            QVERIFY(opened.ok());
            SqliteDatabase &db = (*opened)->db();
            QCOMPARE(count(db, "SELECT count(*) FROM posts"), std::int64_t(expectedValid()));
            QCOMPARE(count(db, "SELECT count(DISTINCT source_id) FROM posts"), std::int64_t(expectedValid()));
            QCOMPARE(count(db, "SELECT count(*) FROM labels"), std::int64_t(expectedValid()));
            QCOMPARE(count(db, "SELECT count(*) FROM import_log"), std::int64_t(expectedBad()));
            QCOMPARE(count(db, "SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'election'"),
                     std::int64_t(expectedValid()));
            QCOMPARE(*db.queryText("PRAGMA integrity_check"), std::string("ok"));
        }
        qInfo("%d kills in %d chains, %d of them with a partial import stored", kills, chains, midImport);
        // Two trials in three are drawn after a batch is seen stored: most kills land mid-import.
        QVERIFY2(midImport >= kKills / 2, "too few kills landed during the import");
    }
};

QTEST_GUILESS_MAIN(KillImportLoopTest)
#include "tst_killimportloop.moc"
