// The demo's pictures and clips: written, readable with OpenCV, stored as media rows, and carrying
// their labels visibly (colour and shape follow sentiment, motion is recoverable from the frames).
#include "core/demo/demogenerator.h"
#include "core/media/demomedia.h"
#include "core/store/project.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <map>

using namespace chorus;

namespace {

DemoOptions mediaOptions(const QString &mediaDir)
{
    DemoOptions options;
    options.posts = 900;
    options.users = 60;
    options.items = 40;
    options.withMedia = true;
    options.images = 300;
    options.videos = 45;
    options.mediaDir = mediaDir.toStdString();
    return options;
}

QString sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
}

struct StoredMedia {
    std::string kind, path, sha256, postSource, sentiment, motion, blob;
    std::int64_t width = 0, height = 0, frameCount = 0;
    double duration = 0;
};

std::vector<StoredMedia> mediaOf(Project &project)
{
    auto prepared = project.db().prepare(
        "SELECT m.kind, m.path, m.sha256, p.source_id, s.value, coalesce(mo.value, ''), m.width, m.height,"
        " coalesce(m.frame_count, 0), coalesce(m.duration, 0), m.blob FROM media m JOIN posts p ON p.id = m.post_id"
        " JOIN labels s ON s.post_id = p.id AND s.task = 'sentiment'"
        " LEFT JOIN labels mo ON mo.post_id = p.id AND mo.task = 'motion' ORDER BY p.source_id");
    SqliteStatement &select = *prepared;
    std::vector<StoredMedia> out;
    while (select.step()) {
        StoredMedia m;
        m.kind = select.text(0);
        m.path = select.text(1);
        m.sha256 = select.text(2);
        m.postSource = select.text(3);
        m.sentiment = select.text(4);
        m.motion = select.text(5);
        m.width = select.int64(6);
        m.height = select.int64(7);
        m.frameCount = select.int64(8);
        m.duration = select.real(9);
        m.blob = select.isNull(10) ? std::string() : select.blob(10);
        out.push_back(m);
    }
    return out;
}

// Share of strongly coloured pixels and their mean hue (OpenCV scale 0-180, reds near 180 folded
// to just below 0 so that warm colours average correctly).
struct ColourStats {
    double saturatedShare = 0;
    double meanHue = 0;
};

ColourStats colourStats(const cv::Mat &bgr)
{
    cv::Mat hsv;
    cv::cvtColor(bgr, hsv, cv::COLOR_BGR2HSV);
    int saturated = 0;
    double hueSum = 0;
    for (int y = 0; y < hsv.rows; ++y)
        for (int x = 0; x < hsv.cols; ++x) {
            const cv::Vec3b p = hsv.at<cv::Vec3b>(y, x);
            if (p[1] < 100 || p[2] < 80)
                continue;
            ++saturated;
            hueSum += p[0] > 150 ? p[0] - 180.0 : p[0];
        }
    ColourStats stats;
    stats.saturatedShare = double(saturated) / double(hsv.rows * hsv.cols);
    stats.meanHue = saturated ? hueSum / saturated : -1;
    return stats;
}

// How many corners the largest strongly coloured or dark blob has once its outline is simplified.
int cornersOfShape(const cv::Mat &bgr)
{
    cv::Mat hsv, mask;
    cv::cvtColor(bgr, hsv, cv::COLOR_BGR2HSV);
    // The shapes are saturated (circle, triangle) or darker than the pale background (square).
    std::vector<cv::Mat> channels;
    cv::split(hsv, channels);
    cv::Mat coloured = channels[1] > 100, dark = channels[2] < 160;
    cv::bitwise_or(coloured, dark, mask);
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(mask, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    double bestArea = 0;
    std::vector<cv::Point> best;
    for (const auto &contour : contours) {
        const double area = cv::contourArea(contour);
        if (area > bestArea) {
            bestArea = area;
            best = contour;
        }
    }
    if (best.empty())
        return 0;
    std::vector<cv::Point> simplified;
    cv::approxPolyDP(best, simplified, 0.04 * cv::arcLength(best, true), true);
    return static_cast<int>(simplified.size());
}

// The x centre of the bright square in every frame.
std::vector<double> trackOfSquare(const std::string &path, int &frames, int &width, int &height)
{
    cv::VideoCapture capture(path);
    std::vector<double> track;
    frames = 0;
    cv::Mat frame, hsv;
    while (capture.read(frame)) {
        ++frames;
        width = frame.cols;
        height = frame.rows;
        cv::cvtColor(frame, hsv, cv::COLOR_BGR2HSV);
        std::vector<cv::Mat> channels;
        cv::split(hsv, channels);
        const cv::Moments m = cv::moments(channels[2] > 170, true);
        track.push_back(m.m00 > 0 ? m.m10 / m.m00 : -1);
    }
    return track;
}

} // namespace

class DemoMediaTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    DemoSummary m_summary;
    std::vector<StoredMedia> m_media;

private slots:
    void initTestCase()
    {
        auto project = Project::open(m_dir.filePath("demo.chorus").toStdString());
        QVERIFY(project.ok());
        m_project = std::move(*project);
        auto summary = DemoGenerator(mediaOptions(m_dir.filePath("media"))).generate(*m_project);
        QVERIFY2(summary.ok(), summary.ok() ? "" : summary.message().c_str());
        m_summary = *summary;
        m_media = mediaOf(*m_project);
    }

    void filesAndRowsAreThere()
    {
        QCOMPARE(m_summary.images, std::int64_t(300));
        QCOMPARE(m_summary.videos, std::int64_t(45));
        QCOMPARE(m_media.size(), std::size_t(345));
        QCOMPARE(QDir(m_dir.filePath("media/images")).entryList(QDir::Files).size(), 300);
        QCOMPARE(QDir(m_dir.filePath("media/videos")).entryList(QDir::Files).size(), 45);
        for (const StoredMedia &m : m_media) {
            const QString path = QString::fromStdString(m.path);
            QVERIFY2(QFileInfo(path).isAbsolute() && QFileInfo::exists(path), m.path.c_str());
            QCOMPARE(QString::fromStdString(m.sha256), sha256Of(path));
            QCOMPARE(m.width, std::int64_t(64));
            QCOMPARE(m.height, std::int64_t(64));
            if (m.kind == "image") {
                const cv::Mat image = cv::imread(m.path, cv::IMREAD_COLOR);
                QCOMPARE(image.cols, 64);
                QCOMPARE(image.rows, 64);
                QVERIFY(m.motion.empty());
            } else {
                QCOMPARE(m.frameCount, std::int64_t(DemoMedia::kClipFrames));
                QCOMPARE(m.duration, DemoMedia::kClipFrames / DemoMedia::kClipFps);
                QVERIFY(!m.motion.empty());
                const std::vector<std::uint8_t> png(m.blob.begin(), m.blob.end());
                const cv::Mat thumbnail = cv::imdecode(png, cv::IMREAD_COLOR);
                QCOMPARE(thumbnail.cols, 64);
            }
        }
    }

    void imageColourAndShapeFollowSentiment()
    {
        std::map<std::string, double> hueSum, shareSum;
        std::map<std::string, int> images, recognised;
        for (const StoredMedia &m : m_media) {
            if (m.kind != "image")
                continue;
            const cv::Mat image = cv::imread(m.path, cv::IMREAD_COLOR);
            const ColourStats stats = colourStats(image);
            const int corners = cornersOfShape(image);
            ++images[m.sentiment];
            shareSum[m.sentiment] += stats.saturatedShare;
            if (stats.meanHue >= 0 || stats.saturatedShare > 0)
                hueSum[m.sentiment] += stats.meanHue;
            // A rule a person would state: warm round, cool three-cornered, grey four-cornered.
            bool ok = false;
            if (m.sentiment == "positive")
                ok = stats.saturatedShare > 0.05 && stats.meanHue < 30 && corners > 4;
            else if (m.sentiment == "negative")
                ok = stats.saturatedShare > 0.05 && stats.meanHue > 85 && stats.meanHue < 135 && corners == 3;
            else
                ok = stats.saturatedShare < 0.03 && corners == 4;
            recognised[m.sentiment] += ok ? 1 : 0;
        }
        QCOMPARE(images.size(), std::size_t(3));
        for (const auto &[sentiment, n] : images) {
            qInfo("%s: %d images, %d recognised by colour and shape, mean hue %.1f, coloured share %.3f",
                  sentiment.c_str(), n, recognised[sentiment], hueSum[sentiment] / n, shareSum[sentiment] / n);
            QVERIFY(n > 50);
            QVERIFY2(recognised[sentiment] >= n * 9 / 10, sentiment.c_str());
        }
        QVERIFY(hueSum["positive"] / images["positive"] + 40 < hueSum["negative"] / images["negative"]);
        QVERIFY(shareSum["neutral"] / images["neutral"] * 5 < shareSum["positive"] / images["positive"]);
    }

    void clipMotionIsRecoverable()
    {
        std::map<std::string, int> clips;
        for (const StoredMedia &m : m_media) {
            if (m.kind != "video")
                continue;
            int frames = 0, width = 0, height = 0;
            const std::vector<double> track = trackOfSquare(m.path, frames, width, height);
            QCOMPARE(frames, DemoMedia::kClipFrames);
            QCOMPARE(width, 64);
            QCOMPARE(height, 64);
            for (double x : track)
                QVERIFY2(x >= 0, m.path.c_str());
            const double shift = track.back() - track.front();
            const std::string seen = shift > 20 ? "left_to_right" : shift < -20 ? "right_to_left"
                                                 : std::abs(shift) < 4 ? "static"
                                                                       : "unclear";
            QCOMPARE(seen, m.motion);
            ++clips[m.motion];
        }
        QCOMPARE(clips.size(), std::size_t(3));
        for (const auto &[motion, n] : clips)
            QCOMPARE(n, 15);
    }

    void sameSeedSameFilesAndNothingAddedTwice()
    {
        const auto mediaRows = *m_project->db().queryInt("SELECT count(*) FROM media");
        auto again = DemoGenerator(mediaOptions(m_dir.filePath("media"))).generate(*m_project);
        QVERIFY(again.ok());
        QCOMPARE(again->postsAdded, std::int64_t(0));
        QCOMPARE(*m_project->db().queryInt("SELECT count(*) FROM media"), mediaRows);
        // The files were written again, byte for byte the same.
        for (const StoredMedia &m : m_media)
            QCOMPARE(QString::fromStdString(m.sha256), sha256Of(QString::fromStdString(m.path)));

        QTemporaryDir other;
        auto project = Project::open(other.filePath("p.chorus").toStdString());
        QVERIFY(DemoGenerator(mediaOptions(other.filePath("media"))).generate(**project).ok());
        const auto copies = mediaOf(**project);
        QCOMPARE(copies.size(), m_media.size());
        for (std::size_t i = 0; i < copies.size(); ++i) {
            QCOMPARE(copies[i].postSource, m_media[i].postSource);
            QCOMPARE(copies[i].sha256, m_media[i].sha256);
        }
    }

    void defaultMediaFolderSitsBesideTheProject()
    {
        QTemporaryDir dir;
        auto project = Project::open(dir.filePath("beside.chorus").toStdString());
        DemoOptions options;
        options.posts = 30;
        options.users = 5;
        options.items = 5;
        options.images = 4;
        options.videos = 2;
        auto summary = DemoGenerator(options).generate(**project);
        QVERIFY(summary.ok());
        QCOMPARE(QString::fromStdString(summary->mediaDir), dir.filePath("beside.chorus.media/"));
        QCOMPARE(QDir(dir.filePath("beside.chorus.media/images")).entryList(QDir::Files).size(), 4);
        QCOMPARE(QDir(dir.filePath("beside.chorus.media/videos")).entryList(QDir::Files).size(), 2);
    }

    void unwritableFolderIsAnError()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath("file"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        auto image = DemoMedia::writeSentimentImage(dir.filePath("file/sub/x.png").toStdString(),
                                                    DemoSentiment::Positive, 1);
        QVERIFY(!image.ok());
        QVERIFY(image.message().find("file/sub") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(DemoMediaTest)
#include "tst_demomedia.moc"
