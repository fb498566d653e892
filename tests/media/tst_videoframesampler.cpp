// VideoFrameSampler: uniform frame choice, resize + centre crop, normalisation, short clips,
// streams without an index or duration, and failures that name the file.
#include "core/media/videoframesampler.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <string>
#include <vector>

using namespace chorus;

namespace {

// Frame i is coloured so its index can be read back through JPEG losses: red and green carry the
// index's digits in steps of 24 levels, blue is fixed.
cv::Scalar indexColourBgr(int index) { return cv::Scalar(128, 16 + 24 * (index / 10), 16 + 24 * (index % 10)); }

// A 64x32 frame: black bars on the left and right 16 columns, the index colour in the centre
// 32x32 square (aligned to JPEG's 16-pixel blocks so the bars do not bleed into it).
cv::Mat indexFrame(int index)
{
    cv::Mat frame(32, 64, CV_8UC3, cv::Scalar(0, 0, 0));
    frame(cv::Rect(16, 0, 32, 32)).setTo(indexColourBgr(index));
    return frame;
}

bool writeIndexClip(const QString &path, int frames, double fps)
{
    cv::VideoWriter writer(path.toStdString(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), fps, cv::Size(64, 32));
    if (!writer.isOpened())
        return false;
    for (int i = 0; i < frames; ++i)
        writer.write(indexFrame(i));
    writer.release();
    return QFileInfo(path).size() > 0;
}

// A raw MJPEG stream: JPEG images back to back, with no container, index, duration or frame count.
bool writeRawMjpeg(const QString &path, int frames)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    for (int i = 0; i < frames; ++i) {
        std::vector<std::uint8_t> jpeg;
        if (!cv::imencode(".jpg", indexFrame(i), jpeg, {cv::IMWRITE_JPEG_QUALITY, 95}))
            return false;
        file.write(reinterpret_cast<const char *>(jpeg.data()), qint64(jpeg.size()));
    }
    return true;
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

// One second of 8 kHz mono 16-bit silence in a RIFF/WAVE container.
QByteArray silentWav(int samples)
{
    QByteArray out;
    auto put32 = [&](quint32 v) { for (int i = 0; i < 4; ++i) out.append(char((v >> (8 * i)) & 0xff)); };
    auto put16 = [&](quint16 v) { out.append(char(v & 0xff)); out.append(char(v >> 8)); };
    out.append("RIFF");
    put32(quint32(36 + 2 * samples));
    out.append("WAVEfmt ");
    put32(16);
    put16(1); // PCM
    put16(1); // mono
    put32(8000);
    put32(16000);
    put16(2);
    put16(16);
    out.append("data");
    put32(quint32(2 * samples));
    out.append(QByteArray(2 * samples, '\0'));
    return out;
}

const std::array<float, 3> kMean = {0.485f, 0.456f, 0.406f};
const std::array<float, 3> kStd = {0.229f, 0.224f, 0.225f};

// Undoes the normalisation of channel c at (x, y) of a CHW frame of side `size`.
double pixel(const std::vector<float> &frame, int size, int c, int x, int y)
{
    const float value = frame[std::size_t(c) * size * size + std::size_t(y) * size + std::size_t(x)];
    return (double(value) * kStd[c] + kMean[c]) * 255.0;
}

// Reads the index back from the centre pixel (RGB order: red carries units, green tens).
int indexOf(const std::vector<float> &frame, int size)
{
    const double red = pixel(frame, size, 0, size / 2, size / 2);
    const double green = pixel(frame, size, 1, size / 2, size / 2);
    return int(std::lround((green - 16) / 24)) * 10 + int(std::lround((red - 16) / 24));
}

std::vector<int> indicesOf(const SampledFrames &sampled)
{
    std::vector<int> out;
    for (const auto &frame : sampled.frames)
        out.push_back(indexOf(frame, sampled.size));
    return out;
}

} // namespace

class VideoFrameSamplerTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_long;  // 40 frames at 10 fps
    QString m_short; // 5 frames

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_long = m_dir.filePath("long.avi");
        m_short = m_dir.filePath("short.avi");
        QVERIFY(writeIndexClip(m_long, 40, 10.0));
        QVERIFY(writeIndexClip(m_short, 5, 10.0));
    }

    void samplesMiddleOfEqualSlices()
    {
        VideoFrameSamplerOptions options;
        options.frames = 8;
        options.size = 16;
        auto sampled = VideoFrameSampler(options).sample(m_long.toStdString());
        QVERIFY2(sampled.ok(), sampled.ok() ? "" : sampled.message().c_str());
        QCOMPARE(sampled->requested, 8);
        QCOMPARE(sampled->realFrames(), 8);
        QCOMPARE(sampled->streamFrames, std::int64_t(40));
        QVERIFY2(std::abs(sampled->durationSeconds - 4.0) < 1e-6, qPrintable(QString::number(sampled->durationSeconds)));
        // Slice i of 40/8 = 5 frames: its middle, (i + 0.5) * 5, falls on frame 5i + 2.
        const std::vector<int> expected = {2, 7, 12, 17, 22, 27, 32, 37};
        QCOMPARE(indicesOf(*sampled), expected); // read from the pixels: the frames really decoded
        for (int i = 0; i < 8; ++i) {
            QCOMPARE(sampled->frameIndices[std::size_t(i)], std::int64_t(expected[std::size_t(i)]));
            QVERIFY(std::abs(sampled->timestamps[std::size_t(i)] - expected[std::size_t(i)] / 10.0) < 1e-6);
        }

        options.frames = 1;
        auto middle = VideoFrameSampler(options).sample(m_long.toStdString());
        QVERIFY(middle.ok());
        QCOMPARE(indicesOf(*middle), std::vector<int>{20});

        // 40 of 40: every frame, in order.
        options.frames = 40;
        auto all = VideoFrameSampler(options).sample(m_long.toStdString());
        QVERIFY(all.ok());
        std::vector<int> every(40);
        for (int i = 0; i < 40; ++i)
            every[std::size_t(i)] = i;
        QCOMPARE(indicesOf(*all), every);
    }

    void resizesCropsAndNormalises()
    {
        VideoFrameSamplerOptions options;
        options.frames = 2;
        options.size = 16;
        auto sampled = VideoFrameSampler(options).sample(m_long.toStdString());
        QVERIFY(sampled.ok());
        QCOMPARE(sampled->size, 16);
        for (const auto &frame : sampled->frames)
            QCOMPARE(frame.size(), std::size_t(3 * 16 * 16));
        // Frame 10 (first sample): RGB (16, 40, 128). The 64x32 frame becomes 32x16 and its centre
        // 16x16 is exactly the coloured square, so even the corner pixels carry the colour, not
        // the black bars.
        const auto &frame = sampled->frames[0];
        QCOMPARE(sampled->frameIndices[0], std::int64_t(10));
        const double expected[3] = {16, 40, 128};
        for (int c = 0; c < 3; ++c) {
            for (const auto &[x, y] : std::vector<std::pair<int, int>>{{0, 0}, {15, 0}, {0, 15}, {15, 15}, {8, 8}}) {
                const double value = pixel(frame, 16, c, x, y);
                QVERIFY2(std::abs(value - expected[c]) < 14,
                         qPrintable(QString("channel %1 at (%2,%3): %4").arg(c).arg(x).arg(y).arg(value)));
            }
        }
        // The normalised value itself: (16/255 - 0.485) / 0.229 for red, within JPEG's error.
        const float red = frame[8 * 16 + 8];
        QVERIFY2(std::abs(red - (16.0f / 255.0f - 0.485f) / 0.229f) < 0.25f, qPrintable(QString::number(red)));

        // Upscaling works too: 96 from a 32-pixel-high clip.
        options.size = 96;
        auto large = VideoFrameSampler(options).sample(m_long.toStdString());
        QVERIFY(large.ok());
        QCOMPARE(large->frames[0].size(), std::size_t(3 * 96 * 96));
        QCOMPARE(indexOf(large->frames[1], 96), 30);
    }

    void shortClipReturnsEachFrameOnce()
    {
        VideoFrameSamplerOptions options;
        options.frames = 8;
        options.size = 8;
        auto sampled = VideoFrameSampler(options).sample(m_short.toStdString());
        QVERIFY2(sampled.ok(), sampled.ok() ? "" : sampled.message().c_str());
        QCOMPARE(sampled->requested, 8);
        QCOMPARE(sampled->realFrames(), 5);
        QCOMPARE(indicesOf(*sampled), (std::vector<int>{0, 1, 2, 3, 4}));
        QCOMPARE(sampled->frameIndices, (std::vector<std::int64_t>{0, 1, 2, 3, 4}));
    }

    void rawStreamWithoutIndexOrDuration()
    {
        const QString path = m_dir.filePath("raw.mjpeg");
        QVERIFY(writeRawMjpeg(path, 20));
        VideoFrameSamplerOptions options;
        options.frames = 4;
        options.size = 16;
        auto sampled = VideoFrameSampler(options).sample(path.toStdString());
        QVERIFY2(sampled.ok(), sampled.ok() ? "" : sampled.message().c_str());
        QCOMPARE(sampled->streamFrames, std::int64_t(20));
        QCOMPARE(indicesOf(*sampled), (std::vector<int>{2, 7, 12, 17}));
    }

    void truncatedTailIsSampledOverWhatRemains()
    {
        QFile whole(m_long);
        QVERIFY(whole.open(QIODevice::ReadOnly));
        const QByteArray bytes = whole.readAll();
        const QString path = m_dir.filePath("cut.avi");
        writeBytes(path, bytes.left(bytes.size() * 3 / 4));
        VideoFrameSamplerOptions options;
        options.frames = 4;
        options.size = 16;
        auto sampled = VideoFrameSampler(options).sample(path.toStdString());
        QVERIFY2(sampled.ok(), sampled.ok() ? "" : sampled.message().c_str());
        // The header still claims 40 frames; the file's front part holds a large header and about
        // two thirds of the frames. Samples spread over those rather than waiting for frames that
        // never come; a cut-off last frame that fails to decode would be left out, not repeated.
        const std::int64_t left = sampled->streamFrames;
        QVERIFY2(left >= 15 && left <= 32, qPrintable(QString::number(left)));
        QVERIFY2(std::abs(sampled->durationSeconds - double(left) / 10.0) < 1e-6,
                 qPrintable(QString::number(sampled->durationSeconds)));
        QVERIFY2(sampled->realFrames() >= 3, qPrintable(QString::number(sampled->realFrames())));
        const std::vector<int> seen = indicesOf(*sampled);
        for (int i = 0; i < sampled->realFrames(); ++i) {
            const std::int64_t expected = std::int64_t(std::floor((i + 0.5) * double(left) / 4));
            QCOMPARE(sampled->frameIndices[std::size_t(i)], expected);
            QCOMPARE(std::int64_t(seen[std::size_t(i)]), expected);
        }
    }

    void failuresNameTheFile()
    {
        VideoFrameSampler sampler;
        auto expectFailure = [](const Result<SampledFrames> &result, const std::string &path, const char *what) {
            QVERIFY2(!result.ok(), what);
            QVERIFY2(result.message().find(path) != std::string::npos, result.message().c_str());
            QVERIFY2(result.message().size() > path.size() + 15, result.message().c_str());
        };

        const std::string missing = m_dir.filePath("missing.mp4").toStdString();
        auto absent = sampler.sample(missing);
        expectFailure(absent, missing, "missing file");
        QVERIFY2(absent.message().find("No such file") != std::string::npos, absent.message().c_str());

        const QString empty = m_dir.filePath("empty.mp4");
        writeBytes(empty, QByteArray());
        expectFailure(sampler.sample(empty.toStdString()), empty.toStdString(), "0-byte file");

        const QString text = m_dir.filePath("notes.mp4");
        writeBytes(text, "these are meeting notes, not frames\n");
        expectFailure(sampler.sample(text.toStdString()), text.toStdString(), "text file named .mp4");

        // The header survives, no frame does.
        QFile whole(m_long);
        QVERIFY(whole.open(QIODevice::ReadOnly));
        const QString truncated = m_dir.filePath("truncated.avi");
        writeBytes(truncated, whole.read(300));
        expectFailure(sampler.sample(truncated.toStdString()), truncated.toStdString(), "truncated file");

        // A sound file opens fine but holds no video stream.
        const QString sound = m_dir.filePath("tone.wav");
        writeBytes(sound, silentWav(8000));
        auto audio = sampler.sample(sound.toStdString());
        expectFailure(audio, sound.toStdString(), "audio only");
        QVERIFY2(audio.message().find("no video stream") != std::string::npos, audio.message().c_str());

        VideoFrameSamplerOptions zero;
        zero.frames = 0;
        expectFailure(VideoFrameSampler(zero).sample(m_long.toStdString()), m_long.toStdString(), "zero frames");
    }
};

QTEST_GUILESS_MAIN(VideoFrameSamplerTest)
#include "tst_videoframesampler.moc"
