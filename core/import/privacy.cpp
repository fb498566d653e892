#include "core/import/privacy.h"

#include "core/util/sha256.h"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string>

namespace chorus {
namespace {

// A hand-written scanner rather than std::regex: this runs on every imported post, and
// std::regex is both slow and prone to deep recursion on long inputs. Every lookahead below is
// bounded, so the whole pass stays linear in the text's length.

constexpr std::size_t kMinPhoneDigits = 7;
constexpr std::size_t kMaxPhoneDigits = 15; // E.164's maximum
constexpr std::size_t kMaxPhoneGroups = 8;
constexpr std::size_t kPseudonymHexChars = 32;

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isAlnum(char c) { return isDigit(c) || isAlpha(c); }
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool isLocalPartChar(char c) { return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; }
bool isDomainChar(char c) { return isAlnum(c) || c == '.' || c == '-'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

class ContactScanner {
public:
    explicit ContactScanner(std::string_view text) : m_text(text) {}

    std::string run()
    {
        std::string out;
        out.reserve(m_text.size());
        std::size_t copiedUpTo = 0;
        auto replace = [&](std::size_t begin, std::size_t end, const char *placeholder) {
            out.append(m_text.data() + copiedUpTo, begin - copiedUpTo);
            out.append(placeholder);
            copiedUpTo = end;
        };
        std::size_t i = 0;
        const std::size_t n = m_text.size();
        while (i < n) {
            const char c = m_text[i];
            if (isAlpha(c) && !isAlnum(at(i - 1))) {
                if (std::size_t end = urlEnd(i); end != npos) {
                    i = end; // URLs are kept verbatim, digits and all
                    continue;
                }
            }
            if (isLocalPartChar(c) && !isLocalPartChar(at(i - 1))) {
                if (std::size_t end = emailEnd(i); end != npos) {
                    replace(i, end, "<email>");
                    i = end;
                    continue;
                }
            }
            if ((isDigit(c) || c == '+' || c == '(') && phoneMayStartAfter(i)) {
                if (std::size_t end = dateEnd(i); end != npos) {
                    i = end;
                    continue;
                }
                if (std::size_t end = phoneEnd(i); end != npos) {
                    replace(i, end, "<phone>");
                    i = end;
                    continue;
                }
            }
            ++i;
        }
        out.append(m_text.data() + copiedUpTo, n - copiedUpTo);
        return out;
    }

private:
    static constexpr std::size_t npos = std::string_view::npos;

    // The character at i, or a space outside the text (so boundaries at both ends look like spaces).
    char at(std::size_t i) const { return i < m_text.size() ? m_text[i] : ' '; }

    bool bytesAt(std::size_t i, const char *bytes) const
    {
        const std::size_t length = std::strlen(bytes);
        return i <= m_text.size() && m_text.size() - i >= length && m_text.compare(i, length, bytes) == 0;
    }

    // "scheme://..." or "www...." up to the next white space.
    std::size_t urlEnd(std::size_t i) const
    {
        std::size_t j = i;
        const std::size_t schemeLimit = i + 16;
        while (j < m_text.size() && j < schemeLimit && (isAlnum(m_text[j]) || m_text[j] == '+' || m_text[j] == '-'))
            ++j;
        const bool scheme = bytesAt(j, "://");
        const bool www = m_text.size() - i > 4 && lower(m_text[i]) == 'w' && lower(m_text[i + 1]) == 'w' &&
                         lower(m_text[i + 2]) == 'w' && m_text[i + 3] == '.';
        if (!scheme && !www)
            return npos;
        while (j < m_text.size() && !isSpace(m_text[j]))
            ++j;
        return j;
    }

    // local@domain.tld, with the domain's trailing sentence punctuation left out.
    std::size_t emailEnd(std::size_t i) const
    {
        if (m_text[i] == '.')
            return npos;
        std::size_t j = i;
        while (j < m_text.size() && isLocalPartChar(m_text[j]))
            ++j;
        if (j == i || at(j) != '@')
            return npos;
        const std::size_t domainBegin = j + 1;
        std::size_t end = domainBegin;
        while (end < m_text.size() && isDomainChar(m_text[end]))
            ++end;
        while (end > domainBegin && (m_text[end - 1] == '.' || m_text[end - 1] == '-'))
            --end;
        // Every label non-empty, at least two labels, and an alphabetic top-level domain.
        std::size_t labels = 0, labelBegin = domainBegin;
        for (std::size_t k = domainBegin; k <= end; ++k) {
            if (k == end || m_text[k] == '.') {
                if (k == labelBegin)
                    return npos;
                ++labels;
                labelBegin = k + 1;
            }
        }
        if (labels < 2)
            return npos;
        std::size_t tldBegin = end;
        while (tldBegin > domainBegin && m_text[tldBegin - 1] != '.')
            --tldBegin;
        if (end - tldBegin < 2)
            return npos;
        for (std::size_t k = tldBegin; k < end; ++k)
            if (!isAlpha(m_text[k]))
                return npos;
        return end;
    }

    // A number may not continue a word, an amount, a path, a parameter or a larger number.
    bool phoneMayStartAfter(std::size_t i) const
    {
        if (i == 0)
            return true;
        const char prev = m_text[i - 1];
        if (isAlnum(prev) || prev == '_' || prev == '/' || prev == '\\' || prev == '#' || prev == '@' || prev == '&' ||
            prev == '=' || prev == '%' || prev == '$' || prev == '+' || prev == '*' || prev == '^')
            return false;
        // "12:30", "1.5", "3,141", "10-..." continue a number; "Tel:555..." or "call-555..." do not.
        if (prev == ':' || prev == '.' || prev == ',' || prev == '-')
            return !isDigit(at(i - 2));
        // £ is C2 A3, ¥ is C2 A5, € is E2 82 AC: the amount is a price, not a phone.
        const auto byte = static_cast<unsigned char>(prev);
        if (i >= 2 && static_cast<unsigned char>(m_text[i - 2]) == 0xC2 && (byte == 0xA3 || byte == 0xA5))
            return false;
        if (i >= 3 && static_cast<unsigned char>(m_text[i - 3]) == 0xE2 &&
            static_cast<unsigned char>(m_text[i - 2]) == 0x82 && byte == 0xAC)
            return false;
        return true;
    }

    std::size_t digitRun(std::size_t i, std::size_t limit) const
    {
        std::size_t j = i;
        while (j < m_text.size() && j - i < limit && isDigit(m_text[j]))
            ++j;
        return j - i;
    }

    static bool validDay(int day) { return day >= 1 && day <= 31; }
    static bool validMonth(int month) { return month >= 1 && month <= 12; }

    int number(std::size_t i, std::size_t length) const
    {
        int value = 0;
        for (std::size_t k = 0; k < length; ++k)
            value = value * 10 + (m_text[i + k] - '0');
        return value;
    }

    // 2024-01-05, 2024/1/5, 05.01.2024, 1/5/24: the same separator twice, plausible fields, and
    // nothing that continues the number afterwards. Returns where the date ends.
    std::size_t dateEnd(std::size_t i) const
    {
        std::size_t lengths[3];
        std::size_t starts[3];
        std::size_t j = i;
        char separator = 0;
        for (int field = 0; field < 3; ++field) {
            starts[field] = j;
            lengths[field] = digitRun(j, 5);
            if (lengths[field] == 0)
                return npos;
            j += lengths[field];
            if (field < 2) {
                const char c = at(j);
                if (c != '-' && c != '.' && c != '/')
                    return npos;
                if (separator != 0 && c != separator)
                    return npos;
                separator = c;
                ++j;
            }
        }
        if (isDigit(at(j)) || (at(j) == separator && isDigit(at(j + 1))))
            return npos;
        const int a = number(starts[0], std::min<std::size_t>(lengths[0], 4));
        const int b = number(starts[1], std::min<std::size_t>(lengths[1], 4));
        const int c = number(starts[2], std::min<std::size_t>(lengths[2], 4));
        const bool yearFirst = lengths[0] == 4 && lengths[1] <= 2 && lengths[2] <= 2 && validMonth(b) && validDay(c);
        const bool yearLast = lengths[0] <= 2 && lengths[1] <= 2 && (lengths[2] == 2 || lengths[2] == 4) &&
                              validDay(a) && validDay(b) && (validMonth(a) || validMonth(b));
        return yearFirst || yearLast ? j : npos;
    }

    struct PhoneShape {
        std::size_t groups[kMaxPhoneGroups + 1] = {};
        std::size_t groupStarts[kMaxPhoneGroups + 1] = {};
        std::size_t groupCount = 0;
        std::size_t digits = 0;
        std::size_t separators = 0;
        bool plus = false;
        bool parenthesised = false;
    };

    // Groups of digits joined by one space, hyphen or dot, an optional leading "+" and an optional
    // "(area)" group. The shape then decides whether it reads as a phone number.
    std::size_t phoneEnd(std::size_t i) const
    {
        PhoneShape shape;
        std::size_t j = i;
        if (m_text[j] == '+') {
            if (!isDigit(at(j + 1)))
                return npos;
            shape.plus = true;
            ++j;
        }
        std::size_t end = npos;
        for (;;) {
            if (shape.groupCount == kMaxPhoneGroups)
                return npos;
            if (at(j) == '(') {
                const std::size_t run = digitRun(j + 1, 6);
                if (run == 0 || run > 5 || at(j + 1 + run) != ')')
                    return npos;
                shape.parenthesised = true;
                shape.groupStarts[shape.groupCount] = j + 1;
                shape.groups[shape.groupCount++] = run;
                shape.digits += run;
                j += run + 2;
                end = j;
                // "(0)20 7946 0958": a parenthesised group may be followed directly by digits.
                if (isDigit(at(j)))
                    continue;
            } else {
                const std::size_t run = digitRun(j, kMaxPhoneDigits + 1);
                if (run == 0)
                    break;
                shape.groupStarts[shape.groupCount] = j;
                shape.groups[shape.groupCount++] = run;
                shape.digits += run;
                j += run;
                end = j;
            }
            if (shape.digits > kMaxPhoneDigits)
                return npos;
            const char separator = at(j);
            if ((separator == ' ' || separator == '-' || separator == '.') && (isDigit(at(j + 1)) || at(j + 1) == '(')) {
                ++shape.separators;
                ++j;
                continue;
            }
            break;
        }
        if (end == npos || shape.digits < kMinPhoneDigits)
            return npos;
        // A letter right after makes it a code or an identifier ("1234567px"); %, $ or € an amount.
        const char next = at(end);
        if (isAlpha(next) || next == '_' || next == '%' || next == '$' || next == '@')
            return npos;
        if (static_cast<unsigned char>(next) >= 0x80 && followsCurrency(end))
            return npos;
        if (next == ' ' && (at(end + 1) == '$' || at(end + 1) == '%' || followsCurrency(end + 1)))
            return npos;
        return looksLikePhone(shape) ? end : npos;
    }

    bool followsCurrency(std::size_t i) const
    {
        return bytesAt(i, "\xE2\x82\xAC") || bytesAt(i, "\xC2\xA3") || bytesAt(i, "\xC2\xA5") ||
               bytesAt(i, "EUR") || bytesAt(i, "USD") || bytesAt(i, "GBP");
    }

    bool looksLikePhone(const PhoneShape &shape) const
    {
        // "+49 30 1234567" and "(555) 123-4567" say "phone" explicitly.
        if (shape.plus || shape.parenthesised)
            return true;
        const std::size_t *g = shape.groups;
        const char first = m_text[shape.groupStarts[0]];
        // One bare run: national numbers with a trunk zero (01711234567), or North-American ten
        // digits with an area code starting 2-9 (which leaves out Unix timestamps, all 1...).
        if (shape.groupCount == 1) {
            if (first == '0')
                return g[0] >= 9 && g[0] <= 12;
            if (g[0] == 10)
                return first >= '2';
            return g[0] == 11 && first == '1' && m_text[shape.groupStarts[0] + 1] >= '2';
        }
        // "0171 1234567", "030-12345678", "01.23.45.67.89": a trunk zero opens the area code.
        if (first == '0' && g[0] >= 2 && g[0] <= 5)
            return true;
        // North-American shapes: 555-123-4567, 555.123.4567, 555 123 4567, 123-4567, 1-555-123-4567.
        if (shape.groupCount == 3 && g[0] == 3 && g[1] == 3 && g[2] == 4)
            return true;
        if (shape.groupCount == 2 && g[0] == 3 && g[1] == 4)
            return true;
        if (shape.groupCount == 4 && g[0] == 1 && first == '1' && g[1] == 3 && g[2] == 3 && g[3] == 4)
            return true;
        // Anything else (year ranges, 1.234.567, "in 2023 1234 people") is left alone.
        return false;
    }

    std::string_view m_text;
};

bool mayHoldContacts(std::string_view text)
{
    for (char c : text)
        if (isDigit(c) || c == '@')
            return true;
    return false;
}

} // namespace

std::string Privacy::pseudonym(std::string_view secret, std::string_view userId)
{
    return "u_" + Sha256::hmacHex(secret, userId).substr(0, kPseudonymHexChars);
}

std::string Privacy::maskContacts(std::string_view text)
{
    if (!mayHoldContacts(text))
        return std::string(text);
    return ContactScanner(text).run();
}

} // namespace chorus
