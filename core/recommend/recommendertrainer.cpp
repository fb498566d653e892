#include "core/recommend/recommendertrainer.h"

#include "core/embeddings/embeddinghistory.h"
#include "core/metrics/rankingmetrics.h"
#include "core/recommend/factorsnapshotter.h"
#include "core/recommend/hybridrecommender.h"
#include "core/recommend/interactionmatrix.h"
#include "core/recommend/leavelastout.h"
#include "core/recommend/mfrecommender.h"
#include "core/recommend/popularityrecommender.h"
#include "core/recommend/recommenderfactory.h"
#include "core/recommend/recommendermodel.h"
#include "core/store/project.h"
#include "core/training/runstore.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <utility>
#include <vector>

namespace chorus {
namespace {

namespace fs = std::filesystem;

// Evaluated users between two permission checks and progress events.
constexpr int kUsersPerCheck = 64;

// The metrics under names that carry K, as the run records them; prefix "popularity_" for the
// baseline.
void addReport(nlohmann::json &metrics, const RankingReport &report, int k, const std::string &prefix)
{
    const std::string at = "_at_" + std::to_string(k);
    metrics[prefix + "ndcg" + at] = report.ndcg;
    metrics[prefix + "recall" + at] = report.recall;
    metrics[prefix + "hit_rate" + at] = report.hitRate;
    metrics[prefix + "precision" + at] = report.precision;
    metrics[prefix + "map" + at] = report.map;
    metrics[prefix + "coverage"] = report.coverage;
}

} // namespace

RecommenderTrainer::RecommenderTrainer(Project &project, RunConfig config)
    : m_project(project), m_config(std::move(config))
{
}

void RecommenderTrainer::sendEvent(const nlohmann::json &event) const
{
    if (m_events)
        m_events(event);
}

bool RecommenderTrainer::permitted() const
{
    return !m_permission || m_permission();
}

Result<RecommenderOutcome> RecommenderTrainer::run()
{
    RunStore runs(m_project);
    std::int64_t runId = 0;
    try {
        const std::string &family = m_config.model;
        if (!RecommenderFactory::isFamily(family))
            return Error{"model: '" + family + "' is not a recommender family"};
        auto params = RecommenderFactory::paramSchema(family).resolve(m_config.params);
        if (!params)
            return params.error();
        auto datasetId = m_project.datasetId(m_config.dataset);
        if (!datasetId)
            return Error{"dataset: no dataset named '" + m_config.dataset + "'"};
        InteractionLoadOptions loadOptions;
        loadOptions.aggregation =
            params->value("aggregation", "sum") == "max" ? WeightAggregation::Max : WeightAggregation::Sum;
        loadOptions.kinds = interactionKinds(params->value("kinds", "all"));
        auto matrix = InteractionMatrix::load(m_project, *datasetId, loadOptions);
        if (!matrix)
            return matrix.error();
        if (matrix->nonZeros() == 0)
            return Error{"dataset '" + m_config.dataset + "' has no interactions" +
                         (loadOptions.kinds.empty() ? std::string() : " of the kinds " + params->value("kinds", ""))};
        auto catalogue = ItemCatalogue::load(m_project, *datasetId);
        if (!catalogue)
            return catalogue.error();
        const int k = params->value("eval_k", 10);
        const LeaveLastOutSplit split = LeaveLastOut::split(*matrix);
        if (split.eligibleUsers == 0)
            return Error{"dataset '" + m_config.dataset +
                         "': no user has two or more items, so nothing can be held out for evaluation"};

        auto created = runs.create(family, m_config.dataset, m_config.toJson(), "cpu");
        if (!created)
            return created.error();
        runId = *created;
        const fs::path modelDir =
            fs::path(m_project.path() + ".runs") / ("run-" + std::to_string(runId)) / "recommender";
        const int iterations = family == RecommenderFactory::kMf || family == RecommenderFactory::kHybrid
                                   ? params->value("iterations", 0)
                                   : 0;
        const std::int64_t steps = std::max(1, iterations);
        sendEvent({{"event", "started"}, {"run_id", runId}, {"model", family}, {"device", "cpu"}, {"steps", steps},
              {"users", matrix->users()}, {"items", matrix->items()}, {"cells", matrix->nonZeros()}});

        const auto stop = [&]() -> Result<RecommenderOutcome> {
            runs.setStatus(runId, "stopped");
            sendEvent({{"event", "finished"}, {"run_id", runId}, {"status", "stopped"}, {"steps", 0}});
            RecommenderOutcome outcome;
            outcome.runId = runId;
            outcome.status = "stopped";
            return outcome;
        };

        // Evaluation: fitted on everything but each user's latest item.
        auto evaluated = RecommenderFactory::make(family, *params, m_config.seed, catalogue->texts);
        if (!evaluated)
            throw std::runtime_error(evaluated.message());
        Recommender &model = **evaluated;
        if (Status s = model.fit(split.train); !s.ok())
            throw std::runtime_error(s.message());
        PopularityRecommender popularity;
        if (Status s = popularity.fit(split.train); !s.ok())
            throw std::runtime_error(s.message());
        if (const MfRecommender *mf = factorModelOf(model)) {
            const std::vector<double> &loss = mf->lossHistory();
            for (std::size_t i = 1; i < loss.size(); ++i) {
                const auto step = static_cast<std::int64_t>(i);
                if (Status s = runs.addMetrics(runId, step, static_cast<double>(i), "train", {{"loss", loss[i]}});
                    !s.ok())
                    throw std::runtime_error(s.message());
                sendEvent({{"event", "step"}, {"step", step}, {"epoch", static_cast<double>(i)}, {"loss", loss[i]},
                      {"steps", steps}});
            }
        }
        if (!permitted())
            return stop();

        std::vector<UserRanking> modelRankings;
        std::vector<UserRanking> baselineRankings;
        int done = 0;
        for (int user = 0; user < split.train.users(); ++user) {
            const int held = split.testItem[static_cast<std::size_t>(user)];
            if (held < 0)
                continue;
            UserRanking ours;
            UserRanking baseline;
            for (const ScoredItem &item : model.recommend(user, k, true))
                ours.ranked.push_back(item.item);
            for (const ScoredItem &item : popularity.recommend(user, k, true))
                baseline.ranked.push_back(item.item);
            ours.relevant = baseline.relevant = {held};
            modelRankings.push_back(std::move(ours));
            baselineRankings.push_back(std::move(baseline));
            if (++done % kUsersPerCheck == 0) {
                sendEvent({{"event", "progress"}, {"stage", "evaluation"},
                      {"fraction", static_cast<double>(done) / split.eligibleUsers}});
                if (!permitted())
                    return stop();
            }
        }
        const auto catalogueSize = static_cast<std::size_t>(matrix->items());
        auto report = RankingMetrics::evaluate(modelRankings, static_cast<std::size_t>(k), catalogueSize);
        auto baseline = RankingMetrics::evaluate(baselineRankings, static_cast<std::size_t>(k), catalogueSize);
        if (!report)
            throw std::runtime_error(report.message());
        if (!baseline)
            throw std::runtime_error(baseline.message());

        nlohmann::json metrics = nlohmann::json::object();
        addReport(metrics, *report, k, "");
        addReport(metrics, *baseline, k, "popularity_");
        metrics["users_evaluated"] = report->usersEvaluated;
        std::vector<std::pair<std::string, double>> values;
        for (const auto &[name, value] : metrics.items())
            values.emplace_back(name, value.get<double>());
        if (Status s = runs.addMetrics(runId, steps, static_cast<double>(steps), "test", values); !s.ok())
            throw std::runtime_error(s.message());
        nlohmann::json event = metrics;
        event["event"] = "evaluation";
        event["step"] = steps;
        event["epoch"] = static_cast<double>(steps);
        sendEvent(event);
        const nlohmann::json evaluation = {{"split", "leave-last-out"},
                                           {"k", k},
                                           {"users", matrix->users()},
                                           {"eligible_users", split.eligibleUsers},
                                           {"items", matrix->items()},
                                           {"train_cells", split.train.nonZeros()},
                                           {"model", model.name()},
                                           {"metrics", report->toJson()},
                                           {"popularity", baseline->toJson()}};
        if (Status s = runs.addArtifact(runId, "evaluation", "ranking", steps, "application/json", evaluation.dump());
            !s.ok())
            throw std::runtime_error(s.message());
        if (!permitted())
            return stop();

        // The model kept: fitted on every interaction, so nobody's latest item is left out. Its
        // factors after each iteration are what the projector's epoch choice shows.
        FactorSnapshotter factorSnapshots(*matrix);
        auto final = RecommenderModel::fit(family, *params, m_config.seed, std::move(*matrix), std::move(*catalogue),
                                           factorSnapshots.observer());
        if (!final)
            throw std::runtime_error(final.message());
        if (Status s = final->loadUserNames(m_project); !s.ok())
            throw std::runtime_error(s.message());
        if (Status s = final->save(modelDir.string()); !s.ok())
            throw std::runtime_error(s.message());
        const std::string headerPath = (modelDir / "model.json").string();
        if (Status s = runs.addCheckpoint(runId, steps, "latest", headerPath, std::nullopt); !s.ok())
            throw std::runtime_error(s.message());
        sendEvent({{"event", "checkpoint"}, {"kind", "latest"}, {"step", steps}, {"path", headerPath}});
        if (factorModelOf(final->recommender())) {
            const nlohmann::json tables = {
                {"users", {{"vectors", (modelDir / "user-vectors.tsv").string()},
                           {"metadata", (modelDir / "user-metadata.tsv").string()}}},
                {"items", {{"vectors", (modelDir / "item-vectors.tsv").string()},
                           {"metadata", (modelDir / "item-metadata.tsv").string()}}}};
            if (Status s = runs.addArtifact(runId, "embeddings", "factors", steps, "application/json", tables.dump());
                !s.ok())
                throw std::runtime_error(s.message());
            EmbeddingHistory history(m_project);
            for (const EmbeddingSnapshot &snapshot : factorSnapshots.snapshots(*final))
                if (Status s = history.record(runId, snapshot); !s.ok())
                    throw std::runtime_error(s.message());
        }
        runs.setBestMetrics(runId, metrics);
        if (Status s = runs.setStatus(runId, "finished"); !s.ok())
            return s.error();
        sendEvent({{"event", "finished"}, {"run_id", runId}, {"status", "finished"}, {"steps", steps}, {"test", metrics}});

        RecommenderOutcome outcome;
        outcome.runId = runId;
        outcome.status = "finished";
        outcome.test = metrics;
        outcome.modelDirectory = modelDir.string();
        outcome.users = final->matrix().users();
        outcome.items = final->matrix().items();
        return outcome;
    } catch (const std::exception &e) {
        const std::string message = e.what();
        if (runId)
            runs.setStatus(runId, "failed", message);
        sendEvent({{"event", "failed"}, {"run_id", runId}, {"message", message}});
        return Error{message};
    }
}

std::vector<std::string> RecommenderTrainer::interactionKinds(const std::string &text)
{
    std::vector<std::string> kinds;
    std::string current;
    for (char c : text + ",") {
        if (c == ',') {
            if (!current.empty() && current != "all")
                kinds.push_back(current);
            current.clear();
        } else if (c != ' ' && c != '\t') {
            current += c;
        }
    }
    return kinds;
}

} // namespace chorus
