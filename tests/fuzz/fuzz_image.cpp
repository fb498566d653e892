// Image bytes through Chorus's own decoder (the path every imported picture takes): a
// truncated, zero-length or hostile file is an error, never a crash; a decoded picture has a size.
#include "core/media/imagedecoder.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    auto info = chorus::ImageDecoder::decode(std::string_view(reinterpret_cast<const char *>(data), size));
    if (info.ok() && (info->width <= 0 || info->height <= 0))
        std::abort();
    if (!info.ok() && info.message().empty())
        std::abort();
    return 0;
}
