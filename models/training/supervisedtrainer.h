#pragma once

#include "core/training/runconfig.h"
#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace chorus {

class DataParallelGroup;
class MediaTensorReader;
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

// Trains any supervised family (text classifiers, image and video models, fusion, multi-task) from
// a run config: on CUDA when asked for and present, on every CPU core otherwise. Batches are built
// on a prefetch thread. Emits JSON events (started, step, evaluation, attention, checkpoint, paused,
// resumed, warning, finished, failed) and records the run, its metrics, checkpoints and attention
// snapshots in the project as they happen. Checkpoints hold model, optimiser, random generator and
// data position, so a resumed run continues (on CPU) with exactly the losses an uninterrupted run
// would have had. Every LibTorch exception is caught here: the run is marked failed with the
// message, and an Error is returned.
class SupervisedTrainer {
public:
    using EventSink = std::function<void(const nlohmann::json &event)>;

    SupervisedTrainer(Project &project, RunConfig config, const ModelSpec &spec);
    void setEventSink(EventSink sink) { m_events = std::move(sink); }
    void setControl(TrainerControl *control) { m_control = control; }
    // Needed by families that read images or video; without it their media count as missing.
    void setMediaReader(MediaTensorReader *media) { m_media = media; }
    // Continue run `runId` from its latest checkpoint instead of starting a new run; a learning
    // rate given here replaces the config's from that step on and is recorded in the run.
    void setResume(std::int64_t runId, std::optional<double> learningRate = std::nullopt);
    // Trains as one rank of a data-parallel run: this rank takes its share of every global batch
    // (batch_size stays the global batch), gradients are summed over the ranks each step, and only
    // rank 0 evaluates and writes the run, its metrics, snapshots and checkpoints (the other ranks
    // read their own copy of the project and return rank 0's run id). Pause and single steps are
    // not offered; a stop requested on any rank stops all of them after the current step.
    void setDataParallel(DataParallelGroup *group) { m_group = group; }

    Result<TrainOutcome> run();

    // Where a run keeps its checkpoint files: "<project>.runs/run-<id>".
    static std::string runDirectory(const Project &project, std::int64_t runId);

private:
    void emit(const nlohmann::json &event) const;

    Project &m_project;
    RunConfig m_config;
    const ModelSpec &m_spec;
    EventSink m_events;
    TrainerControl *m_control = nullptr;
    MediaTensorReader *m_media = nullptr;
    DataParallelGroup *m_group = nullptr;
    std::int64_t m_resumeRun = 0;
    std::optional<double> m_resumeRate;
};

} // namespace chorus
