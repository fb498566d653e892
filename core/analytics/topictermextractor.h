#pragma once

#include "core/text/tokenizer.h"

#include <string>
#include <string_view>
#include <vector>

namespace chorus {

struct TopicTermOptions {
    // Words, hashtags and CJK terms only; URLs, mentions, emoji, numbers and punctuation say
    // little about what a post is about and would crowd the top terms.
    bool wordsOnly = true;
    // Leaves out common English function words ("the", "and", "rt") and Chinese function
    // characters and words (的, 了, 我们, 这个): in short posts they rarely pass a corpus's
    // document-frequency ceiling yet pull posts together by style, not subject.
    bool dropStopwords = true;
    // Chinese and Japanese are written without spaces and most of their words are two
    // characters long, so a run of CJK characters yields its overlapping character bigrams
    // ("饺子好吃" -> 饺子, 子好, 好吃), after stop characters have cut the run. The
    // boundary-straddling bigrams are rare and scattered, while real words recur: frequency
    // filtering keeps the words. False: one term per character, as the tokenizer cuts them,
    // which makes topics of function characters.
    bool cjkBigrams = true;
};

// The terms of a post as topic discovery counts them (TopicCorpus, hence LSA, LDA, c-TF-IDF and
// NPMI): lowercased words and hashtags without function words, and CJK character bigrams.
// Stateless after construction; one instance may be shared between threads.
class TopicTermExtractor {
public:
    explicit TopicTermExtractor(TopicTermOptions options = {});

    // Every term occurrence in order, repeats kept.
    std::vector<std::string> terms(std::string_view text) const;

    // Whether a one-character CJK string is a function character (的, 了, 是, 我 ...).
    static bool isChineseStopCharacter(std::string_view character);
    // Whether a CJK bigram is a function word or an empty filler (我们, 这个, 什么, 非常 ...).
    static bool isChineseStopword(std::string_view word);

private:
    void appendCjk(std::string_view run, std::vector<std::string> &out) const;

    TopicTermOptions m_options;
    SocialTokenizer m_tokenizer;
};

} // namespace chorus
