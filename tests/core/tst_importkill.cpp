// kill -9 in the middle of an import: the project stays intact, and running the same import again
// completes it with exactly the expected rows, nothing twice.
#include "core/store/project.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace chorus;

class ImportKillTest : public QObject {
    Q_OBJECT

private:
    static constexpr int kPosts = 200000;
    static constexpr int kBadEvery = 997;

    static int expectedBad()
    {
        int bad = 0;
        for (int i = 0; i < kPosts; ++i)
            bad += i % kBadEvery == 0;
        return bad;
    }

    static std::int64_t postCount(const std::string &path)
    {
        // A second connection, as another process would see the file.
        SqliteDatabase db;
        if (!db.open(path, SqliteDatabase::Mode::ReadOnly).ok())
            return -1;
        auto n = db.queryInt("SELECT count(*) FROM posts");
        return n ? *n : -1;
    }

private slots:
    void killedImportIsCompletedByRerun()
    {
        QTemporaryDir dir;
        const QString input = dir.filePath("posts.jsonl");
        {
            std::ofstream out(input.toStdString());
            for (int i = 0; i < kPosts; ++i) {
                if (i % kBadEvery == 0)
                    out << "{\"id\": \"p" << i << "\", \"text\": \"truncated\n"; // malformed on purpose
                else
                    out << "{\"id\": \"p" << i << "\", \"author\": \"u" << i % 1000 << "\", \"text\": \"post number " << i
                        << " with some words to index\", \"label\": \"" << (i % 2 ? "a" : "b") << "\"}\n";
            }
        }
        const QString project = dir.filePath("kill.chorus");
        QVERIFY(Project::open(project.toStdString()).ok());
        const QStringList args = {"import", project, "--format", "jsonl", "--dataset", "d",
                                  "--label", "class=label", "--batch-size", "2000", "--json", input};

        QProcess victim;
        victim.start(CHORUS_CLI_PATH, args);
        QVERIFY(victim.waitForStarted());
        QElapsedTimer timer;
        timer.start();
        std::int64_t seen = 0;
        while (seen < 10000 && timer.elapsed() < 60000 && victim.state() == QProcess::Running) {
            QTest::qWait(5);
            seen = std::max<std::int64_t>(seen, postCount(project.toStdString()));
        }
        QVERIFY2(victim.state() == QProcess::Running, "the import finished before it could be killed; make it bigger");
        victim.kill(); // SIGKILL: no handler, no cleanup
        QVERIFY(victim.waitForFinished());

        std::int64_t before = 0;
        {
            auto opened = Project::open(project.toStdString(), Project::OpenMode::OpenExisting);
            QVERIFY2(opened.ok(), opened.ok() ? "" : opened.message().c_str());
            QCOMPARE(*(*opened)->db().queryText("PRAGMA integrity_check"), std::string("ok"));
            before = *(*opened)->db().queryInt("SELECT count(*) FROM posts");
            QVERIFY(before >= 10000);
            QVERIFY(before < kPosts - expectedBad());
            // Every stored post is complete: its label came with it in the same transaction.
            QCOMPARE(*(*opened)->db().queryInt("SELECT count(*) FROM labels"), before);
        }

        QProcess rerun;
        rerun.start(CHORUS_CLI_PATH, args);
        QVERIFY(rerun.waitForFinished(300000));
        QCOMPARE(rerun.exitCode(), 0);
        const QJsonObject report = QJsonDocument::fromJson(rerun.readAllStandardOutput()).object();
        const int valid = kPosts - expectedBad();
        QCOMPARE(report.value("imported").toInteger() + before, qint64(valid));
        QCOMPARE(report.value("duplicates").toInteger(), qint64(before));
        QCOMPARE(report.value("rejected").toInteger(), qint64(expectedBad()));

        auto opened = Project::open(project.toStdString(), Project::OpenMode::OpenExisting);
        SqliteDatabase &db = (*opened)->db();
        QCOMPARE(*db.queryInt("SELECT count(*) FROM posts"), std::int64_t(valid));
        QCOMPARE(*db.queryInt("SELECT count(DISTINCT source_id) FROM posts"), std::int64_t(valid));
        QCOMPARE(*db.queryInt("SELECT count(*) FROM labels"), std::int64_t(valid));
        QCOMPARE(*db.queryInt("SELECT count(*) FROM import_log"), std::int64_t(expectedBad()));
        QCOMPARE(*db.queryText("PRAGMA integrity_check"), std::string("ok"));
        QCOMPARE((*opened)->search("number")->size(), std::size_t(50));
    }
};

QTEST_GUILESS_MAIN(ImportKillTest)
#include "tst_importkill.moc"
