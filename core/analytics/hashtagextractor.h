#pragma once

#include "core/text/tokenizer.h"

#include <string>
#include <string_view>
#include <vector>

namespace chorus {

// The hashtags of a post as the tokenizer cuts them: "#Tag", "#tag" and "＃TAG" are one tag
// ("#tag", Unicode-lowercased), CJK tags such as "#春节" are recognised right after a CJK
// character, and "#1" is a rank, not a tag. Each distinct tag once per post, in order of first use.
class HashtagExtractor {
public:
    HashtagExtractor();

    std::vector<std::string> extract(std::string_view text) const;
    // A user-typed tag ("Tag", "#Tag") in the form extract() yields; empty when it is no tag.
    std::string normalize(std::string_view tag) const;

private:
    SocialTokenizer m_tokenizer;
};

} // namespace chorus
