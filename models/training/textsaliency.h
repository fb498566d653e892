#pragma once

#include "core/util/result.h"

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace chorus {

class TextClassifierImpl;

struct SaliencyOptions {
    int steps = 50;                // integrated gradients: intervals of the path (trapezoid rule), 1..1000
    std::string baseline = "zero"; // "zero": all-zero embeddings; "pad": the padding token's embedding everywhere
    std::int64_t target = -1;      // class whose logit is explained; -1: the predicted class
};

// How much each token of a post moved the target class's logit, by two gradient methods taken with
// respect to the token embeddings (the embedding layer's output):
// - gradient x input: sum over the embedding of d logit / d e_t * e_t;
// - integrated gradients (Sundararajan et al. 2017): (e_t - b_t) times the gradient averaged along
//   the straight path from the baseline b to e. The attributions add up to
//   logit(e) - logit(b) up to the quadrature error, which `completenessGap` reports.
// Position embeddings, attention masks and the rest of the model stay as they are.
struct TokenSaliency {
    std::vector<double> gradientTimesInput;  // per token
    std::vector<double> integratedGradients; // per token
    std::int64_t target = 0;
    double score = 0;         // the target's logit for the post
    double baselineScore = 0; // the same logit with the baseline embeddings
    int steps = 0;
    std::string baseline;

    // sum(integratedGradients) - (score - baselineScore): near 0 when enough steps were taken.
    double completenessGap() const;
};

class TextSaliency {
public:
    // tokens: [1, T] ids of one post without padding (T >= 1). The model must support the embedding
    // probe (TextClassifierImpl::supportsEmbeddingProbe); it is put in eval mode. LibTorch failures
    // and bad options come back as errors.
    static Result<TokenSaliency> compute(TextClassifierImpl &model, const torch::Tensor &tokens,
                                         const SaliencyOptions &options = {});
};

} // namespace chorus
