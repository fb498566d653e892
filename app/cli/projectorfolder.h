#pragma once

#include "core/util/result.h"

#include <string>

// Where a projector export goes: the folder OUT (created) and the pair of files TensorBoard's
// projector and Chorus's read in it.
struct ProjectorFolder {
    std::string vectors;  // OUT/vectors.tsv
    std::string metadata; // OUT/metadata.tsv

    static chorus::Result<ProjectorFolder> create(const std::string &out);
};
