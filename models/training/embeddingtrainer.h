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

struct EmbeddingOutcome {
    std::int64_t runId = 0;
    std::string status; // finished | stopped
    std::string vectorsPath;
    std::size_t vocabulary = 0;
    double wordsPerSecond = 0;
};

// Trains Word2Vec on a dataset's post text (the training part of its split when the config names one,
// every post otherwise), tokenised with the social tokenizer, and records the run like TextTrainer:
// progress events and metrics, the vectors as the run's checkpoint (word2vec binary), and the nearest
// neighbours of the most frequent words as an artifact.
class EmbeddingTrainer {
public:
    using EventSink = std::function<void(const nlohmann::json &event)>;

    EmbeddingTrainer(Project &project, RunConfig config);
    void setEventSink(EventSink sink) { m_events = std::move(sink); }
    void setControl(TrainerControl *control) { m_control = control; }

    Result<EmbeddingOutcome> run();

    // The vectors file of a finished word2vec run.
    static Result<std::string> vectorsPath(Project &project, std::int64_t runId);

private:
    void emit(const nlohmann::json &event) const;

    Project &m_project;
    RunConfig m_config;
    EventSink m_events;
    TrainerControl *m_control = nullptr;
};

} // namespace chorus
