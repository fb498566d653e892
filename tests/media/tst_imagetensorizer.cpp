// The image input pipeline: decoding, the evaluation view, normalisation and CHW order, the
// training augmentation and its reproducibility, decode errors, and the heat-map overlay.
#include "core/media/heatmapoverlay.h"
#include "core/media/imagetensorizer.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <string>
#include <vector>

using namespace chorus;

namespace {

// A 40 x 20 picture: the left half pure red, the right half pure blue (OpenCV stores BGR).
cv::Mat redBlue()
{
    cv::Mat image(20, 40, CV_8UC3, cv::Scalar(0, 0, 255));
    image(cv::Rect(20, 0, 20, 20)).setTo(cv::Scalar(255, 0, 0));
    return image;
}

// Every pixel different, so any crop, scale or mirror changes the output.
cv::Mat texture(int width, int height)
{
    cv::Mat image(height, width, CV_8UC3);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < 3; ++c)
                image.ptr<std::uint8_t>(y)[x * 3 + c] = std::uint8_t((x * 11 + y * 5 + c * 70 + x * y) & 0xff);
    return image;
}

std::string pngBytes(const cv::Mat &image)
{
    std::vector<std::uint8_t> png;
    cv::imencode(".png", image, png);
    return std::string(png.begin(), png.end());
}

float at(const std::vector<float> &values, int size, int channel, int y, int x)
{
    return values[std::size_t(channel) * std::size_t(size * size) + std::size_t(y * size + x)];
}

} // namespace

class ImageTensorizerTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::string write(const QString &name, const std::string &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(bytes.data(), qint64(bytes.size()));
        return path.toStdString();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void sizesForAnyShape()
    {
        const std::vector<cv::Size> shapes = {{40, 20}, {20, 40}, {5, 7}, {64, 64}, {1, 3}};
        for (int size : {1, 8, 16, 33}) {
            ImageTensorizerOptions options;
            options.size = size;
            const ImageTensorizer tensorizer(options);
            QCOMPARE(tensorizer.valuesPerImage(), std::size_t(3 * size * size));
            for (const cv::Size &shape : shapes) {
                const Result<std::vector<float>> values = tensorizer.fromBytes(pngBytes(texture(shape.width, shape.height)), "t.png");
                QVERIFY2(values.ok(), values.ok() ? "" : values.message().c_str());
                QCOMPARE(values->size(), std::size_t(3 * size * size));
            }
        }
    }

    void chwOrderAndNormalisation()
    {
        const std::string path = write("redblue.png", pngBytes(redBlue()));
        ImageTensorizerOptions options;
        options.size = 10;
        const ImageTensorizer tensorizer(options);
        const Result<std::vector<float>> values = tensorizer.fromFile(path);
        QVERIFY2(values.ok(), values.ok() ? "" : values.message().c_str());
        // Shorter side 20 -> 10 scales the picture to 20 x 10; the centre 10 columns are original
        // columns 10..29: red on the left five, blue on the right five, exactly (2x2 area averages).
        const float red[3] = {(1.0f - 0.485f) / 0.229f, (0.0f - 0.456f) / 0.224f, (0.0f - 0.406f) / 0.225f};
        const float blue[3] = {(0.0f - 0.485f) / 0.229f, (0.0f - 0.456f) / 0.224f, (1.0f - 0.406f) / 0.225f};
        for (int c = 0; c < 3; ++c)
            for (int y = 0; y < 10; ++y)
                for (int x = 0; x < 10; ++x) {
                    const float expected = x < 5 ? red[c] : blue[c];
                    QVERIFY2(std::abs(at(*values, 10, c, y, x) - expected) < 1e-5f,
                             qPrintable(QString("c %1 y %2 x %3: %4 vs %5").arg(c).arg(y).arg(x).arg(at(*values, 10, c, y, x)).arg(expected)));
                }

        // Custom statistics: mean 0, std 1 leaves plain [0, 1] intensities.
        options.mean = {0.0f, 0.0f, 0.0f};
        options.std = {1.0f, 1.0f, 1.0f};
        const Result<std::vector<float>> plain = ImageTensorizer(options).fromFile(path);
        QVERIFY(plain.ok());
        QCOMPARE(at(*plain, 10, 0, 3, 2), 1.0f);
        QCOMPARE(at(*plain, 10, 2, 3, 2), 0.0f);
        QCOMPARE(at(*plain, 10, 0, 3, 7), 0.0f);
        QCOMPARE(at(*plain, 10, 2, 3, 7), 1.0f);
    }

    void greyAndTransparentPictures()
    {
        ImageTensorizerOptions options;
        options.size = 4;
        options.mean = {0.0f, 0.0f, 0.0f};
        options.std = {1.0f, 1.0f, 1.0f};
        const ImageTensorizer tensorizer(options);

        const cv::Mat grey(4, 4, CV_8UC1, cv::Scalar(51));
        const Result<std::vector<float>> g = tensorizer.fromBytes(pngBytes(grey), "grey.png");
        QVERIFY(g.ok());
        for (float v : *g)
            QCOMPARE(v, 51.0f / 255.0f);

        // Fully transparent black shows as white; opaque green stays green.
        cv::Mat rgba(4, 4, CV_8UC4, cv::Scalar(0, 0, 0, 0));
        rgba(cv::Rect(0, 0, 4, 2)).setTo(cv::Scalar(0, 255, 0, 255));
        const Result<RgbImage> decoded = ImageTensorizer::decode(pngBytes(rgba), "rgba.png");
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->width, 4);
        const std::uint8_t *top = decoded->pixel(1, 0);
        QCOMPARE(int(top[0]), 0);
        QCOMPARE(int(top[1]), 255);
        QCOMPARE(int(top[2]), 0);
        const std::uint8_t *bottom = decoded->pixel(1, 3);
        QCOMPARE(int(bottom[0]), 255);
        QCOMPARE(int(bottom[1]), 255);
        QCOMPARE(int(bottom[2]), 255);
    }

    void bytesAndFileAgree()
    {
        const std::string bytes = pngBytes(texture(30, 22));
        const std::string path = write("texture.png", bytes);
        const ImageTensorizer tensorizer;
        const Result<std::vector<float>> fromFile = tensorizer.fromFile(path);
        const Result<std::vector<float>> fromBytes = tensorizer.fromBytes(bytes, "blob of media 7");
        QVERIFY(fromFile.ok() && fromBytes.ok());
        QVERIFY(*fromFile == *fromBytes);
    }

    void flipMirrors()
    {
        ImageTensorizerOptions options;
        options.size = 12;
        const ImageTensorizer tensorizer(options);
        const Result<RgbImage> image = ImageTensorizer::decode(pngBytes(texture(17, 13)), "t.png");
        QVERIFY(image.ok());
        const Result<std::vector<float>> plain = tensorizer.tensorize(*image);
        ImageAugmentation mirror;
        mirror.flip = true;
        const Result<std::vector<float>> flipped = tensorizer.tensorize(*image, &mirror);
        QVERIFY(plain.ok() && flipped.ok());
        QVERIFY(*plain != *flipped);
        for (int c = 0; c < 3; ++c)
            for (int y = 0; y < 12; ++y)
                for (int x = 0; x < 12; ++x)
                    QCOMPARE(at(*flipped, 12, c, y, x), at(*plain, 12, c, y, 11 - x));

        // A flip probability of 1 always mirrors, 0 never does.
        options.augment = true;
        options.flipProbability = 1.0;
        DeterministicRandom random(3);
        for (int i = 0; i < 5; ++i)
            QVERIFY(ImageTensorizer(options).drawAugmentation(random).flip);
        options.flipProbability = 0.0;
        for (int i = 0; i < 5; ++i)
            QVERIFY(!ImageTensorizer(options).drawAugmentation(random).flip);
    }

    void augmentationIsReproducible()
    {
        ImageTensorizerOptions options;
        options.size = 16;
        options.augment = true;
        options.minCropScale = 0.3;
        options.maxCropScale = 0.7;
        const ImageTensorizer tensorizer(options);
        const std::string bytes = pngBytes(texture(48, 36));
        const Result<std::vector<float>> evaluation = tensorizer.fromBytes(bytes, "t.png");
        QVERIFY(evaluation.ok());

        DeterministicRandom first(42), second(42), other(43);
        bool differsFromOtherSeed = false;
        std::vector<std::vector<float>> seen;
        for (int i = 0; i < 6; ++i) {
            const Result<std::vector<float>> a = tensorizer.fromBytes(bytes, "t.png", &first);
            const Result<std::vector<float>> b = tensorizer.fromBytes(bytes, "t.png", &second);
            const Result<std::vector<float>> c = tensorizer.fromBytes(bytes, "t.png", &other);
            QVERIFY(a.ok() && b.ok() && c.ok());
            QVERIFY(*a == *b);
            QVERIFY(*a != *evaluation); // a crop of at most 70% of the area is never the centre view
            differsFromOtherSeed = differsFromOtherSeed || *a != *c;
            seen.push_back(*a);
        }
        QVERIFY(differsFromOtherSeed);
        QVERIFY(seen[0] != seen[1] || seen[1] != seen[2]); // draws move on

        // The crop respects the requested area range and the aspect range (before clamping).
        DeterministicRandom random(9);
        for (int i = 0; i < 50; ++i) {
            const ImageAugmentation a = tensorizer.drawAugmentation(random);
            QVERIFY(a.crop);
            QVERIFY(a.area >= 0.3 && a.area <= 0.7);
            QVERIFY(a.aspect >= 3.0 / 4.0 && a.aspect <= 4.0 / 3.0);
            QVERIFY(a.x >= 0.0 && a.x < 1.0 && a.y >= 0.0 && a.y < 1.0);
        }

        // Without `augment` a random source changes nothing.
        const ImageTensorizer plain;
        DeterministicRandom unused(1);
        QVERIFY(*plain.fromBytes(bytes, "t.png", &unused) == *plain.fromBytes(bytes, "t.png"));
        QVERIFY(!plain.drawAugmentation(unused).crop);
    }

    void errorsNameTheFile()
    {
        const ImageTensorizer tensorizer;

        const std::string empty = write("empty.png", std::string());
        Result<std::vector<float>> r = tensorizer.fromFile(empty);
        QVERIFY(!r.ok());
        QVERIFY2(r.message().find(empty) != std::string::npos, r.message().c_str());
        QVERIFY2(r.message().find("empty") != std::string::npos, r.message().c_str());

        const std::string whole = pngBytes(texture(64, 64));
        const std::string truncated = write("truncated.png", whole.substr(0, whole.size() / 2));
        r = tensorizer.fromFile(truncated);
        QVERIFY(!r.ok());
        QVERIFY2(r.message().find(truncated) != std::string::npos, r.message().c_str());
        QVERIFY2(r.message().find("PNG") != std::string::npos, r.message().c_str());
        QVERIFY2(r.message().find("truncated") != std::string::npos, r.message().c_str());

        const std::string text = write("notes.png", "these are notes, not a picture\n");
        r = tensorizer.fromFile(text);
        QVERIFY(!r.ok());
        QVERIFY2(r.message().find(text) != std::string::npos, r.message().c_str());
        QVERIFY2(r.message().find("not a picture") != std::string::npos, r.message().c_str());

        const std::string missing = m_dir.filePath("missing.png").toStdString();
        r = tensorizer.fromFile(missing);
        QVERIFY(!r.ok());
        QVERIFY2(r.message().find(missing) != std::string::npos, r.message().c_str());

        // In-memory blobs are named by the caller.
        r = tensorizer.fromBytes("GIF89a", "media 12 of post 3");
        QVERIFY(!r.ok());
        QVERIFY2(r.message().find("media 12 of post 3") != std::string::npos, r.message().c_str());

        ImageTensorizerOptions bad;
        bad.size = 0;
        QVERIFY(!ImageTensorizer::check(bad).ok());
        QVERIFY(!ImageTensorizer(bad).fromBytes(whole, "t.png").ok());
        bad = ImageTensorizerOptions();
        bad.std = {0.2f, 0.0f, 0.2f};
        QVERIFY(!ImageTensorizer::check(bad).ok());
        bad = ImageTensorizerOptions();
        bad.minCropScale = 0.9;
        bad.maxCropScale = 0.5;
        QVERIFY(!ImageTensorizer::check(bad).ok());
        QVERIFY(ImageTensorizer::check(ImageTensorizerOptions()).ok());
    }

    void heatMapOverlay()
    {
        const Result<RgbImage> image = ImageTensorizer::decode(pngBytes(texture(30, 20)), "t.png");
        QVERIFY(image.ok());
        // Left half hot, right half cold, on a 4 x 2 map.
        const std::vector<float> heat = {1, 1, 0, 0, 1, 1, 0, 0};
        HeatMapOverlayOptions options;
        options.side = 16;

        options.opacity = 0.0;
        const Result<RgbImage> none = HeatMapOverlay::blend(*image, heat, 4, 2, options);
        const Result<RgbImage> view = ImageTensorizer::centreCrop(*image, 16);
        QVERIFY(none.ok() && view.ok());
        QVERIFY(none->pixels == view->pixels);

        options.opacity = 1.0;
        const Result<RgbImage> full = HeatMapOverlay::blend(*image, heat, 4, 2, options);
        QVERIFY(full.ok());
        QCOMPARE(full->width, 16);
        QCOMPARE(full->height, 16);
        std::uint8_t hot[3], cold[3];
        HeatMapOverlay::colour(1.0f, hot);
        HeatMapOverlay::colour(0.0f, cold);
        QVERIFY(hot[0] > hot[2] && cold[2] > cold[0]); // red end, blue end
        for (int y = 0; y < 16; ++y) {
            QCOMPARE(int(full->pixel(0, y)[0]), int(hot[0]));
            QCOMPARE(int(full->pixel(0, y)[2]), int(hot[2]));
            QCOMPARE(int(full->pixel(15, y)[0]), int(cold[0]));
            QCOMPARE(int(full->pixel(15, y)[2]), int(cold[2]));
        }

        options.opacity = 0.4;
        const Result<std::string> png = HeatMapOverlay::png(*image, heat, 4, 2, options);
        QVERIFY2(png.ok(), png.ok() ? "" : png.message().c_str());
        const Result<RgbImage> back = ImageTensorizer::decode(*png, "overlay.png");
        QVERIFY(back.ok());
        QCOMPARE(back->width, 16);
        const Result<RgbImage> blended = HeatMapOverlay::blend(*image, heat, 4, 2, options);
        QVERIFY(back->pixels == blended->pixels); // PNG is lossless

        QVERIFY(!HeatMapOverlay::blend(*image, heat, 3, 2, options).ok()); // 8 values are not 3 x 2
    }
};

QTEST_GUILESS_MAIN(ImageTensorizerTest)
#include "tst_imagetensorizer.moc"
