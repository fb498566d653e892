#pragma once

#include "core/training/runconfig.h"
#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace chorus {

class Project;

struct RecommenderOutcome {
    std::int64_t runId = 0;
    std::string status; // finished | stopped
    nlohmann::json test; // the model's ranking metrics (ndcg_at_K, recall_at_K, ...) and the baseline's
    std::string modelDirectory;
    int users = 0;
    int items = 0;
};

// Trains a recommender family (RecommenderFactory) on an interactions dataset and records the run
// as the other trainers do. Leave-last-out evaluation: every user's latest item is held out, the
// model and the popularity baseline are fitted on the rest and rank the unseen items; the run
// records NDCG@K, recall@K, hit rate@K, precision@K, MAP@K and catalogue coverage of both. Then
// the model is fitted again on every interaction and saved (RecommenderModel) as the run's
// checkpoint, so recommending later needs no refit; factor models also leave their user and item
// factors as projector tables. No LibTorch: this runs wherever core does.
//
// Events (JSON, as the worker protocol): started, step (matrix factorisation's loss per sweep),
// evaluation (the metrics), checkpoint, finished or failed.
class RecommenderTrainer {
public:
    using EventSink = std::function<void(const nlohmann::json &event)>;
    // Asked between stages and every few evaluated users; false stops the run. It may block (a
    // paused worker).
    using Permission = std::function<bool()>;

    RecommenderTrainer(Project &project, RunConfig config);

    // The recommenders' "kinds" parameter: a comma list of interaction kinds; "all" (or nothing)
    // is every kind, returned as an empty list.
    static std::vector<std::string> interactionKinds(const std::string &text);
    void setEventSink(EventSink sink) { m_events = std::move(sink); }
    void setPermission(Permission permission) { m_permission = std::move(permission); }

    Result<RecommenderOutcome> run();

private:
    void sendEvent(const nlohmann::json &event) const;
    bool permitted() const;

    Project &m_project;
    RunConfig m_config;
    EventSink m_events;
    Permission m_permission;
};

} // namespace chorus
