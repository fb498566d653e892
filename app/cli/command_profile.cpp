// The profile subcommand: one user's activity, reach and label mix, similar users, and the
// user-level feature table.
#include "arguments.h"
#include "clicontext.h"
#include "commands.h"
#include "helptext.h"

#include "core/analytics/analysisstore.h"
#include "core/analytics/profilereport.h"
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
    "                          [--tasks a,b] [--similar K] [--features-csv FILE] [--privacy]\n"
    "                          [--name NAME] [--no-store] [--json]\n\n"
    "--user: a user's post count, activity per bucket (default week), first and last post, likes,\n"
    "shares and replies received (sums and means per post), the mix of each label task (--tasks, or\n"
    "every task) in total and over time, and interactions. The user is found by source id, pseudonym,\n"
    "name or the project's numeric user id.\n"
    "--similar K adds the K users who write most alike (cosine of TF-IDF vectors of their posts) and\n"
    "the user's most characteristic terms.\n"
    "--features-csv FILE writes one row per user: activity, engagement, interactions and the share of\n"
    "each value of --tasks (e.g. topic,sentiment); --user is optional then.\n"
    "--privacy shows pseudonyms only: no source ids or names in any output, and users are looked up\n"
    "by pseudonym or numeric id only.\n"
    "A --user profile is stored in the project as an analysis (see chorus-cli analyses), named --name\n"
    "NAME or \"profile of <user>\"; --no-store leaves the project as it was. Under --privacy the stored\n"
    "profile holds pseudonyms only.\n";

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
    Arguments args(argv, {"user", "dataset", "resolution", "tasks", "similar", "features-csv", "name"},
                   {"json", "privacy", "no-store"});
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
        auto report = ProfileReport::compute(p, user->userId, options, static_cast<int>(similar));
        if (!report)
            return ctx.fail(report.message());
        const UserProfile *profile = &report->profile;
        const nlohmann::json profileJson = report->toJson();
        for (const auto &[key, value] : profileJson.items())
            result[key] = value;

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
        if (report->withSimilarity) {
            text << "  most alike:";
            for (const ProfileReport::Neighbour &other : report->similar)
                text << " " << other.user.display << " (" << formatNumber(other.similarity) << ")";
            text << "\n";
        }
        if (!args.has("no-store")) {
            auto id = AnalysisStore(p).save("profile", args.value("name", report->defaultName()), datasetId,
                                            report->paramsJson(), profileJson);
            if (!id)
                return ctx.fail(id.message());
            result["analysis_id"] = *id;
            text << "  stored as analysis " << *id << "\n";
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
