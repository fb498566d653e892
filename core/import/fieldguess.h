#pragma once

#include <map>
#include <string>
#include <vector>

namespace chorus {

// What generic CSV and JSON exports call the canonical post fields (see FieldMapping), so that a
// file imports without a mapping when its names are the usual ones. Matching ignores case.

// The usual names of a canonical field, most specific first, in lower case; empty for unknown fields.
const std::vector<std::string> &commonFieldNames(const std::string &canonicalField);

// Names of columns or members that hold the label of the same-named task ("label", "class",
// "sentiment") when the mapping does not say otherwise.
const std::vector<std::string> &commonLabelNames();

// For each canonical field, the first of `available` (as spelled there) that is one of its usual
// names. Fields with no match are absent.
std::map<std::string, std::string> guessFieldNames(const std::vector<std::string> &available);

// ASCII lower case, for matching names regardless of case.
std::string lowerAscii(std::string text);

} // namespace chorus
