#pragma once

#include "core/analytics/timebucket.h"
#include "core/util/result.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace chorus {

class Project;

// Who a user is, as far as a report may say. Under privacy sourceId and name stay empty and
// display is the pseudonym: the user's stored one (pseudonymised imports), otherwise the one
// such an import would have given them (keyed by the project's secret), so reports of the same
// project agree either way.
struct UserIdentity {
    std::int64_t userId = 0; // the project's own row id: meaningless outside the project
    std::string sourceId;
    std::string name;
    std::string pseudonym;
    std::string display;
};

struct UserProfileOptions {
    std::int64_t datasetId = 0; // 0: every dataset
    TimeResolution resolution = TimeResolution::Week;
    std::vector<std::string> tasks; // label tasks to summarise; empty: every task of the user's posts
    bool privacy = false;
    std::size_t recentPosts = 50; // newest posts listed in the profile
};

// How one label task's values spread over a user's posts, in total and per activity bucket.
struct UserLabelMix {
    std::string task;
    std::vector<std::string> values;               // sorted
    std::vector<std::int64_t> totals;              // per value
    std::vector<std::vector<std::int64_t>> counts; // [value][activity bucket]
};

// One of the user's posts as a profile lists it.
struct UserPost {
    std::int64_t postId = 0;
    std::optional<std::int64_t> createdAt; // Unix seconds
    std::string text;
    std::int64_t likes = 0;
    std::int64_t shares = 0;
};

struct UserProfile {
    UserIdentity user;
    std::int64_t posts = 0;
    std::optional<std::int64_t> firstPost; // Unix seconds
    std::optional<std::int64_t> lastPost;
    TimeResolution resolution = TimeResolution::Week;
    std::vector<std::int64_t> activityBuckets; // zero-filled from the first to the last post
    std::vector<std::int64_t> activity;        // posts per bucket
    std::int64_t likes = 0; // received, summed over the user's posts
    std::int64_t shares = 0;
    std::int64_t replies = 0;
    double meanLikes = 0.0; // per post
    double meanShares = 0.0;
    double meanReplies = 0.0;
    std::vector<UserLabelMix> labels;
    std::int64_t interactions = 0; // rows of the interactions table by this user, in every dataset
    std::map<std::string, std::int64_t> interactionsByKind;
    std::vector<UserPost> recentPosts; // newest first, at most UserProfileOptions::recentPosts
};

// A user's activity, reach, label mix and interactions, each from one SQL aggregate.
class UserProfiler {
public:
    // Finds a user by what a person would type. Without privacy: the source id, then the
    // pseudonym, then the display name, then the project's numeric user id. Under privacy only the
    // pseudonym (stored or derived) and the numeric id are accepted, so a source id cannot be
    // confirmed by looking it up.
    static Result<UserIdentity> resolve(Project &project, const std::string &query, bool privacy);
    static Result<UserIdentity> identity(Project &project, std::int64_t userId, bool privacy);
    // The identity from a users row; secret: the project's secret (needed under privacy only).
    static UserIdentity makeIdentity(std::int64_t userId, const std::string &sourceId, const std::string &pseudonym,
                                     const std::string &name, bool privacy, const std::string &secret);

    static Result<UserProfile> profile(Project &project, std::int64_t userId, const UserProfileOptions &options);
};

} // namespace chorus
