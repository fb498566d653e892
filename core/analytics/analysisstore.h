#pragma once

#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace chorus {

class Project;

// One stored analysis. `result` is the JSON that `chorus-cli trends|profile|topics --json` prints
// for the same computation (TrendReport, OpinionReport, ProfileReport, TopicModelResult), so the
// command line and the Analytics tab show each other's results.
struct StoredAnalysis {
    std::int64_t id = 0;
    std::string kind; // trends | opinion | profile | topics
    std::string name;
    std::int64_t datasetId = 0; // 0: every dataset
    std::string dataset;        // the dataset's name, empty for every dataset
    nlohmann::json params = nlohmann::json::object();
    nlohmann::json result; // null in list(): results can be large
    std::int64_t createdAt = 0; // Unix seconds
};

// Analyses kept in the project (table `analyses`, schema migration 5), each its own transaction.
class AnalysisStore {
public:
    explicit AnalysisStore(Project &project) : m_project(project) {}

    static bool isKnownKind(const std::string &kind);

    // Returns the new analysis id. One with the same kind, dataset, name and parameters is replaced
    // in the same transaction: asking the same question again refreshes the answer instead of
    // piling up copies, while a renamed analysis is kept. Text that is not valid UTF-8 is stored
    // with replacement characters rather than refused.
    Result<std::int64_t> save(const std::string &kind, const std::string &name, std::int64_t datasetId,
                              const nlohmann::json &params, const nlohmann::json &result);
    // Newest first, without results; kind empty: every kind; datasetId 0: every dataset.
    Result<std::vector<StoredAnalysis>> list(const std::string &kind = {}, std::int64_t datasetId = 0);
    Result<StoredAnalysis> load(std::int64_t id);
    Status rename(std::int64_t id, const std::string &name);
    Status remove(std::int64_t id);

private:
    Project &m_project;
};

} // namespace chorus
