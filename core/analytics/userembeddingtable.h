#pragma once

#include "core/embeddings/projectortable.h"
#include "core/util/result.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace chorus {

class Project;

struct UserEmbeddingTableOptions {
    bool privacy = false;       // labels are pseudonyms; no source id or name anywhere in the table
    std::size_t dimensions = 64;
    std::uint64_t seed = 1;
};

// A dataset's authors as points for the embedding projector. A user's vector is the one user
// similarity ranks users by (UserSimilarity: TF-IDF of everything they wrote, unit length),
// reduced to `dimensions` by the randomized SVD of LSA, so cosine neighbours in the projector
// follow the profile's "writes most alike". Metadata columns: "user" (the display name, a
// pseudonym under privacy), "posts" (a band: 1, 2-4, 5-9, 10-49, 50+), one column per label task
// with the user's most frequent value (e.g. their dominant topic or sentiment), and "user_id" (the
// project's numeric id, which names no one outside the project). Users whose posts hold no term
// are left out: they have no direction to draw.
Result<ProjectorTable> userEmbeddingTable(Project &project, const std::string &dataset,
                                          const UserEmbeddingTableOptions &options = {});

} // namespace chorus
