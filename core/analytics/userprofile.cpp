#include "core/analytics/userprofile.h"

#include "core/import/privacy.h"
#include "core/store/project.h"

#include <algorithm>
#include <cstdlib>
#include <set>

namespace chorus {
namespace {

// The length of the pseudonym a pseudonymising import stores (ImportWriter): the HMAC's prefix.
constexpr std::size_t kPseudonymLength = 16;

std::optional<std::int64_t> parseId(const std::string &text)
{
    if (text.empty() || text.size() > 18 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    return std::strtoll(text.c_str(), nullptr, 10);
}

} // namespace

UserIdentity UserProfiler::makeIdentity(std::int64_t userId, const std::string &sourceId, const std::string &pseudonym,
                                        const std::string &name, bool privacy, const std::string &secret)
{
    UserIdentity identity;
    identity.userId = userId;
    if (privacy) {
        identity.pseudonym =
            !pseudonym.empty() ? pseudonym : Privacy::pseudonym(secret, sourceId).substr(0, kPseudonymLength);
        identity.display = identity.pseudonym;
        return identity;
    }
    identity.sourceId = sourceId;
    identity.name = name;
    identity.pseudonym = pseudonym;
    identity.display = !name.empty() ? name : sourceId;
    return identity;
}

Result<UserIdentity> UserProfiler::identity(Project &project, std::int64_t userId, bool privacy)
{
    std::string secret;
    if (privacy) {
        auto s = project.secret();
        if (!s)
            return s.error();
        secret = *s;
    }
    auto statement = project.db().prepare(
        "SELECT id, source_id, coalesce(pseudonym, ''), coalesce(name, '') FROM users WHERE id = ?");
    if (!statement)
        return statement.error();
    statement->bind(1, userId);
    if (!statement->step())
        return Error{statement->failed() ? statement->lastError() : "no user with id " + std::to_string(userId)};
    return makeIdentity(statement->int64(0), statement->text(1), statement->text(2), statement->text(3), privacy, secret);
}

Result<UserIdentity> UserProfiler::resolve(Project &project, const std::string &query, bool privacy)
{
    if (query.empty())
        return Error{"no user given"};
    std::vector<const char *> columns = privacy ? std::vector<const char *>{"pseudonym"}
                                                : std::vector<const char *>{"source_id", "pseudonym", "name"};
    for (const char *column : columns) {
        auto statement = project.db().prepare(std::string("SELECT id FROM users WHERE ") + column + " = ? LIMIT 2");
        if (!statement)
            return statement.error();
        statement->bind(1, query);
        std::vector<std::int64_t> ids;
        while (statement->step())
            ids.push_back(statement->int64(0));
        if (statement->failed())
            return Error{statement->lastError()};
        if (ids.size() > 1)
            return Error{"more than one user has the " + std::string(column) + " '" + query +
                         "'; give the source id or the numeric user id"};
        if (ids.size() == 1)
            return identity(project, ids[0], privacy);
    }
    if (privacy) {
        // Users imported without pseudonymising have none stored: derive theirs, as reports show it.
        auto secret = project.secret();
        if (!secret)
            return secret.error();
        auto statement = project.db().prepare("SELECT id, source_id FROM users WHERE pseudonym IS NULL");
        if (!statement)
            return statement.error();
        while (statement->step())
            if (Privacy::pseudonym(*secret, statement->textView(1)).substr(0, kPseudonymLength) == query)
                return identity(project, statement->int64(0), privacy);
    }
    if (auto id = parseId(query)) {
        auto found = identity(project, *id, privacy);
        if (found)
            return found;
    }
    return Error{privacy ? "no user with the pseudonym or numeric id '" + query + "'"
                         : "no user with the source id, pseudonym, name or numeric id '" + query + "'"};
}

Result<UserProfile> UserProfiler::profile(Project &project, std::int64_t userId, const UserProfileOptions &options)
{
    auto who = identity(project, userId, options.privacy);
    if (!who)
        return who.error();
    UserProfile profile;
    profile.user = std::move(*who);
    profile.resolution = options.resolution;
    // The user is ?1 and the dataset, when one is chosen, ?3 in every query below (?2 is free for a LIMIT).
    const std::string where = options.datasetId != 0 ? "p.author_id = ?1 AND p.dataset_id = ?3" : "p.author_id = ?1";

    auto totals = project.db().prepare("SELECT count(*), min(p.created_at), max(p.created_at), sum(coalesce(p.likes, 0)),"
                                       " sum(coalesce(p.shares, 0)), sum(coalesce(p.replies, 0)) FROM posts p WHERE " + where);
    if (!totals)
        return totals.error();
    totals->bind(1, userId).bind(3, options.datasetId);
    if (!totals->step())
        return Error{"summarising the user's posts: " + totals->lastError()};
    profile.posts = totals->int64(0);
    if (!totals->isNull(1)) {
        profile.firstPost = totals->int64(1);
        profile.lastPost = totals->int64(2);
    }
    profile.likes = totals->int64(3);
    profile.shares = totals->int64(4);
    profile.replies = totals->int64(5);
    if (profile.posts > 0) {
        const auto n = static_cast<double>(profile.posts);
        profile.meanLikes = static_cast<double>(profile.likes) / n;
        profile.meanShares = static_cast<double>(profile.shares) / n;
        profile.meanReplies = static_cast<double>(profile.replies) / n;
    }

    const std::string bucket = TimeBucket::sqlExpression("p.created_at", options.resolution);
    if (profile.firstPost)
        profile.activityBuckets = TimeBucket::range(*profile.firstPost, *profile.lastPost, options.resolution);
    profile.activity.assign(profile.activityBuckets.size(), 0);
    const std::int64_t width = TimeBucket::seconds(options.resolution);
    auto indexOf = [&](std::int64_t b) { return static_cast<std::size_t>((b - profile.activityBuckets.front()) / width); };
    auto activity = project.db().prepare("SELECT " + bucket + ", count(*) FROM posts p WHERE " + where +
                                         " AND p.created_at IS NOT NULL GROUP BY 1");
    if (!activity)
        return activity.error();
    activity->bind(1, userId).bind(3, options.datasetId);
    while (activity->step())
        profile.activity[indexOf(activity->int64(0))] = activity->int64(1);
    if (activity->failed())
        return Error{"counting the user's activity: " + activity->lastError()};

    // Label mixes: one GROUP BY over (task, value, bucket); posts without a time count in the
    // totals only.
    std::set<std::string> wanted(options.tasks.begin(), options.tasks.end());
    auto labels = project.db().prepare("SELECT l.task, l.value, CASE WHEN p.created_at IS NULL THEN NULL ELSE " + bucket +
                                       " END, count(*) FROM labels l JOIN posts p ON p.id = l.post_id WHERE " + where +
                                       " GROUP BY 1, 2, 3 ORDER BY 1, 2");
    if (!labels)
        return labels.error();
    labels->bind(1, userId).bind(3, options.datasetId);
    std::map<std::string, std::map<std::string, std::vector<std::int64_t>>> perBucket;
    std::map<std::string, std::map<std::string, std::int64_t>> perValue;
    while (labels->step()) {
        const std::string task = labels->text(0);
        if (!wanted.empty() && !wanted.count(task))
            continue;
        const std::string value = labels->text(1);
        std::vector<std::int64_t> &line = perBucket[task][value];
        line.resize(profile.activityBuckets.size(), 0);
        if (!labels->isNull(2) && !profile.activityBuckets.empty())
            line[indexOf(labels->int64(2))] += labels->int64(3);
        perValue[task][value] += labels->int64(3);
    }
    if (labels->failed())
        return Error{"counting the user's labels: " + labels->lastError()};
    for (const std::string &task : options.tasks)
        perValue[task]; // a task asked for is reported even when none of the user's posts has it
    for (auto &[task, values] : perValue) {
        UserLabelMix mix;
        mix.task = task;
        for (auto &[value, total] : values) {
            mix.values.push_back(value);
            mix.totals.push_back(total);
            mix.counts.push_back(std::move(perBucket[task][value]));
        }
        profile.labels.push_back(std::move(mix));
    }

    // Interactions usually live in a dataset of their own (views, likes of items), so they are
    // counted over every dataset.
    auto interactions =
        project.db().prepare("SELECT kind, count(*) FROM interactions WHERE user_id = ? GROUP BY kind ORDER BY kind");
    if (!interactions)
        return interactions.error();
    interactions->bind(1, userId);
    while (interactions->step()) {
        profile.interactionsByKind[interactions->text(0)] = interactions->int64(1);
        profile.interactions += interactions->int64(1);
    }
    if (interactions->failed())
        return Error{"counting the user's interactions: " + interactions->lastError()};

    auto recent = project.db().prepare("SELECT p.id, p.created_at, p.text, coalesce(p.likes, 0), coalesce(p.shares, 0)"
                                       " FROM posts p WHERE " + where +
                                       " ORDER BY p.created_at IS NULL, p.created_at DESC, p.id DESC LIMIT ?2");
    if (!recent)
        return recent.error();
    recent->bind(1, userId).bind(2, static_cast<std::int64_t>(options.recentPosts)).bind(3, options.datasetId);
    while (recent->step()) {
        UserPost post;
        post.postId = recent->int64(0);
        if (!recent->isNull(1))
            post.createdAt = recent->int64(1);
        post.text = recent->text(2);
        post.likes = recent->int64(3);
        post.shares = recent->int64(4);
        profile.recentPosts.push_back(std::move(post));
    }
    if (recent->failed())
        return Error{"listing the user's posts: " + recent->lastError()};
    return profile;
}

} // namespace chorus
