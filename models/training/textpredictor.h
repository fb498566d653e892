#pragma once

#include "core/util/result.h"
#include "models/training/textsaliency.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace chorus {

class Project;

struct TextPrediction {
    std::string label;
    std::vector<double> probabilities; // in the order of classes()
};

struct TokenExplanation {
    std::vector<std::string> tokens;
    std::vector<double> weights; // per token, summing to 1; empty when the model does not attend
    std::string kind;            // "token_attention" or "layer_attention" (last layer, heads averaged)
    std::vector<std::vector<std::vector<double>>> layers; // Transformer: per layer, [T][T] averaged over heads
    // Transformer: per layer and head, the attention each token receives (mean over the queries).
    std::vector<std::vector<std::vector<double>>> headWeights;
    TextPrediction prediction;
};

// A trained text classifier loaded from a run: its best checkpoint and the encoding (vocabulary,
// tokenizer, classes) saved with it, so new text is encoded exactly as the training text was.
// Inference runs on the CPU; all LibTorch exceptions end as Error values.
class TextPredictor {
public:
    ~TextPredictor();
    TextPredictor(TextPredictor &&) noexcept;
    TextPredictor &operator=(TextPredictor &&) noexcept;

    static Result<TextPredictor> load(Project &project, std::int64_t runId);

    const std::vector<std::string> &classes() const;
    const std::string &task() const;
    const std::string &dataset() const;
    Result<std::vector<TextPrediction>> predict(const std::vector<std::string> &texts, std::size_t batchSize = 256);
    Result<TokenExplanation> explain(const std::string &text);
    // Gradient x input and integrated gradients for the tokens explain() returns for the same text.
    Result<TokenSaliency> saliency(const std::string &text, const SaliencyOptions &options = {});

private:
    struct State;
    explicit TextPredictor(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

} // namespace chorus
