#include "core/media/heatmapoverlay.h"

#include "core/media/imagetensorizer.h"
#include "core/util/heatcolourramp.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace chorus {

void HeatMapOverlay::colour(float v, std::uint8_t rgb[3]) { HeatColourRamp::colour(v, rgb); }

Result<RgbImage> HeatMapOverlay::blend(const RgbImage &image, const std::vector<float> &heat, int heatWidth,
                                       int heatHeight, const HeatMapOverlayOptions &options)
{
    if (heatWidth < 1 || heatHeight < 1 || heat.size() != std::size_t(heatWidth) * std::size_t(heatHeight))
        return Error{"heat map: expected " + std::to_string(heatWidth) + " x " + std::to_string(heatHeight) +
                     " values, got " + std::to_string(heat.size())};
    if (options.side < 1)
        return Error{"heat map: overlay side must be at least 1"};
    const double opacity = std::clamp(options.opacity, 0.0, 1.0);
    Result<RgbImage> view = ImageTensorizer::centreCrop(image, options.side);
    if (!view)
        return view.error();
    try {
        const cv::Mat source(heatHeight, heatWidth, CV_32FC1, const_cast<float *>(heat.data()));
        cv::Mat stretched;
        cv::resize(source, stretched, cv::Size(options.side, options.side), 0, 0, cv::INTER_LINEAR);
        RgbImage &out = *view;
        for (int y = 0; y < out.height; ++y) {
            const float *row = stretched.ptr<float>(y);
            for (int x = 0; x < out.width; ++x) {
                std::uint8_t rgb[3];
                colour(row[x], rgb);
                std::uint8_t *pixel = out.pixels.data() + (std::size_t(y) * std::size_t(out.width) + std::size_t(x)) * 3;
                for (int c = 0; c < 3; ++c)
                    pixel[c] = static_cast<std::uint8_t>(std::lround((1.0 - opacity) * pixel[c] + opacity * rgb[c]));
            }
        }
        return out;
    } catch (const cv::Exception &e) {
        return Error{"heat map: OpenCV: " + e.msg};
    }
}

Result<std::string> HeatMapOverlay::encodePng(const RgbImage &image)
{
    if (image.empty() || image.pixels.size() < image.bytesPerLine() * std::size_t(image.height))
        return Error{"no picture to encode"};
    try {
        const cv::Mat rgb(image.height, image.width, CV_8UC3, const_cast<std::uint8_t *>(image.pixels.data()),
                          image.bytesPerLine());
        cv::Mat bgr;
        cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
        std::vector<std::uint8_t> png;
        if (!cv::imencode(".png", bgr, png))
            return Error{"cannot encode the picture as PNG"};
        return std::string(png.begin(), png.end());
    } catch (const cv::Exception &e) {
        return Error{"cannot encode the picture as PNG (OpenCV: " + e.msg + ")"};
    }
}

Result<std::string> HeatMapOverlay::png(const RgbImage &image, const std::vector<float> &heat, int heatWidth,
                                        int heatHeight, const HeatMapOverlayOptions &options)
{
    Result<RgbImage> blended = blend(image, heat, heatWidth, heatHeight, options);
    if (!blended)
        return blended.error();
    return encodePng(*blended);
}

} // namespace chorus
