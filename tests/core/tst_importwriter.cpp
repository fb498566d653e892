// The import writer: batched storage, dedup by source id, reject log, cancel and a full disk.
#include "core/import/importwriter.h"
#include "core/store/project.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

namespace {

PostRecord makePost(int i)
{
    PostRecord post;
    post.line = static_cast<std::uint64_t>(i + 1);
    post.sourceId = "p" + std::to_string(i);
    post.author.sourceId = "u" + std::to_string(i % 7);
    post.author.name = "user " + std::to_string(i % 7);
    post.createdAt = 1700000000 + i;
    post.text = "post " + std::to_string(i) + (i % 2 ? " about the election" : " about football");
    post.likes = i;
    post.labels.push_back({"topic", i % 2 ? "politics" : "sports"});
    if (i % 5 == 0)
        post.media.push_back({MediaKind::Image, "/img/" + std::to_string(i) + ".png", "", "abc", 64, 48, {}, {}});
    return post;
}

std::int64_t count(Project &p, const char *sql) { return *p.db().queryInt(sql); }

} // namespace

class ImportWriterTest : public QObject {
    Q_OBJECT

private slots:
    void storesPostsInBatches()
    {
        QTemporaryDir dir;
        auto project = Project::open(dir.filePath("w.chorus").toStdString());
        Project &p = **project;
        const auto dataset = *p.ensureDataset("d");
        ImportOptions options;
        options.batchSize = 16; // many transactions
        ImportWriter writer(p.db(), dataset, options, "");
        for (int i = 0; i < 100; ++i)
            QVERIFY(writer.post(makePost(i)));
        QVERIFY(writer.reject("in.jsonl", 7, "invalid JSON"));
        QVERIFY(writer.finish().ok());
        QCOMPARE(writer.imported(), std::int64_t(100));
        QCOMPARE(writer.duplicates(), std::int64_t(0));
        QCOMPARE(writer.rejected(), std::int64_t(1));
        QCOMPARE(count(p, "SELECT count(*) FROM posts"), std::int64_t(100));
        QCOMPARE(count(p, "SELECT count(*) FROM users"), std::int64_t(7));
        QCOMPARE(count(p, "SELECT count(*) FROM labels WHERE task = 'topic'"), std::int64_t(100));
        QCOMPARE(count(p, "SELECT count(*) FROM media WHERE width = 64 AND height = 48"), std::int64_t(20));
        QCOMPARE(*p.db().queryText("SELECT file || ':' || line || ': ' || reason FROM import_log"),
                 std::string("in.jsonl:7: invalid JSON"));
        QCOMPARE(p.search("election")->size(), std::size_t(50));
    }

    void dedupsAcrossAndWithinRuns()
    {
        QTemporaryDir dir;
        auto project = Project::open(dir.filePath("w.chorus").toStdString());
        Project &p = **project;
        const auto dataset = *p.ensureDataset("d");
        {
            ImportWriter writer(p.db(), dataset, ImportOptions(), "");
            for (int i = 0; i < 30; ++i)
                writer.post(makePost(i));
            writer.post(makePost(3)); // same source id in the same file
            QVERIFY(writer.finish().ok());
            QCOMPARE(writer.imported(), std::int64_t(30));
            QCOMPARE(writer.duplicates(), std::int64_t(1));
        }
        {
            ImportWriter writer(p.db(), dataset, ImportOptions(), "");
            for (int i = 0; i < 40; ++i)
                writer.post(makePost(i));
            writer.reject("in.jsonl", 7, "invalid JSON");
            writer.reject("in.jsonl", 7, "invalid JSON");
            QVERIFY(writer.finish().ok());
            QCOMPARE(writer.imported(), std::int64_t(10));
            QCOMPARE(writer.duplicates(), std::int64_t(30));
        }
        QCOMPARE(count(p, "SELECT count(*) FROM posts"), std::int64_t(40));
        QCOMPARE(count(p, "SELECT count(*) FROM labels"), std::int64_t(40));
        QCOMPARE(count(p, "SELECT count(*) FROM media"), std::int64_t(8));
        // The same bad row reported by two runs is logged once.
        QCOMPARE(count(p, "SELECT count(*) FROM import_log"), std::int64_t(1));
        // The same source id in another dataset is another post.
        const auto other = *p.ensureDataset("other");
        ImportWriter writer(p.db(), other, ImportOptions(), "");
        writer.post(makePost(0));
        QVERIFY(writer.finish().ok());
        QCOMPARE(writer.imported(), std::int64_t(1));
    }

    void skipsRepeatedTextWhenAsked()
    {
        QTemporaryDir dir;
        auto project = Project::open(dir.filePath("w.chorus").toStdString());
        Project &p = **project;
        const auto dataset = *p.ensureDataset("d");
        const auto post = [](const std::string &id, const std::string &text) {
            PostRecord record;
            record.sourceId = id;
            record.text = text;
            return record;
        };
        ImportOptions options;
        options.skipDuplicateText = true;
        options.batchSize = 2;
        {
            ImportWriter writer(p.db(), dataset, options, "");
            writer.post(post("p1", "Hello World"));
            writer.post(post("p2", "  hello \t world\n")); // case and spacing aside, the same text
            writer.post(post("p3", "Café au lait"));
            writer.post(post("p4", ""));                    // no text: never a repeat
            writer.post(post("p5", "   "));
            writer.post(post("p6", "Hello World!"));        // another text
            writer.post(post("p7", "CAFÉ AU LAIT"));        // É is not an ASCII letter: another text
            QVERIFY(writer.finish().ok());
            QCOMPARE(writer.imported(), std::int64_t(6));
            QCOMPARE(writer.duplicates(), std::int64_t(1));
        }
        {
            // A later import compares with the texts already in the dataset.
            ImportWriter writer(p.db(), dataset, options, "");
            writer.post(post("p8", "café au lait"));
            writer.post(post("p9", "something new"));
            writer.post(post("p1", "Hello World")); // a re-run of the first file
            QVERIFY(writer.finish().ok());
            QCOMPARE(writer.imported(), std::int64_t(1));
            QCOMPARE(writer.duplicates(), std::int64_t(2));
        }
        QCOMPARE(count(p, "SELECT count(*) FROM posts WHERE source_id IN ('p2', 'p8')"), std::int64_t(0));
        {
            // Without the option, only the source id decides.
            ImportWriter writer(p.db(), dataset, ImportOptions(), "");
            writer.post(post("p10", "something new"));
            QVERIFY(writer.finish().ok());
            QCOMPARE(writer.imported(), std::int64_t(1));
        }
        // Another dataset's texts do not count.
        const auto other = *p.ensureDataset("other");
        ImportWriter writer(p.db(), other, options, "");
        writer.post(post("q1", "Hello World"));
        QVERIFY(writer.finish().ok());
        QCOMPARE(writer.imported(), std::int64_t(1));
    }

    // Posts are stored many to a statement; each stored post must get its own labels, media and
    // author whatever order SQLite names the new rows in, and a source id repeated across statement
    // and batch boundaries keeps its first occurrence.
    void manyPostsPerStatementKeepTheirOwnRows()
    {
        QTemporaryDir dir;
        auto project = Project::open(dir.filePath("w.chorus").toStdString());
        Project &p = **project;
        const auto dataset = *p.ensureDataset("d");
        ImportOptions options;
        options.batchSize = 150; // batches end in the middle of a 64-post statement
        ImportWriter writer(p.db(), dataset, options, "");
        for (int i = 0; i < 500; ++i) {
            writer.post(makePost(i));
            if (i % 61 == 60) { // a repeat in the same statement, then one in a later batch
                PostRecord again = makePost(i - 1);
                again.text = "a later copy";
                again.labels = {{"topic", "copy"}};
                writer.post(std::move(again));
                writer.post(makePost(i - 59));
            }
        }
        QVERIFY(writer.finish().ok());
        QCOMPARE(writer.imported(), std::int64_t(500));
        QCOMPARE(writer.duplicates(), std::int64_t(2 * (500 / 61)));
        QCOMPARE(count(p, "SELECT count(*) FROM posts"), std::int64_t(500));
        QCOMPARE(count(p, "SELECT count(*) FROM posts WHERE text = 'a later copy'"), std::int64_t(0));
        // Every label, medium and author belongs to the post it came with.
        QCOMPARE(count(p, "SELECT count(*) FROM labels l JOIN posts s ON s.id = l.post_id WHERE l.value <>"
                          " CASE WHEN CAST(substr(s.source_id, 2) AS INTEGER) % 2 THEN 'politics' ELSE 'sports' END"),
                 std::int64_t(0));
        QCOMPARE(count(p, "SELECT count(*) FROM labels"), std::int64_t(500));
        QCOMPARE(count(p, "SELECT count(*) FROM media m JOIN posts s ON s.id = m.post_id"
                          " WHERE m.path <> '/img/' || substr(s.source_id, 2) || '.png'"),
                 std::int64_t(0));
        QCOMPARE(count(p, "SELECT count(*) FROM media"), std::int64_t(100));
        QCOMPARE(count(p, "SELECT count(*) FROM posts s JOIN users u ON u.id = s.author_id"
                          " WHERE u.source_id <> 'u' || (CAST(substr(s.source_id, 2) AS INTEGER) % 7)"),
                 std::int64_t(0));
        QCOMPARE(count(p, "SELECT count(*) FROM posts WHERE likes <> CAST(substr(source_id, 2) AS INTEGER)"),
                 std::int64_t(0));
        QCOMPARE(count(p, "SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'election'"), std::int64_t(250));
        QCOMPARE(count(p, "SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'copy'"), std::int64_t(0));
        QCOMPARE(*p.db().queryText("INSERT INTO posts_fts(posts_fts) VALUES('integrity-check')"), std::string());
        QCOMPARE(*p.db().queryText("PRAGMA integrity_check"), std::string("ok"));
        QCOMPARE(*p.db().queryInt("PRAGMA wal_autocheckpoint"), std::int64_t(1000));
    }
    void interactionsAndItems()
    {
        QTemporaryDir dir;
        auto project = Project::open(dir.filePath("w.chorus").toStdString());
        Project &p = **project;
        const auto dataset = *p.ensureDataset("ratings", "interactions");
        for (int run = 0; run < 2; ++run) {
            ImportWriter writer(p.db(), dataset, ImportOptions(), "");
            writer.item({"i1", "First item", nlohmann::json{{"topic", "tech"}}});
            writer.interaction({1, "u1", "i1", "rating", 4.5, 1700000000});
            writer.interaction({2, "u2", "i1", "rating", 3.0, 0});
            writer.interaction({3, "u1", "i2", "view", 1.0, 1700000100});
            QVERIFY(writer.finish().ok());
            QCOMPARE(writer.imported(), std::int64_t(run == 0 ? 3 : 0));
            QCOMPARE(writer.duplicates(), std::int64_t(run == 0 ? 0 : 3));
        }
        QCOMPARE(count(p, "SELECT count(*) FROM interactions"), std::int64_t(3));
        QCOMPARE(*p.db().queryText("SELECT title FROM items WHERE source_id = 'i1'"), std::string("First item"));
    }

    void cancelKeepsWhatWasRead()
    {
        QTemporaryDir dir;
        auto project = Project::open(dir.filePath("w.chorus").toStdString());
        Project &p = **project;
        ImportOptions options;
        options.batchSize = 10;
        ImportWriter writer(p.db(), *p.ensureDataset("d"), options, "");
        int calls = 0;
        writer.setProgressHandler([&](std::uint64_t) { return ++calls < 3; });
        int sent = 0;
        for (int i = 0; i < 1000; ++i) {
            if (!writer.post(makePost(i)))
                break;
            ++sent;
            if (i % 10 == 9 && !writer.progress(static_cast<std::uint64_t>(i)))
                break;
        }
        QVERIFY(writer.cancelled());
        QVERIFY(writer.finish().ok());
        QCOMPARE(sent, 30);
        QCOMPARE(writer.imported(), std::int64_t(30));
        QCOMPARE(count(p, "SELECT count(*) FROM posts"), std::int64_t(30));
        QVERIFY(!writer.post(makePost(5000)));
    }

    void fullDiskFailsClearlyAndKeepsStoredRows()
    {
        QTemporaryDir dir;
        auto project = Project::open(dir.filePath("w.chorus").toStdString());
        Project &p = **project;
        const auto dataset = *p.ensureDataset("d");
        {
            ImportWriter writer(p.db(), dataset, ImportOptions(), "");
            for (int i = 0; i < 50; ++i)
                writer.post(makePost(i));
            QVERIFY(writer.finish().ok());
        }
        // Simulates a full disk: the file may not grow by more than a few pages.
        const auto pages = *p.db().queryInt("PRAGMA page_count");
        QVERIFY(p.db().exec("PRAGMA max_page_count = " + std::to_string(pages + 3)).ok());
        ImportOptions options;
        options.batchSize = 500;
        ImportWriter writer(p.db(), dataset, options, "");
        bool stopped = false;
        for (int i = 50; i < 20000 && !stopped; ++i) {
            PostRecord post = makePost(i);
            post.text += std::string(200, 'x');
            stopped = !writer.post(std::move(post));
        }
        Status status = writer.finish();
        QVERIFY(!status.ok());
        QVERIFY2(status.message().find("full") != std::string::npos, status.message().c_str());
        QVERIFY(p.db().exec("PRAGMA max_page_count = 1073741823").ok());
        QVERIFY(count(p, "SELECT count(*) FROM posts") >= 50);
        QCOMPARE(count(p, "SELECT count(*) FROM posts WHERE source_id IN ('p0', 'p49')"), std::int64_t(2));
        QCOMPARE(*p.db().queryText("PRAGMA integrity_check"), std::string("ok"));
    }
};

QTEST_GUILESS_MAIN(ImportWriterTest)
#include "tst_importwriter.moc"
