#pragma once

#include <string>
#include <vector>

// True (and the help printed on stdout) when args ask for help.
bool printHelpIfAsked(const std::vector<std::string> &args, const char *text);
