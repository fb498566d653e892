#pragma once

#include <string>
#include <vector>

namespace chorus {

// Where plugins are looked for, in this order (the first plugin of a name wins):
//  1. the installed folder, <exe dir>/../lib/chorus/plugins (/usr/bin/chorus-cli finds
//     /usr/lib/chorus/plugins). The build tree has the same layout (executables in build/app and
//     build/tests, plugins in build/lib/chorus/plugins), so a developer build finds its own plugins
//     and nothing else;
//  2. the user's folder, $XDG_DATA_HOME/chorus/plugins (default ~/.local/share/chorus/plugins).
// CHORUS_PLUGIN_PATH, a ':'-separated list of absolute folders, replaces both when set: for tests
// and for trying a plugin from its build folder; relative entries are ignored. Nothing else (not
// the working directory, not LD_LIBRARY_PATH, not a path stored in a project) is ever searched.
// Without $HOME and $XDG_DATA_HOME there is no user folder.
namespace pluginpaths {

inline constexpr const char *kInstalledRelative = "lib/chorus/plugins"; // relative to the prefix
inline constexpr const char *kManifestSuffix = ".plugin.json";

std::vector<std::string> defaultFolders();
std::string installedFolder(); // empty when the executable's path is unknown
std::string userFolder(); // empty when neither $XDG_DATA_HOME nor $HOME is an absolute path
// $XDG_CONFIG_HOME/chorus/plugins.json (default ~/.config/chorus/plugins.json); empty when unknown.
std::string settingsFile();

} // namespace pluginpaths
} // namespace chorus
