#include "core/analytics/topictermextractor.h"

#include "core/analytics/trendterms.h"
#include "core/text/unicode.h"

#include <unordered_set>

namespace chorus {
namespace {

TokenizerOptions topicTokenizerOptions(const TopicTermOptions &options)
{
    TokenizerOptions tokenizer;
    tokenizer.lowercase = true;
    // Whole runs of CJK, cut into bigrams here.
    tokenizer.cjkPerCharacter = !options.cjkBigrams;
    return tokenizer;
}

} // namespace

TopicTermExtractor::TopicTermExtractor(TopicTermOptions options)
    : m_options(options), m_tokenizer(topicTokenizerOptions(options))
{
}

bool TopicTermExtractor::isChineseStopCharacter(std::string_view character)
{
    // Particles, pronouns, copulas, negation, measure words and degree adverbs: they glue
    // sentences together in every subject, so a bigram across one of them is no word.
    static const std::unordered_set<std::string_view> characters = {
        "的", "了", "是", "在", "我", "你", "您", "他", "她", "它", "们", "这", "那", "很", "太", "都",
        "也", "就", "和", "与", "跟", "说", "个", "有", "不", "没", "吗", "呢", "吧", "啊", "呀", "哦",
        "嗯", "哈", "次", "点", "又", "还", "再", "才", "把", "被", "给", "让", "着", "么", "哪", "谁",
        "啦", "嘛", "哇", "挺", "于", "将", "已", "为", "之", "而", "及", "或", "并", "但", "到"};
    return characters.count(character) != 0;
}

bool TopicTermExtractor::isChineseStopword(std::string_view word)
{
    static const std::unordered_set<std::string_view> words = {
        "我们", "你们", "他们", "她们", "它们", "自己", "这个", "那个", "这些", "那些", "这样", "那样", "什么",
        "怎么", "为什么", "没有", "真的", "觉得", "感到", "一下", "一点", "已经", "还是", "就是", "可以", "因为",
        "所以", "但是", "如果", "然后", "时候", "今天", "昨天", "明天", "昨晚", "今晚", "刚才", "现在", "非常",
        "特别", "超级", "真心", "有点", "比较", "其实", "当然", "可能", "应该", "大家", "东西", "事情", "实话",
        "讲真", "哈哈", "感觉", "知道", "看到", "今年", "这次", "上周", "周末", "令人",
        // Platform markers, like "rt" and "via" in English.
        "回复", "转发"};
    return words.count(word) != 0;
}

void TopicTermExtractor::appendCjk(std::string_view run, std::vector<std::string> &out) const
{
    // Split the run into characters, then into stretches between stop characters.
    std::vector<std::string_view> characters;
    for (std::size_t i = 0; i < run.size();) {
        const unicode::Decoded d = unicode::decode(run, i);
        characters.push_back(run.substr(i, d.length));
        i += d.length;
    }
    std::string bigram;
    for (std::size_t i = 0; i + 1 < characters.size(); ++i) {
        if (m_options.dropStopwords &&
            (isChineseStopCharacter(characters[i]) || isChineseStopCharacter(characters[i + 1])))
            continue;
        bigram.assign(characters[i]);
        bigram.append(characters[i + 1]);
        if (m_options.dropStopwords && isChineseStopword(bigram))
            continue;
        out.push_back(bigram);
    }
}

std::vector<std::string> TopicTermExtractor::terms(std::string_view text) const
{
    std::vector<std::string> out;
    for (Token &token : m_tokenizer.tokenizeWithKinds(text)) {
        if (m_options.wordsOnly && token.kind != TokenKind::Word && token.kind != TokenKind::Hashtag)
            continue;
        if (token.kind == TokenKind::Word && unicode::isCjk(unicode::decode(token.text, 0).codePoint)) {
            if (m_options.cjkBigrams) {
                appendCjk(token.text, out);
                continue;
            }
            if (m_options.dropStopwords && isChineseStopCharacter(token.text))
                continue;
            out.push_back(std::move(token.text));
            continue;
        }
        // One-letter words ("a", "i", "s" of "it's" split oddly) are never topical.
        if (token.text.size() < 2)
            continue;
        if (m_options.dropStopwords && TrendTermExtractor::isStopword(token.text))
            continue;
        out.push_back(std::move(token.text));
    }
    return out;
}

} // namespace chorus
