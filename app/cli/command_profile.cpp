// The profile subcommand: one user's activity, reach and label mix, similar users, and the
// user-level feature table.
#include "arguments.h"
#include "clicontext.h"
#include "commands.h"
#include "helptext.h"

#include "core/analytics/userfeatures.h"
#include "core/analytics/userprofile.h"
#include "core/analytics/usersimilarity.h"
#include "core/store/project.h"
#include "core/util/timeparse.h"

#include <cstdio>
#include <sstream>

using namespace chorus;

namespace {

const char *kProfileHelp =
    "Usage: chorus-cli profile PROJECT.chorus [--user ID|NAME] [--dataset NAME] [--resolution hour|day|week]\n"
    "                          [--tasks a,b] [--similar K] [--features-csv FILE] [--privacy] [--json]\n\n"
    "--user: a user's post count, activity per bucket (default week), first and last post, likes,\n"
    "shares and replies received (sums and means per post), the mix of each label task (--tasks, or\n"
    "every task) in total and over time, and interactions. The user is found by source id, pseudonym,\n"
    "name or the project's numeric user id.\n"
    "--similar K adds the K users who write most alike (cosine of TF-IDF vectors of their posts) and\n"
    "the user's most characteristic terms.\n"
    "--features-csv FILE writes one row per user: activity, engagement, interactions and the share of\n"
    "each value of --tasks (e.g. topic,sentiment); --user is optional then.\n"
    "--privacy shows pseudonyms only: no source ids or names in any output, and users are looked up\n"
    "by pseudonym or numeric id only.\n";

std::vector<std::string> splitList(const std::string &text)
{
    std::vector<std::string> out;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, ','))
        if (!part.empty())
            out.push_back(part);
    return out;
}

nlohmann::json identityJson(const UserIdentity &user, bool privacy)
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

std::string formatNumber(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3g", value);
    return buffer;
}

} // namespace

int commandProfile(const std::vector<std::string> &argv)
{
    if (printHelpIfAsked(argv, kProfileHelp))
        return 0;
    Arguments args(argv, {"user", "dataset", "resolution", "tasks", "similar", "features-csv"}, {"json", "privacy"});
    CliContext ctx("profile", args.has("json"));
    const long long similar = args.integer("similar", 0);
    if (!args.ok())
        return ctx.usage(args.error());
    if (args.positionals().size() != 1)
        return ctx.usage("expected exactly one project path");
    if (!args.has("user") && !args.has("features-csv"))
        return ctx.usage("give --user ID|NAME, --features-csv FILE, or both");
    if (similar < 0)
        return ctx.usage("--similar takes a number of at least 0");
    if (similar > 0 && !args.has("user"))
        return ctx.usage("--similar needs --user");
    auto resolution = TimeBucket::parseResolution(args.value("resolution", "week"));
    if (!resolution)
        return ctx.usage(resolution.message());
    const bool privacy = args.has("privacy");
    const std::vector<std::string> tasks = splitList(args.value("tasks"));

    auto project = Project::open(args.positionals()[0], Project::OpenMode::OpenExisting);
    if (!project)
        return ctx.fail(project.message());
    Project &p = **project;
    std::int64_t datasetId = 0;
    if (args.has("dataset")) {
        auto id = p.datasetId(args.value("dataset"));
        if (!id)
            return ctx.fail("no dataset '" + args.value("dataset") + "' in " + p.path());
        datasetId = *id;
    }

    nlohmann::json result = {{"project", p.path()}, {"privacy", privacy}};
    std::ostringstream text;
    if (args.has("user")) {
        auto user = UserProfiler::resolve(p, args.value("user"), privacy);
        if (!user)
            return ctx.fail(user.message());
        UserProfileOptions options;
        options.datasetId = datasetId;
        options.resolution = *resolution;
        options.tasks = tasks;
        options.privacy = privacy;
        auto profile = UserProfiler::profile(p, user->userId, options);
        if (!profile)
            return ctx.fail(profile.message());
        nlohmann::json activityBuckets = nlohmann::json::array();
        for (std::int64_t start : profile->activityBuckets)
            activityBuckets.push_back(TimeBucket::label(start, *resolution));
        nlohmann::json labels = nlohmann::json::array();
        for (const UserLabelMix &mix : profile->labels) {
            nlohmann::json totals = nlohmann::json::object();
            nlohmann::json overTime = nlohmann::json::object();
            for (std::size_t v = 0; v < mix.values.size(); ++v) {
                totals[mix.values[v]] = mix.totals[v];
                overTime[mix.values[v]] = mix.counts[v];
            }
            labels.push_back({{"task", mix.task}, {"counts", totals}, {"over_time", overTime}});
        }
        result["user"] = identityJson(profile->user, privacy);
        result["posts"] = profile->posts;
        result["first_post"] = profile->firstPost ? nlohmann::json(formatIsoUtc(*profile->firstPost)) : nlohmann::json();
        result["last_post"] = profile->lastPost ? nlohmann::json(formatIsoUtc(*profile->lastPost)) : nlohmann::json();
        result["resolution"] = TimeBucket::resolutionName(*resolution);
        result["activity"] = {{"buckets", activityBuckets}, {"posts", profile->activity}};
        result["engagement"] = {{"likes", profile->likes},
                                {"shares", profile->shares},
                                {"replies", profile->replies},
                                {"mean_likes", profile->meanLikes},
                                {"mean_shares", profile->meanShares},
                                {"mean_replies", profile->meanReplies}};
        result["labels"] = labels;
        result["interactions"] = {{"total", profile->interactions}, {"by_kind", profile->interactionsByKind}};

        text << "User " << profile->user.display << " (#" << profile->user.userId << "): " << profile->posts << " posts";
        if (profile->firstPost)
            text << " from " << formatIsoUtc(*profile->firstPost) << " to " << formatIsoUtc(*profile->lastPost);
        text << "\n  received " << profile->likes << " likes, " << profile->shares << " shares, " << profile->replies
             << " replies (per post " << formatNumber(profile->meanLikes) << ", " << formatNumber(profile->meanShares)
             << ", " << formatNumber(profile->meanReplies) << ")\n  interactions " << profile->interactions << "\n";
        for (const UserLabelMix &mix : profile->labels) {
            text << "  " << mix.task << ":";
            for (std::size_t v = 0; v < mix.values.size(); ++v)
                text << " " << mix.values[v] << " " << mix.totals[v];
            text << "\n";
        }

        if (similar > 0) {
            UserVectorOptions vectorOptions;
            vectorOptions.datasetId = datasetId;
            auto model = UserSimilarity::build(p, vectorOptions);
            if (!model)
                return ctx.fail(model.message());
            nlohmann::json terms = nlohmann::json::array();
            for (const auto &[term, weight] : model->topTerms(user->userId, 10))
                terms.push_back({{"term", term}, {"weight", weight}});
            nlohmann::json others = nlohmann::json::array();
            text << "  most alike:";
            for (const SimilarUser &other : model->mostSimilar(user->userId, static_cast<int>(similar))) {
                auto who = UserProfiler::identity(p, other.userId, privacy);
                if (!who)
                    return ctx.fail(who.message());
                nlohmann::json entry = identityJson(*who, privacy);
                entry["similarity"] = other.similarity;
                others.push_back(entry);
                text << " " << who->display << " (" << formatNumber(other.similarity) << ")";
            }
            text << "\n";
            result["top_terms"] = terms;
            result["similar"] = others;
        }
    }

    if (args.has("features-csv")) {
        UserFeatureOptions options;
        options.datasetId = datasetId;
        options.tasks = tasks;
        options.privacy = privacy;
        auto table = UserFeatures::build(p, options);
        if (!table)
            return ctx.fail(table.message());
        if (Status s = UserFeatures::writeCsv(*table, args.value("features-csv")); !s.ok())
            return ctx.fail(s.message());
        result["features"] = {{"path", args.value("features-csv")}, {"rows", table->rows.size()}, {"columns", table->header()}};
        text << "Wrote " << table->rows.size() << " users x " << table->header().size() << " columns to "
             << args.value("features-csv") << "\n";
    }
    return ctx.succeed(result, text.str());
}
