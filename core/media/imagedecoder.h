#pragma once

#include "core/util/result.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace chorus {

struct ImageInfo {
    int width = 0;
    int height = 0;
    int channels = 0;
};

// Image decoding and PNG thumbnails on top of OpenCV, behind a header free of OpenCV types so that
// code linking chorus_core needs no OpenCV headers.
class ImageDecoder {
public:
    // Decodes encoded bytes (PNG, JPEG, BMP, WebP, TIFF...) already in memory, so a file read once
    // for its digest is not read again. The error says why the bytes are unusable.
    static Result<ImageInfo> decode(std::string_view bytes);

    // Encodes a packed BGR image as PNG, shrunk so that its longer side is at most maxSide
    // (aspect ratio kept; never enlarged).
    static Result<std::string> encodePngThumbnail(const std::uint8_t *bgr, int width, int height,
                                                  std::size_t bytesPerLine, int maxSide);

    // The size of a thumbnail of a width x height image whose longer side is at most maxSide.
    static void thumbnailSize(int width, int height, int maxSide, int &thumbWidth, int &thumbHeight);
};

} // namespace chorus
