#include "core/import/inputpaths.h"

#include "core/util/utf8.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iterator>

namespace chorus {

std::string fileBaseName(const std::string &path)
{
    return std::filesystem::path(path).filename().string();
}

Result<std::string> resolveMediaPath(const std::string &inputFile, const std::string &mediaPath)
{
    if (mediaPath.empty())
        return mediaPath;
    for (const char c : mediaPath)
        if (static_cast<unsigned char>(c) < 0x20)
            return Error{"media path '" + utf8::sanitized(mediaPath) + "' contains a control character"};
    if (const std::size_t scheme = mediaPath.find("://"); scheme != std::string::npos) {
        std::string name = mediaPath.substr(0, scheme);
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        if (name == "http" || name == "https")
            return mediaPath;
        return Error{"media path '" + utf8::sanitized(mediaPath) + "' is a '" + utf8::sanitized(name) +
                     "' URL: only http and https links are kept, and files must be given as paths"};
    }
    std::filesystem::path folder = std::filesystem::path(inputFile).parent_path();
    if (folder.empty())
        folder = ".";
    std::error_code error;
    std::filesystem::path absoluteFolder = std::filesystem::absolute(folder, error);
    if (error)
        absoluteFolder = folder;
    absoluteFolder = absoluteFolder.lexically_normal();
    const std::filesystem::path media(mediaPath);
    const std::filesystem::path resolved = (media.is_absolute() ? media : absoluteFolder / media).lexically_normal();
    // Inside means: the folder's components are a prefix of the path's ("a/b/.." is already gone).
    auto inFolder = resolved.begin();
    bool inside = true;
    for (auto part = absoluteFolder.begin(); part != absoluteFolder.end() && inside; ++part) {
        if (part->empty() && std::next(part) == absoluteFolder.end())
            break; // the trailing empty component of "/data/"
        inside = inFolder != resolved.end() && *inFolder == *part;
        if (inside)
            ++inFolder;
    }
    // A path naming the folder itself ("." or "img/..", which normalise to "folder/") is no file.
    if (!inside || inFolder == resolved.end() || !resolved.has_filename())
        return Error{"media path '" + utf8::sanitized(mediaPath) + "' is outside the folder of '" +
                     fileBaseName(inputFile) + "' (" + absoluteFolder.string() +
                     "): pictures and videos must lie in that folder or below it"};
    return resolved.string();
}

std::string syntheticSourceId(const std::string &inputFile, std::uint64_t line)
{
    return fileBaseName(inputFile) + ":" + std::to_string(line);
}

} // namespace chorus
