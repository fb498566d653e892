#include "core/analytics/profilereport.h"

#include "core/util/timeparse.h"

namespace chorus {
namespace {

UserIdentity identityFromJson(const nlohmann::json &json)
{
    UserIdentity user;
    user.userId = json.at("user_id").get<std::int64_t>();
    user.display = json.value("display", std::string());
    user.pseudonym = json.value("pseudonym", std::string());
    user.sourceId = json.value("source_id", std::string());
    user.name = json.value("name", std::string());
    return user;
}

nlohmann::json optionalTime(const std::optional<std::int64_t> &t)
{
    return t ? nlohmann::json(formatIsoUtc(*t)) : nlohmann::json();
}

std::optional<std::int64_t> timeFromJson(const nlohmann::json &json)
{
    if (!json.is_string())
        return std::nullopt;
    return parseTimestamp(json.get<std::string>());
}

} // namespace

nlohmann::json userIdentityJson(const UserIdentity &user, bool privacy)
{
    nlohmann::json json = {{"user_id", user.userId}, {"display", user.display}};
    if (!user.pseudonym.empty())
        json["pseudonym"] = user.pseudonym;
    if (!privacy) {
        json["source_id"] = user.sourceId;
        if (!user.name.empty())
            json["name"] = user.name;
    }
    return json;
}

Result<ProfileReport> ProfileReport::compute(Project &project, std::int64_t userId, const UserProfileOptions &options,
                                             int similar, const UserSimilarity *model, const Progress &progress)
{
    auto report = [&](const char *stage, double fraction) { return !progress || progress(stage, fraction); };
    if (!report("profile", 0.1))
        return Error{"cancelled"};
    auto profile = UserProfiler::profile(project, userId, options);
    if (!profile)
        return profile.error();
    ProfileReport out;
    out.options = options;
    out.profile = std::move(*profile);
    if (similar <= 0)
        return out;
    out.withSimilarity = true;
    std::optional<UserSimilarity> built;
    if (!model) {
        if (!report("user vectors", 0.3))
            return Error{"cancelled"};
        UserVectorOptions vectorOptions;
        vectorOptions.datasetId = options.datasetId;
        auto vectors = UserSimilarity::build(project, vectorOptions);
        if (!vectors)
            return vectors.error();
        built = std::move(*vectors);
        model = &*built;
    }
    if (!report("similar users", 0.9))
        return Error{"cancelled"};
    for (const SimilarUser &other : model->mostSimilar(userId, similar)) {
        auto who = UserProfiler::identity(project, other.userId, options.privacy);
        if (!who)
            return who.error();
        out.similar.push_back({std::move(*who), other.similarity});
    }
    out.topTerms = model->topTerms(userId, 10);
    return out;
}

nlohmann::json ProfileReport::toJson() const
{
    const UserProfile &p = profile;
    const bool privacy = options.privacy;
    nlohmann::json labels = nlohmann::json::array();
    for (const UserLabelMix &mix : p.labels) {
        nlohmann::json totals = nlohmann::json::object();
        nlohmann::json overTime = nlohmann::json::object();
        for (std::size_t v = 0; v < mix.values.size(); ++v) {
            totals[mix.values[v]] = mix.totals[v];
            overTime[mix.values[v]] = mix.counts[v];
        }
        labels.push_back({{"task", mix.task}, {"counts", totals}, {"over_time", overTime}});
    }
    nlohmann::json bucketLabels = nlohmann::json::array();
    for (std::int64_t start : p.activityBuckets)
        bucketLabels.push_back(TimeBucket::label(start, p.resolution));
    nlohmann::json posts = nlohmann::json::array();
    for (const UserPost &post : p.recentPosts)
        posts.push_back({{"post_id", post.postId},
                         {"created_at", optionalTime(post.createdAt)},
                         {"text", post.text},
                         {"likes", post.likes},
                         {"shares", post.shares}});
    nlohmann::json json = {{"privacy", privacy},
                           {"user", userIdentityJson(p.user, privacy)},
                           {"posts", p.posts},
                           {"first_post", optionalTime(p.firstPost)},
                           {"last_post", optionalTime(p.lastPost)},
                           {"resolution", TimeBucket::resolutionName(p.resolution)},
                           {"activity", {{"buckets", bucketLabels}, {"bucket_starts", p.activityBuckets}, {"posts", p.activity}}},
                           {"engagement",
                            {{"likes", p.likes},
                             {"shares", p.shares},
                             {"replies", p.replies},
                             {"mean_likes", p.meanLikes},
                             {"mean_shares", p.meanShares},
                             {"mean_replies", p.meanReplies}}},
                           {"labels", labels},
                           {"interactions", {{"total", p.interactions}, {"by_kind", p.interactionsByKind}}},
                           {"recent_posts", posts}};
    if (withSimilarity) {
        nlohmann::json terms = nlohmann::json::array();
        for (const auto &[term, weight] : topTerms)
            terms.push_back({{"term", term}, {"weight", weight}});
        nlohmann::json others = nlohmann::json::array();
        for (const Neighbour &n : similar) {
            nlohmann::json entry = userIdentityJson(n.user, privacy);
            entry["similarity"] = n.similarity;
            others.push_back(entry);
        }
        json["top_terms"] = terms;
        json["similar"] = others;
    }
    if (!recommendations.empty())
        json["recommendations"] = recommendations;
    return json;
}

nlohmann::json ProfileReport::paramsJson() const
{
    return {{"dataset_id", options.datasetId},
            {"user_id", profile.user.userId},
            {"resolution", TimeBucket::resolutionName(options.resolution)},
            {"tasks", options.tasks},
            {"privacy", options.privacy},
            {"similar", withSimilarity ? similar.size() : 0}};
}

Result<ProfileReport> ProfileReport::fromJson(const nlohmann::json &json)
{
    if (!json.is_object() || !json.contains("user") || !json.contains("activity"))
        return Error{"not a stored profile result"};
    ProfileReport out;
    try {
        auto resolution = TimeBucket::parseResolution(json.at("resolution").get<std::string>());
        if (!resolution)
            return resolution.error();
        out.options.privacy = json.value("privacy", false);
        out.options.resolution = *resolution;
        UserProfile &p = out.profile;
        p.resolution = *resolution;
        p.user = identityFromJson(json.at("user"));
        p.posts = json.value("posts", std::int64_t(0));
        p.firstPost = timeFromJson(json.value("first_post", nlohmann::json()));
        p.lastPost = timeFromJson(json.value("last_post", nlohmann::json()));
        const nlohmann::json &activity = json.at("activity");
        p.activity = activity.at("posts").get<std::vector<std::int64_t>>();
        if (activity.contains("bucket_starts")) {
            p.activityBuckets = activity.at("bucket_starts").get<std::vector<std::int64_t>>();
        } else {
            // Written by a Chorus that kept only the labels: they name the buckets as well.
            for (const nlohmann::json &label : activity.at("buckets")) {
                auto t = parseTimestamp(label.get<std::string>());
                if (!t)
                    return Error{"a stored activity bucket '" + label.get<std::string>() + "' is not a time"};
                p.activityBuckets.push_back(TimeBucket::start(*t, *resolution));
            }
        }
        if (p.activity.size() != p.activityBuckets.size())
            return Error{"the stored activity does not match its buckets"};
        const nlohmann::json &engagement = json.at("engagement");
        p.likes = engagement.value("likes", std::int64_t(0));
        p.shares = engagement.value("shares", std::int64_t(0));
        p.replies = engagement.value("replies", std::int64_t(0));
        p.meanLikes = engagement.value("mean_likes", 0.0);
        p.meanShares = engagement.value("mean_shares", 0.0);
        p.meanReplies = engagement.value("mean_replies", 0.0);
        for (const nlohmann::json &entry : json.at("labels")) {
            UserLabelMix mix;
            mix.task = entry.at("task").get<std::string>();
            for (const auto &[value, total] : entry.at("counts").items()) {
                mix.values.push_back(value);
                mix.totals.push_back(total.get<std::int64_t>());
                std::vector<std::int64_t> overTime;
                if (entry.contains("over_time") && entry.at("over_time").contains(value))
                    overTime = entry.at("over_time").at(value).get<std::vector<std::int64_t>>();
                overTime.resize(p.activityBuckets.size(), 0);
                mix.counts.push_back(std::move(overTime));
            }
            out.options.tasks.push_back(mix.task);
            p.labels.push_back(std::move(mix));
        }
        if (json.contains("interactions")) {
            p.interactions = json.at("interactions").value("total", std::int64_t(0));
            if (json.at("interactions").contains("by_kind"))
                p.interactionsByKind = json.at("interactions").at("by_kind").get<std::map<std::string, std::int64_t>>();
        }
        for (const nlohmann::json &entry : json.value("recent_posts", nlohmann::json::array())) {
            UserPost post;
            post.postId = entry.at("post_id").get<std::int64_t>();
            post.createdAt = timeFromJson(entry.value("created_at", nlohmann::json()));
            post.text = entry.value("text", std::string());
            post.likes = entry.value("likes", std::int64_t(0));
            post.shares = entry.value("shares", std::int64_t(0));
            p.recentPosts.push_back(std::move(post));
        }
        out.withSimilarity = json.contains("similar");
        for (const nlohmann::json &entry : json.value("similar", nlohmann::json::array()))
            out.similar.push_back({identityFromJson(entry), entry.value("similarity", 0.0)});
        for (const nlohmann::json &entry : json.value("top_terms", nlohmann::json::array()))
            out.topTerms.emplace_back(entry.at("term").get<std::string>(), entry.value("weight", 0.0));
        for (const nlohmann::json &line : json.value("recommendations", nlohmann::json::array()))
            out.recommendations.push_back(line.get<std::string>());
    } catch (const nlohmann::json::exception &e) {
        return Error{std::string("a stored profile result is incomplete: ") + e.what()};
    }
    return out;
}

std::string ProfileReport::defaultName() const { return "profile of " + profile.user.display; }

Status ProfileReport::reidentify(Project &project, bool privacy)
{
    auto again = [&](UserIdentity &user) -> Status {
        auto found = UserProfiler::identity(project, user.userId, privacy);
        if (found) {
            user = std::move(*found);
            return {};
        }
        if (privacy) {
            // Nothing but a pseudonym may remain; without one, the numeric id.
            const std::string pseudonym = options.privacy || !user.pseudonym.empty() ? user.pseudonym : std::string();
            user.sourceId.clear();
            user.name.clear();
            user.pseudonym = pseudonym;
            user.display = pseudonym.empty() ? "#" + std::to_string(user.userId) : pseudonym;
        }
        return {};
    };
    if (Status s = again(profile.user); !s.ok())
        return s;
    for (Neighbour &n : similar)
        if (Status s = again(n.user); !s.ok())
            return s;
    options.privacy = privacy;
    return {};
}

} // namespace chorus
