#pragma once

#include "core/training/runconfig.h"
#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>

namespace chorus {

class Project;
class TrainerControl;
struct ModelSpec;

struct TrainOutcome {
    std::int64_t runId = 0;
    std::string status; // finished | stopped
    nlohmann::json bestValid;
    nlohmann::json test;
    std::int64_t steps = 0;
    double samplesPerSecond = 0;
};

// Trains a text classifier family from a run config, on CUDA when asked for and present and on every
// CPU core otherwise. Emits JSON events (started, step, evaluation, attention, checkpoint, paused,
// resumed, finished, failed) and records the run, its metrics, checkpoints and attention snapshots in
// the project as they happen. Every LibTorch exception is caught here: the run is marked failed with
// the message, and an Error is returned.
class TextTrainer {
public:
    using EventSink = std::function<void(const nlohmann::json &event)>;

    TextTrainer(Project &project, RunConfig config, const ModelSpec &spec);
    void setEventSink(EventSink sink) { m_events = std::move(sink); }
    void setControl(TrainerControl *control) { m_control = control; }

    Result<TrainOutcome> run();

private:
    void emit(const nlohmann::json &event) const;

    Project &m_project;
    RunConfig m_config;
    const ModelSpec &m_spec;
    EventSink m_events;
    TrainerControl *m_control = nullptr;
};

} // namespace chorus
