#include "helptext.h"

#include <iostream>

bool printHelpIfAsked(const std::vector<std::string> &args, const char *text)
{
    for (const std::string &a : args) {
        if (a == "--help" || a == "-h") {
            std::cout << text;
            return true;
        }
    }
    return false;
}
