#include "core/media/imagedecoder.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace chorus {

Result<ImageInfo> ImageDecoder::decode(std::string_view bytes)
{
    if (bytes.empty())
        return Error{"the file is empty"};
    if (bytes.size() > std::size_t(std::numeric_limits<int>::max()))
        return Error{"the file is too large to decode (over 2 GiB)"};
    try {
        // imdecode only reads the buffer; the Mat header just lends it the bytes.
        const cv::Mat encoded(1, static_cast<int>(bytes.size()), CV_8UC1,
                              const_cast<char *>(bytes.data()));
        const cv::Mat image = cv::imdecode(encoded, cv::IMREAD_UNCHANGED);
        if (image.empty())
            return Error{"not a supported image format, or the file is damaged"};
        return ImageInfo{image.cols, image.rows, image.channels()};
    } catch (const cv::Exception &e) {
        return Error{"OpenCV: " + e.msg};
    }
}

void ImageDecoder::thumbnailSize(int width, int height, int maxSide, int &thumbWidth, int &thumbHeight)
{
    thumbWidth = width;
    thumbHeight = height;
    const int longer = std::max(width, height);
    if (maxSide <= 0 || longer <= maxSide)
        return;
    const double scale = double(maxSide) / double(longer);
    thumbWidth = std::max(1, int(std::lround(width * scale)));
    thumbHeight = std::max(1, int(std::lround(height * scale)));
}

Result<std::string> ImageDecoder::encodePngThumbnail(const std::uint8_t *bgr, int width, int height,
                                                     std::size_t bytesPerLine, int maxSide)
{
    if (bgr == nullptr || width <= 0 || height <= 0)
        return Error{"no image to encode"};
    try {
        const cv::Mat image(height, width, CV_8UC3, const_cast<std::uint8_t *>(bgr), bytesPerLine);
        int thumbWidth = 0, thumbHeight = 0;
        thumbnailSize(width, height, maxSide, thumbWidth, thumbHeight);
        cv::Mat thumbnail = image;
        if (thumbWidth != width || thumbHeight != height)
            cv::resize(image, thumbnail, cv::Size(thumbWidth, thumbHeight), 0, 0, cv::INTER_AREA);
        std::vector<std::uint8_t> png;
        if (!cv::imencode(".png", thumbnail, png))
            return Error{"cannot encode the thumbnail as PNG"};
        return std::string(png.begin(), png.end());
    } catch (const cv::Exception &e) {
        return Error{"OpenCV: " + e.msg};
    }
}

} // namespace chorus
