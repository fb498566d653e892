#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

// What every subcommand shares: how to answer (human text or one JSON object) and how to fail.
class CliContext {
public:
    CliContext(std::string command, bool json) : m_command(std::move(command)), m_json(json) {}

    bool json() const { return m_json; }
    const std::string &command() const { return m_command; }

    // Prints a one-line error (as {"error": ...} with --json) and returns the exit code for it.
    int fail(const std::string &message, int code = 1) const;
    // Usage errors: exit code 2, with a pointer to --help.
    int usage(const std::string &message) const;
    // Prints the result object with --json; otherwise the human text.
    int succeed(const nlohmann::json &result, const std::string &humanText) const;

private:
    std::string m_command;
    bool m_json;
};
