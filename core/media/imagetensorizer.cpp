#include "core/media/imagetensorizer.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <utility>

namespace chorus {
namespace {

bool startsWith(std::string_view bytes, std::string_view prefix)
{
    return bytes.size() >= prefix.size() && bytes.compare(0, prefix.size(), prefix) == 0;
}

// The format a byte string claims to be, from its signature; empty when none is recognised. Lets
// a failed decode say "a damaged PNG" rather than "not a picture".
std::string sniffFormat(std::string_view bytes)
{
    using namespace std::string_view_literals;
    if (startsWith(bytes, "\x89PNG\r\n\x1a\n"sv))
        return "PNG";
    if (startsWith(bytes, "\xff\xd8\xff"sv))
        return "JPEG";
    if (startsWith(bytes, "GIF87a"sv) || startsWith(bytes, "GIF89a"sv))
        return "GIF";
    if (startsWith(bytes, "BM"sv) && bytes.size() >= 14)
        return "BMP";
    if (startsWith(bytes, "RIFF"sv) && bytes.size() >= 12 && bytes.substr(8, 4) == "WEBP"sv)
        return "WebP";
    if (startsWith(bytes, "II*\0"sv) || startsWith(bytes, "MM\0*"sv))
        return "TIFF";
    return {};
}

// Any decoded depth and channel count to packed 8-bit RGB.
cv::Mat toRgb8(const cv::Mat &decoded)
{
    cv::Mat eight;
    switch (decoded.depth()) {
    case CV_8U:
        eight = decoded;
        break;
    case CV_16U:
        decoded.convertTo(eight, CV_8U, 1.0 / 257.0);
        break;
    case CV_32F:
    case CV_64F:
        decoded.convertTo(eight, CV_8U, 255.0); // HDR formats decode to [0, 1]
        break;
    default:
        decoded.convertTo(eight, CV_8U);
        break;
    }
    cv::Mat rgb;
    switch (eight.channels()) {
    case 1:
        cv::cvtColor(eight, rgb, cv::COLOR_GRAY2RGB);
        break;
    case 3:
        cv::cvtColor(eight, rgb, cv::COLOR_BGR2RGB);
        break;
    case 4: {
        // Transparent pixels keep arbitrary colours underneath (often black); a model should see
        // the white a viewer shows instead. Integer arithmetic keeps the result identical everywhere.
        rgb.create(eight.rows, eight.cols, CV_8UC3);
        for (int y = 0; y < eight.rows; ++y) {
            const std::uint8_t *in = eight.ptr<std::uint8_t>(y);
            std::uint8_t *out = rgb.ptr<std::uint8_t>(y);
            for (int x = 0; x < eight.cols; ++x, in += 4, out += 3) {
                const unsigned alpha = in[3];
                for (int c = 0; c < 3; ++c) {
                    // BGRA -> RGB, composited over 255.
                    const unsigned value = in[2 - c] * alpha + 255u * (255u - alpha);
                    out[c] = static_cast<std::uint8_t>((value + 127u) / 255u);
                }
            }
        }
        break;
    }
    default:
        break;
    }
    return rgb;
}

RgbImage fromMat(const cv::Mat &rgb)
{
    RgbImage image;
    image.width = rgb.cols;
    image.height = rgb.rows;
    image.pixels.resize(std::size_t(rgb.cols) * std::size_t(rgb.rows) * 3);
    for (int y = 0; y < rgb.rows; ++y)
        std::memcpy(image.pixels.data() + std::size_t(y) * image.bytesPerLine(), rgb.ptr<std::uint8_t>(y),
                    image.bytesPerLine());
    return image;
}

// A read-only header over the picture's pixels; nothing is copied.
cv::Mat asMat(const RgbImage &image)
{
    return cv::Mat(image.height, image.width, CV_8UC3, const_cast<std::uint8_t *>(image.pixels.data()),
                   image.bytesPerLine());
}

void resizeTo(const cv::Mat &source, cv::Mat &target, int width, int height)
{
    if (source.cols == width && source.rows == height) {
        target = source;
        return;
    }
    // Area averaging does not alias when shrinking; the bit-exact bilinear when enlarging gives
    // the same bytes on every CPU.
    const bool shrinking = width <= source.cols && height <= source.rows;
    cv::resize(source, target, cv::Size(width, height), 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_LINEAR_EXACT);
}

// Shorter side to `side`, then the centre side x side.
cv::Mat evaluationView(const cv::Mat &image, int side)
{
    const int shorter = std::min(image.cols, image.rows);
    const double scale = double(side) / double(shorter);
    const int width = std::max(side, int(std::lround(image.cols * scale)));
    const int height = std::max(side, int(std::lround(image.rows * scale)));
    cv::Mat scaled;
    resizeTo(image, scaled, width, height);
    return scaled(cv::Rect((width - side) / 2, (height - side) / 2, side, side));
}

cv::Mat augmentedView(const cv::Mat &image, int side, const ImageAugmentation &augmentation)
{
    cv::Mat view;
    if (augmentation.crop) {
        const double area = std::clamp(augmentation.area, 0.0, 1.0) * double(image.cols) * double(image.rows);
        const double aspect = augmentation.aspect > 0 ? augmentation.aspect : 1.0;
        // sqrt is correctly rounded by IEEE 754, so these are the same on every platform.
        const int width = std::clamp(int(std::lround(std::sqrt(area * aspect))), 1, image.cols);
        const int height = std::clamp(int(std::lround(std::sqrt(area / aspect))), 1, image.rows);
        const int left = int(std::lround(std::clamp(augmentation.x, 0.0, 1.0) * (image.cols - width)));
        const int top = int(std::lround(std::clamp(augmentation.y, 0.0, 1.0) * (image.rows - height)));
        resizeTo(image(cv::Rect(left, top, width, height)), view, side, side);
    } else {
        view = evaluationView(image, side);
    }
    if (augmentation.flip) {
        cv::Mat mirrored;
        cv::flip(view, mirrored, 1);
        view = mirrored;
    }
    return view;
}

} // namespace

ImageTensorizer::ImageTensorizer(ImageTensorizerOptions options) : m_options(options) {}

Status ImageTensorizer::check(const ImageTensorizerOptions &options)
{
    if (options.size < 1 || options.size > 8192)
        return Error{"image size must be between 1 and 8192, got " + std::to_string(options.size)};
    for (int c = 0; c < 3; ++c) {
        if (!(std::abs(options.std[std::size_t(c)]) > 0.0f) || !std::isfinite(options.std[std::size_t(c)]))
            return Error{"image normalisation std[" + std::to_string(c) + "] must be a non-zero number"};
    }
    if (!(options.minCropScale > 0.0 && options.minCropScale <= options.maxCropScale && options.maxCropScale <= 1.0))
        return Error{"crop scale range must satisfy 0 < min <= max <= 1"};
    if (!(options.minCropAspect > 0.0 && options.minCropAspect <= options.maxCropAspect))
        return Error{"crop aspect range must satisfy 0 < min <= max"};
    if (!(options.flipProbability >= 0.0 && options.flipProbability <= 1.0))
        return Error{"flip probability must be between 0 and 1"};
    return Status::success();
}

Result<RgbImage> ImageTensorizer::decode(std::string_view bytes, const std::string &name)
{
    if (bytes.empty())
        return Error{name + ": the file is empty (0 bytes), not a picture"};
    if (bytes.size() > std::size_t(std::numeric_limits<int>::max()))
        return Error{name + ": too large to decode (over 2 GiB)"};
    const std::string format = sniffFormat(bytes);
    try {
        // imdecode only reads the buffer; the Mat header just lends it the bytes. JPEGs go through
        // IMREAD_COLOR, which applies EXIF orientation; others keep their alpha channel.
        const cv::Mat encoded(1, static_cast<int>(bytes.size()), CV_8UC1, const_cast<char *>(bytes.data()));
        const cv::Mat decoded = cv::imdecode(encoded, format == "JPEG" ? cv::IMREAD_COLOR : cv::IMREAD_UNCHANGED);
        if (decoded.empty()) {
            if (!format.empty())
                return Error{name + ": the " + format + " data is damaged or truncated (" + std::to_string(bytes.size()) +
                             " bytes)"};
            return Error{name + ": not a picture (no known image format signature)"};
        }
        const cv::Mat rgb = toRgb8(decoded);
        if (rgb.empty())
            return Error{name + ": unsupported picture layout (" + std::to_string(decoded.channels()) + " channels)"};
        return fromMat(rgb);
    } catch (const cv::Exception &e) {
        return Error{name + ": cannot decode the picture (OpenCV: " + e.msg + ")"};
    }
}

Result<RgbImage> ImageTensorizer::decodeFile(const std::string &path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return Error{path + ": cannot open (" + std::strerror(errno) + ")"};
    std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    if (file.bad())
        return Error{path + ": read error"};
    return decode(bytes, path);
}

ImageAugmentation ImageTensorizer::drawAugmentation(DeterministicRandom &random) const
{
    ImageAugmentation augmentation;
    if (!m_options.augment)
        return augmentation;
    // Always the same five draws in the same order, so one picture's augmentation never shifts the
    // stream another picture sees.
    const double area = random.uniform();
    const double aspect = random.uniform();
    augmentation.x = random.uniform();
    augmentation.y = random.uniform();
    augmentation.flip = random.uniform() < m_options.flipProbability;
    augmentation.crop = true;
    augmentation.area = m_options.minCropScale + area * (m_options.maxCropScale - m_options.minCropScale);
    // Uniform in the ratio rather than its logarithm: no libm call whose last bit could differ.
    augmentation.aspect = m_options.minCropAspect + aspect * (m_options.maxCropAspect - m_options.minCropAspect);
    return augmentation;
}

Result<std::vector<float>> ImageTensorizer::tensorize(const RgbImage &image, const ImageAugmentation *augmentation) const
{
    if (Status valid = check(m_options); !valid)
        return valid.error();
    if (image.empty() || image.pixels.size() < image.bytesPerLine() * std::size_t(image.height))
        return Error{"no picture to convert (empty or incomplete pixel buffer)"};
    try {
        const int side = m_options.size;
        const cv::Mat view = augmentation ? augmentedView(asMat(image), side, *augmentation)
                                          : evaluationView(asMat(image), side);
        std::vector<float> values(valuesPerImage());
        const std::size_t plane = std::size_t(side) * std::size_t(side);
        float scale[3], shift[3];
        for (std::size_t c = 0; c < 3; ++c) {
            scale[c] = 1.0f / (255.0f * m_options.std[c]);
            shift[c] = -m_options.mean[c] / m_options.std[c];
        }
        for (int y = 0; y < side; ++y) {
            const std::uint8_t *row = view.ptr<std::uint8_t>(y);
            for (int x = 0; x < side; ++x) {
                const std::size_t at = std::size_t(y) * std::size_t(side) + std::size_t(x);
                for (std::size_t c = 0; c < 3; ++c)
                    values[c * plane + at] = float(row[std::size_t(x) * 3 + c]) * scale[c] + shift[c];
            }
        }
        return values;
    } catch (const cv::Exception &e) {
        return Error{"cannot resize the picture (OpenCV: " + e.msg + ")"};
    }
}

Result<std::vector<float>> ImageTensorizer::fromBytes(std::string_view bytes, const std::string &name,
                                                      DeterministicRandom *random) const
{
    return fromDecoded(decode(bytes, name), random);
}

Result<std::vector<float>> ImageTensorizer::fromFile(const std::string &path, DeterministicRandom *random) const
{
    return fromDecoded(decodeFile(path), random);
}

Result<std::vector<float>> ImageTensorizer::fromDecoded(const Result<RgbImage> &image, DeterministicRandom *random) const
{
    if (!image)
        return image.error();
    if (random && m_options.augment) {
        const ImageAugmentation augmentation = drawAugmentation(*random);
        return tensorize(*image, &augmentation);
    }
    return tensorize(*image);
}

Result<RgbImage> ImageTensorizer::centreCrop(const RgbImage &image, int side)
{
    if (side < 1)
        return Error{"crop side must be at least 1"};
    if (image.empty() || image.pixels.size() < image.bytesPerLine() * std::size_t(image.height))
        return Error{"no picture to crop (empty or incomplete pixel buffer)"};
    try {
        return fromMat(evaluationView(asMat(image), side));
    } catch (const cv::Exception &e) {
        return Error{"cannot resize the picture (OpenCV: " + e.msg + ")"};
    }
}

} // namespace chorus
