#pragma once

#include <string>

namespace chorus {

// One CSV field as RFC 4180 writes it: quoted (with doubled quotes) only when it holds a comma,
// a quote or a line break.
std::string csvEscape(const std::string &value);

} // namespace chorus
