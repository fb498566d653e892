#pragma once

#include "core/training/superviseddata.h"
#include "core/util/result.h"
#include "models/training/batchbuilder.h"
#include "models/training/runmodel.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace chorus {

class MediaTensorReader;
class Project;

// One post's prediction for a run's primary task: the class and every class's probability, or
// the value of a regression task.
struct RunPrediction {
    std::string label;                 // the class; for a regression task the value as text, as a count
                                       // for engagement tasks (expm1 of the log1p value trained on)
    std::vector<double> probabilities; // in the order of classes(); empty for a regression task
    std::optional<double> value;       // regression tasks only, in the space trained in (log1p for counts)
    std::vector<std::string> mediaProblems;
    // The vector the model's output layer read for the post (ModelOutputs::representation), when
    // predict() was asked for it.
    std::vector<float> representation;
};

// Any supervised run (image, video, fusion, multi-task, thread models as well as text) loaded for
// predicting stored posts: the run's model and the encoding saved with it, so each post is read as
// its training posts were: its tokens, its first picture and video, its reply thread.
class RunPredictor {
public:
    // media decodes pictures and frames (null: the posts are read without media, as missing).
    static Result<RunPredictor> load(Project &project, std::int64_t runId, MediaTensorReader *media);

    const RunModel &run() const { return m_state->run; }
    const SupervisedData &encoding() const { return m_state->shell; }
    const BatchInputs &inputs() const { return m_state->inputs; }
    const std::string &task() const { return m_state->shell.primary().name; }
    const std::string &dataset() const { return m_state->run.run.dataset; }
    const std::vector<std::string> &classes() const { return m_state->shell.primary().classes; }
    bool regression() const { return m_state->shell.primary().regression; }

    // Examples of stored posts, in the order given, with the run's inputs (thread context
    // included); targets are left NaN.
    Result<std::vector<PostExample>> examples(Project &project, const std::vector<std::int64_t> &postIds) const;
    // An example of text that is not stored (no media, no thread).
    PostExample exampleOfText(const std::string &text) const;

    // The posts examples[begin..end) as one batch, for callers that read more than the prediction.
    SupervisedBatch batch(const std::vector<PostExample> &examples, std::size_t begin, std::size_t end) const;

    // withRepresentation also keeps each post's representation (an Error for a model that gives none).
    Result<std::vector<RunPrediction>> predict(const std::vector<PostExample> &examples, std::size_t batchSize = 64,
                                               bool withRepresentation = false) const;

private:
    struct State {
        RunModel run;
        SupervisedData shell; // vocabulary, tokenizer, tasks and thread tokens: what the batch builder reads
        BatchInputs inputs;
        std::size_t threadPosts = 8;
        std::unique_ptr<BatchBuilder> builder;
    };
    std::shared_ptr<State> m_state;
};

} // namespace chorus
