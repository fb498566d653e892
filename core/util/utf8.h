#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace chorus {
namespace utf8 {

// Strict UTF-8 as RFC 3629 defines it: overlong forms, UTF-16 surrogates and code points above
// U+10FFFF are invalid, because SQLite, the FTS tokenizer and JSON output all assume clean text.

// Offset of the first byte that breaks UTF-8, or std::string_view::npos when the text is valid.
std::size_t firstInvalid(std::string_view text);
inline bool isValid(std::string_view text) { return firstInvalid(text) == std::string_view::npos; }

// The text with every invalid sequence replaced by U+FFFD, for showing bytes that are not text.
std::string sanitized(std::string_view text);

} // namespace utf8
} // namespace chorus
