#pragma once

#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace chorus {

class Project;

struct RunSummary {
    std::int64_t id = 0;
    std::string name;
    std::string model;
    std::string dataset;
    std::string status;
    std::string device;
    std::string message;
    nlohmann::json config;
    nlohmann::json bestMetrics;
    std::int64_t createdAt = 0;
    std::int64_t finishedAt = 0;
};

// Runs, metrics, checkpoints and artifacts in the project, written as they happen (each call is its
// own transaction) so a worker that dies loses nothing it reported.
class RunStore {
public:
    explicit RunStore(Project &project) : m_project(project) {}

    Result<std::int64_t> create(const std::string &model, const std::string &dataset, const nlohmann::json &config,
                                const std::string &device);
    Status setStatus(std::int64_t run, const std::string &status, const std::string &message = {});
    Status addMetrics(std::int64_t run, std::int64_t step, double epoch, const std::string &split,
                      const std::vector<std::pair<std::string, double>> &values);
    Status setBestMetrics(std::int64_t run, const nlohmann::json &metrics);
    Status addCheckpoint(std::int64_t run, std::int64_t step, const std::string &kind, const std::string &path,
                         std::optional<double> metric);
    Status addArtifact(std::int64_t run, const std::string &kind, const std::string &name, std::int64_t step,
                       const std::string &contentType, const std::string &data);
    Result<std::vector<RunSummary>> list();
    Result<RunSummary> get(std::int64_t run);
    // The run created last; an empty optional when the project has none.
    Result<std::optional<RunSummary>> latest();
    // (step, value) history of one metric of one split.
    Result<std::vector<std::pair<std::int64_t, double>>> history(std::int64_t run, const std::string &split,
                                                                 const std::string &name);
    // The metric names a run recorded for `split`, in the order they first appeared.
    Result<std::vector<std::string>> metricNames(std::int64_t run, const std::string &split);
    // A display name for the run (empty clears it).
    Status rename(std::int64_t run, const std::string &name);
    // Deletes the run with its metrics, checkpoints and artifacts (rows) and its files under
    // "<project>.runs/run-<id>/". Fails for a run still running or paused: stop its worker first.
    Status remove(std::int64_t run);
    // Forgets what a run recorded after `step` (metrics, checkpoints, artifacts) and its test
    // figures (those of a stopped run's end): resuming from a checkpoint taken at `step` records
    // those steps again.
    Status discardAfter(std::int64_t run, std::int64_t step);
    // Runs still marked running whose worker is gone (after a crash) become failed with a message.
    Status failStaleRuns(const std::string &message);

private:
    Project &m_project;
};

} // namespace chorus
