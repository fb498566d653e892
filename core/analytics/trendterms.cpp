#include "core/analytics/trendterms.h"

#include <unordered_set>

namespace chorus {
namespace {

TokenizerOptions termOptions()
{
    TokenizerOptions options;
    options.lowercase = true;
    options.keepUrls = false;
    options.keepMentions = false;
    options.keepPunctuation = false;
    return options;
}

} // namespace

TrendTermExtractor::TrendTermExtractor() : m_tokenizer(termOptions()) {}

bool TrendTermExtractor::isStopword(std::string_view word)
{
    static const std::unordered_set<std::string_view> stopwords = {
        "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but",
        "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "him",
        "his", "how", "i", "i'm", "if", "in", "into", "is", "it", "it's", "its", "just", "me", "more", "my",
        "no", "not", "of", "on", "or", "our", "out", "she", "so", "some", "than", "that", "the", "their",
        "them", "then", "there", "these", "they", "this", "to", "too", "up", "us", "was", "we", "were", "what",
        "when", "which", "who", "will", "with", "would", "you", "your", "rt", "via",
        // Chinese particles and pronouns: with CJK cut per character they would top every list.
        "的", "了", "是", "在", "我", "有", "和", "就", "不", "都", "一", "也", "很", "这", "那", "你", "他", "她",
        "们", "个", "吗", "吧", "呢", "啊"};
    return stopwords.count(word) != 0;
}

std::vector<std::string> TrendTermExtractor::terms(std::string_view text) const
{
    std::vector<std::string> out;
    for (Token &token : m_tokenizer.tokenizeWithKinds(text)) {
        if (token.kind != TokenKind::Word && token.kind != TokenKind::Emoji)
            continue;
        if (token.kind == TokenKind::Word && isStopword(token.text))
            continue;
        out.push_back(std::move(token.text));
    }
    return out;
}

std::vector<std::string> TrendTermExtractor::distinctTerms(std::string_view text) const
{
    std::vector<std::string> all = terms(text);
    std::vector<std::string> out;
    std::unordered_set<std::string> seen;
    for (std::string &term : all)
        if (seen.insert(term).second)
            out.push_back(std::move(term));
    return out;
}

} // namespace chorus
