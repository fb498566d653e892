// Migrations: a project made by every older schema version opens, migrates forward, and keeps its data.
#include "core/analytics/analysisstore.h"
#include "core/store/project.h"
#include "core/store/schema.h"
#include "core/store/sqlitedatabase.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

class SchemaTest : public QObject {
    Q_OBJECT

private:
    static QStringList objectsOf(SqliteDatabase &db)
    {
        QStringList names;
        auto select = db.prepare("SELECT type || ' ' || name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY 1");
        while (select->step())
            names << QString::fromStdString(select->text(0));
        return names;
    }

private slots:
    void latestVersionIsPositive() { QVERIFY(Schema::latestVersion() >= 3); }

    void migratesFromEveryOlderVersion_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 0; v < Schema::latestVersion(); ++v)
            QTest::newRow(qPrintable(QStringLiteral("v%1").arg(v))) << v;
    }

    void migratesFromEveryOlderVersion()
    {
        QFETCH(int, from);
        QTemporaryDir dir;
        const std::string path = dir.filePath("old.chorus").toStdString();
        {
            SqliteDatabase db;
            QVERIFY(db.open(path).ok());
            QVERIFY2(Schema::migrate(db, from).ok(), "building the old version");
            QCOMPARE(*Schema::version(db), from);
            if (from >= 1) {
                // Data as an older Chorus would have stored it.
                QVERIFY(db.exec("INSERT INTO datasets(name) VALUES ('old');"
                                "INSERT INTO users(source_id) VALUES ('u1');"
                                "INSERT INTO posts(dataset_id, source_id, author_id, text)"
                                " VALUES (1, 'p1', 1, 'the election results are in');"
                                "INSERT INTO labels(post_id, task, value) VALUES (1, 'topic', 'politics');")
                            .ok());
            }
        }
        auto project = Project::open(path, Project::OpenMode::OpenExisting);
        QVERIFY2(project.ok(), project.ok() ? "" : project.message().c_str());
        SqliteDatabase &db = (*project)->db();
        QCOMPARE(*Schema::version(db), Schema::latestVersion());

        // The migrated file has exactly the objects of a file created at the latest version.
        QTemporaryDir freshDir;
        auto fresh = Project::open(freshDir.filePath("new.chorus").toStdString());
        QVERIFY(fresh.ok());
        QCOMPARE(objectsOf(db), objectsOf((*fresh)->db()));

        if (from >= 1) {
            QCOMPARE(*db.queryText("SELECT text FROM posts WHERE source_id = 'p1'"),
                     std::string("the election results are in"));
            QCOMPARE(*db.queryText("SELECT value FROM labels WHERE task = 'topic'"), std::string("politics"));
            // Rows stored before the FTS index existed are searchable after the migration.
            auto hits = (*project)->search("election");
            QVERIFY(hits.ok());
            QCOMPARE(hits->size(), std::size_t(1));
        }
        QCOMPARE(*db.queryText("PRAGMA integrity_check"), std::string("ok"));
    }

    void version5AddsStoredAnalyses()
    {
        // A version 4 project has nowhere to keep analyses; migrated, it stores and lists them and
        // keeps what it had.
        QVERIFY(Schema::latestVersion() >= 5);
        QTemporaryDir dir;
        const std::string path = dir.filePath("v4.chorus").toStdString();
        {
            SqliteDatabase db;
            QVERIFY(db.open(path).ok());
            QVERIFY(Schema::migrate(db, 4).ok());
            QVERIFY(db.exec("INSERT INTO datasets(name) VALUES ('old')").ok());
            QCOMPARE(*db.queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'analyses'"), std::int64_t(0));
        }
        auto project = Project::open(path, Project::OpenMode::OpenExisting);
        QVERIFY(project.ok());
        QCOMPARE(*Schema::version((*project)->db()), Schema::latestVersion());
        AnalysisStore store(**project);
        QVERIFY(store.list()->empty());
        auto id = store.save("trends", "hashtag per day", *(*project)->datasetId("old"), {{"top", 5}}, {{"mode", "series"}});
        QVERIFY2(id.ok(), id.ok() ? "" : id.message().c_str());
        auto listed = store.list();
        QCOMPARE(listed->size(), std::size_t(1));
        QCOMPARE(listed->front().dataset, std::string("old"));
        QCOMPARE(store.load(*id)->params["top"].get<int>(), 5);
    }

    void refusesNewerVersion()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("future.chorus").toStdString();
        {
            SqliteDatabase db;
            QVERIFY(db.open(path).ok());
            QVERIFY(db.exec("PRAGMA user_version = 999").ok());
        }
        auto project = Project::open(path);
        QVERIFY(!project.ok());
        QVERIFY2(project.message().find("newer") != std::string::npos, project.message().c_str());
    }

    void migrationIsAtomic()
    {
        // A failing migration step leaves the file at the previous version, not half-way.
        QTemporaryDir dir;
        const std::string path = dir.filePath("clash.chorus").toStdString();
        SqliteDatabase db;
        QVERIFY(db.open(path).ok());
        QVERIFY(Schema::migrate(db, 1).ok());
        QVERIFY(db.exec("CREATE TABLE posts_fts(x)").ok()); // clashes with migration 2
        QVERIFY(!Schema::migrate(db).ok());
        QCOMPARE(*Schema::version(db), 1);
        QCOMPARE(*db.queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'posts_fts_insert'"), std::int64_t(0));
    }
};

QTEST_GUILESS_MAIN(SchemaTest)
#include "tst_schema.moc"
