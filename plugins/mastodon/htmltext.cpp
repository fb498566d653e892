#include "htmltext.h"

#include <cctype>
#include <cstdlib>
#include <cstring>

namespace chorus {
namespace mastodon {
namespace {

struct NamedEntity {
    const char *name;
    unsigned long codePoint;
};

// The entities Mastodon's sanitiser and common clients write; anything else is kept verbatim.
constexpr NamedEntity kNamedEntities[] = {
    {"amp", '&'},     {"lt", '<'},      {"gt", '>'},       {"quot", '"'},    {"apos", '\''},
    {"nbsp", 0xA0},   {"hellip", 0x2026}, {"mdash", 0x2014}, {"ndash", 0x2013}, {"laquo", 0xAB},
    {"raquo", 0xBB},  {"copy", 0xA9},   {"reg", 0xAE},     {"trade", 0x2122}, {"euro", 0x20AC},
    {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"middot", 0xB7},
};

std::string lowerAscii(std::string text)
{
    for (char &c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// Decodes the entity starting at html[i] == '&'; returns its length (0 when it is not one).
std::size_t decodeEntity(const std::string &html, std::size_t i, std::string &out)
{
    const std::size_t semicolon = html.find(';', i + 1);
    if (semicolon == std::string::npos || semicolon - i > 12)
        return 0;
    const std::string body = html.substr(i + 1, semicolon - i - 1);
    if (body.size() >= 2 && body[0] == '#') {
        const bool hex = body[1] == 'x' || body[1] == 'X';
        const std::string digits = body.substr(hex ? 2 : 1);
        if (digits.empty())
            return 0;
        for (char c : digits)
            if (!(hex ? std::isxdigit(static_cast<unsigned char>(c)) : std::isdigit(static_cast<unsigned char>(c))))
                return 0;
        appendUtf8(out, std::strtoul(digits.c_str(), nullptr, hex ? 16 : 10));
        return semicolon - i + 1;
    }
    for (const NamedEntity &entity : kNamedEntities) {
        if (body == entity.name) {
            appendUtf8(out, entity.codePoint);
            return semicolon - i + 1;
        }
    }
    return 0;
}

// The tag's name in lower case, without '/' ("p", "br", "/p" -> "p" with closing set).
std::string tagName(const std::string &tag, bool &closing)
{
    std::size_t at = 0;
    closing = false;
    while (at < tag.size() && std::isspace(static_cast<unsigned char>(tag[at])))
        ++at;
    if (at < tag.size() && tag[at] == '/') {
        closing = true;
        ++at;
    }
    std::size_t end = at;
    while (end < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[end]))))
        ++end;
    return lowerAscii(tag.substr(at, end - at));
}

bool hasInvisibleClass(const std::string &tag)
{
    const std::string lower = lowerAscii(tag);
    const std::size_t cls = lower.find("class=");
    if (cls == std::string::npos)
        return false;
    const std::size_t end = lower.find_first_of(" >", cls + 7);
    const std::string value = lower.substr(cls + 6, end == std::string::npos ? std::string::npos : end - cls - 6);
    return value.find("invisible") != std::string::npos;
}

void trimTrailingNewlines(std::string &text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
}

} // namespace

void appendUtf8(std::string &out, unsigned long cp)
{
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string htmlToText(const std::string &html)
{
    std::string out;
    out.reserve(html.size());
    int invisibleDepth = 0; // nesting of <span> inside an invisible span
    for (std::size_t i = 0; i < html.size();) {
        const char c = html[i];
        if (c == '<') {
            const std::size_t close = html.find('>', i + 1);
            if (close == std::string::npos) {
                if (invisibleDepth == 0)
                    out += html.substr(i);
                break;
            }
            const std::string tag = html.substr(i + 1, close - i - 1);
            i = close + 1;
            bool closing = false;
            const std::string name = tagName(tag, closing);
            if (name == "span") {
                if (!closing && (invisibleDepth > 0 || hasInvisibleClass(tag)))
                    ++invisibleDepth;
                else if (closing && invisibleDepth > 0)
                    --invisibleDepth;
                continue;
            }
            if (invisibleDepth > 0)
                continue;
            if (name == "br") {
                out += '\n';
            } else if (name == "p" && closing) {
                out += "\n\n";
            } else if (name == "p" || name == "li" || name == "blockquote" || name == "pre") {
                // Opening a block after text that has not ended a line: start one.
                if (!out.empty() && out.back() != '\n')
                    out += '\n';
            }
            continue;
        }
        if (invisibleDepth > 0) {
            ++i;
            continue;
        }
        if (c == '&') {
            if (const std::size_t length = decodeEntity(html, i, out)) {
                i += length;
                continue;
            }
        }
        out += c;
        ++i;
    }
    trimTrailingNewlines(out);
    return out;
}

} // namespace mastodon
} // namespace chorus
