#pragma once

#include "core/analytics/topiccorpus.h"
#include "core/embeddings/projectortable.h"
#include "core/util/result.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace chorus {

class Project;

struct PostEmbeddingTableOptions {
    std::size_t dimensions = 64;
    std::uint64_t seed = 1;
    // Characters of each post's text kept as its label (hover text, search).
    std::size_t labelCharacters = 140;
};

// A dataset's posts as points for the embedding projector: their LSA vectors (the same
// representation topic discovery clusters) with metadata columns "text", "author", "day", one
// column per label task (topics included, so a topic run colours the map) and "split" (the part
// of the dataset's latest split). Authors show as their pseudonym where the import stored one.
// Posts without any kept term are left out: they have no direction to draw.
Result<ProjectorTable> postEmbeddingTable(Project &project, const std::string &dataset,
                                          const PostEmbeddingTableOptions &options = {},
                                          const TopicProgress &progress = {});

} // namespace chorus
