#include "core/util/utf8.h"

namespace chorus {
namespace utf8 {
namespace {

// Length of the valid sequence starting at i, or 0 when the bytes there are not valid UTF-8.
std::size_t sequenceLength(const unsigned char *p, std::size_t n, std::size_t i)
{
    const unsigned char c = p[i];
    if (c < 0x80)
        return 1;
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF; // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
        length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3;
        if (c == 0xE0)
            low = 0xA0; // overlong
        else if (c == 0xED)
            high = 0x9F; // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4;
        if (c == 0xF0)
            low = 0x90; // overlong
        else if (c == 0xF4)
            high = 0x8F; // above U+10FFFF
    } else {
        return 0;
    }
    if (i + length > n || p[i + 1] < low || p[i + 1] > high)
        return 0;
    for (std::size_t k = 2; k < length; ++k)
        if ((p[i + k] & 0xC0) != 0x80)
            return 0;
    return length;
}

} // namespace

std::size_t firstInvalid(std::string_view text)
{
    const auto *p = reinterpret_cast<const unsigned char *>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        // Plain ASCII dominates social data: skip it without the sequence checks.
        if (p[i] < 0x80) {
            ++i;
            continue;
        }
        const std::size_t length = sequenceLength(p, n, i);
        if (length == 0)
            return i;
        i += length;
    }
    return std::string_view::npos;
}

std::string sanitized(std::string_view text)
{
    static const char replacement[] = "\xEF\xBF\xBD";
    const auto *p = reinterpret_cast<const unsigned char *>(text.data());
    const std::size_t n = text.size();
    std::string out;
    out.reserve(n);
    std::size_t i = 0;
    while (i < n) {
        const std::size_t length = sequenceLength(p, n, i);
        if (length == 0) {
            out += replacement;
            ++i;
        } else {
            out.append(text.data() + i, length);
            i += length;
        }
    }
    return out;
}

} // namespace utf8
} // namespace chorus
