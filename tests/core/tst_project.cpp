// The project file: pragmas, datasets, search, meta and refusal of files that are not projects.
#include "core/store/project.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

class ProjectTest : public QObject {
    Q_OBJECT

private slots:
    void opensWithWalAndForeignKeys()
    {
        QTemporaryDir dir;
        auto project = Project::open(dir.filePath("p.chorus").toStdString());
        QVERIFY(project.ok());
        SqliteDatabase &db = (*project)->db();
        QCOMPARE(*db.queryText("PRAGMA journal_mode"), std::string("wal"));
        QCOMPARE(*db.queryInt("PRAGMA foreign_keys"), std::int64_t(1));
        // Foreign keys are enforced: a post of a missing dataset is refused.
        QVERIFY(!db.exec("INSERT INTO posts(dataset_id, source_id) VALUES (42, 'x')").ok());
    }

    void openModes()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("p.chorus").toStdString();
        QVERIFY(!Project::open(path, Project::OpenMode::OpenExisting).ok());
        QVERIFY(Project::open(path, Project::OpenMode::CreateNew).ok());
        auto again = Project::open(path, Project::OpenMode::CreateNew);
        QVERIFY(!again.ok());
        QVERIFY(again.message().find("already exists") != std::string::npos);
        QVERIFY(Project::open(path, Project::OpenMode::OpenExisting).ok());
    }

    void refusesFilesThatAreNotProjects()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("notes.chorus");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
        file.close();
        auto project = Project::open(path.toStdString());
        QVERIFY(!project.ok());
        QVERIFY2(project.message().find("notes.chorus") != std::string::npos, project.message().c_str());
        // The file is left as it was.
        QCOMPARE(QFileInfo(path).size(), qint64(8192));
    }

    void datasetsAndSummary()
    {
        QTemporaryDir dir;
        auto project = Project::open(dir.filePath("p.chorus").toStdString());
        QVERIFY(project.ok());
        Project &p = **project;
        auto a = p.ensureDataset("tweets");
        auto again = p.ensureDataset("tweets");
        QVERIFY(a.ok() && again.ok());
        QCOMPARE(*a, *again);
        QVERIFY(!p.ensureDataset("").ok());
        QVERIFY(p.db().exec("INSERT INTO posts(dataset_id, source_id, text) VALUES (1, 'a', 'hello')").ok());
        auto list = p.datasets();
        QVERIFY(list.ok());
        QCOMPARE(list->size(), std::size_t(1));
        QCOMPARE(list->front().posts, std::int64_t(1));
        auto summary = p.summary();
        QVERIFY(summary.ok());
        QCOMPARE(summary->posts, std::int64_t(1));
        QCOMPARE(summary->datasets, std::int64_t(1));
    }

    void fullTextSearch()
    {
        QTemporaryDir dir;
        auto project = Project::open(dir.filePath("p.chorus").toStdString());
        QVERIFY(project.ok());
        Project &p = **project;
        const auto news = *p.ensureDataset("news");
        const auto chat = *p.ensureDataset("chat");
        auto insert = p.db().prepare("INSERT INTO posts(dataset_id, source_id, text) VALUES (?, ?, ?)");
        QVERIFY(insert.ok());
        const std::vector<std::tuple<std::int64_t, std::string, std::string>> rows = {
            {news, "1", "The Election is tomorrow"},     {news, "2", "Football results"},
            {chat, "3", "who won the election?"},        {chat, "4", "Élection présidentielle"},
            {news, "5", "elections everywhere this year"}};
        for (const auto &[dataset, id, text] : rows) {
            insert->bind(1, dataset).bind(2, id).bind(3, text);
            QVERIFY(insert->exec());
        }
        auto hits = p.search("election");
        QVERIFY(hits.ok());
        QCOMPARE(hits->size(), std::size_t(3)); // case- and diacritic-insensitive, whole words
        auto inNews = p.search("election", 50, news);
        QCOMPARE(inNews->size(), std::size_t(1));
        QCOMPARE(inNews->front().text, std::string("The Election is tomorrow"));
        QCOMPARE(p.search("election*")->size(), std::size_t(4));
        // Updates and deletes keep the index in step.
        QVERIFY(p.db().exec("UPDATE posts SET text = 'nothing here' WHERE source_id = '1'").ok());
        QVERIFY(p.db().exec("DELETE FROM posts WHERE source_id = '3'").ok());
        QCOMPARE(p.search("election")->size(), std::size_t(1));
        // Bad query syntax is an error value, not a crash.
        auto bad = p.search("\"unterminated");
        QVERIFY(!bad.ok());
    }

    void secretIsStable()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("p.chorus").toStdString();
        std::string first;
        {
            auto project = Project::open(path);
            first = *(*project)->secret();
            QCOMPARE(first.size(), std::size_t(64));
        }
        auto project = Project::open(path);
        QCOMPARE(*(*project)->secret(), first);
        QTemporaryDir other;
        auto second = Project::open(other.filePath("q.chorus").toStdString());
        QVERIFY(*(*second)->secret() != first);
    }
};

QTEST_GUILESS_MAIN(ProjectTest)
#include "tst_project.moc"
