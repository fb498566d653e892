// The Reddit importer end to end: Pushshift submission and comment dumps, plain and zstd-compressed,
// through a real ImportJob into a project, checked against golden files under tests/data/reddit.
#include "socialimportcheck.h"

#include "core/import/importjob.h"
#include "core/store/project.h"
#include "core/util/inputstream.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace chorus;
using namespace socialimport;

namespace {

const std::vector<LabelSpec> kSubredditLabel = {{"subreddit", "/subreddit"}};

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

// Builds without libzstd say so when opening a .zst; those builds cannot run the .zst cases.
bool zstdSupported(const std::string &path)
{
    auto stream = InputStream::open(path);
    return stream.ok() || stream.message().find("no zstd support") == std::string::npos;
}

} // namespace

class RedditImportTest : public QObject {
    Q_OBJECT

private slots:
    void importsSubmissions()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        const std::string file = dataPath("reddit/RS_sample.jsonl");
        auto report = runImport(*project, "reddit", {file}, kSubredditLabel);
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        QCOMPARE(report->imported, std::int64_t(4));
        QCOMPARE(report->rejected, std::int64_t(5));
        QCOMPARE(report->duplicates, std::int64_t(0));

        Project &p = *project;
        // created_utc as a number, a string and a float all give exact Unix seconds.
        QCOMPARE(count(p, "SELECT created_at FROM posts WHERE source_id = 't3_abc123'"), std::int64_t(1577836800));
        QCOMPARE(count(p, "SELECT created_at FROM posts WHERE source_id = 't3_def456'"), std::int64_t(1577840400));
        QCOMPARE(count(p, "SELECT created_at FROM posts WHERE source_id = 't3_ghi789'"), std::int64_t(1577844000));
        QCOMPARE(count(p, "SELECT likes FROM posts WHERE source_id = 't3_def456'"), std::int64_t(1500));
        QCOMPARE(count(p, "SELECT replies FROM posts WHERE source_id = 't3_def456'"), std::int64_t(87));
        QCOMPARE(queryText(p, "SELECT text FROM posts WHERE source_id = 't3_ghi789'"), std::string("Removed post title"));
        QCOMPARE(count(p, "SELECT author_id IS NULL FROM posts WHERE source_id = 't3_jkl012'"), std::int64_t(1));
        QCOMPARE(queryText(p, "SELECT m.path FROM media m JOIN posts p ON p.id = m.post_id"
                              " WHERE p.source_id = 't3_def456' AND m.kind = 'image'"),
                 std::string("https://i.redd.it/xyz789.jpg"));
        QCOMPARE(count(p, "SELECT count(*) FROM media"), std::int64_t(3));

        CHORUS_COMPARE_GOLDEN(dumpPosts(p), dataPath("reddit/RS_sample.posts.golden"));
        CHORUS_COMPARE_GOLDEN(dumpRejects(p, file), dataPath("reddit/RS_sample.rejects.golden"));
    }

    void importsComments()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        const std::string file = dataPath("reddit/RC_sample.jsonl");
        auto report = runImport(*project, "reddit", {file}, kSubredditLabel);
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        QCOMPARE(report->imported, std::int64_t(3));
        QCOMPARE(report->rejected, std::int64_t(2));
        QCOMPARE(queryText(*project, "SELECT reply_to || ' ' || thread_id FROM posts WHERE source_id = 't1_c2'"),
                 std::string("t1_c1 t3_abc123"));
        QCOMPARE(count(*project, "SELECT likes FROM posts WHERE source_id = 't1_c2'"), std::int64_t(-2));
        CHORUS_COMPARE_GOLDEN(dumpPosts(*project), dataPath("reddit/RC_sample.posts.golden"));
        CHORUS_COMPARE_GOLDEN(dumpRejects(*project, file), dataPath("reddit/RC_sample.rejects.golden"));
    }

    void submissionsAndCommentsShareAuthors()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        auto report = runImport(*project, "reddit",
                                {dataPath("reddit/RS_sample.jsonl"), dataPath("reddit/RC_sample.jsonl")});
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        QCOMPARE(report->imported, std::int64_t(7));
        QCOMPARE(report->rejected, std::int64_t(7));
        // nlp_student wrote a submission and a comment: one user row.
        QCOMPARE(count(*project, "SELECT count(*) FROM users WHERE source_id = 'u/nlp_student'"), std::int64_t(1));
        QCOMPARE(count(*project, "SELECT count(DISTINCT author_id) FROM posts"
                                 " WHERE source_id IN ('t3_abc123', 't1_c2')"),
                 std::int64_t(1));
        // Reddit has no client app: the canonical label finds no value and adds none.
        auto again = runImport(*project, "reddit", {dataPath("reddit/RC_sample.jsonl")}, {{"client", "client_app"}},
                               "other");
        QVERIFY(again.ok());
        QCOMPARE(count(*project, "SELECT count(*) FROM labels WHERE task = 'client'"), std::int64_t(0));
    }

    void reimportFindsOnlyDuplicates()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        const std::string file = dataPath("reddit/RS_sample.jsonl");
        QVERIFY(runImport(*project, "reddit", {file}, kSubredditLabel).ok());
        const std::string before = dumpPosts(*project);
        auto second = runImport(*project, "reddit", {file}, kSubredditLabel);
        QVERIFY2(second.ok(), second.ok() ? "" : second.message().c_str());
        QCOMPARE(second->imported, std::int64_t(0));
        QCOMPARE(second->duplicates, std::int64_t(4));
        QCOMPARE(second->rejected, std::int64_t(5));
        QCOMPARE(dumpPosts(*project), before);
        QCOMPARE(count(*project, "SELECT count(*) FROM import_log"), std::int64_t(5));
    }

    void readsZstdDump()
    {
        const std::string file = dataPath("reddit/RC_sample.jsonl.zst");
        if (!zstdSupported(file))
            QSKIP("this build of chorus_core has no zstd support");
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        auto report = runImport(*project, "reddit", {file}, kSubredditLabel);
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        QCOMPARE(report->imported, std::int64_t(3));
        QCOMPARE(report->rejected, std::int64_t(2));
        // Same posts and the same rejected lines as the plain file; the log names the .zst.
        CHORUS_COMPARE_GOLDEN(dumpPosts(*project), dataPath("reddit/RC_sample.posts.golden"));
        CHORUS_COMPARE_GOLDEN(dumpRejects(*project, file), dataPath("reddit/RC_sample.rejects.golden"));
    }

    void truncatedZstdIsAClearError()
    {
        const std::string source = dataPath("reddit/RC_sample.jsonl.zst");
        if (!zstdSupported(source))
            QSKIP("this build of chorus_core has no zstd support");
        QTemporaryDir dir;
        const std::string whole = readFile(source);
        QVERIFY(whole.size() > 100);
        const std::string file = dir.filePath("RC_cut.jsonl.zst").toStdString();
        {
            std::ofstream out(file, std::ios::binary);
            out.write(whole.data(), static_cast<std::streamsize>(whole.size() / 2));
        }
        auto project = newProject(dir);
        QVERIFY(project);
        auto report = runImport(*project, "reddit", {file});
        QVERIFY(!report.ok());
        QVERIFY2(report.message().find("truncated") != std::string::npos, report.message().c_str());
        QVERIFY2(report.message().find("RC_cut.jsonl.zst") != std::string::npos, report.message().c_str());

        // Bytes that are not zstd at all are named as such.
        const std::string garbage = dir.filePath("RC_garbage.jsonl.zst").toStdString();
        {
            std::ofstream out(garbage, std::ios::binary);
            out << "{\"id\":\"x\",\"body\":\"plain text in a .zst file\"}\n";
        }
        auto bad = runImport(*project, "reddit", {garbage});
        QVERIFY(!bad.ok());
        QVERIFY2(bad.message().find("not valid zstd data") != std::string::npos, bad.message().c_str());
    }
};

QTEST_GUILESS_MAIN(RedditImportTest)
#include "tst_redditimport.moc"
