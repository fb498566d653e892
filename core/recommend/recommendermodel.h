#pragma once

#include "core/recommend/interactionmatrix.h"
#include "core/recommend/mfrecommender.h"
#include "core/recommend/recommender.h"
#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace chorus {

class Project;

// What a dataset says about its items: titles to show, and the text (title and topic) the
// content model reads. Keyed by item key (the items' source id, which interactions use).
struct ItemCatalogue {
    std::unordered_map<std::string, std::string> titles;
    std::unordered_map<std::string, std::string> texts;

    static Result<ItemCatalogue> load(Project &project, std::int64_t datasetId);
};

struct RecommendedItem {
    std::string item;  // item key
    std::string title; // empty when the item has none
    double score = 0.0;
    RecommendationReason reason;
    std::string because; // the reason in words, with user names and item titles
};

struct HistoryItem {
    std::string item;
    std::string title;
    double weight = 0.0;       // the aggregated weight the model learned from
    std::int64_t lastAt = 0;   // time of the latest interaction (seconds since the epoch)
};

struct RecommenderUser {
    std::int64_t id = 0;
    std::string name;
    int items = 0; // distinct items in the user's history
};

// A fitted recommender with everything needed to use it later: the matrix it was fitted on, the
// item titles and texts, and the user names for the reasons. save() writes it to a folder;
// load() restores it without refitting what is expensive or random: matrix factorisation's
// factors are read back as saved. kNN neighbourhoods and TF-IDF vectors are recomputed from the
// saved matrix and texts on load: deterministic, and sparse products that take milliseconds on
// the demo and seconds on a million cells, so storing them would only cost disk.
//
// Folder layout: model.json (family, params, seed, sizes), users.txt (user id per matrix row),
// items.jsonl (per column: item, title, text), cells.tsv (row, column, weight, last time), and
// for models with factors the projector tables user-vectors.tsv / user-metadata.tsv and
// item-vectors.tsv / item-metadata.tsv, full double precision.
class RecommenderModel {
public:
    RecommenderModel() = default;
    RecommenderModel(RecommenderModel &&) = default;
    RecommenderModel &operator=(RecommenderModel &&) = default;

    // Builds the family's recommender from resolved params and fits it on the matrix. A family with
    // a factor model calls `observer` after each of its iterations.
    static Result<RecommenderModel> fit(const std::string &family, const nlohmann::json &params, std::uint64_t seed,
                                        InteractionMatrix matrix, ItemCatalogue catalogue,
                                        const MfRecommender::IterationObserver &observer = {});

    Status save(const std::string &directory) const;
    static Result<RecommenderModel> load(const std::string &directory);
    // The model a finished recommender run saved (its latest checkpoint), with the users' names
    // from the project.
    static Result<RecommenderModel> loadRun(Project &project, std::int64_t runId);
    // The folder of a recommender run's saved model.
    static Result<std::string> runDirectory(Project &project, std::int64_t runId);

    // Names for the reasons and views: name, else pseudonym, else source id, from table users.
    Status loadUserNames(Project &project);
    std::string userName(std::int64_t userId) const;
    std::string itemTitle(int column) const;

    // The k best items the user has not interacted with, with scores and reasons. An error for a
    // user the model has never seen.
    Result<std::vector<RecommendedItem>> recommend(std::int64_t userId, int k) const;
    // The user's items, most recent first (ties by item key).
    Result<std::vector<HistoryItem>> history(std::int64_t userId) const;
    // Every user of the matrix, by id.
    std::vector<RecommenderUser> users() const;
    std::string describe(const RecommendationReason &reason) const;

    const std::string &family() const { return m_family; }
    const nlohmann::json &params() const { return m_params; }
    const InteractionMatrix &matrix() const { return m_matrix; }
    const Recommender &recommender() const { return *m_recommender; }

private:
    Status build(const std::vector<double> *userFactors, const std::vector<double> *itemFactors,
                 const MfRecommender::IterationObserver &observer = {});

    std::string m_family;
    nlohmann::json m_params;
    std::uint64_t m_seed = 0;
    InteractionMatrix m_matrix;
    std::vector<std::string> m_titles; // per column
    std::vector<std::string> m_texts;  // per column
    std::unordered_map<std::int64_t, std::string> m_userNames;
    std::unique_ptr<Recommender> m_recommender;
};

} // namespace chorus
