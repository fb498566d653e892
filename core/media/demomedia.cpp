#include "core/media/demomedia.h"

#include "core/util/deterministicrandom.h"
#include "core/util/sha256.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <filesystem>
#include <system_error>
#include <vector>

namespace chorus {
namespace {

Result<std::string> prepareFile(const std::string &path)
{
    std::error_code ec;
    const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
    if (ec)
        return Error{"cannot resolve '" + path + "': " + ec.message()};
    std::filesystem::create_directories(absolute.parent_path(), ec);
    if (ec)
        return Error{"cannot create folder '" + absolute.parent_path().string() + "': " + ec.message()};
    return absolute.string();
}

cv::Scalar hsvColour(int hue, int saturation, int value)
{
    cv::Mat pixel(1, 1, CV_8UC3, cv::Scalar(hue, saturation, value));
    cv::Mat bgr;
    cv::cvtColor(pixel, bgr, cv::COLOR_HSV2BGR);
    const cv::Vec3b c = bgr.at<cv::Vec3b>(0, 0);
    return cv::Scalar(c[0], c[1], c[2]);
}

// Draws hue, saturation and value in that order (one statement each: the order in which function
// arguments are evaluated is unspecified, and it would change the picture between compilers).
cv::Scalar randomHsvColour(DeterministicRandom &random, int hueLow, int hueHigh, int saturationLow, int saturationHigh,
                           int valueLow, int valueHigh)
{
    const int hue = random.between(hueLow, hueHigh);
    const int saturation = random.between(saturationLow, saturationHigh);
    const int value = random.between(valueLow, valueHigh);
    return hsvColour(hue, saturation, value);
}

cv::Point randomPoint(DeterministicRandom &random, int xLow, int xHigh, int yLow, int yHigh)
{
    const int x = random.between(xLow, xHigh);
    const int y = random.between(yLow, yHigh);
    return {x, y};
}

void addNoise(cv::Mat &image, DeterministicRandom &random, int amplitude)
{
    for (int y = 0; y < image.rows; ++y) {
        auto *row = image.ptr<cv::Vec3b>(y);
        for (int x = 0; x < image.cols; ++x)
            for (int c = 0; c < 3; ++c)
                row[x][c] = cv::saturate_cast<std::uint8_t>(row[x][c] + random.between(-amplitude, amplitude));
    }
}

Result<std::string> digestOf(const std::string &path)
{
    std::string digest = Sha256::fileHex(path);
    if (digest.empty())
        return Error{"cannot read back '" + path + "'"};
    return digest;
}

} // namespace

Result<MediaRecord> DemoMedia::writeSentimentImage(const std::string &path, DemoSentiment sentiment, std::uint64_t seed)
{
    auto file = prepareFile(path);
    if (!file)
        return file.error();
    DeterministicRandom random(seed);
    const int side = kImageSide;
    const cv::Scalar background = randomHsvColour(random, 0, 179, 0, 35, 175, 235);
    cv::Mat image(side, side, CV_8UC3, background);

    switch (sentiment) {
    case DemoSentiment::Positive: {
        const int radius = random.between(9, 20);
        const cv::Point centre = randomPoint(random, radius + 1, side - radius - 2, radius + 1, side - radius - 2);
        const cv::Scalar warm = randomHsvColour(random, 0, 25, 170, 255, 200, 255);
        cv::circle(image, centre, radius, warm, cv::FILLED, cv::LINE_AA);
        break;
    }
    case DemoSentiment::Negative: {
        const int width = random.between(22, 44);
        const int height = random.between(22, 44);
        const int cx = random.between(width / 2 + 1, side - width / 2 - 2);
        const int cy = random.between(height / 2 + 1, side - height / 2 - 2);
        std::vector<cv::Point> corners;
        switch (random.below(4)) { // apex up, down, left or right
        case 0:
            corners = {{cx, cy - height / 2}, {cx - width / 2, cy + height / 2}, {cx + width / 2, cy + height / 2}};
            break;
        case 1:
            corners = {{cx, cy + height / 2}, {cx - width / 2, cy - height / 2}, {cx + width / 2, cy - height / 2}};
            break;
        case 2:
            corners = {{cx - width / 2, cy}, {cx + width / 2, cy - height / 2}, {cx + width / 2, cy + height / 2}};
            break;
        default:
            corners = {{cx + width / 2, cy}, {cx - width / 2, cy - height / 2}, {cx - width / 2, cy + height / 2}};
            break;
        }
        const cv::Scalar cool = randomHsvColour(random, 95, 130, 150, 255, 140, 255);
        cv::fillConvexPoly(image, corners, cool, cv::LINE_AA);
        break;
    }
    case DemoSentiment::Neutral: {
        const int edge = random.between(16, 36);
        const cv::Point corner = randomPoint(random, 1, side - edge - 2, 1, side - edge - 2);
        const int grey = random.between(40, 150);
        cv::rectangle(image, cv::Rect(corner.x, corner.y, edge, edge), cv::Scalar(grey, grey, grey), cv::FILLED);
        break;
    }
    }
    if (random.chance(0.08)) {
        const int radius = random.between(3, 5);
        const cv::Point dot = randomPoint(random, radius, side - radius - 1, radius, side - radius - 1);
        cv::circle(image, dot, radius, randomHsvColour(random, 0, 179, 200, 200, 220, 220), cv::FILLED);
    }
    addNoise(image, random, 12);

    try {
        if (!cv::imwrite(*file, image))
            return Error{"cannot write image '" + *file + "'"};
    } catch (const cv::Exception &e) {
        return Error{"cannot write image '" + *file + "': " + e.what()};
    }
    auto digest = digestOf(*file);
    if (!digest)
        return digest.error();
    MediaRecord record;
    record.kind = MediaKind::Image;
    record.path = *file;
    record.sha256 = std::move(*digest);
    record.width = side;
    record.height = side;
    return record;
}

Result<MediaRecord> DemoMedia::writeMotionClip(const std::string &path, DemoMotion motion, std::uint64_t seed)
{
    auto file = prepareFile(path);
    if (!file)
        return file.error();
    DeterministicRandom random(seed);
    const int side = kClipSide;
    const cv::Scalar background = randomHsvColour(random, 0, 179, 0, 80, 30, 90);
    const cv::Scalar colour = randomHsvColour(random, 0, 179, 160, 230, 230, 255);
    const int edge = random.between(10, 16);
    const int y = random.between(4, side - edge - 4);
    const int leftmost = 2, rightmost = side - edge - 2;
    const int still = random.between(leftmost, rightmost);

    std::string thumbnail;
    try {
        cv::VideoWriter writer(*file, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), kClipFps, cv::Size(side, side));
        if (!writer.isOpened())
            return Error{"cannot open '" + *file + "' for writing an MJPG video"};
        for (int f = 0; f < kClipFrames; ++f) {
            const int travel = (rightmost - leftmost) * f / (kClipFrames - 1);
            int x = 0;
            if (motion == DemoMotion::LeftToRight)
                x = leftmost + travel;
            else if (motion == DemoMotion::RightToLeft)
                x = rightmost - travel;
            else
                x = still + random.between(-1, 1);
            const int jitterY = y + random.between(-1, 1);
            cv::Mat frame(side, side, CV_8UC3, background);
            cv::rectangle(frame, cv::Rect(x, jitterY, edge, edge), colour, cv::FILLED);
            addNoise(frame, random, 8);
            if (f == 0) {
                std::vector<std::uint8_t> png;
                if (cv::imencode(".png", frame, png))
                    thumbnail.assign(png.begin(), png.end());
            }
            writer.write(frame);
        }
        writer.release();
    } catch (const cv::Exception &e) {
        return Error{"cannot write video '" + *file + "': " + e.what()};
    }
    auto digest = digestOf(*file);
    if (!digest)
        return digest.error();
    MediaRecord record;
    record.kind = MediaKind::Video;
    record.path = *file;
    record.blob = std::move(thumbnail);
    record.sha256 = std::move(*digest);
    record.width = side;
    record.height = side;
    record.durationSeconds = kClipFrames / kClipFps;
    record.frameCount = kClipFrames;
    return record;
}

} // namespace chorus
