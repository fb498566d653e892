#pragma once

#include "core/util/result.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace chorus {

// How SocialTokenizer shapes its tokens. Models store these with themselves (toJson) so that the
// text they see at prediction time is cut exactly as at training time.
struct TokenizerOptions {
    // Unicode-aware simple lowercasing of words, hashtags and mentions. URLs (paths are
    // case-sensitive), emoticons (":P" vs ":p") and emoji are never lowercased.
    bool lowercase = true;
    // Runs of three or more identical letters or punctuation marks become two: "soooo" -> "soo",
    // "!!!!" -> "!!". Digits are never folded (1000 stays 1000); URLs, mentions and hashtags
    // are left alone because they are identifiers.
    bool foldElongations = true;
    // Han, Hiragana and Katakana (written without spaces) become one token per character;
    // otherwise each run of them is one token. Hangul is written with spaces, so Korean words
    // stay whole either way.
    bool cjkPerCharacter = true;
    // URLs (http://, https://, www.) as single tokens; false drops them.
    bool keepUrls = true;
    // @mentions as single tokens; false drops them.
    bool keepMentions = true;
    // #hashtags as single tokens; false drops the '#' and tokenizes the tag as ordinary text.
    bool keepHashtags = true;
    // Replace every URL with "<url>" and every mention with "<user>" (when they are kept):
    // they rarely repeat, so as themselves they mostly end up as unknown words.
    bool normalizeUrls = false;
    bool normalizeMentions = false;
    // Punctuation and non-emoji symbols as tokens (a run of one mark, "...", is one token);
    // false drops them. Emoticons and emoji are kept either way.
    bool keepPunctuation = true;
    // Decode HTML character references (&amp; &lt; &#39; &#x1F600; &nbsp; ...) first, as
    // platform exports often escape post text.
    bool unescapeHtml = true;

    nlohmann::json toJson() const;
    // Missing keys keep their defaults; a key of the wrong type is an error.
    static Result<TokenizerOptions> fromJson(const nlohmann::json &json);

    bool operator==(const TokenizerOptions &other) const;
    bool operator!=(const TokenizerOptions &other) const { return !(*this == other); }
};

enum class TokenKind {
    Word,
    Number,
    Url,
    Mention,
    Hashtag,
    Emoji,
    Emoticon,
    Punctuation,
    Placeholder, // "<url>", "<user>", "<email>": stand-ins written by the importer or by us
};

struct Token {
    std::string text;
    TokenKind kind = TokenKind::Word;
};

// Splits social-media posts into tokens: URLs, mentions, hashtags, emoji sequences (ZWJ
// families, skin tones, flags, keycaps) and emoticons each stay one token; words keep their
// inner apostrophes and hyphens ("don't", "covid-19"); numbers keep their separators ("3.14",
// "1,000", "10:30"); CJK is cut per character. Whitespace, control characters and invalid UTF-8
// (and U+FFFD, which marks it once sanitised) separate tokens and never appear in them.
// Stateless after construction, so one instance may be shared between threads.
class SocialTokenizer {
public:
    explicit SocialTokenizer(TokenizerOptions options = {});

    const TokenizerOptions &options() const { return m_options; }

    std::vector<std::string> tokenize(std::string_view text) const;
    std::vector<Token> tokenizeWithKinds(std::string_view text) const;

    // Decodes HTML character references; unknown or malformed ones are left as written.
    static std::string unescapeHtml(std::string_view text);

private:
    TokenizerOptions m_options;
};

} // namespace chorus
