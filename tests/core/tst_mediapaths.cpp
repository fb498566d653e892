// Picture and video paths in imported CSV and JSON Lines cannot escape the folder the user
// imported from: "../", paths that climb out after descending, absolute paths elsewhere,
// file:// and other non-http URLs and control characters are rejected, row by row, each with its
// reason in the import log; paths inside the folder (relative, or absolute but inside) are kept,
// and http(s) links are kept as links. No stored media path points outside the folder.
#include "core/import/importjob.h"
#include "core/import/inputpaths.h"
#include "core/store/project.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

class MediaPathsTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_data; // the folder the user imports from

    struct Case {
        const char *id;
        std::string path;
        bool accepted;
    };

    std::vector<Case> cases() const
    {
        const std::string inside = QDir(m_data).filePath("img/inside.png").toStdString();
        const std::string sibling = QDir(m_data + "-other").filePath("x.png").toStdString();
        return {
            {"rel", "img/a.png", true},
            {"dot", "./img/b.png", true},
            {"down-up", "img/../img/c.png", true},
            {"abs-inside", inside, true},
            {"https", "https://example.org/d.png", true},
            {"parent", "../secret.png", false},
            {"deep-parent", "../../../../etc/passwd", false},
            {"climb-out", "img/../../secret.png", false},
            {"abs-outside", "/etc/passwd", false},
            {"abs-sibling", sibling, false}, // a folder whose name merely starts like the imported one
            {"abs-dotdot", QDir(m_data).filePath("img/../../escape.png").toStdString(), false},
            {"file-url", "file:///etc/passwd", false},
            {"ftp-url", "ftp://example.org/x.png", false},
            {"folder-itself", ".", false},
        };
    }

    static std::int64_t count(Project &p, const std::string &sql)
    {
        auto n = p.db().queryInt(sql);
        return n ? *n : -1;
    }

    void importAndCheck(const QString &file, const std::string &format)
    {
        const QString projectPath = m_dir.filePath(QString::fromStdString(format) + ".chorus");
        auto project = Project::open(projectPath.toStdString());
        QVERIFY(project.ok());
        ImportOptions options;
        options.format = format;
        options.dataset = "d";
        options.mapping.images = {format == "csv" ? "image" : "/image"};
        options.mapping.fields = {{"id", format == "csv" ? "id" : "/id"}, {"text", format == "csv" ? "text" : "/text"}};
        auto report = ImportJob(**project, options).run({file.toStdString()});
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        std::int64_t accepted = 0, rejected = 0;
        for (const Case &c : cases())
            (c.accepted ? accepted : rejected) += 1;
        QCOMPARE(report->imported, accepted); // the control-character row below is rejected too
        Project &p = **project;
        QCOMPARE(count(p, "SELECT count(*) FROM import_log"), rejected + 1);
        for (const Case &c : cases()) {
            auto stored = p.db().prepare("SELECT count(*) FROM posts WHERE source_id = ?1");
            stored->bind(1, c.id);
            QVERIFY(stored->step());
            QVERIFY2(stored->int64(0) == (c.accepted ? 1 : 0), c.id);
        }
        // Every rejected row is logged with its line and a reason naming the path and the folder.
        auto log = p.db().prepare("SELECT line, reason FROM import_log ORDER BY line");
        int logged = 0;
        while (log->step()) {
            ++logged;
            const QString reason = QString::fromStdString(log->text(1));
            QVERIFY2(log->int64(0) > 1, qPrintable(reason));
            QVERIFY2(reason.startsWith("media path '"), qPrintable(reason));
            QVERIFY2(reason.contains("outside the folder") || reason.contains("URL") || reason.contains("control character"),
                     qPrintable(reason));
        }
        QCOMPARE(logged, int(rejected + 1));
        // Nothing stored points outside the folder (links aside).
        auto media = p.db().prepare("SELECT path FROM media");
        int files = 0;
        while (media->step()) {
            const QString path = QString::fromStdString(media->text(0));
            if (path.startsWith("https://"))
                continue;
            ++files;
            QVERIFY2(path.startsWith(m_data + "/img/"), qPrintable(path));
            QVERIFY2(!path.contains("/../") && !path.contains("/./"), qPrintable(path));
        }
        QCOMPARE(files, 4);
    }

private slots:
    void initTestCase()
    {
        m_data = QDir(m_dir.filePath("data")).absolutePath();
        QVERIFY(QDir().mkpath(m_data + "/img"));
    }

    void resolvedPathsStayInTheFolder()
    {
        const std::string input = (m_data + "/posts.csv").toStdString();
        for (const Case &c : cases()) {
            auto resolved = resolveMediaPath(input, c.path);
            QVERIFY2(resolved.ok() == c.accepted, qPrintable(QString(c.id) + ": " + (resolved.ok() ? QString::fromStdString(*resolved)
                                                                                                    : QString::fromStdString(resolved.message()))));
        }
        QCOMPARE(*resolveMediaPath(input, "img/a.png"), (m_data + "/img/a.png").toStdString());
        QCOMPARE(*resolveMediaPath(input, "img/../img/c.png"), (m_data + "/img/c.png").toStdString());
        QCOMPARE(*resolveMediaPath(input, ""), std::string());
        QVERIFY(!resolveMediaPath(input, std::string("img/a.png\0/../../x", 18)).ok());
        // A file in the root folder may name anything below the root, and nothing else.
        QVERIFY(resolveMediaPath("/posts.csv", "srv/img/a.png").ok());
        QVERIFY(!resolveMediaPath("/posts.csv", "..").ok());
    }

    void csvRowsWithEscapingPathsAreRejected()
    {
        const QString file = m_data + "/posts.csv";
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("id,text,image\n");
        for (const Case &c : cases())
            out.write(QByteArray(c.id) + ",post " + c.id + "," + QByteArray::fromStdString(c.path) + "\n");
        out.write("ctl,post ctl,\"img/a\tb.png\"\n");
        out.close();
        importAndCheck(file, "csv");
    }

    void jsonLinesRecordsWithEscapingPathsAreRejected()
    {
        const QString file = m_data + "/posts.jsonl";
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        for (const Case &c : cases())
            out.write(QByteArray::fromStdString(nlohmann::json{{"id", c.id}, {"text", std::string("post ") + c.id}, {"image", c.path}}.dump()) + "\n");
        out.write(R"({"id": "ctl", "text": "post ctl", "image": "img/a\u0001.png"})" "\n");
        out.close();
        importAndCheck(file, "jsonl");
    }
};

QTEST_GUILESS_MAIN(MediaPathsTest)
#include "tst_mediapaths.moc"
