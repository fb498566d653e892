// The Twitter/X importer end to end: v1.1 dumps and API v2 responses through a real ImportJob into
// a project, checked against hand-written golden files under tests/data/twitter.
#include "socialimportcheck.h"

#include "core/import/importjob.h"
#include "core/store/project.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace chorus;
using namespace socialimport;

namespace {

const std::vector<LabelSpec> kClientAndVerified = {{"client", "client_app"}, {"verified", "/user/verified"}};

std::unique_ptr<Project> newProject(const QTemporaryDir &dir)
{
    auto project = Project::open(dir.filePath("p.chorus").toStdString());
    return project ? std::move(*project) : nullptr;
}

std::string queryText(Project &project, const std::string &sql)
{
    auto value = project.db().queryText(sql, "<no row>");
    return value ? *value : "<error: " + value.message() + ">";
}

} // namespace

class TwitterImportTest : public QObject {
    Q_OBJECT

private slots:
    void importsV1Dump()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        const std::string file = dataPath("twitter/tweets_v1.jsonl");
        auto report = runImport(*project, "twitter", {file}, kClientAndVerified);
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        QCOMPARE(report->imported, std::int64_t(4));
        QCOMPARE(report->rejected, std::int64_t(6));
        QCOMPARE(report->duplicates, std::int64_t(0));
        QCOMPARE(report->errors.size(), std::size_t(6));
        QCOMPARE(report->errors.front().file, file);
        QCOMPARE(report->errors.front().line, std::uint64_t(5));

        Project &p = *project;
        QCOMPARE(count(p, "SELECT created_at FROM posts WHERE source_id = '1000000000000000001'"),
                 std::int64_t(1261571898));
        QCOMPARE(queryText(p, "SELECT client_app FROM posts WHERE source_id = '1000000000000000001'"),
                 std::string("Twitter for iPhone"));
        QCOMPARE(count(p, "SELECT likes FROM posts WHERE source_id = '1000000000000000001'"), std::int64_t(7));
        QCOMPARE(queryText(p, "SELECT reply_to FROM posts WHERE source_id = '1000000000000000002'"),
                 std::string("1000000000000000001"));
        // The numeric-only id of a retweet survives as the exact 64-bit value.
        QCOMPARE(count(p, "SELECT count(*) FROM posts WHERE source_id = '1345000000000000007'"), std::int64_t(1));
        // HTML entities stay in the text: the tokenizer unescapes them.
        QVERIFY(queryText(p, "SELECT text FROM posts WHERE source_id = '1000000000000000001'").find("&amp;") !=
                std::string::npos);
        QCOMPARE(count(p, "SELECT count(*) FROM media m JOIN posts p ON p.id = m.post_id"
                          " WHERE p.source_id = '1000000000000000001' AND m.kind = 'image'"),
                 std::int64_t(2));
        QCOMPARE(count(p, "SELECT count(*) FROM media WHERE kind = 'video'"), std::int64_t(2));
        QCOMPARE(queryText(p, "SELECT group_concat(value, '|') FROM (SELECT l.value FROM labels l"
                              " JOIN posts p ON p.id = l.post_id WHERE l.task = 'client' ORDER BY p.source_id)"),
                 std::string("Twitter for iPhone|Twitter Web App|web|Twitter for Android"));
        // Users are stored once even when several posts name them.
        QCOMPARE(count(p, "SELECT count(*) FROM users"), std::int64_t(3));

        CHORUS_COMPARE_GOLDEN(dumpPosts(p), dataPath("twitter/tweets_v1.posts.golden"));
        CHORUS_COMPARE_GOLDEN(dumpRejects(p, file), dataPath("twitter/tweets_v1.rejects.golden"));
    }

    void reimportFindsOnlyDuplicates()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        const std::string file = dataPath("twitter/tweets_v1.jsonl");
        auto first = runImport(*project, "twitter", {file}, kClientAndVerified);
        QVERIFY(first.ok());
        const std::string before = dumpPosts(*project);
        auto second = runImport(*project, "twitter", {file}, kClientAndVerified);
        QVERIFY2(second.ok(), second.ok() ? "" : second.message().c_str());
        QCOMPARE(second->imported, std::int64_t(0));
        QCOMPARE(second->duplicates, std::int64_t(4));
        QCOMPARE(second->rejected, std::int64_t(6));
        QCOMPARE(dumpPosts(*project), before);
        QCOMPARE(count(*project, "SELECT count(*) FROM media"), std::int64_t(4));
        // The same bad rows are not logged twice.
        QCOMPARE(count(*project, "SELECT count(*) FROM import_log"), std::int64_t(6));
    }

    void importsV2Responses()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        const std::string file = dataPath("twitter/v2_responses.jsonl");
        auto report = runImport(*project, "twitter", {file}, {{"client", "client_app"}});
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        QCOMPARE(report->imported, std::int64_t(4));
        QCOMPARE(report->rejected, std::int64_t(3));
        QCOMPARE(count(*project, "SELECT created_at FROM posts WHERE source_id = '1500000000000000001'"),
                 std::int64_t(1646488862));
        QCOMPARE(queryText(*project, "SELECT path FROM media WHERE kind = 'video'"),
                 std::string("https://video.twimg.com/ext_tw_video/2/pu/vid/1280x720/b.mp4"));
        CHORUS_COMPARE_GOLDEN(dumpPosts(*project), dataPath("twitter/v2_responses.posts.golden"));
        CHORUS_COMPARE_GOLDEN(dumpRejects(*project, file), dataPath("twitter/v2_responses.rejects.golden"));
    }

    void readsPrettyPrintedResponse()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        auto report = runImport(*project, "twitter", {dataPath("twitter/v2_pretty.json")}, {{"lang", "language"}});
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        QCOMPARE(report->imported, std::int64_t(2));
        QCOMPARE(report->rejected, std::int64_t(0));
        QCOMPARE(queryText(*project, "SELECT text FROM posts WHERE source_id = '1600000000000000001'"),
                 std::string("Pretty-printed responses\nspan many lines"));
        QCOMPARE(count(*project, "SELECT created_at FROM posts WHERE source_id = '1600000000000000001'"),
                 std::int64_t(1669888800));
        QCOMPARE(queryText(*project, "SELECT u.name FROM posts p JOIN users u ON u.id = p.author_id"
                                     " WHERE p.source_id = '1600000000000000002'"),
                 std::string("pretty_printer"));
        QCOMPARE(queryText(*project, "SELECT json_extract(extras, '$.quoted_status_id') FROM posts"
                                     " WHERE source_id = '1600000000000000002'"),
                 std::string("1600000000000000001"));
        QCOMPARE(queryText(*project, "SELECT group_concat(value, ',') FROM (SELECT value FROM labels"
                                     " WHERE task = 'lang' ORDER BY value)"),
                 std::string("de,en"));
    }

    void rejectsOversizedDocumentAndGoesOn()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        // A pretty-printed document over the 64 MiB bound, then a small one.
        const std::string file = dir.filePath("huge.json").toStdString();
        std::uint64_t hugeLines = 0;
        {
            std::ofstream out(file, std::ios::binary);
            out << "{\n  \"data\": {\n    \"id\": \"1\",\n    \"text\": \"never stored\",\n";
            const std::string filler(1000, 'x');
            for (int i = 0; i < 70000; ++i)
                out << "    \"k" << i << "\": \"" << filler << "\",\n";
            out << "    \"end\": true\n  }\n}\n";
            hugeLines = 4 + 70000 + 3;
            out << "{\n  \"data\": {\"id\": \"2\", \"text\": \"small enough\"}\n}\n";
        }
        auto report = runImport(*project, "twitter", {file});
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        QCOMPARE(report->imported, std::int64_t(1));
        QCOMPARE(report->rejected, std::int64_t(1));
        QCOMPARE(report->errors.front().line, std::uint64_t(1));
        QVERIFY2(report->errors.front().reason.find("larger than 64 MiB") != std::string::npos,
                 report->errors.front().reason.c_str());
        QVERIFY2(report->errors.front().reason.find("lines 1-" + std::to_string(hugeLines)) != std::string::npos,
                 report->errors.front().reason.c_str());
        QCOMPARE(queryText(*project, "SELECT source_id || ':' || text FROM posts"), std::string("2:small enough"));
    }

    void labelsAndExtrasFromJsonPointers()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        ImportOptions options;
        options.format = "twitter";
        options.dataset = "social";
        options.mapping.labels = {{"followers", "/user/followers_count"}, {"first_tag", "/entities/hashtags/0/text"}};
        options.mapping.extras = {"/user/name", "truncated"};
        ImportJob job(*project, options);
        auto report = job.run({dataPath("twitter/tweets_v1.jsonl")});
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        Project &p = *project;
        QCOMPARE(queryText(p, "SELECT l.value FROM labels l JOIN posts p ON p.id = l.post_id"
                              " WHERE p.source_id = '1000000000000000001' AND l.task = 'followers'"),
                 std::string("120"));
        QCOMPARE(queryText(p, "SELECT group_concat(p.source_id || '=' || l.value, ' ') FROM labels l"
                              " JOIN posts p ON p.id = l.post_id WHERE l.task = 'first_tag'"),
                 std::string("1000000000000000001=chorus 1345000000000000007=chorus"));
        QCOMPARE(queryText(p, "SELECT json_extract(extras, '$.\"user/name\"') FROM posts"
                              " WHERE source_id = '1000000000000000001'"),
                 std::string("Alice W"));
        QCOMPARE(queryText(p, "SELECT json_extract(extras, '$.truncated') FROM posts"
                              " WHERE source_id = '1344782000000000003'"),
                 std::string("1"));
    }

    void refusesBadPointerAndMissingFile()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        auto badPointer = runImport(*project, "twitter", {dataPath("twitter/tweets_v1.jsonl")}, {{"x", "/a~2"}});
        QVERIFY(!badPointer.ok());
        QVERIFY2(badPointer.message().find("/a~2") != std::string::npos, badPointer.message().c_str());
        QCOMPARE(count(*project, "SELECT count(*) FROM posts"), std::int64_t(0));

        // The v1.1/v2 layout is fixed: remapping fields is refused rather than silently ignored.
        ImportOptions remapped;
        remapped.format = "twitter";
        remapped.dataset = "social";
        remapped.mapping.fields["text"] = "/user/description";
        auto refused = ImportJob(*project, remapped).run({dataPath("twitter/tweets_v1.jsonl")});
        QVERIFY(!refused.ok());
        QVERIFY2(refused.message().find("mapping.fields") != std::string::npos, refused.message().c_str());

        auto missing = runImport(*project, "twitter", {dir.filePath("nothing.jsonl").toStdString()});
        QVERIFY(!missing.ok());
        QVERIFY2(missing.message().find("nothing.jsonl") != std::string::npos, missing.message().c_str());
    }

    void cancelsFromProgress()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        // 5000 tweets: progress is reported during the read, and returning false stops it.
        const std::string file = dir.filePath("many.jsonl").toStdString();
        {
            std::ofstream out(file, std::ios::binary);
            for (int i = 1; i <= 5000; ++i)
                out << "{\"id_str\":\"" << i << "\",\"text\":\"tweet " << i << "\"}\n";
        }
        ImportOptions options;
        options.format = "twitter";
        options.dataset = "social";
        ImportJob job(*project, options);
        int calls = 0;
        auto report = job.run({file}, [&](const ImportProgress &) {
            ++calls;
            return false;
        });
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        QVERIFY(report->cancelled);
        QVERIFY(calls >= 1);
        QVERIFY(report->imported < 5000);
    }
};

QTEST_GUILESS_MAIN(TwitterImportTest)
#include "tst_twitterimport.moc"
