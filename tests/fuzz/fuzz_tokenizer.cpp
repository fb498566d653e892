// The social-media tokenizer sees every byte a user imports: invalid UTF-8, NULs, endless
// emoji sequences, half HTML entities. Every token it returns must be valid UTF-8 and non-empty.
#include "core/text/tokenizer.h"
#include "core/util/utf8.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    static const chorus::SocialTokenizer plain;
    static const chorus::SocialTokenizer keepCase([] {
        chorus::TokenizerOptions options;
        options.lowercase = false;
        return options;
    }());
    for (const chorus::SocialTokenizer *tokenizer : {&plain, &keepCase}) {
        for (const std::string &token : tokenizer->tokenize(text))
            if (token.empty() || !chorus::utf8::isValid(token))
                std::abort();
    }
    (void)chorus::SocialTokenizer::unescapeHtml(text);
    return 0;
}
