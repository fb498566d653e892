#include "core/text/unicode.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace chorus {
namespace unicode {

namespace {

struct Range {
    char32_t first;
    char32_t last;
};

template <std::size_t N>
bool inRanges(const Range (&ranges)[N], char32_t c)
{
    // Tables are sorted and disjoint: find the first range that ends at or after c.
    const Range *end = ranges + N;
    const Range *found = std::lower_bound(ranges, end, c,
                                          [](const Range &r, char32_t value) { return r.last < value; });
    return found != end && found->first <= c;
}

// Extended_Pictographic from emoji-data.txt (Unicode 15). It deliberately leaves out the emoji
// components (digits, regional indicators, skin-tone modifiers), which have their own rules.
constexpr Range kExtendedPictographic[] = {
    {0x00A9, 0x00A9},   {0x00AE, 0x00AE},   {0x203C, 0x203C},   {0x2049, 0x2049},
    {0x2122, 0x2122},   {0x2139, 0x2139},   {0x2194, 0x2199},   {0x21A9, 0x21AA},
    {0x231A, 0x231B},   {0x2328, 0x2328},   {0x2388, 0x2388},   {0x23CF, 0x23CF},
    {0x23E9, 0x23F3},   {0x23F8, 0x23FA},   {0x24C2, 0x24C2},   {0x25AA, 0x25AB},
    {0x25B6, 0x25B6},   {0x25C0, 0x25C0},   {0x25FB, 0x25FE},   {0x2600, 0x2605},
    {0x2607, 0x2612},   {0x2614, 0x2685},   {0x2690, 0x2705},   {0x2708, 0x2712},
    {0x2714, 0x2714},   {0x2716, 0x2716},   {0x271D, 0x271D},   {0x2721, 0x2721},
    {0x2728, 0x2728},   {0x2733, 0x2734},   {0x2744, 0x2744},   {0x2747, 0x2747},
    {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},   {0x2757, 0x2757},
    {0x2763, 0x2767},   {0x2795, 0x2797},   {0x27A1, 0x27A1},   {0x27B0, 0x27B0},
    {0x27BF, 0x27BF},   {0x2934, 0x2935},   {0x2B05, 0x2B07},   {0x2B1B, 0x2B1C},
    {0x2B50, 0x2B50},   {0x2B55, 0x2B55},   {0x3030, 0x3030},   {0x303D, 0x303D},
    {0x3297, 0x3297},   {0x3299, 0x3299},   {0x1F000, 0x1F0FF}, {0x1F10D, 0x1F10F},
    {0x1F12F, 0x1F12F}, {0x1F16C, 0x1F171}, {0x1F17E, 0x1F17F}, {0x1F18E, 0x1F18E},
    {0x1F191, 0x1F19A}, {0x1F1AD, 0x1F1E5}, {0x1F201, 0x1F20F}, {0x1F21A, 0x1F21A},
    {0x1F22F, 0x1F22F}, {0x1F232, 0x1F23A}, {0x1F23C, 0x1F23F}, {0x1F249, 0x1F3FA},
    {0x1F400, 0x1F53D}, {0x1F546, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F774, 0x1F77F},
    {0x1F7D5, 0x1F7FF}, {0x1F80C, 0x1F80F}, {0x1F848, 0x1F84F}, {0x1F85A, 0x1F85F},
    {0x1F888, 0x1F88F}, {0x1F8AE, 0x1F8FF}, {0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945},
    {0x1F947, 0x1FAFF}, {0x1FC00, 0x1FFFD},
};

constexpr Range kHan[] = {
    {0x2E80, 0x2E99},   {0x2E9B, 0x2EF3},   {0x2F00, 0x2FD5},   {0x3005, 0x3007},
    {0x3021, 0x3029},   {0x3038, 0x303B},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},
    {0xF900, 0xFA6D},   {0xFA70, 0xFAD9},   {0x20000, 0x2A6DF}, {0x2A700, 0x2EBEF},
    {0x2F800, 0x2FA1F}, {0x30000, 0x323AF},
};

constexpr Range kHangul[] = {
    {0x1100, 0x11FF}, {0x3131, 0x318E}, {0xA960, 0xA97C}, {0xAC00, 0xD7A3},
    {0xD7B0, 0xD7FB}, {0xFFA0, 0xFFDC},
};

constexpr Range kCombining[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},
    {0x20D0, 0x20FF}, {0x3099, 0x309A}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F},
    {0xE0100, 0xE01EF},
};

constexpr Range kSpace[] = {
    {0x0009, 0x000D}, {0x0020, 0x0020}, {0x0085, 0x0085}, {0x00A0, 0x00A0},
    {0x1680, 0x1680}, {0x2000, 0x200A}, {0x2028, 0x2029}, {0x202F, 0x202F},
    {0x205F, 0x205F}, {0x3000, 0x3000},
};

// Controls, invisible format characters and U+FFFD. Soft hyphens and zero-width spaces carry
// no meaning for a model, and U+FFFD marks bytes that were not text.
constexpr Range kIgnored[] = {
    {0x0000, 0x0008},   {0x000E, 0x001F},   {0x007F, 0x0084},   {0x0086, 0x009F},
    {0x00AD, 0x00AD},   {0x061C, 0x061C},   {0x180E, 0x180E},   {0x200B, 0x200B},
    {0x200E, 0x200F},   {0x202A, 0x202E},   {0x2060, 0x206F},   {0xD800, 0xDFFF},
    {0xFDD0, 0xFDEF},   {0xFEFF, 0xFEFF},   {0xFFF0, 0xFFFD},   {0xFFFE, 0xFFFF},
    {0xE0000, 0xE007F},
};

constexpr Range kDigit[] = {
    {0x0030, 0x0039}, {0x0660, 0x0669}, {0x06F0, 0x06F9}, {0x0966, 0x096F},
    {0xFF10, 0xFF19},
};

// Punctuation and symbols outside ASCII that are neither letters nor emoji. Anything not listed
// here (nor as space, ignored or digit) counts as a letter: new scripts then form words, which
// is the safer mistake.
constexpr Range kPunctuation[] = {
    {0x00A1, 0x00A9},   {0x00AB, 0x00AC},   {0x00AE, 0x00B1},   {0x00B4, 0x00B4},
    {0x00B6, 0x00B8},   {0x00BB, 0x00BB},   {0x00BF, 0x00BF},   {0x00D7, 0x00D7},
    {0x00F7, 0x00F7},   {0x02C2, 0x02C5},   {0x02D2, 0x02DF},   {0x037E, 0x037E},
    {0x0387, 0x0387},   {0x055A, 0x055F},   {0x0589, 0x058A},   {0x05BE, 0x05BE},
    {0x05C0, 0x05C0},   {0x05C3, 0x05C3},   {0x05C6, 0x05C6},   {0x05F3, 0x05F4},
    {0x0609, 0x060D},   {0x061B, 0x061B},   {0x061D, 0x061F},   {0x066A, 0x066D},
    {0x06D4, 0x06D4},   {0x0964, 0x0965},   {0x0970, 0x0970},   {0x0E3F, 0x0E3F},
    {0x0E4F, 0x0E4F},   {0x0E5A, 0x0E5B},   {0x2010, 0x2027},   {0x2030, 0x205E},
    {0x207A, 0x207E},   {0x208A, 0x208E},   {0x20A0, 0x20CF},   {0x2100, 0x2101},
    {0x2103, 0x2106},   {0x2108, 0x2109},   {0x2114, 0x2114},   {0x2116, 0x2118},
    {0x211E, 0x2123},   {0x2125, 0x2125},   {0x2127, 0x2127},   {0x2129, 0x2129},
    {0x212E, 0x212E},   {0x213A, 0x213B},   {0x2140, 0x2144},   {0x214A, 0x214D},
    {0x214F, 0x214F},   {0x2190, 0x245F},   {0x2500, 0x2775},   {0x2794, 0x2BFF},
    {0x2CF9, 0x2CFC},   {0x2CFE, 0x2CFF},   {0x2E00, 0x2E2E},   {0x2E30, 0x2E7F},
    {0x2FF0, 0x2FFF},
    {0x3001, 0x3004},   {0x3008, 0x3020},   {0x3030, 0x3030},   {0x3036, 0x3037},
    {0x303D, 0x303F},   {0x309B, 0x309C},   {0x30A0, 0x30A0},   {0x30FB, 0x30FB},
    {0x3200, 0x321E},   {0x322A, 0x3247},   {0x3250, 0x325F},   {0x327F, 0x327F},
    {0x328A, 0x32B0},   {0x32C0, 0x33FF},   {0x4DC0, 0x4DFF},   {0xA490, 0xA4C6},
    {0xE000, 0xF8FF},   {0xFD3E, 0xFD3F},   {0xFE10, 0xFE19},   {0xFE30, 0xFE6B},
    {0xFF01, 0xFF0F},   {0xFF1A, 0xFF20},   {0xFF3B, 0xFF40},   {0xFF5B, 0xFF65},
    {0xFFE0, 0xFFEE},   {0x1D000, 0x1D24F}, {0x1D300, 0x1D35F}, {0x1F000, 0x1FAFF},
    {0x1FC00, 0x1FFFD}, {0xF0000, 0x10FFFF},
};

// Lowercase mappings. Each entry maps [first, last] by one of three rules.
enum class CaseRule : std::uint8_t {
    Offset,  // lower = c + delta
    EvenOdd, // upper on even code points, lower = c + 1
    OddEven, // upper on odd code points, lower = c + 1
};

struct CaseEntry {
    char32_t first;
    char32_t last;
    CaseRule rule;
    std::int32_t delta;
};

// Simple lowercase mappings from UnicodeData.txt for the blocks users of this project write in
// (plus the letterlike symbols that are really letters: Ohm, Kelvin, Angstrom).
// Sorted and disjoint. Checked against Qt's tables by tst_tokenizer.
constexpr CaseEntry kLower[] = {
    {0x0041, 0x005A, CaseRule::Offset, 32},
    {0x00C0, 0x00D6, CaseRule::Offset, 32},
    {0x00D8, 0x00DE, CaseRule::Offset, 32},
    {0x0100, 0x012F, CaseRule::EvenOdd, 0},
    {0x0130, 0x0130, CaseRule::Offset, 0x0069 - 0x0130},
    {0x0132, 0x0137, CaseRule::EvenOdd, 0},
    {0x0139, 0x0148, CaseRule::OddEven, 0},
    {0x014A, 0x0177, CaseRule::EvenOdd, 0},
    {0x0178, 0x0178, CaseRule::Offset, 0x00FF - 0x0178},
    {0x0179, 0x017E, CaseRule::OddEven, 0},
    {0x0181, 0x0181, CaseRule::Offset, 0x0253 - 0x0181},
    {0x0182, 0x0185, CaseRule::EvenOdd, 0},
    {0x0186, 0x0186, CaseRule::Offset, 0x0254 - 0x0186},
    {0x0187, 0x0187, CaseRule::Offset, 1},
    {0x0189, 0x018A, CaseRule::Offset, 0x0256 - 0x0189},
    {0x018B, 0x018B, CaseRule::Offset, 1},
    {0x018E, 0x018E, CaseRule::Offset, 0x01DD - 0x018E},
    {0x018F, 0x018F, CaseRule::Offset, 0x0259 - 0x018F},
    {0x0190, 0x0190, CaseRule::Offset, 0x025B - 0x0190},
    {0x0191, 0x0191, CaseRule::Offset, 1},
    {0x0193, 0x0193, CaseRule::Offset, 0x0260 - 0x0193},
    {0x0194, 0x0194, CaseRule::Offset, 0x0263 - 0x0194},
    {0x0196, 0x0196, CaseRule::Offset, 0x0269 - 0x0196},
    {0x0197, 0x0197, CaseRule::Offset, 0x0268 - 0x0197},
    {0x0198, 0x0198, CaseRule::Offset, 1},
    {0x019C, 0x019C, CaseRule::Offset, 0x026F - 0x019C},
    {0x019D, 0x019D, CaseRule::Offset, 0x0272 - 0x019D},
    {0x019F, 0x019F, CaseRule::Offset, 0x0275 - 0x019F},
    {0x01A0, 0x01A5, CaseRule::EvenOdd, 0},
    {0x01A6, 0x01A6, CaseRule::Offset, 0x0280 - 0x01A6},
    {0x01A7, 0x01A7, CaseRule::Offset, 1},
    {0x01A9, 0x01A9, CaseRule::Offset, 0x0283 - 0x01A9},
    {0x01AC, 0x01AC, CaseRule::Offset, 1},
    {0x01AE, 0x01AE, CaseRule::Offset, 0x0288 - 0x01AE},
    {0x01AF, 0x01AF, CaseRule::Offset, 1},
    {0x01B1, 0x01B2, CaseRule::Offset, 0x028A - 0x01B1},
    {0x01B3, 0x01B6, CaseRule::OddEven, 0},
    {0x01B7, 0x01B7, CaseRule::Offset, 0x0292 - 0x01B7},
    {0x01B8, 0x01B8, CaseRule::Offset, 1},
    {0x01BC, 0x01BC, CaseRule::Offset, 1},
    {0x01C4, 0x01C4, CaseRule::Offset, 2},
    {0x01C5, 0x01C5, CaseRule::Offset, 1},
    {0x01C7, 0x01C7, CaseRule::Offset, 2},
    {0x01C8, 0x01C8, CaseRule::Offset, 1},
    {0x01CA, 0x01CA, CaseRule::Offset, 2},
    {0x01CB, 0x01DC, CaseRule::OddEven, 0},
    {0x01DE, 0x01EF, CaseRule::EvenOdd, 0},
    {0x01F1, 0x01F1, CaseRule::Offset, 2},
    {0x01F2, 0x01F5, CaseRule::EvenOdd, 0},
    {0x01F6, 0x01F6, CaseRule::Offset, 0x0195 - 0x01F6},
    {0x01F7, 0x01F7, CaseRule::Offset, 0x01BF - 0x01F7},
    {0x01F8, 0x021F, CaseRule::EvenOdd, 0},
    {0x0220, 0x0220, CaseRule::Offset, 0x019E - 0x0220},
    {0x0222, 0x0233, CaseRule::EvenOdd, 0},
    {0x023A, 0x023A, CaseRule::Offset, 0x2C65 - 0x023A},
    {0x023B, 0x023B, CaseRule::Offset, 1},
    {0x023D, 0x023D, CaseRule::Offset, 0x019A - 0x023D},
    {0x023E, 0x023E, CaseRule::Offset, 0x2C66 - 0x023E},
    {0x0241, 0x0241, CaseRule::Offset, 1},
    {0x0243, 0x0243, CaseRule::Offset, 0x0180 - 0x0243},
    {0x0244, 0x0244, CaseRule::Offset, 0x0289 - 0x0244},
    {0x0245, 0x0245, CaseRule::Offset, 0x028C - 0x0245},
    {0x0246, 0x024F, CaseRule::EvenOdd, 0},
    {0x0370, 0x0373, CaseRule::EvenOdd, 0},
    {0x0376, 0x0376, CaseRule::Offset, 1},
    {0x037F, 0x037F, CaseRule::Offset, 0x03F3 - 0x037F},
    {0x0386, 0x0386, CaseRule::Offset, 0x03AC - 0x0386},
    {0x0388, 0x038A, CaseRule::Offset, 37},
    {0x038C, 0x038C, CaseRule::Offset, 64},
    {0x038E, 0x038F, CaseRule::Offset, 63},
    {0x0391, 0x03A1, CaseRule::Offset, 32},
    {0x03A3, 0x03AB, CaseRule::Offset, 32},
    {0x03CF, 0x03CF, CaseRule::Offset, 0x03D7 - 0x03CF},
    {0x03D8, 0x03EF, CaseRule::EvenOdd, 0},
    {0x03F4, 0x03F4, CaseRule::Offset, 0x03B8 - 0x03F4},
    {0x03F7, 0x03F7, CaseRule::Offset, 1},
    {0x03F9, 0x03F9, CaseRule::Offset, 0x03F2 - 0x03F9},
    {0x03FA, 0x03FA, CaseRule::Offset, 1},
    {0x03FD, 0x03FF, CaseRule::Offset, 0x037B - 0x03FD},
    {0x0400, 0x040F, CaseRule::Offset, 80},
    {0x0410, 0x042F, CaseRule::Offset, 32},
    {0x0460, 0x0481, CaseRule::EvenOdd, 0},
    {0x048A, 0x04BF, CaseRule::EvenOdd, 0},
    {0x04C0, 0x04C0, CaseRule::Offset, 15},
    {0x04C1, 0x04CE, CaseRule::OddEven, 0},
    {0x04D0, 0x052F, CaseRule::EvenOdd, 0},
    {0x0531, 0x0556, CaseRule::Offset, 48},
    {0x10A0, 0x10C5, CaseRule::Offset, 0x2D00 - 0x10A0},
    {0x10C7, 0x10C7, CaseRule::Offset, 0x2D27 - 0x10C7},
    {0x10CD, 0x10CD, CaseRule::Offset, 0x2D2D - 0x10CD},
    {0x1E00, 0x1E95, CaseRule::EvenOdd, 0},
    {0x1E9E, 0x1E9E, CaseRule::Offset, 0x00DF - 0x1E9E},
    {0x1EA0, 0x1EFF, CaseRule::EvenOdd, 0},
    {0x1F08, 0x1F0F, CaseRule::Offset, -8},
    {0x1F18, 0x1F1D, CaseRule::Offset, -8},
    {0x1F28, 0x1F2F, CaseRule::Offset, -8},
    {0x1F38, 0x1F3F, CaseRule::Offset, -8},
    {0x1F48, 0x1F4D, CaseRule::Offset, -8},
    {0x1F59, 0x1F59, CaseRule::Offset, -8},
    {0x1F5B, 0x1F5B, CaseRule::Offset, -8},
    {0x1F5D, 0x1F5D, CaseRule::Offset, -8},
    {0x1F5F, 0x1F5F, CaseRule::Offset, -8},
    {0x1F68, 0x1F6F, CaseRule::Offset, -8},
    {0x1F88, 0x1F8F, CaseRule::Offset, -8},
    {0x1F98, 0x1F9F, CaseRule::Offset, -8},
    {0x1FA8, 0x1FAF, CaseRule::Offset, -8},
    {0x1FB8, 0x1FB9, CaseRule::Offset, -8},
    {0x1FBA, 0x1FBB, CaseRule::Offset, 0x1F70 - 0x1FBA},
    {0x1FBC, 0x1FBC, CaseRule::Offset, -9},
    {0x1FC8, 0x1FCB, CaseRule::Offset, 0x1F72 - 0x1FC8},
    {0x1FCC, 0x1FCC, CaseRule::Offset, -9},
    {0x1FD8, 0x1FD9, CaseRule::Offset, -8},
    {0x1FDA, 0x1FDB, CaseRule::Offset, 0x1F76 - 0x1FDA},
    {0x1FE8, 0x1FE9, CaseRule::Offset, -8},
    {0x1FEA, 0x1FEB, CaseRule::Offset, 0x1F7A - 0x1FEA},
    {0x1FEC, 0x1FEC, CaseRule::Offset, -7},
    {0x1FF8, 0x1FF9, CaseRule::Offset, 0x1F78 - 0x1FF8},
    {0x1FFA, 0x1FFB, CaseRule::Offset, 0x1F7C - 0x1FFA},
    {0x1FFC, 0x1FFC, CaseRule::Offset, -9},
    {0x2126, 0x2126, CaseRule::Offset, 0x03C9 - 0x2126},
    {0x212A, 0x212A, CaseRule::Offset, 0x006B - 0x212A},
    {0x212B, 0x212B, CaseRule::Offset, 0x00E5 - 0x212B},
    {0x2132, 0x2132, CaseRule::Offset, 0x214E - 0x2132},
    {0x2160, 0x216F, CaseRule::Offset, 16},
    {0x2183, 0x2183, CaseRule::Offset, 1},
    {0x24B6, 0x24CF, CaseRule::Offset, 26},
    {0xFF21, 0xFF3A, CaseRule::Offset, 32},
};

// lower_bound over the tables needs them sorted and disjoint; checked when compiling.
template <typename Entry, std::size_t N>
constexpr bool sortedAndDisjoint(const Entry (&entries)[N])
{
    for (std::size_t i = 0; i < N; ++i) {
        if (entries[i].first > entries[i].last || (i > 0 && entries[i - 1].last >= entries[i].first))
            return false;
    }
    return true;
}
static_assert(sortedAndDisjoint(kExtendedPictographic), "kExtendedPictographic");
static_assert(sortedAndDisjoint(kHan), "kHan");
static_assert(sortedAndDisjoint(kHangul), "kHangul");
static_assert(sortedAndDisjoint(kCombining), "kCombining");
static_assert(sortedAndDisjoint(kSpace), "kSpace");
static_assert(sortedAndDisjoint(kIgnored), "kIgnored");
static_assert(sortedAndDisjoint(kDigit), "kDigit");
static_assert(sortedAndDisjoint(kPunctuation), "kPunctuation");
static_assert(sortedAndDisjoint(kLower), "kLower");

} // namespace

Decoded decode(std::string_view text, std::size_t at)
{
    Decoded bad;
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80)
        return {lead, 1, true};

    std::size_t length = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        value = lead & 0x1F;
        minimum = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        value = lead & 0x0F;
        minimum = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        value = lead & 0x07;
        minimum = 0x10000;
    } else {
        return bad; // continuation byte, overlong 2-byte lead (C0/C1) or F5..FF
    }
    if (at + length > text.size())
        return bad;
    for (std::size_t i = 1; i < length; ++i) {
        const unsigned char next = byte(at + i);
        if ((next & 0xC0) != 0x80)
            return bad;
        value = (value << 6) | (next & 0x3F);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return bad;
    return {value, length, true};
}

std::u32string decodeAll(std::string_view text)
{
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const Decoded d = decode(text, at);
        out.push_back(d.codePoint);
        at += d.length;
    }
    return out;
}

void append(std::string &out, char32_t c)
{
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        c = kReplacement;
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

std::string encode(std::u32string_view codePoints)
{
    std::string out;
    out.reserve(codePoints.size());
    for (char32_t c : codePoints)
        append(out, c);
    return out;
}

char32_t toLower(char32_t c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    const CaseEntry *end = std::end(kLower);
    const CaseEntry *entry = std::lower_bound(std::begin(kLower), end, c,
                                              [](const CaseEntry &e, char32_t value) { return e.last < value; });
    if (entry == end || entry->first > c)
        return c;
    switch (entry->rule) {
    case CaseRule::Offset:
        return static_cast<char32_t>(static_cast<std::int32_t>(c) + entry->delta);
    case CaseRule::EvenOdd:
        return (c % 2 == 0) ? c + 1 : c;
    case CaseRule::OddEven:
        return (c % 2 == 1) ? c + 1 : c;
    }
    return c;
}

std::string toLower(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const Decoded d = decode(text, at);
        append(out, toLower(d.codePoint));
        at += d.length;
    }
    return out;
}

bool isExtendedPictographic(char32_t c)
{
    return c >= 0xA9 && inRanges(kExtendedPictographic, c);
}

bool isHan(char32_t c) { return c >= 0x2E80 && inRanges(kHan, c); }
bool isHiragana(char32_t c) { return c >= 0x3041 && c <= 0x309F && c != 0x309B && c != 0x309C; }
bool isKatakana(char32_t c)
{
    return (c >= 0x30A1 && c <= 0x30FF && c != 0x30FB) || (c >= 0x31F0 && c <= 0x31FF)
        || (c >= 0xFF66 && c <= 0xFF9F);
}
bool isHangul(char32_t c) { return c >= 0x1100 && inRanges(kHangul, c); }
bool isCombining(char32_t c) { return c >= 0x0300 && inRanges(kCombining, c); }

CharClass classify(char32_t c)
{
    if (c < 0x80) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            return CharClass::Letter;
        if (c >= '0' && c <= '9')
            return CharClass::Digit;
        if (inRanges(kSpace, c))
            return CharClass::Space;
        if (c < 0x20 || c == 0x7F)
            return CharClass::Ignored;
        return CharClass::Punctuation;
    }
    if (inRanges(kSpace, c))
        return CharClass::Space;
    if (c == kZeroWidthJoiner || c == 0x200C)
        return CharClass::Letter; // joiners shape Indic and Persian words: keep them inside
    if (inRanges(kIgnored, c))
        return CharClass::Ignored;
    if (inRanges(kDigit, c))
        return CharClass::Digit;
    if (isCombining(c) || isHan(c) || isHiragana(c) || isKatakana(c) || isHangul(c))
        return CharClass::Letter;
    if (inRanges(kPunctuation, c))
        return CharClass::Punctuation;
    return CharClass::Letter;
}

} // namespace unicode
} // namespace chorus
