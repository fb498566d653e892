#pragma once

#include "core/util/result.h"

#include <cstdint>
#include <string>

namespace chorus {

// The file name of path without its folders ("posts.csv" for "/data/posts.csv").
std::string fileBaseName(const std::string &path);

// A media path as a source file gives it, made usable later: relative paths are resolved against
// the folder of inputFile (not the working directory, which says nothing about where the data
// lives). The data decides nothing about which files Chorus reads: a path that leaves that folder
// ("../", or an absolute path elsewhere) is an error, and so is a URL other than http(s), which is
// kept as a link and never opened. An empty path stays empty.
Result<std::string> resolveMediaPath(const std::string &inputFile, const std::string &mediaPath);

// A source id for a record that has none: the file's base name and the line the record starts
// on. Stable across runs, so importing the same file again finds the records already stored.
std::string syntheticSourceId(const std::string &inputFile, std::uint64_t line);

} // namespace chorus
