#pragma once

#include "core/text/tokenizer.h"

#include <string>
#include <string_view>
#include <vector>

namespace chorus {

// The content terms of a post for trends and user vectors: lowercased words and emoji, without
// punctuation, URLs, mentions, hashtags (a series of their own), bare numbers and the most
// frequent English function words and Chinese particles, which would otherwise top every list.
class TrendTermExtractor {
public:
    TrendTermExtractor();

    // Every term occurrence, in order (repeats kept).
    std::vector<std::string> terms(std::string_view text) const;
    // Each distinct term once, in order of first use.
    std::vector<std::string> distinctTerms(std::string_view text) const;
    static bool isStopword(std::string_view word);

private:
    SocialTokenizer m_tokenizer;
};

} // namespace chorus
