#pragma once

#include <string>

namespace chorus {
namespace mastodon {

// The plain text of a status's HTML content, as a reader sees it: tags removed, <br> a line break,
// paragraphs separated by a blank line, HTML entities decoded (the named ones Mastodon emits and
// every numeric &#NNN; / &#xHH;). Invisible parts are dropped: Mastodon hides the scheme and the
// tail of long links in <span class="invisible">, which a reader never sees. Malformed markup never
// fails: an unclosed '<' is kept as text, an unknown or broken entity stays as written.
std::string htmlToText(const std::string &html);

// Appends the UTF-8 encoding of a code point; invalid ones (surrogates, > U+10FFFF, NUL) become
// U+FFFD.
void appendUtf8(std::string &out, unsigned long codePoint);

} // namespace mastodon
} // namespace chorus
