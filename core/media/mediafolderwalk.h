#pragma once

#include <functional>
#include <string>
#include <vector>

namespace chorus {

// One media file met while walking an input folder.
struct MediaFile {
    std::string path;         // absolute, normalised
    std::string relativePath; // from the root folder, '/'-separated: the post's source id
    std::string firstFolder;  // first-level sub-folder under the root; empty for files in the root
};

// Walks a folder recursively in a stable order (entries sorted by name at every level, depth first),
// so that re-imports meet files in the same order. Memory grows with the entries of one folder per
// level, never with the whole tree. Symbolic links to folders are not followed (no cycles).
class MediaFolderWalk {
public:
    // Returns false to stop the walk.
    using FileHandler = std::function<bool(const MediaFile &file)>;
    // A sub-folder that could not be listed: its path and why. Returns false to stop the walk.
    using ErrorHandler = std::function<bool(const std::string &path, const std::string &reason)>;

    // extensions: lowercase with the dot (".png"); files with other extensions are skipped.
    explicit MediaFolderWalk(std::vector<std::string> extensions);

    bool hasMediaExtension(const std::string &path) const;
    // Returns false when a handler stopped the walk.
    bool walk(const std::string &root, const FileHandler &onFile, const ErrorHandler &onError) const;

private:
    bool walkFolder(const std::string &folder, const std::string &relative,
                    const FileHandler &onFile, const ErrorHandler &onError) const;

    std::vector<std::string> m_extensions;
};

} // namespace chorus
