#pragma once

#include "core/analytics/userprofile.h"
#include "core/analytics/usersimilarity.h"
#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace chorus {

class Project;

// A user profile analysis as one value: the profile, the users who write most alike and the
// user's characteristic terms. Printed by `chorus-cli profile --user`, shown by the Users view,
// stored by both (AnalysisStore kind "profile"). Identities follow the privacy setting it was
// computed under: with privacy only pseudonyms and the project's numeric user ids are kept.
struct ProfileReport {
    using Progress = std::function<bool(const std::string &stage, double fraction)>;

    struct Neighbour {
        UserIdentity user;
        double similarity = 0.0;
    };

    UserProfileOptions options;
    UserProfile profile;
    bool withSimilarity = false; // neighbours and terms were asked for (they may still be empty)
    std::vector<Neighbour> similar;
    std::vector<std::pair<std::string, double>> topTerms;
    // "title (score): reason" lines from a recommender run, as the Users view shows them.
    std::vector<std::string> recommendations;

    // The profile and, with similar > 0, the similar users and terms from `model` (built over
    // options.datasetId when null). Progress returning false cancels with Error "cancelled".
    static Result<ProfileReport> compute(Project &project, std::int64_t userId, const UserProfileOptions &options,
                                         int similar, const UserSimilarity *model = nullptr,
                                         const Progress &progress = {});

    // {"privacy", "user", "posts", "first_post", "last_post", "resolution", "activity": {"buckets",
    // "bucket_starts", "posts"}, "engagement", "labels", "interactions", "recent_posts",
    // "top_terms"?, "similar"?, "recommendations"?}
    nlohmann::json toJson() const;
    nlohmann::json paramsJson() const;
    static Result<ProfileReport> fromJson(const nlohmann::json &json);
    // "profile of <display>": under privacy the display is the pseudonym.
    std::string defaultName() const;

    // Looks every user of the report up again under `privacy` (by numeric id), so a report stored
    // without privacy shows only pseudonyms when privacy is on now. A user no longer in the project
    // keeps a stored pseudonym, or shows as "#id".
    Status reidentify(Project &project, bool privacy);
};

// A user as reports name them: id, display, pseudonym where known, source id and name only
// without privacy.
nlohmann::json userIdentityJson(const UserIdentity &user, bool privacy);

} // namespace chorus
