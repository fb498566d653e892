#include "core/text/tokenizer.h"

#include "core/text/unicode.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <utility>

namespace chorus {

namespace {

using unicode::CharClass;

// Named references seen in platform exports. The full HTML5 list (2,000+ names) would mostly
// decode things nobody writes in a post.
struct NamedEntity {
    const char *name;
    char32_t codePoint;
};
constexpr NamedEntity kNamedEntities[] = {
    {"amp", '&'},       {"lt", '<'},        {"gt", '>'},         {"quot", '"'},
    {"apos", '\''},     {"nbsp", 0x00A0},   {"hellip", 0x2026},  {"mdash", 0x2014},
    {"ndash", 0x2013},  {"lsquo", 0x2018},  {"rsquo", 0x2019},   {"ldquo", 0x201C},
    {"rdquo", 0x201D},  {"laquo", 0x00AB},  {"raquo", 0x00BB},   {"copy", 0x00A9},
    {"reg", 0x00AE},    {"trade", 0x2122},  {"euro", 0x20AC},    {"pound", 0x00A3},
    {"yen", 0x00A5},    {"cent", 0x00A2},   {"deg", 0x00B0},     {"middot", 0x00B7},
    {"bull", 0x2022},   {"times", 0x00D7},  {"divide", 0x00F7},  {"shy", 0x00AD},
    {"zwj", 0x200D},    {"zwnj", 0x200C},   {"iexcl", 0x00A1},   {"iquest", 0x00BF},
};

bool isAsciiAlnum(char32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isVariationSelector16or15(char32_t c) { return c == 0xFE0E || c == 0xFE0F; }

bool isJoiner(char32_t c) { return c == unicode::kZeroWidthJoiner || c == 0x200C; }

// Letters and digits proper: the characters a connector (apostrophe, hyphen) may sit between.
bool isAlnum(char32_t c)
{
    const CharClass k = unicode::classify(c);
    return (k == CharClass::Letter || k == CharClass::Digit) && !unicode::isCombining(c) && !isJoiner(c)
        && !unicode::isCjk(c);
}

std::u32string fromAscii(const char *text)
{
    std::u32string out;
    for (; *text; ++text)
        out.push_back(static_cast<unsigned char>(*text));
    return out;
}

// Emoticons with a fixed spelling (mostly eastern ones read upright). Western ones (":-)",
// ";P", "xD", "<3") follow a pattern and are matched in Scanner::matchWesternEmoticon.
const std::vector<std::u32string> &fixedEmoticons()
{
    static const std::vector<std::u32string> list = [] {
        std::vector<std::u32string> out;
        for (const char *e : {"^_^", "^-^", "^.^", "^o^", "^_~", "^^", "-_-", "-.-", "o_O", "O_o", "o_o",
                              "O_O", "0_0", "o.O", "O.o", "T_T", "T.T", ";_;", ">_<", ">.<", ">_>", "<_<",
                              "*_*", "x_x", "X_X", "@_@", "u_u", "\\o/", "=^.^="})
            out.push_back(fromAscii(e));
        out.emplace_back(U"\u00AF\\_(\u30C4)_/\u00AF"); // shrug
        return out;
    }();
    return list;
}

class Scanner {
public:
    Scanner(const std::u32string &text, const TokenizerOptions &options, std::vector<Token> &out)
        : m_s(text), m_options(options), m_out(out)
    {
    }

    void run()
    {
        std::size_t i = 0;
        const std::size_t n = m_s.size();
        while (i < n) {
            const char32_t c = m_s[i];
            const CharClass k = unicode::classify(c);
            if (k == CharClass::Space || k == CharClass::Ignored) {
                ++i;
                continue;
            }
            // Selectors, joiners and marks with no base before them carry nothing on their own.
            if (unicode::isCombining(c) || isJoiner(c)) {
                ++i;
                continue;
            }
            std::size_t next = 0;
            if ((next = emoji(i)) || (next = url(i)) || (next = emoticon(i)) || (next = mention(i))
                || (next = hashtag(i)) || (next = placeholder(i)) || (next = word(i))) {
                i = next;
                continue;
            }
            i = punctuation(i);
        }
    }

private:
    char32_t at(std::size_t i) const { return i < m_s.size() ? m_s[i] : 0; }
    bool wordAt(std::size_t i) const
    {
        return i < m_s.size() && unicode::isWordCharacter(m_s[i]) && !unicode::isExtendedPictographic(m_s[i])
            && !isVariationSelector16or15(m_s[i]);
    }
    bool prevIsWord(std::size_t i) const { return i > 0 && wordAt(i - 1); }
    // Whether the character before i glues onto a URL, mention or hashtag starting at i. CJK
    // does not: Chinese and Japanese posts put them right after a character, with no space.
    bool prevJoins(std::size_t i) const { return prevIsWord(i) && !unicode::isCjk(m_s[i - 1]); }

    bool startsWithAscii(std::size_t i, const char *prefix) const
    {
        for (; *prefix; ++prefix, ++i) {
            const char32_t c = at(i);
            const char32_t lower = (c >= 'A' && c <= 'Z') ? c + 32 : c;
            if (lower != static_cast<unsigned char>(*prefix))
                return false;
        }
        return true;
    }

    void emit(std::u32string text, TokenKind kind)
    {
        const bool lower = m_options.lowercase
            && (kind == TokenKind::Word || kind == TokenKind::Hashtag || kind == TokenKind::Mention
                || kind == TokenKind::Placeholder);
        if (lower)
            for (char32_t &c : text)
                c = unicode::toLower(c);
        const bool fold = m_options.foldElongations
            && (kind == TokenKind::Word || kind == TokenKind::Punctuation || kind == TokenKind::Emoticon);
        if (fold)
            text = foldRuns(text);
        if (text.empty())
            return;
        m_out.push_back({unicode::encode(text), kind});
    }

    static std::u32string foldRuns(const std::u32string &text)
    {
        std::u32string out;
        out.reserve(text.size());
        std::size_t run = 0;
        for (std::size_t i = 0; i < text.size(); ++i) {
            run = (i > 0 && text[i] == text[i - 1]) ? run + 1 : 1;
            if (run <= 2 || unicode::isDigit(text[i]))
                out.push_back(text[i]);
        }
        return out;
    }

    // Emoji: keycaps, flags, and pictographs with their selectors, skin tones, tags and
    // ZWJ-joined parts (UTS #51 emoji sequences). Returns the index after it, or 0.
    std::size_t emoji(std::size_t i)
    {
        const char32_t c = m_s[i];
        std::size_t j = i;
        if (unicode::isKeycapBase(c)) {
            j = i + 1;
            if (at(j) == 0xFE0F)
                ++j;
            if (at(j) != unicode::kCombiningEnclosingKeycap)
                return 0;
            ++j;
        } else if (unicode::isRegionalIndicator(c)) {
            j = unicode::isRegionalIndicator(at(i + 1)) ? i + 2 : i + 1;
        } else if (unicode::isExtendedPictographic(c) || unicode::isEmojiModifier(c)) {
            j = i + 1;
            while (true) {
                while (j < m_s.size()
                       && (unicode::isVariationSelector(m_s[j]) || unicode::isEmojiModifier(m_s[j])
                           || unicode::isEmojiTag(m_s[j]) || unicode::isCancelTag(m_s[j])
                           || m_s[j] == unicode::kCombiningEnclosingKeycap))
                    ++j;
                const char32_t joined = at(j + 1);
                if (at(j) == unicode::kZeroWidthJoiner
                    && (unicode::isExtendedPictographic(joined) || unicode::isEmojiModifier(joined))) {
                    j += 2;
                    continue;
                }
                break;
            }
        } else {
            return 0;
        }
        emit(m_s.substr(i, j - i), TokenKind::Emoji);
        return j;
    }

    bool urlCharacter(char32_t c) const
    {
        switch (unicode::classify(c)) {
        case CharClass::Space:
        case CharClass::Ignored:
            return false;
        case CharClass::Punctuation:
            if (c >= 0x80)
                return false; // "…", CJK and fullwidth punctuation end a URL
            return c != '<' && c != '>' && c != '"' && c != '`' && c != '{' && c != '}' && c != '|'
                && c != '^' && c != '\\';
        default:
            return !unicode::isCjk(c) && !unicode::isExtendedPictographic(c);
        }
    }

    std::size_t url(std::size_t i)
    {
        if (prevJoins(i))
            return 0;
        std::size_t scheme = 0;
        if (startsWithAscii(i, "https://"))
            scheme = 8;
        else if (startsWithAscii(i, "http://"))
            scheme = 7;
        else if (startsWithAscii(i, "www."))
            scheme = 4;
        if (scheme == 0 || !isAlnum(at(i + scheme)))
            return 0;
        std::size_t j = i + scheme;
        while (j < m_s.size() && urlCharacter(m_s[j]))
            ++j;
        // Sentence punctuation after a link is not part of it; a closing bracket is, when the
        // link opened one itself (Wikipedia's "Foo_(bar)").
        const auto count = [&](char32_t c) {
            const std::u32string_view link(m_s.data() + i, j - i);
            return std::count(link.begin(), link.end(), c);
        };
        while (j > i + scheme + 1) {
            const char32_t last = m_s[j - 1];
            const bool punctuation = last == '.' || last == ',' || last == ';' || last == ':' || last == '!'
                || last == '?' || last == '\'' || last == '"' || last == '*';
            const bool unopenedBracket = (last == ')' && count(')') > count('('))
                || (last == ']' && count(']') > count('['));
            if (!punctuation && !unopenedBracket)
                break;
            --j;
        }
        if (m_options.keepUrls)
            emit(m_options.normalizeUrls ? fromAscii("<url>") : m_s.substr(i, j - i), TokenKind::Url);
        return j;
    }

    // Whether an emoticon of this length at i stays clear of words on either side.
    bool emoticonBoundaryOk(std::size_t i, std::size_t length) const
    {
        if (wordAt(i) && prevIsWord(i))
            return false;
        return !(wordAt(i + length - 1) && wordAt(i + length));
    }

    std::size_t matchWesternEmoticon(std::size_t i) const
    {
        static const std::u32string kMouths = U")(][DPpOo/\\|*3$@SsCcd><{}";
        std::size_t j = i;
        const char32_t first = at(j);

        // Hearts: "<3", "<333", "</3".
        if (first == '<') {
            j = (at(i + 1) == '/') ? i + 2 : i + 1;
            if (at(j) != '3')
                return 0;
            while (at(j) == '3')
                ++j;
            return isAlnum(at(j)) ? 0 : j - i;
        }
        // Read right to left: "(:", "(-:", "):", "(;".
        if (first == '(' || first == ')') {
            if (prevIsWord(i))
                return 0;
            j = i + 1;
            if (at(j) == '-')
                ++j;
            if (at(j) != ':' && at(j) != ';')
                return 0;
            ++j;
            return wordAt(j) ? 0 : j - i;
        }
        // "xD", "XP": letter eyes need a clean start.
        if (first == 'x' || first == 'X') {
            const char32_t mouth = at(i + 1);
            if (prevIsWord(i) || (mouth != 'D' && mouth != 'P' && mouth != 'p' && mouth != 'd'))
                return 0;
            j = i + 2;
            while (at(j) == mouth)
                ++j;
            return wordAt(j) ? 0 : j - i;
        }
        // "8-)", "B-)": sunglasses need the nose, else "8)" in a list would match.
        if (first == '8' || first == 'B') {
            if (prevIsWord(i) || at(i + 1) != '-' || (at(i + 2) != ')' && at(i + 2) != 'D'))
                return 0;
            return wordAt(i + 3) ? 0 : 3;
        }
        if (first == '>' || first == '}') // angry or devilish brows: ">:(" "}:)"
            ++j;
        const char32_t eyes = at(j);
        if (eyes != ':' && eyes != ';' && eyes != '=')
            return 0;
        if (j > i && eyes == '=')
            return 0;
        if (eyes == '=' && i > 0 && (prevIsWord(i) || at(i - 1) == '=' || at(i - 1) == '!'))
            return 0;
        ++j;
        if (eyes == ':' && at(j) == '\'')
            ++j; // tears
        if (at(j) == '-' || at(j) == '^')
            ++j; // nose
        const char32_t mouth = at(j);
        if (mouth == 0 || kMouths.find(mouth) == std::u32string::npos)
            return 0;
        ++j;
        const bool slanted = mouth == '/' || mouth == '\\';
        while (!slanted && at(j) == mouth)
            ++j;
        if (wordAt(j - 1) && wordAt(j))
            return 0; // ":Doctor", ":3000"
        if (slanted && (wordAt(j) || at(j) == '/' || at(j) == '\\'))
            return 0; // "C:/Users", "http://", ":\\server"
        return j - i;
    }

    std::size_t emoticon(std::size_t i)
    {
        std::size_t best = 0;
        for (const std::u32string &candidate : fixedEmoticons()) {
            if (candidate.size() > best && m_s.compare(i, candidate.size(), candidate) == 0
                && emoticonBoundaryOk(i, candidate.size()))
                best = candidate.size();
        }
        best = std::max(best, matchWesternEmoticon(i));
        if (best == 0)
            return 0;
        emit(m_s.substr(i, best), TokenKind::Emoticon);
        return i + best;
    }

    // Appends a character that belongs to a word, hashtag or mention: variation selectors there
    // only change how a glyph looks, and a typographic apostrophe means the plain one.
    static void appendWordCharacter(std::u32string &out, char32_t c)
    {
        if (unicode::isVariationSelector(c))
            return;
        out.push_back(c == 0x2019 ? U'\'' : c);
    }

    std::size_t mention(std::size_t i)
    {
        const char32_t c = m_s[i];
        if ((c != '@' && c != 0xFF20) || prevJoins(i) || !wordAt(i + 1))
            return 0;
        std::u32string text = U"@";
        std::size_t j = i + 1;
        while (j < m_s.size()) {
            if (wordAt(j)) {
                appendWordCharacter(text, m_s[j++]);
            } else if (m_s[j] == '.' && wordAt(j + 1)) {
                text.push_back(m_s[j++]); // Instagram handles: @jane.doe
            } else {
                break;
            }
        }
        // Fediverse addresses: @user@instance.social
        if (at(j) == '@' && isAsciiAlnum(at(j + 1))) {
            std::size_t k = j + 1;
            bool dotted = false;
            while (k < m_s.size()) {
                const char32_t d = m_s[k];
                if (isAsciiAlnum(d) || d == '-') {
                    ++k;
                } else if (d == '.' && isAsciiAlnum(at(k + 1))) {
                    dotted = true;
                    ++k;
                } else {
                    break;
                }
            }
            if (dotted) {
                text.append(m_s, j, k - j);
                j = k;
            }
        }
        if (m_options.keepMentions)
            emit(m_options.normalizeMentions ? fromAscii("<user>") : text, TokenKind::Mention);
        return j;
    }

    std::size_t hashtag(std::size_t i)
    {
        const char32_t c = m_s[i];
        if ((c != '#' && c != 0xFF03) || prevJoins(i) || !wordAt(i + 1))
            return 0;
        std::u32string text = U"#";
        bool hasLetter = false;
        std::size_t j = i + 1;
        while (wordAt(j)) {
            hasLetter = hasLetter || (unicode::isLetter(m_s[j]) && !unicode::isCombining(m_s[j]));
            appendWordCharacter(text, m_s[j++]);
        }
        if (!hasLetter)
            return 0; // "#1" is a rank, not a tag
        if (!m_options.keepHashtags)
            return i + 1; // drop the '#', read the tag as text
        emit(std::move(text), TokenKind::Hashtag);
        return j;
    }

    // "<url>", "<user>", "<email>": stand-ins the importer's privacy masking writes.
    std::size_t placeholder(std::size_t i)
    {
        if (m_s[i] != '<')
            return 0;
        std::size_t j = i + 1;
        while (j < m_s.size() && j - i <= 20 && ((m_s[j] >= 'a' && m_s[j] <= 'z') || (m_s[j] >= 'A' && m_s[j] <= 'Z') || m_s[j] == '_'))
            ++j;
        if (j == i + 1 || at(j) != '>')
            return 0;
        emit(m_s.substr(i, j + 1 - i), TokenKind::Placeholder);
        return j + 1;
    }

    // Whether the connector at j (between two word characters) keeps the word together.
    bool joinsWord(std::size_t j) const
    {
        const char32_t c = m_s[j];
        const char32_t before = m_s[j - 1];
        const char32_t after = at(j + 1);
        if (c == '\'' || c == 0x2019)
            return isAlnum(before) && isAlnum(after) && unicode::isLetter(after); // don't, rock'n'roll
        if (c == '-')
            return isAlnum(before) && isAlnum(after); // covid-19, well-known
        if (c == '.' || c == ',' || c == ':')
            return unicode::isDigit(before) && unicode::isDigit(after); // 3.14, 1,000, 10:30
        return false;
    }

    std::size_t word(std::size_t i)
    {
        if (!wordAt(i))
            return 0;
        std::u32string text;
        std::size_t j = i;
        if (unicode::isCjk(m_s[i])) {
            do {
                appendWordCharacter(text, m_s[j++]);
                while (j < m_s.size() && unicode::isCombining(m_s[j]))
                    appendWordCharacter(text, m_s[j++]);
            } while (!m_options.cjkPerCharacter && j < m_s.size() && unicode::isCjk(m_s[j]));
            emit(std::move(text), TokenKind::Word);
            return j;
        }
        while (j < m_s.size() && !unicode::isCjk(m_s[j])) {
            if (!wordAt(j) && !unicode::isVariationSelector(m_s[j]) && !joinsWord(j))
                break;
            appendWordCharacter(text, m_s[j++]);
        }
        while (!text.empty() && isJoiner(text.back()))
            text.pop_back();
        const bool number = unicode::isDigit(text.front())
            && std::all_of(text.begin(), text.end(), [](char32_t c) {
                   return unicode::isDigit(c) || c == '.' || c == ',' || c == ':' || c == '-';
               });
        emit(std::move(text), number ? TokenKind::Number : TokenKind::Word);
        return j;
    }

    std::size_t punctuation(std::size_t i)
    {
        std::size_t j = i + 1;
        while (j < m_s.size() && m_s[j] == m_s[i])
            ++j;
        while (j < m_s.size() && unicode::isCombining(m_s[j]))
            ++j; // a selector after a symbol only picks its glyph
        if (m_options.keepPunctuation) {
            std::u32string text = m_s.substr(i, j - i);
            text.erase(std::remove_if(text.begin(), text.end(), unicode::isCombining), text.end());
            emit(std::move(text), TokenKind::Punctuation);
        }
        return j;
    }

    const std::u32string &m_s;
    const TokenizerOptions &m_options;
    std::vector<Token> &m_out;
};

bool readBool(const nlohmann::json &json, const char *key, bool &field, std::string &error)
{
    const auto it = json.find(key);
    if (it == json.end())
        return true;
    if (!it->is_boolean()) {
        error = std::string("tokenizer option \"") + key + "\" must be true or false";
        return false;
    }
    field = it->get<bool>();
    return true;
}

// The fields and their JSON names, in one place so toJson, fromJson and == cannot drift apart.
template <typename Options, typename Visit>
void forEachField(Options &options, Visit &&visit)
{
    visit("lowercase", options.lowercase);
    visit("foldElongations", options.foldElongations);
    visit("cjkPerCharacter", options.cjkPerCharacter);
    visit("keepUrls", options.keepUrls);
    visit("keepMentions", options.keepMentions);
    visit("keepHashtags", options.keepHashtags);
    visit("normalizeUrls", options.normalizeUrls);
    visit("normalizeMentions", options.normalizeMentions);
    visit("keepPunctuation", options.keepPunctuation);
    visit("unescapeHtml", options.unescapeHtml);
}

} // namespace

nlohmann::json TokenizerOptions::toJson() const
{
    nlohmann::json json = nlohmann::json::object();
    forEachField(*this, [&](const char *key, const bool &value) { json[key] = value; });
    return json;
}

Result<TokenizerOptions> TokenizerOptions::fromJson(const nlohmann::json &json)
{
    if (!json.is_object())
        return Error{"tokenizer options must be a JSON object"};
    TokenizerOptions options;
    std::string error;
    bool ok = true;
    forEachField(options, [&](const char *key, bool &value) {
        if (ok)
            ok = readBool(json, key, value, error);
    });
    if (!ok)
        return Error{error};
    return options;
}

bool TokenizerOptions::operator==(const TokenizerOptions &other) const
{
    return toJson() == other.toJson();
}

SocialTokenizer::SocialTokenizer(TokenizerOptions options) : m_options(options) {}

std::vector<std::string> SocialTokenizer::tokenize(std::string_view text) const
{
    std::vector<Token> tokens = tokenizeWithKinds(text);
    std::vector<std::string> out;
    out.reserve(tokens.size());
    for (Token &token : tokens)
        out.push_back(std::move(token.text));
    return out;
}

std::vector<Token> SocialTokenizer::tokenizeWithKinds(std::string_view text) const
{
    std::u32string codePoints =
        m_options.unescapeHtml ? unicode::decodeAll(unescapeHtml(text)) : unicode::decodeAll(text);
    // Soft hyphens only mark where a word may break: "auto\u00ADmobile" is one word.
    codePoints.erase(std::remove(codePoints.begin(), codePoints.end(), char32_t(0x00AD)), codePoints.end());
    std::vector<Token> tokens;
    Scanner(codePoints, m_options, tokens).run();
    return tokens;
}

std::string SocialTokenizer::unescapeHtml(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t amp = text.find('&', i);
        if (amp == std::string_view::npos) {
            out.append(text.substr(i));
            break;
        }
        out.append(text.substr(i, amp - i));
        i = amp + 1;
        const std::size_t semicolon = text.find(';', i);
        if (semicolon == std::string_view::npos || semicolon - i > 10 || semicolon == i) {
            out.push_back('&');
            continue;
        }
        const std::string_view name = text.substr(i, semicolon - i);
        bool decoded = false;
        if (name[0] == '#') {
            const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
            const std::string_view digits = name.substr(hex ? 2 : 1);
            std::uint32_t value = 0;
            bool valid = !digits.empty() && digits.size() <= 7;
            for (char d : digits) {
                int v = -1;
                if (d >= '0' && d <= '9')
                    v = d - '0';
                else if (hex && d >= 'a' && d <= 'f')
                    v = d - 'a' + 10;
                else if (hex && d >= 'A' && d <= 'F')
                    v = d - 'A' + 10;
                if (v < 0) {
                    valid = false;
                    break;
                }
                value = value * (hex ? 16 : 10) + std::uint32_t(v);
            }
            if (valid) {
                // NUL, surrogates and out-of-range values are what HTML turns into U+FFFD too.
                const bool usable = value != 0 && value <= 0x10FFFF && !(value >= 0xD800 && value <= 0xDFFF);
                unicode::append(out, usable ? char32_t(value) : unicode::kReplacement);
                decoded = true;
            }
        } else {
            for (const NamedEntity &entity : kNamedEntities) {
                if (name == entity.name) {
                    unicode::append(out, entity.codePoint);
                    decoded = true;
                    break;
                }
            }
        }
        if (decoded) {
            i = semicolon + 1;
        } else {
            out.push_back('&');
        }
    }
    return out;
}

} // namespace chorus
