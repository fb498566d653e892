#include "core/plugins/pluginpaths.h"

#include <cstdlib>

#include <climits>
#include <unistd.h>

namespace chorus {
namespace pluginpaths {
namespace {

std::string environment(const char *name)
{
    const char *value = std::getenv(name);
    return value ? std::string(value) : std::string();
}

// $VAR when set to an absolute path (as the XDG spec requires), else ~/fallback; empty when
// neither is known. Never a shared folder such as /tmp, where anyone could place a library.
std::string xdgFolder(const char *variable, const char *fallback)
{
    std::string value = environment(variable);
    if (!value.empty() && value.front() == '/')
        return value;
    const std::string home = environment("HOME");
    if (home.empty() || home.front() != '/')
        return {};
    return home + "/" + fallback;
}

std::string parentFolder(const std::string &path)
{
    const std::size_t slash = path.find_last_of('/');
    if (slash == std::string::npos)
        return {};
    return slash == 0 ? std::string("/") : path.substr(0, slash);
}

} // namespace

std::string installedFolder()
{
    char buffer[PATH_MAX];
    const ssize_t length = ::readlink("/proc/self/exe", buffer, sizeof(buffer) - 1);
    if (length <= 0)
        return {};
    const std::string exe(buffer, static_cast<std::size_t>(length));
    const std::string prefix = parentFolder(parentFolder(exe));
    if (prefix.empty())
        return {};
    return (prefix == "/" ? std::string() : prefix) + "/" + kInstalledRelative;
}

std::string userFolder()
{
    const std::string data = xdgFolder("XDG_DATA_HOME", ".local/share");
    return data.empty() ? std::string() : data + "/chorus/plugins";
}

std::string settingsFile()
{
    const std::string config = xdgFolder("XDG_CONFIG_HOME", ".config");
    return config.empty() ? std::string() : config + "/chorus/plugins.json";
}

std::vector<std::string> defaultFolders()
{
    std::vector<std::string> folders;
    if (const char *override = std::getenv("CHORUS_PLUGIN_PATH")) {
        const std::string list = override;
        std::size_t start = 0;
        while (start <= list.size()) {
            const std::size_t colon = list.find(':', start);
            const std::string folder = list.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
            // Only absolute folders: a relative entry (or an empty one, which a shell's PATH
            // convention reads as ".") would make the working directory a plugin folder.
            if (!folder.empty() && folder.front() == '/')
                folders.push_back(folder);
            if (colon == std::string::npos)
                break;
            start = colon + 1;
        }
        return folders;
    }
    if (std::string installed = installedFolder(); !installed.empty())
        folders.push_back(installed);
    if (std::string user = userFolder(); !user.empty())
        folders.push_back(user);
    return folders;
}

} // namespace pluginpaths
} // namespace chorus
