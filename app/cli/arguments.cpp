#include "arguments.h"

#include <cstdlib>

Arguments::Arguments(std::vector<std::string> args, std::set<std::string> valueOptions, std::set<std::string> flags)
{
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (arg.size() > 2 && arg.compare(0, 2, "--") == 0) {
            std::string name = arg.substr(2);
            std::string inlineValue;
            bool hasInline = false;
            if (auto eq = name.find('='); eq != std::string::npos) {
                inlineValue = name.substr(eq + 1);
                name = name.substr(0, eq);
                hasInline = true;
            }
            if (valueOptions.count(name)) {
                if (hasInline) {
                    m_options[name].push_back(inlineValue);
                } else if (i + 1 < args.size()) {
                    m_options[name].push_back(args[++i]);
                } else {
                    m_error = "option --" + name + " needs a value";
                    return;
                }
            } else if (flags.count(name) && !hasInline) {
                m_flags.insert(name);
            } else {
                m_error = "unknown option --" + name;
                return;
            }
        } else {
            m_positionals.push_back(arg);
        }
    }
}

bool Arguments::has(const std::string &name) const { return m_flags.count(name) || m_options.count(name); }

std::string Arguments::value(const std::string &name, const std::string &fallback) const
{
    auto it = m_options.find(name);
    return it == m_options.end() || it->second.empty() ? fallback : it->second.back();
}

std::vector<std::string> Arguments::values(const std::string &name) const
{
    auto it = m_options.find(name);
    return it == m_options.end() ? std::vector<std::string>() : it->second;
}

long long Arguments::integer(const std::string &name, long long fallback)
{
    if (!m_options.count(name))
        return fallback;
    const std::string text = value(name);
    char *end = nullptr;
    const long long parsed = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0') {
        m_error = "option --" + name + " expects an integer, got '" + text + "'";
        return fallback;
    }
    return parsed;
}
