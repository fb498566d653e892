#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace chorus {

// A decoded picture as packed 8-bit RGB, rows back to back (no padding), so code that never sees
// OpenCV can hold, crop or hand on what the media layer decoded.
struct RgbImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels; // width * height * 3 bytes, R G B per pixel

    bool empty() const { return width <= 0 || height <= 0; }
    std::size_t bytesPerLine() const { return std::size_t(width) * 3; }
    const std::uint8_t *pixel(int x, int y) const { return pixels.data() + (std::size_t(y) * std::size_t(width) + std::size_t(x)) * 3; }
};

} // namespace chorus
