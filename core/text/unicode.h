#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace chorus {
namespace unicode {

// The few Unicode facts the tokenizer needs, as small hand-written tables: pulling in ICU for
// them would add a large dependency to the GPU machine, which has none of it.

constexpr char32_t kReplacement = 0xFFFD;
constexpr char32_t kZeroWidthJoiner = 0x200D;
constexpr char32_t kCombiningEnclosingKeycap = 0x20E3;

// One decoded code point and how many bytes it took.
struct Decoded {
    char32_t codePoint = kReplacement;
    std::size_t length = 1;
    bool valid = false;
};

// Decodes the code point starting at `at` (which must be < text.size()). Invalid or truncated
// sequences, overlong forms, surrogates and values above U+10FFFF yield U+FFFD with valid=false
// and length 1, so a caller that keeps going resynchronises on the next byte.
Decoded decode(std::string_view text, std::size_t at);

// All code points of the text; each invalid byte becomes U+FFFD.
std::u32string decodeAll(std::string_view text);

// Appends the UTF-8 form of a code point; surrogates and values above U+10FFFF append U+FFFD.
void append(std::string &out, char32_t codePoint);
std::string encode(std::u32string_view codePoints);

// Simple (one-to-one) lowercase mapping for Latin (Basic, Latin-1, Extended-A/B/Additional),
// Greek (with Greek Extended), Cyrillic, Armenian, Georgian, fullwidth Latin, Roman numerals,
// circled letters and the Ohm/Kelvin/Angstrom signs. Other code points are returned unchanged.
char32_t toLower(char32_t codePoint);
std::string toLower(std::string_view text);

// Emoji building blocks (Unicode emoji-data, UTS #51).
bool isExtendedPictographic(char32_t c);
inline bool isEmojiModifier(char32_t c) { return c >= 0x1F3FB && c <= 0x1F3FF; }
inline bool isRegionalIndicator(char32_t c) { return c >= 0x1F1E6 && c <= 0x1F1FF; }
inline bool isVariationSelector(char32_t c)
{
    return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
}
// Tag characters spell subdivision flags (England, Scotland, Wales) after a black flag.
inline bool isEmojiTag(char32_t c) { return c >= 0xE0020 && c <= 0xE007E; }
inline bool isCancelTag(char32_t c) { return c == 0xE007F; }
inline bool isKeycapBase(char32_t c) { return (c >= '0' && c <= '9') || c == '#' || c == '*'; }

// Scripts written without spaces between words that the tokenizer splits per character.
bool isHan(char32_t c);
bool isHiragana(char32_t c);
bool isKatakana(char32_t c);
inline bool isCjk(char32_t c) { return isHan(c) || isHiragana(c) || isKatakana(c); }
bool isHangul(char32_t c);

// Marks and selectors that belong to the character before them.
bool isCombining(char32_t c);

// A coarse classification: enough to find word boundaries in social-media text.
enum class CharClass {
    Space,   // White_Space: separates tokens
    Ignored, // controls, format characters, U+FFFD, noncharacters: dropped like spaces
    Letter,  // letters and combining marks of any script, including CJK and Hangul
    Digit,   // decimal digits (ASCII and fullwidth)
    Punctuation, // punctuation and non-emoji symbols (currency, math, arrows, box drawing)
};
CharClass classify(char32_t c);

inline bool isSpace(char32_t c) { return classify(c) == CharClass::Space; }
inline bool isLetter(char32_t c) { return classify(c) == CharClass::Letter; }
inline bool isDigit(char32_t c) { return classify(c) == CharClass::Digit; }
inline bool isWordCharacter(char32_t c)
{
    const CharClass k = classify(c);
    return k == CharClass::Letter || k == CharClass::Digit || c == '_';
}

} // namespace unicode
} // namespace chorus
