#include "clicontext.h"

#include <iostream>

int CliContext::fail(const std::string &message, int code) const
{
    if (m_json)
        std::cout << nlohmann::json{{"error", message}}.dump() << std::endl;
    std::cerr << "chorus-cli " << m_command << ": " << message << std::endl;
    return code;
}

int CliContext::usage(const std::string &message) const
{
    return fail(message + " (see chorus-cli " + m_command + " --help)", 2);
}

int CliContext::succeed(const nlohmann::json &result, const std::string &humanText) const
{
    if (m_json)
        std::cout << result.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
    else
        std::cout << humanText << std::flush;
    return 0;
}
