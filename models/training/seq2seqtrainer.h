#pragma once

#include "core/training/runconfig.h"
#include "core/util/result.h"
#include "models/training/supervisedtrainer.h" // TrainOutcome

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>

namespace chorus {

class Project;
class TrainerControl;

// Trains the seq2seq family (models/seq2seq) from a run config: params.source "replies" (parent post ->
// reply, dataset = a posts dataset) or "behaviour" (a user's last actions -> the next ones, dataset =
// an interactions dataset); see SequenceData for the examples and parts. Teacher forcing decays
// linearly from params.teacher_forcing_start to teacher_forcing_end over the run, its draws from a
// generator seeded by the config's seed, so CPU runs repeat exactly.
//
// Records the run like SupervisedTrainer, as it happens: the "encoding" artifact (vocabulary, tokenizer,
// source, lengths), train loss every 10 steps, valid loss/perplexity/token_accuracy/bleu4/rouge_l
// (greedy decoding) at each evaluation, latest and best checkpoints (best by valid loss, or by the
// early-stopping metric), a "cross_attention" artifact for a few probe examples at the end of each
// epoch, and test metrics at the end with beam search (beam_width, length_penalty) on the best
// model. Events: started, step, evaluation, cross_attention, checkpoint, paused, resumed, finished,
// failed. Every exception is caught: the run is marked failed and an Error returned.
class Seq2seqTrainer {
public:
    using EventSink = std::function<void(const nlohmann::json &event)>;

    Seq2seqTrainer(Project &project, RunConfig config);
    void setEventSink(EventSink sink) { m_events = std::move(sink); }
    void setControl(TrainerControl *control) { m_control = control; }
    // CPU threads for LibTorch; 0 (the default) uses every core. Small recurrent models decode with tiny
    // tensors, where extra threads mostly wait at barriers, so tests and busy machines may ask for 1.
    void setCpuThreads(int threads) { m_cpuThreads = threads; }

    Result<TrainOutcome> run();

private:
    void emit(const nlohmann::json &event) const;

    Project &m_project;
    RunConfig m_config;
    EventSink m_events;
    TrainerControl *m_control = nullptr;
    int m_cpuThreads = 0;
};

} // namespace chorus
