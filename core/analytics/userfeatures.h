#pragma once

#include "core/analytics/userprofile.h"
#include "core/util/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace chorus {

class Project;

struct UserFeatureOptions {
    std::int64_t datasetId = 0; // 0: every dataset
    // Label tasks whose value mix becomes columns (e.g. topic, sentiment).
    std::vector<std::string> tasks;
    bool privacy = false; // pseudonyms only: no source id or name column
    int minPosts = 1;
};

// One row per user who wrote posts: activity, reach and the mix of chosen label tasks.
struct UserFeatureTable {
    struct Row {
        UserIdentity user;
        std::string firstPost; // ISO 8601 UTC; empty when no post has a time
        std::string lastPost;
        std::vector<double> values; // one per column of `columns`
    };

    bool privacy = false;
    // The numeric columns: posts, active_days, posts_per_active_day, mean_likes, mean_shares,
    // mean_replies, interactions, then per task "<task>_labelled" and one "<task>=<value>" share
    // per value (sorted).
    std::vector<std::string> columns;
    std::vector<Row> rows; // most posts first, then by user id

    // "user", ("source_id" without privacy), "user_id", "first_post", "last_post", then columns.
    std::vector<std::string> header() const;
};

// The user-level feature table, from a few SQL aggregates (never the post texts), and its CSV.
class UserFeatures {
public:
    static Result<UserFeatureTable> build(Project &project, const UserFeatureOptions &options);
    // RFC 4180 CSV with the header line; written to a temporary file and renamed over path.
    static Status writeCsv(const UserFeatureTable &table, const std::string &path);
};

} // namespace chorus
