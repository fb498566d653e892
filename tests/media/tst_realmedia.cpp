// Real public media (fetched by packaging/setup.sh data): emoji images by category and the
// videos Debian's opencv-doc ships, imported through the folder and video importers.
#include "core/import/importjob.h"
#include "core/store/project.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

class RealMediaTest : public QObject {
    Q_OBJECT

private slots:
    void emojiImagesByCategory()
    {
        const QDir root(CHORUS_REAL_DATA "/emoji");
        if (!root.exists("smileys-emotion"))
            QFAIL(qPrintable("real data missing in " + root.path() + ": run packaging/setup.sh data"));
        QTemporaryDir dir;
        auto project = Project::open(dir.filePath("emoji.chorus").toStdString());
        ImportOptions options;
        options.format = "images";
        options.dataset = "emoji";
        options.folderLabelTask = "category";
        ImportJob job(**project, options);
        auto report = job.run({root.path().toStdString()});
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        QVERIFY(report->imported > 1800);
        QCOMPARE(report->rejected, std::int64_t(0));
        SqliteDatabase &db = (*project)->db();
        QCOMPARE(*db.queryInt("SELECT count(DISTINCT value) FROM labels WHERE task = 'category'"), std::int64_t(9));
        QCOMPARE(*db.queryInt("SELECT count(*) FROM media WHERE width = 64 AND height = 64 AND length(sha256) = 64"),
                 std::int64_t(report->imported));
    }

    void opencvVideos()
    {
        const QDir root(CHORUS_REAL_DATA "/video");
        if (!root.exists("vtest.avi"))
            QFAIL(qPrintable("real data missing in " + root.path() + ": run packaging/setup.sh data"));
        QTemporaryDir dir;
        auto project = Project::open(dir.filePath("video.chorus").toStdString());
        ImportOptions options;
        options.format = "video";
        options.dataset = "videos";
        ImportJob job(**project, options);
        auto report = job.run({root.filePath("vtest.avi").toStdString()});
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        QCOMPARE(report->imported, std::int64_t(1));
        SqliteDatabase &db = (*project)->db();
        QCOMPARE(*db.queryText("SELECT width || 'x' || height FROM media"), std::string("768x576"));
        QCOMPARE(*db.queryInt("SELECT frame_count FROM media"), std::int64_t(795));
        QVERIFY(*db.queryInt("SELECT length(blob) FROM media") > 1000); // the PNG thumbnail
    }
};

QTEST_GUILESS_MAIN(RealMediaTest)
#include "tst_realmedia.moc"
