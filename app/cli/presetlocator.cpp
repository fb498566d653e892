#include "presetlocator.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

std::vector<std::string> PresetLocator::directories()
{
    std::vector<fs::path> candidates;
    if (const char *resources = std::getenv("CHORUS_RESOURCES"); resources && *resources)
        candidates.push_back(fs::path(resources) / "presets");
    std::error_code error;
    // /proc/self/exe, not argv[0]: the installed chorus-cli is usually found through PATH.
    const fs::path exe = fs::read_symlink("/proc/self/exe", error);
    if (!error) {
        const fs::path bin = exe.parent_path();
        candidates.push_back(bin / ".." / "share" / "chorus" / "presets");
        candidates.push_back(bin / ".." / "resources" / "presets");
        candidates.push_back(bin / ".." / ".." / "resources" / "presets");
    }
    std::vector<std::string> found;
    for (const fs::path &dir : candidates) {
        if (fs::is_directory(dir, error))
            found.push_back(fs::weakly_canonical(dir, error).string());
    }
    return found;
}

std::string PresetLocator::resolve(const std::string &configArgument)
{
    std::error_code error;
    if (configArgument.empty() || fs::exists(configArgument, error) ||
        configArgument.find('/') != std::string::npos)
        return configArgument;
    const fs::path name = fs::path(configArgument).extension() == ".json" ? fs::path(configArgument)
                                                                           : fs::path(configArgument + ".json");
    for (const std::string &dir : directories()) {
        const fs::path candidate = fs::path(dir) / name;
        if (fs::is_regular_file(candidate, error))
            return candidate.string();
    }
    return configArgument;
}
