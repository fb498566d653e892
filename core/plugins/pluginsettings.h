#pragma once

#include "core/util/result.h"

#include <set>
#include <string>

namespace chorus {

// Which plugins the user turned off, persisted as {"disabled": ["name", ...]} in
// $XDG_CONFIG_HOME/chorus/plugins.json (see pluginpaths.h). Plugins are enabled unless listed, so a
// newly installed plugin works without a visit to the settings.
class PluginSettings {
public:
    PluginSettings() = default;
    explicit PluginSettings(std::string path) : m_path(std::move(path)) {}

    // A missing file is an empty list; an unreadable or malformed one is an error naming the file
    // (the caller carries on with every plugin enabled).
    Status load();
    // Writes atomically (temporary file, then rename), creating the folder when needed.
    Status save() const;

    const std::string &path() const { return m_path; }
    bool isEnabled(const std::string &name) const { return m_disabled.count(name) == 0; }
    void setEnabled(const std::string &name, bool enabled);
    const std::set<std::string> &disabled() const { return m_disabled; }

private:
    std::string m_path;
    std::set<std::string> m_disabled;
};

} // namespace chorus
