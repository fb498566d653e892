#include "core/plugins/pluginsettings.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include <sys/stat.h>
#include <unistd.h>

namespace chorus {
namespace {

// mkdir -p for the settings folder.
bool makeFolders(const std::string &folder)
{
    if (folder.empty())
        return true;
    struct stat st {};
    if (::stat(folder.c_str(), &st) == 0)
        return S_ISDIR(st.st_mode);
    const std::size_t slash = folder.find_last_of('/');
    if (slash != std::string::npos && slash > 0 && !makeFolders(folder.substr(0, slash)))
        return false;
    return ::mkdir(folder.c_str(), 0755) == 0 || errno == EEXIST;
}

} // namespace

Status PluginSettings::load()
{
    m_disabled.clear();
    std::ifstream in(m_path, std::ios::binary);
    if (!in) {
        struct stat st {};
        if (::stat(m_path.c_str(), &st) != 0)
            return {}; // never saved: every plugin enabled
        return Error{"cannot read the plugin settings " + m_path};
    }
    nlohmann::json value;
    try {
        value = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception &e) {
        return Error{"the plugin settings " + m_path + " are not valid JSON: " + e.what()};
    }
    const auto disabled = value.is_object() ? value.find("disabled") : value.end();
    if (!value.is_object() || disabled == value.end() || !disabled->is_array())
        return Error{"the plugin settings " + m_path + " must be an object with a 'disabled' array"};
    for (const auto &name : *disabled)
        if (name.is_string())
            m_disabled.insert(name.get<std::string>());
    return {};
}

Status PluginSettings::save() const
{
    const std::size_t slash = m_path.find_last_of('/');
    if (slash != std::string::npos && !makeFolders(m_path.substr(0, slash)))
        return Error{"cannot create the folder of " + m_path + ": " + std::strerror(errno)};
    const nlohmann::json value = {{"disabled", m_disabled}};
    const std::string temporary = m_path + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << value.dump(2) << "\n";
        out.flush();
        if (!out)
            return Error{"cannot write " + temporary};
    }
    if (std::rename(temporary.c_str(), m_path.c_str()) != 0) {
        const std::string reason = std::strerror(errno);
        ::unlink(temporary.c_str());
        return Error{"cannot replace " + m_path + ": " + reason};
    }
    return {};
}

void PluginSettings::setEnabled(const std::string &name, bool enabled)
{
    if (enabled)
        m_disabled.erase(name);
    else
        m_disabled.insert(name);
}

} // namespace chorus
