// Corrupt media, as docs/reliability.md lists them: a 0-byte picture, a truncated PNG, a picture
// that is really text, a video whose stream is broken and a 0-byte video. Each is rejected with its
// file and reason, the good files beside them are imported, and what the project held is kept.
#include "core/import/importjob.h"
#include "core/media/imagedecoder.h"
#include "core/store/project.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <vector>

using namespace chorus;

class BadMediaTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;

    bool write(const QString &path, const QByteArray &bytes)
    {
        QDir().mkpath(QFileInfo(path).path());
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }

    std::int64_t count(const char *sql)
    {
        auto statement = m_project->db().prepare(sql);
        return statement && statement->step() ? statement->int64(0) : -1;
    }

    static QByteArray png()
    {
        std::vector<std::uint8_t> bgr(32 * 24 * 3);
        for (std::size_t i = 0; i < bgr.size(); ++i)
            bgr[i] = static_cast<std::uint8_t>(i * 7);
        auto encoded = ImageDecoder::encodePngThumbnail(bgr.data(), 32, 24, 32 * 3, 64);
        return encoded ? QByteArray::fromStdString(*encoded) : QByteArray();
    }

    Result<ImportReport> import(const QString &path, const std::string &format)
    {
        ImportOptions options;
        options.format = format;
        options.dataset = format;
        return ImportJob(*m_project, options).run({path.toStdString()});
    }

    static bool rejects(const ImportReport &report, const QString &file, const QString &reason)
    {
        for (const ImportError &error : report.errors)
            if (QString::fromStdString(error.file).endsWith(file) && QString::fromStdString(error.reason).contains(reason))
                return true;
        return false;
    }

private slots:
    void initTestCase()
    {
        auto project = Project::open(m_dir.filePath("media.chorus").toStdString());
        QVERIFY(project.ok());
        m_project = std::move(*project);
        QVERIFY(m_project->db().exec("INSERT INTO datasets(id, name) VALUES (1, 'kept');"
                                     "INSERT INTO posts(dataset_id, source_id, text) VALUES (1, 'k1', 'kept post')").ok());
    }

    void corruptPicturesAreRejectedByName()
    {
        const QByteArray good = png();
        QVERIFY(good.size() > 100);
        const QString folder = m_dir.filePath("pictures");
        QVERIFY(write(folder + "/good.png", good));
        QVERIFY(write(folder + "/empty.png", QByteArray()));
        QVERIFY(write(folder + "/truncated.png", good.left(good.size() / 2)));
        QVERIFY(write(folder + "/text.jpg", "this is not a picture\n"));
        auto report = import(folder, "images");
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        for (const ImportError &error : report->errors)
            qInfo("%s: %s", error.file.c_str(), error.reason.c_str());
        QCOMPARE(report->imported, std::int64_t(1));
        QCOMPARE(report->rejected, std::int64_t(3));
        QVERIFY(rejects(*report, "empty.png", "empty"));
        QVERIFY(rejects(*report, "truncated.png", "cannot decode image"));
        QVERIFY(rejects(*report, "text.jpg", "not a supported image format"));
        for (const ImportError &error : report->errors)
            QVERIFY(!error.reason.empty());
        QCOMPARE(count("SELECT COUNT(*) FROM posts WHERE source_id = 'k1'"), std::int64_t(1));
        QCOMPARE(count("SELECT COUNT(*) FROM media WHERE kind = 'image'"), std::int64_t(1));
    }

    void brokenVideosAreRejectedByName()
    {
        QFile tiny(QStringLiteral(CHORUS_TEST_DATA "/video/tiny.mp4"));
        QVERIFY(tiny.open(QIODevice::ReadOnly));
        const QByteArray good = tiny.readAll();
        QVERIFY(good.size() > 500);
        const QString folder = m_dir.filePath("clips");
        QVERIFY(write(folder + "/good.mp4", good));
        QVERIFY(write(folder + "/empty.mp4", QByteArray()));
        // The container header survives, the stream behind it is noise.
        QByteArray broken = good.left(64);
        for (int i = 0; i < 2000; ++i)
            broken.append(char((i * 131) & 0xff));
        QVERIFY(write(folder + "/broken.mp4", broken));
        auto report = import(folder, "video");
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        for (const ImportError &error : report->errors)
            qInfo("%s: %s", error.file.c_str(), error.reason.c_str());
        QCOMPARE(report->imported, std::int64_t(1));
        QCOMPARE(report->rejected, std::int64_t(2));
        QVERIFY(rejects(*report, "empty.mp4", "cannot open video"));
        QVERIFY(rejects(*report, "broken.mp4", "Invalid data"));
        QCOMPARE(count("SELECT COUNT(*) FROM posts WHERE source_id = 'k1'"), std::int64_t(1));
        auto check = m_project->db().prepare("PRAGMA integrity_check");
        QVERIFY(check && check->step());
        QCOMPARE(check->text(0), std::string("ok"));
    }
};

QTEST_GUILESS_MAIN(BadMediaTest)
#include "tst_badmedia.moc"
