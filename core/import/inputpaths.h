#pragma once

#include <cstdint>
#include <string>

namespace chorus {

// The file name of path without its folders ("posts.csv" for "/data/posts.csv").
std::string fileBaseName(const std::string &path);

// A media path as a source file gives it, made usable later: absolute paths and URLs stay as
// they are, relative paths are resolved against the folder of inputFile (not the working
// directory, which says nothing about where the data lives).
std::string resolveMediaPath(const std::string &inputFile, const std::string &mediaPath);

// A source id for a record that has none: the file's base name and the line the record starts
// on. Stable across runs, so importing the same file again finds the records already stored.
std::string syntheticSourceId(const std::string &inputFile, std::uint64_t line);

} // namespace chorus
