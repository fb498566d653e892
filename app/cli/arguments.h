#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

// Command-line arguments of one subcommand: positionals, "--name value" options (repeatable) and
// "--flag" switches. Which names take a value is declared up front, so "--json FILE" cannot be
// misread and an unknown option is reported instead of ignored.
class Arguments {
public:
    Arguments(std::vector<std::string> args, std::set<std::string> valueOptions, std::set<std::string> flags);

    bool ok() const { return m_error.empty(); }
    const std::string &error() const { return m_error; }

    const std::vector<std::string> &positionals() const { return m_positionals; }
    bool has(const std::string &name) const;
    std::string value(const std::string &name, const std::string &fallback = {}) const;
    std::vector<std::string> values(const std::string &name) const;
    // Parses an integer option; sets error() and returns fallback when it is not a number.
    long long integer(const std::string &name, long long fallback);

private:
    std::vector<std::string> m_positionals;
    std::map<std::string, std::vector<std::string>> m_options;
    std::set<std::string> m_flags;
    std::string m_error;
};
