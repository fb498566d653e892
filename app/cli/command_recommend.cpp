// The recommend subcommand, and eval for recommender runs: both read what RecommenderTrainer
// recorded (the saved model, the leave-last-out evaluation); nothing is refitted.
#include "arguments.h"
#include "clicontext.h"
#include "commands.h"
#include "helptext.h"
#include "recommendercommands.h"

#include "core/recommend/recommenderfactory.h"
#include "core/recommend/recommendermodel.h"
#include "core/store/project.h"
#include "core/training/runartifacts.h"
#include "core/training/runstore.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <sstream>

using namespace chorus;

namespace {

// A user given on the command line: a source id or name first (what people know), else a
// numeric users.id.
Result<std::int64_t> resolveUser(Project &project, const std::string &text)
{
    auto select = project.db().prepare("SELECT id FROM users WHERE source_id = ?1 OR name = ?1 ORDER BY"
                                       " (source_id = ?1) DESC, id LIMIT 1");
    if (!select)
        return select.error();
    select->bind(1, text);
    if (select->step())
        return select->int64(0);
    if (!text.empty() && text.size() < 19 &&
        std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); }))
        return static_cast<std::int64_t>(std::stoll(text)); // under 19 digits: no overflow
    return Error{"no user '" + text + "' (give a user's source id, name or numeric id)"};
}

nlohmann::json reasonJson(const RecommenderModel &model, const RecommendedItem &item)
{
    const RecommendationReason &reason = item.reason;
    nlohmann::json json = {{"kind", RecommendationReason::kindName(reason.kind)},
                           {"text", item.because},
                           {"popularity", reason.popularity}};
    if (!reason.users.empty()) {
        nlohmann::json users = nlohmann::json::array();
        for (std::int64_t id : reason.users)
            users.push_back({{"id", id}, {"name", model.userName(id)}});
        json["users"] = users;
    }
    if (!reason.items.empty()) {
        nlohmann::json items = nlohmann::json::array();
        for (int col : reason.items)
            items.push_back({{"item", model.matrix().itemKey(col)}, {"title", model.itemTitle(col)}});
        json["items"] = items;
    }
    if (!reason.terms.empty())
        json["terms"] = reason.terms;
    return json;
}

} // namespace

bool isRecommenderRun(Project &project, std::int64_t runId)
{
    auto run = RunStore(project).get(runId);
    return run && RecommenderFactory::isFamily(run->model);
}

int evalRecommenderRun(const CliContext &ctx, Project &project, std::int64_t runId)
{
    auto stored = RunArtifacts(project).latest(runId, "evaluation", "ranking");
    if (!stored)
        return ctx.fail("run " + std::to_string(runId) + " has no ranking evaluation (it did not finish)");
    nlohmann::json json = nlohmann::json::parse(stored->data, nullptr, false);
    if (!json.is_object() || !json.contains("metrics") || !json.contains("popularity"))
        return ctx.fail("run " + std::to_string(runId) + ": the stored evaluation is damaged");
    json["run_id"] = runId;
    const int k = json.value("k", 10);
    std::ostringstream text;
    text << "Run " << runId << " (" << json.value("model", std::string()) << "), leave-last-out on "
         << json.value("eligible_users", 0) << " users, " << json.value("items", 0) << " items, K = " << k << "\n";
    text << "  metric        model    popularity\n";
    for (const char *name : {"ndcg", "recall", "hit_rate", "precision", "map", "coverage"}) {
        char line[96];
        std::snprintf(line, sizeof line, "  %-12s %7.4f  %7.4f\n",
                      (std::string(name) + (std::string(name) == "coverage" ? "" : "@" + std::to_string(k))).c_str(),
                      json["metrics"].value(name, 0.0), json["popularity"].value(name, 0.0));
        text << line;
    }
    return ctx.succeed(json, text.str());
}

int commandRecommend(const std::vector<std::string> &argv)
{
    if (printHelpIfAsked(argv,
                         "Usage: chorus-cli recommend PROJECT.chorus --run ID --user U [--k 10] [--json]\n\n"
                         "The top K items a recommender run suggests to a user (source id, name or numeric id),\n"
                         "leaving out what the user already interacted with, each with its score and the reason:\n"
                         "similar users, similar items the user liked, shared terms, or plain popularity.\n"
                         "Uses the model the run saved; nothing is refitted.\n"))
        return 0;
    Arguments args(argv, {"run", "user", "k"}, {"json"});
    CliContext ctx("recommend", args.has("json"));
    const long long runId = args.integer("run", 0);
    const long long k = args.integer("k", 10);
    if (!args.ok())
        return ctx.usage(args.error());
    if (args.positionals().size() != 1)
        return ctx.usage("expected exactly one project path");
    if (runId <= 0)
        return ctx.usage("--run ID is required");
    if (!args.has("user"))
        return ctx.usage("--user is required");
    if (k < 1 || k > 1000)
        return ctx.usage("--k must be between 1 and 1000");
    auto project = Project::open(args.positionals()[0], Project::OpenMode::OpenExisting);
    if (!project)
        return ctx.fail(project.message());
    auto model = RecommenderModel::loadRun(**project, runId);
    if (!model)
        return ctx.fail(model.message());
    auto user = resolveUser(**project, args.value("user"));
    if (!user)
        return ctx.fail(user.message());
    auto list = model->recommend(*user, static_cast<int>(k));
    if (!list)
        return ctx.fail(list.message());
    auto history = model->history(*user);

    nlohmann::json items = nlohmann::json::array();
    std::ostringstream text;
    text << "Top " << list->size() << " for " << model->userName(*user) << " (run " << runId << ", "
         << model->recommender().name() << ", " << (history ? history->size() : 0) << " items in history):\n";
    int rank = 0;
    for (const RecommendedItem &item : *list) {
        ++rank;
        items.push_back({{"rank", rank},
                         {"item", item.item},
                         {"title", item.title},
                         {"score", item.score},
                         {"reason", reasonJson(*model, item)}});
        text << "  " << rank << ". " << (item.title.empty() ? item.item : item.title + " [" + item.item + "]")
             << "  score " << item.score << "  -- " << item.because << "\n";
    }
    const nlohmann::json json = {{"run_id", runId},
                                 {"model", model->family()},
                                 {"user", {{"id", *user}, {"name", model->userName(*user)}}},
                                 {"k", k},
                                 {"history_items", history ? history->size() : 0},
                                 {"recommendations", items}};
    return ctx.succeed(json, text.str());
}
