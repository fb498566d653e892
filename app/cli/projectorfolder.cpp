#include "projectorfolder.h"

#include <filesystem>
#include <system_error>

chorus::Result<ProjectorFolder> ProjectorFolder::create(const std::string &out)
{
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    if (ec)
        return chorus::Error{"cannot create folder " + out + ": " + ec.message()};
    return ProjectorFolder{(std::filesystem::path(out) / "vectors.tsv").string(),
                           (std::filesystem::path(out) / "metadata.tsv").string()};
}
