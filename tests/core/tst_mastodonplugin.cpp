// The Mastodon importer plugin end to end: loaded from the build tree's plugin folder through the
// plugin loader (it is not linked into this test), then real ImportJobs into a temporary project.
#include "socialimportcheck.h"

#include "core/import/importjob.h"
#include "core/plugins/pluginmanager.h"
#include "core/store/project.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;
using namespace socialimport;

namespace {

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

std::string postText(Project &project, const std::string &sourceId)
{
    return queryText(project, "SELECT text FROM posts WHERE source_id = '" + sourceId + "'");
}

} // namespace

class MastodonPluginTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<PluginManager> m_plugins;

private slots:
    void initTestCase()
    {
        PluginManager::Options options;
        options.folders = {CHORUS_PLUGIN_BUILD_DIR};
        m_plugins = std::make_unique<PluginManager>(options);
        m_plugins->load();
        const PluginEntry *mastodon = m_plugins->find("mastodon");
        QVERIFY2(mastodon, "no mastodon plugin in " CHORUS_PLUGIN_BUILD_DIR);
        QVERIFY2(mastodon->state == PluginState::Loaded, mastodon->describe().c_str());
    }

    void importsApiStatusArray()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        const std::string file = dataPath("mastodon/statuses.json");
        auto report = runImport(*project, "mastodon", {file}, {{"lang", "language"}});
        CHECK_REPORT(report, 3, 0, 5);
        Project &p = *project;

        // HTML to text: paragraphs, <br>, tags stripped, entities decoded.
        QCOMPARE(postText(p, "109000000000000001"),
                 std::string("Fish & chips <3 at the pier\n\nSecond line\nthird line #food"));
        // Named, decimal and hexadecimal entities; Mastodon's invisible link parts dropped.
        QCOMPARE(postText(p, "109000000000000002"),
                 std::string("@alice C'est d\xC3\xA9licieux \xF0\x9F\x98\x80 voir example.org/a/very/"));
        QCOMPARE(postText(p, "109000000000000003"), std::string("She said \"x > y\" & left \xE2\x80\xA6"));

        QCOMPARE(count(p, "SELECT likes FROM posts WHERE source_id = '109000000000000001'"), std::int64_t(5));
        QCOMPARE(count(p, "SELECT shares FROM posts WHERE source_id = '109000000000000001'"), std::int64_t(2));
        QCOMPARE(count(p, "SELECT replies FROM posts WHERE source_id = '109000000000000001'"), std::int64_t(1));
        QCOMPARE(count(p, "SELECT created_at FROM posts WHERE source_id = '109000000000000001'"),
                 std::int64_t(1668939330));
        QCOMPARE(queryText(p, "SELECT reply_to FROM posts WHERE source_id = '109000000000000002'"),
                 std::string("109000000000000001"));
        QCOMPARE(queryText(p, "SELECT language FROM posts WHERE source_id = '109000000000000002'"), std::string("fr"));
        QCOMPARE(queryText(p, "SELECT client_app FROM posts WHERE source_id = '109000000000000001'"), std::string("Web"));

        // Users by account id, named by acct, stored once.
        QCOMPARE(count(p, "SELECT count(*) FROM users"), std::int64_t(2));
        QCOMPARE(queryText(p, "SELECT u.name FROM posts p JOIN users u ON u.id = p.author_id"
                              " WHERE p.source_id = '109000000000000002'"),
                 std::string("bob@other.example"));
        QVERIFY(queryText(p, "SELECT extras FROM users WHERE source_id = '1001'").find("Alice A.") != std::string::npos);

        // Media: the image and the gifv (a video); the audio attachment is not a medium Chorus models.
        QCOMPARE(count(p, "SELECT count(*) FROM media"), std::int64_t(2));
        QCOMPARE(queryText(p, "SELECT kind || ' ' || path || ' ' || width || 'x' || height FROM media m"
                              " JOIN posts p ON p.id = m.post_id WHERE p.source_id = '109000000000000001'"),
                 std::string("image https://files.mastodon.example/media/5001/original/pier.jpg 1200x800"));
        QCOMPARE(queryText(p, "SELECT kind || ' ' || duration FROM media m"
                              " JOIN posts p ON p.id = m.post_id WHERE p.source_id = '109000000000000002'"),
                 std::string("video 2.5"));
        // The mapping works as for built-in importers.
        QCOMPARE(queryText(p, "SELECT group_concat(value, '|') FROM (SELECT l.value FROM labels l"
                              " JOIN posts p ON p.id = l.post_id WHERE l.task = 'lang' ORDER BY p.source_id)"),
                 std::string("en|fr"));

        const std::string rejects = dumpRejects(p, file);
        const std::string expectedRejects("62\tentry 4: missing required field 'id'\n"
                                      "67\tentry 5: favourites_count must be a non-negative whole number, found 'many'\n"
                                      "74\tentry 6: status 109000000000000006 is a boost of status 109000000000000001; a"
                                      " boost has no text of its own (import the boosted status instead)\n"
                                      "81\tentry 7: unparsable created_at 'yesterday'\n"
                                      "87\tentry 8: expected a status object, found a number\n");
        QVERIFY2(rejects == expectedRejects, ("rejected rows differ; actual:\n" + rejects).c_str());
    }

    void importsJsonLines()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        const std::string file = dataPath("mastodon/statuses.jsonl");
        auto report = runImport(*project, "mastodon", {file});
        CHECK_REPORT(report, 2, 0, 1);
        QCOMPARE(postText(*project, "110000000000000001"), std::string("Guten Tag & hallo"));
        QCOMPARE(postText(*project, "110000000000000003"), std::string("Replying\non two lines"));
        QCOMPARE(queryText(*project, "SELECT reply_to FROM posts WHERE source_id = '110000000000000003'"),
                 std::string("110000000000000001"));
        QCOMPARE(queryText(*project, "SELECT kind FROM media"), std::string("video"));
        QCOMPARE(report->errors.size(), std::size_t(1));
        QCOMPARE(report->errors.front().line, std::uint64_t(3));
        QVERIFY2(report->errors.front().reason.find("invalid JSON") != std::string::npos,
                 report->errors.front().reason.c_str());
    }

    void importsAccountExportOutbox()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        const std::string file = dataPath("mastodon/outbox.json");
        auto report = runImport(*project, "mastodon", {file});
        CHECK_REPORT(report, 2, 0, 2);
        Project &p = *project;
        const std::string first = "https://mastodon.example/users/alice/statuses/111";
        QCOMPARE(postText(p, first), std::string("My cat & me"));
        QCOMPARE(postText(p, "https://mastodon.example/users/alice/statuses/113"), std::string("She's asleep now"));
        QCOMPARE(queryText(p, "SELECT reply_to FROM posts WHERE source_id = 'https://mastodon.example/users/alice/statuses/113'"),
                 first);
        QCOMPARE(queryText(p, "SELECT language FROM posts WHERE source_id = '" + first + "'"), std::string("en"));
        QCOMPARE(queryText(p, "SELECT name FROM users"), std::string("alice@mastodon.example"));
        // The archive's media lie beside outbox.json.
        QCOMPARE(queryText(p, "SELECT kind || ' ' || path || ' ' || width || 'x' || height FROM media"),
                 "image " + dataPath("mastodon") + "/media_attachments/files/000/111/original/cat.png 640x480");
        const std::string rejects = dumpRejects(p, file);
        QVERIFY2(rejects.find("entry 2: Announce activity (a boost of https://other.example/users/bob/statuses/999)") !=
                     std::string::npos,
                 rejects.c_str());
        QVERIFY2(rejects.find("entry 4: Create activity names its object") != std::string::npos, rejects.c_str());
    }

    void brokenArrayKeepsWhatCameBefore()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("cut.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[\n{\"id\": \"1\", \"content\": \"<p>one</p>\", \"account\": {\"id\": \"9\", \"acct\": \"x\"}},\n"
                   "{\"id\": \"2\", \"content\": \"<p>two</p>\"},\n"
                   "{\"id\": \"3\", \"content\": \n");
        file.close();
        auto project = newProject(dir);
        QVERIFY(project);
        auto report = runImport(*project, "mastodon", {path.toStdString()});
        CHECK_REPORT(report, 2, 0, 1);
        QVERIFY2(report->errors.front().reason.find("invalid JSON at line") != std::string::npos,
                 report->errors.front().reason.c_str());
        QVERIFY(report->errors.front().reason.find("the 2 entries before it were read") != std::string::npos);

        // Not JSON at all: the file is unusable, an error rather than a reject.
        const QString junk = dir.filePath("junk.json");
        QFile other(junk);
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write("hello, this is not JSON\n");
        other.close();
        auto failed = runImport(*project, "mastodon", {junk.toStdString()});
        QVERIFY(!failed.ok());
        QVERIFY2(failed.message().find("not a Mastodon JSON file") != std::string::npos, failed.message().c_str());
    }
};

QTEST_GUILESS_MAIN(MastodonPluginTest)
#include "tst_mastodonplugin.moc"
