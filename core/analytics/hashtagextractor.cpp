#include "core/analytics/hashtagextractor.h"

#include <algorithm>

namespace chorus {
namespace {

TokenizerOptions hashtagOptions()
{
    TokenizerOptions options;
    options.lowercase = true;
    options.keepHashtags = true;
    return options;
}

} // namespace

HashtagExtractor::HashtagExtractor() : m_tokenizer(hashtagOptions()) {}

std::vector<std::string> HashtagExtractor::extract(std::string_view text) const
{
    std::vector<std::string> tags;
    // Most posts carry no tag at all: skip the tokenizer for them.
    if (text.find('#') == std::string_view::npos && text.find("\xEF\xBC\x83") == std::string_view::npos)
        return tags;
    for (Token &token : m_tokenizer.tokenizeWithKinds(text)) {
        if (token.kind != TokenKind::Hashtag)
            continue;
        if (std::find(tags.begin(), tags.end(), token.text) == tags.end())
            tags.push_back(std::move(token.text));
    }
    return tags;
}

std::string HashtagExtractor::normalize(std::string_view tag) const
{
    std::string text(tag);
    if (text.empty())
        return {};
    if (text[0] != '#' && text.rfind("\xEF\xBC\x83", 0) != 0)
        text.insert(text.begin(), '#');
    // The whole input must be the tag: "#two words" is no tag.
    std::vector<Token> tokens = m_tokenizer.tokenizeWithKinds(text);
    return tokens.size() == 1 && tokens[0].kind == TokenKind::Hashtag ? std::move(tokens[0].text) : std::string();
}

} // namespace chorus
