#pragma once

#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace chorus {

// A plugin's manifest, NAME.plugin.json beside its library, read before any of its code is loaded:
//   {
//     "name": "mastodon",                      lowercase letters, digits, '-' and '_'
//     "version": "1.0.0",
//     "interface_version": 1,                  CHORUS_PLUGIN_INTERFACE_VERSION it was built for
//     "abi": "gcc-12/libstdc++-cxx11abi1",     optional: CHORUS_PLUGIN_ABI_TAG it was built with
//     "library": "chorus-mastodon.so",         a file name in the manifest's folder
//     "description": "...",
//     "provides": {"importers": ["mastodon"], "models": []}
//   }
struct PluginManifest {
    std::string name;
    std::string version;
    int interfaceVersion = 0;
    std::string abi; // empty when the manifest does not say
    std::string library;
    std::string description;
    std::vector<std::string> importers;
    std::vector<std::string> models;

    // Errors name the member that is missing or wrong ("'provides.importers' must be an array of
    // strings"). Unknown members are allowed, so newer manifests stay readable.
    static Result<PluginManifest> fromJson(const nlohmann::json &value);
    // Also fails when the file cannot be read or is not JSON; messages name the file.
    static Result<PluginManifest> fromFile(const std::string &path);
    nlohmann::json toJson() const;
};

} // namespace chorus
