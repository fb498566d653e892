// The data browser's video frames: a strip of frames spread over a post's clip, decoded off the
// window's thread with the sampler the video models use, so what is shown is what they read.
#include "core/media/videoframesampler.h"
#include "core/store/project.h"
#include "ui/data/poststablemodel.h"
#include "ui/data/videostrip.h"
#include "ui/main/mainwindow.h"

#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

namespace {

const QString kClip = QStringLiteral(CHORUS_TEST_DATA "/video/tiny.mp4"); // 5 frames, 1 s

} // namespace

class VideoStripTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void showsTheFramesTheModelsRead()
    {
        VideoStrip strip;
        QSignalSpy shown(&strip, &VideoStrip::framesShown);
        strip.showClip(kClip);
        QVERIFY(strip.busy());
        QVERIFY(shown.wait(20000));
        // Six asked for, but the clip holds five frames: each once, nothing padded.
        QCOMPARE(shown.takeFirst().first().toInt(), 5);
        QCOMPARE(strip.frameCount(), 5);
        QVERIFY(!strip.frameLabel(5)->isVisibleTo(&strip));
        QVERIFY2(strip.statusLabel()->text().contains("5 frame"), qPrintable(strip.statusLabel()->text()));
        QVERIFY(strip.frameLabel(0)->toolTip().endsWith(" s"));

        // The pixels are the sampler's values, unnormalised.
        chorus::VideoFrameSamplerOptions options;
        options.frames = VideoStrip::kFrames;
        options.size = VideoStrip::kFrameSize;
        options.mean = {0, 0, 0};
        options.std = {1, 1, 1};
        auto sampled = chorus::VideoFrameSampler(options).sample(kClip.toStdString());
        QVERIFY(sampled.ok());
        const QImage frame = strip.frameLabel(2)->pixmap().toImage();
        QCOMPARE(frame.width(), VideoStrip::kFrameSize);
        const int size = VideoStrip::kFrameSize, x = 40, y = 50;
        const std::vector<float> &expected = sampled->frames[2];
        const QColor pixel = frame.pixelColor(x, y);
        const int channels[3] = {pixel.red(), pixel.green(), pixel.blue()};
        for (int c = 0; c < 3; ++c)
            QVERIFY(std::abs(channels[c] - std::lround(expected[std::size_t(c * size * size + y * size + x)] * 255.0f)) <= 1);
    }

    void aBrokenClipSaysWhy()
    {
        const QString broken = m_dir.filePath("broken.mp4");
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not a video at all");
        file.close();
        VideoStrip strip;
        QSignalSpy failed(&strip, &VideoStrip::failed);
        strip.showClip(broken);
        QVERIFY(failed.wait(20000));
        QVERIFY2(strip.statusLabel()->text().contains("broken.mp4"), qPrintable(strip.statusLabel()->text()));
        QCOMPARE(strip.frameCount(), 0);
        strip.showClip(QString());
        QVERIFY(strip.statusLabel()->text().isEmpty()); // no clip: nothing to say
    }

    void aNewerClipReplacesOneBeingRead()
    {
        VideoStrip strip;
        QSignalSpy shown(&strip, &VideoStrip::framesShown);
        QSignalSpy failed(&strip, &VideoStrip::failed);
        strip.showClip(m_dir.filePath("missing.mp4"));
        strip.showClip(kClip);
        QVERIFY(shown.wait(20000));
        QTest::qWait(200);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(shown.count(), 1);
    }

    void theDetailPaneShowsAVideoPostsFrames()
    {
        const QString path = m_dir.filePath("video.chorus");
        {
            auto project = chorus::Project::open(path.toStdString());
            QVERIFY(project.ok());
            auto dataset = (*project)->ensureDataset("clips");
            QVERIFY(dataset.ok());
            auto post = (*project)->db().prepare("INSERT INTO posts(dataset_id, source_id, text) VALUES (?, 'v1', 'a clip')");
            post->bind(1, *dataset);
            QVERIFY(post->exec());
            const std::int64_t postId = (*project)->db().lastInsertRowId();
            auto media = (*project)->db().prepare("INSERT INTO media(post_id, kind, path, width, height) VALUES (?, 'video', ?, 32, 24)");
            media->bind(1, postId).bind(2, kClip.toStdString());
            QVERIFY(media->exec());
        }
        MainWindow window;
        QCOMPARE(window.openProject(path), QString());
        QTRY_VERIFY(window.postsModel()->rowCount() == 1);
        window.postsView()->setCurrentIndex(window.postsModel()->index(0, PostsTableModel::TextColumn));
        QTRY_COMPARE_WITH_TIMEOUT(window.videoStrip()->frameCount(), 5, 20000);
        // Another post without a clip empties the strip.
        window.postsView()->setCurrentIndex(QModelIndex());
        QCOMPARE(window.videoStrip()->frameCount(), 0);
    }
};

QTEST_MAIN(VideoStripTest)
#include "tst_videostrip.moc"
