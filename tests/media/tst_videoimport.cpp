// The "video" importer and VideoProbe: properties, first-frame thumbnails, rejects, re-import.
#include "core/import/importjob.h"
#include "core/import/recordsource.h"
#include "core/media/videoprobe.h"
#include "core/media/videosource.h"
#include "core/store/project.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <string>
#include <vector>

using namespace chorus;

namespace {

class CollectingSink : public RecordSink {
public:
    std::vector<PostRecord> posts;
    std::vector<ImportError> rejects;
    int progressCalls = 0;

    bool post(PostRecord &&record) override
    {
        posts.push_back(std::move(record));
        return true;
    }
    bool interaction(InteractionRecord &&) override { return true; }
    bool item(ItemRecord &&) override { return true; }
    bool reject(const std::string &file, std::uint64_t line, const std::string &reason) override
    {
        rejects.push_back({file, line, reason});
        return true;
    }
    bool progress(std::uint64_t) override
    {
        ++progressCalls;
        return true;
    }
};

// A clip whose first frame is solid red and whose later frames are blue, so the thumbnail
// shows that the first frame was taken.
bool writeClip(const QString &path, int width, int height, int frames, double fps)
{
    QDir().mkpath(QFileInfo(path).path());
    cv::VideoWriter writer(path.toStdString(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), fps,
                           cv::Size(width, height));
    if (!writer.isOpened())
        return false;
    for (int i = 0; i < frames; ++i) {
        cv::Mat frame(height, width, CV_8UC3, i == 0 ? cv::Scalar(0, 0, 255) : cv::Scalar(255, 0, 0));
        cv::putText(frame, std::to_string(i), cv::Point(2, height / 2), cv::FONT_HERSHEY_PLAIN, 1.0,
                    cv::Scalar(255, 255, 255));
        writer.write(frame);
    }
    writer.release();
    return QFileInfo(path).size() > 0;
}

QString sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

cv::Mat decodePng(const std::string &blob)
{
    if (blob.size() < 8 || blob.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0)
        return {};
    const std::vector<std::uint8_t> bytes(blob.begin(), blob.end());
    return cv::imdecode(bytes, cv::IMREAD_COLOR);
}

} // namespace

class VideoImportTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_root = m_dir.filePath("clips");
        QVERIFY(writeClip(m_root + "/walking/small.avi", 64, 48, 15, 10.0));
        QVERIFY(writeClip(m_root + "/running/wide.avi", 640, 360, 5, 25.0));
        // Random bytes with a video name, and a text file with one: both rejected.
        QByteArray noise;
        for (int i = 0; i < 4096; ++i)
            noise.append(char((i * 2654435761u) >> 13));
        writeBytes(m_root + "/broken.mp4", noise);
        writeBytes(m_root + "/running/notes.mkv", "these are not frames");
        writeBytes(m_root + "/running/notes.txt", "skipped: not a video extension");
    }

    void probeReadsPropertiesAndFirstFrame()
    {
        const QString path = m_root + "/walking/small.avi";
        auto info = VideoProbe::probe(path.toStdString());
        QVERIFY2(info.ok(), info.ok() ? "" : info.message().c_str());
        QCOMPARE(info->width, 64);
        QCOMPARE(info->height, 48);
        QVERIFY2(std::abs(info->fps - 10.0) < 0.01, qPrintable(QString::number(info->fps)));
        QVERIFY2(std::abs(info->durationSeconds - 1.5) < 0.15, qPrintable(QString::number(info->durationSeconds)));
        QVERIFY2(std::llabs(info->frameCount - 15) <= 1, qPrintable(QString::number(info->frameCount)));
        QCOMPARE(info->codec, std::string("mjpeg"));

        const cv::Mat thumbnail = decodePng(info->thumbnailPng);
        QVERIFY(!thumbnail.empty());
        QCOMPARE(thumbnail.cols, 64); // small frames are not enlarged
        QCOMPARE(thumbnail.rows, 48);
        // The first frame was red (BGR 0,0,255); JPEG blurs, so compare a corner loosely.
        const cv::Vec3b pixel = thumbnail.at<cv::Vec3b>(2, 60);
        QVERIFY2(pixel[2] > 200 && pixel[0] < 60 && pixel[1] < 60,
                 qPrintable(QString("%1 %2 %3").arg(pixel[0]).arg(pixel[1]).arg(pixel[2])));
    }

    void thumbnailKeepsAspectWithinMaxSide()
    {
        auto info = VideoProbe::probe((m_root + "/running/wide.avi").toStdString());
        QVERIFY2(info.ok(), info.ok() ? "" : info.message().c_str());
        QCOMPARE(info->width, 640);
        QCOMPARE(info->height, 360);
        const cv::Mat thumbnail = decodePng(info->thumbnailPng);
        QCOMPARE(thumbnail.cols, 256);
        QCOMPARE(thumbnail.rows, 144);

        auto smaller = VideoProbe::probe((m_root + "/running/wide.avi").toStdString(), 64);
        QVERIFY(smaller.ok());
        QCOMPARE(decodePng(smaller->thumbnailPng).cols, 64);
        QCOMPARE(decodePng(smaller->thumbnailPng).rows, 36);
    }

    void probeFailuresNameFileAndReason()
    {
        const std::string broken = (m_root + "/broken.mp4").toStdString();
        auto info = VideoProbe::probe(broken);
        QVERIFY(!info.ok());
        QVERIFY2(info.message().find(broken) != std::string::npos, info.message().c_str());
        QVERIFY2(info.message().size() > broken.size() + 20, info.message().c_str());

        auto missing = VideoProbe::probe(m_dir.filePath("none.mp4").toStdString());
        QVERIFY(!missing.ok());
        QVERIFY2(missing.message().find("No such file") != std::string::npos, missing.message().c_str());

        // A truncated clip: the header survives, the frames do not.
        QFile whole(m_root + "/walking/small.avi");
        QVERIFY(whole.open(QIODevice::ReadOnly));
        const QString truncated = m_dir.filePath("truncated.avi");
        writeBytes(truncated, whole.read(300));
        QVERIFY(!VideoProbe::probe(truncated.toStdString()).ok());
    }

    void readsFolderWithLabelsAndRejects()
    {
        VideoSource source;
        QCOMPARE(source.format(), std::string("video"));
        CollectingSink sink;
        const Status status = source.read(m_root.toStdString(), ImportOptions(), sink);
        QVERIFY2(status.ok(), status.message().c_str());

        QCOMPARE(sink.posts.size(), std::size_t(2));
        QCOMPARE(sink.posts[0].sourceId, std::string("running/wide.avi"));
        QCOMPARE(sink.posts[1].sourceId, std::string("walking/small.avi"));
        QCOMPARE(sink.posts[0].labels.size(), std::size_t(1));
        QCOMPARE(sink.posts[0].labels[0].task, std::string("label"));
        QCOMPARE(sink.posts[0].labels[0].value, std::string("running"));
        QCOMPARE(sink.posts[1].labels[0].value, std::string("walking"));

        const PostRecord &small = sink.posts[1];
        QVERIFY(small.text.empty());
        QCOMPARE(small.media.size(), std::size_t(1));
        const MediaRecord &media = small.media[0];
        QCOMPARE(int(media.kind), int(MediaKind::Video));
        const QString path = QDir::cleanPath(m_root + "/walking/small.avi");
        QCOMPARE(QString::fromStdString(media.path), path);
        QCOMPARE(QString::fromStdString(media.sha256), sha256Of(path));
        QCOMPARE(media.width.value_or(0), 64);
        QCOMPARE(media.height.value_or(0), 48);
        QVERIFY(media.durationSeconds.has_value() && std::abs(*media.durationSeconds - 1.5) < 0.15);
        QVERIFY(media.frameCount.has_value() && std::llabs(*media.frameCount - 15) <= 1);
        QVERIFY(!decodePng(media.blob).empty());

        // broken.mp4 (root, sorted first) and running/notes.mkv; notes.txt is not a video name.
        QCOMPARE(sink.rejects.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(sink.rejects[0].file), QDir::cleanPath(m_root + "/broken.mp4"));
        QCOMPARE(QString::fromStdString(sink.rejects[1].file), QDir::cleanPath(m_root + "/running/notes.mkv"));
        for (const ImportError &reject : sink.rejects) {
            QCOMPARE(reject.line, std::uint64_t(0));
            QVERIFY2(reject.reason.find("cannot") != std::string::npos, reject.reason.c_str());
        }
        QVERIFY(sink.progressCalls >= 2);
    }

    void singleFileAndMissingPath()
    {
        VideoSource source;
        CollectingSink sink;
        QVERIFY(source.read((m_root + "/walking/small.avi").toStdString(), ImportOptions(), sink).ok());
        QCOMPARE(sink.posts.size(), std::size_t(1));
        QCOMPARE(sink.posts[0].sourceId, std::string("small.avi"));
        QVERIFY(sink.posts[0].labels.empty());

        CollectingSink brokenSink;
        QVERIFY(source.read((m_root + "/broken.mp4").toStdString(), ImportOptions(), brokenSink).ok());
        QVERIFY(brokenSink.posts.empty());
        QCOMPARE(brokenSink.rejects.size(), std::size_t(1));

        CollectingSink none;
        const Status missing = source.read(m_dir.filePath("gone.mp4").toStdString(), ImportOptions(), none);
        QVERIFY(!missing.ok());
        QVERIFY2(missing.message().find("gone.mp4") != std::string::npos, missing.message().c_str());
        QVERIFY(none.rejects.empty());
    }

    void importJobStoresThumbnailsAndDeduplicates()
    {
        QVERIFY(makeRecordSource("video") != nullptr);
        QTemporaryDir projectDir;
        auto opened = Project::open(projectDir.filePath("p.chorus").toStdString());
        QVERIFY(opened.ok());
        Project &project = **opened;
        ImportOptions options;
        options.format = "video";
        options.dataset = "clips";

        ImportJob job(project, options);
        auto first = job.run({m_root.toStdString()});
        QVERIFY2(first.ok(), first.ok() ? "" : first.message().c_str());
        QCOMPARE(first->imported, std::int64_t(2));
        QCOMPARE(first->rejected, std::int64_t(2));
        QCOMPARE(first->errors.size(), std::size_t(2));

        SqliteDatabase &db = project.db();
        QCOMPARE(*db.queryInt("SELECT count(*) FROM media WHERE kind = 'video' AND blob IS NOT NULL"
                              " AND duration > 0 AND frame_count > 0 AND length(sha256) = 64"),
                 std::int64_t(2));
        QCOMPARE(*db.queryInt("SELECT count(*) FROM import_log WHERE file LIKE '%broken.mp4'"), std::int64_t(1));

        ImportJob again(project, options);
        auto second = again.run({m_root.toStdString()});
        QVERIFY(second.ok());
        QCOMPARE(second->imported, std::int64_t(0));
        QCOMPARE(second->duplicates, std::int64_t(2));
        QCOMPARE(*db.queryInt("SELECT count(*) FROM media"), std::int64_t(2));
    }

    void probesOpenCvSampleVideo()
    {
        // Debian's opencv-doc ships vtest.avi (768x576, 795 frames at 10 fps), sometimes gzipped.
        const QString sample = "/usr/share/doc/opencv-doc/examples/data/vtest.avi";
        QString path = sample;
        if (!QFileInfo::exists(path) && QFileInfo::exists(sample + ".gz")) {
            QProcess gunzip;
            gunzip.start("gzip", {"-dc", sample + ".gz"});
            QVERIFY(gunzip.waitForFinished(60000));
            path = m_dir.filePath("vtest.avi");
            writeBytes(path, gunzip.readAllStandardOutput());
        }
        if (!QFileInfo::exists(path))
            QSKIP("opencv-doc's vtest.avi is not installed");
        auto info = VideoProbe::probe(path.toStdString());
        QVERIFY2(info.ok(), info.ok() ? "" : info.message().c_str());
        QCOMPARE(info->width, 768);
        QCOMPARE(info->height, 576);
        QVERIFY(std::abs(info->fps - 10.0) < 0.01);
        QVERIFY(std::abs(info->durationSeconds - 79.5) < 0.5);
        QVERIFY(std::llabs(info->frameCount - 795) <= 2);
        const cv::Mat thumbnail = decodePng(info->thumbnailPng);
        QCOMPARE(thumbnail.cols, 256);
        QCOMPARE(thumbnail.rows, 192);
        // A street scene, not a blank frame.
        cv::Scalar mean, stddev;
        cv::meanStdDev(thumbnail, mean, stddev);
        QVERIFY(stddev[0] > 10);
    }
};

QTEST_GUILESS_MAIN(VideoImportTest)
#include "tst_videoimport.moc"
