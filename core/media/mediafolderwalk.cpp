#include "core/media/mediafolderwalk.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <system_error>
#include <utility>

namespace chorus {

namespace fs = std::filesystem;

MediaFolderWalk::MediaFolderWalk(std::vector<std::string> extensions) : m_extensions(std::move(extensions)) {}

bool MediaFolderWalk::hasMediaExtension(const std::string &path) const
{
    std::string extension = fs::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return std::find(m_extensions.begin(), m_extensions.end(), extension) != m_extensions.end();
}

bool MediaFolderWalk::walk(const std::string &root, const FileHandler &onFile, const ErrorHandler &onError) const
{
    std::error_code ec;
    fs::path absolute = fs::absolute(fs::path(root), ec);
    if (ec)
        absolute = fs::path(root);
    return walkFolder(absolute.lexically_normal().string(), std::string(), onFile, onError);
}

bool MediaFolderWalk::walkFolder(const std::string &folder, const std::string &relative,
                                 const FileHandler &onFile, const ErrorHandler &onError) const
{
    struct Entry {
        std::string name;
        bool isFolder = false;
    };
    std::vector<Entry> entries;
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    if (ec)
        return onError(folder, "cannot read folder: " + ec.message());
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
        if (ec)
            return onError(folder, "cannot read folder: " + ec.message());
        const fs::directory_entry &entry = *it;
        std::error_code typeError;
        // A link to a folder is not followed; a link to a file is read like the file.
        if (entry.is_symlink(typeError) && entry.is_directory(typeError))
            continue;
        if (entry.is_directory(typeError))
            entries.push_back({entry.path().filename().string(), true});
        else if (entry.is_regular_file(typeError) && hasMediaExtension(entry.path().string()))
            entries.push_back({entry.path().filename().string(), false});
    }
    if (ec)
        return onError(folder, "cannot read folder: " + ec.message());
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.name < b.name; });

    for (const Entry &entry : entries) {
        const std::string path = (fs::path(folder) / entry.name).string();
        const std::string entryRelative = relative.empty() ? entry.name : relative + "/" + entry.name;
        if (entry.isFolder) {
            if (!walkFolder(path, entryRelative, onFile, onError))
                return false;
            continue;
        }
        MediaFile file;
        file.path = path;
        file.relativePath = entryRelative;
        const std::size_t slash = entryRelative.find('/');
        if (slash != std::string::npos)
            file.firstFolder = entryRelative.substr(0, slash);
        if (!onFile(file))
            return false;
    }
    return true;
}

} // namespace chorus
