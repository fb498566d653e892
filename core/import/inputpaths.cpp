#include "core/import/inputpaths.h"

#include <filesystem>

namespace chorus {

std::string fileBaseName(const std::string &path)
{
    return std::filesystem::path(path).filename().string();
}

std::string resolveMediaPath(const std::string &inputFile, const std::string &mediaPath)
{
    if (mediaPath.empty() || mediaPath.find("://") != std::string::npos)
        return mediaPath;
    const std::filesystem::path media(mediaPath);
    if (media.is_absolute())
        return mediaPath;
    std::filesystem::path folder = std::filesystem::path(inputFile).parent_path();
    if (folder.empty())
        folder = ".";
    std::error_code error;
    std::filesystem::path absolute = std::filesystem::absolute(folder, error);
    if (error)
        absolute = folder;
    return (absolute / media).lexically_normal().string();
}

std::string syntheticSourceId(const std::string &inputFile, std::uint64_t line)
{
    return fileBaseName(inputFile) + ":" + std::to_string(line);
}

} // namespace chorus
