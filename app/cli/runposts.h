#pragma once

#include "core/util/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace chorus {
class Project;
}

// A stored post as the run commands (predict, eval) read it.
struct PostText {
    std::int64_t id = 0;
    std::string text;
    std::string label; // empty when the post has none for the task
};

// Posts of a dataset, or of one part of a split, with their label for the task.
chorus::Result<std::vector<PostText>> postsOf(chorus::Project &project, const std::string &dataset, const std::string &task,
                                      std::int64_t splitId, const std::string &part);
