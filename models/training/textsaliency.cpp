#include <torch/torch.h>

#include "models/training/textsaliency.h"

#include "models/text/textclassifier.h"

#include <algorithm>
#include <exception>
#include <numeric>

namespace chorus {
namespace {

// Path points evaluated per forward pass: enough to amortise the pass, small enough for long posts.
constexpr std::int64_t kPathChunk = 16;

// Clears the probe however compute() ends, so the model predicts normally afterwards.
struct ProbeReset {
    TextClassifierImpl &model;
    ~ProbeReset() { model.setEmbeddingProbe(nullptr); }
};

// Per-position values summed per token (a bigram counts half for each of its two tokens).
std::vector<double> perToken(const torch::Tensor &positions, const TextClassifierImpl &model, std::int64_t tokens)
{
    const torch::Tensor values = positions.to(torch::kDouble).contiguous();
    const auto mapping = model.embeddedPositions(tokens);
    std::vector<double> out(static_cast<std::size_t>(tokens), 0.0);
    const std::int64_t count = std::min<std::int64_t>(values.size(0), static_cast<std::int64_t>(mapping.size()));
    const double *data = values.data_ptr<double>();
    for (std::int64_t p = 0; p < count; ++p) {
        const auto [first, second] = mapping[static_cast<std::size_t>(p)];
        if (first == second) {
            out[static_cast<std::size_t>(first)] += data[p];
        } else {
            out[static_cast<std::size_t>(first)] += data[p] / 2;
            out[static_cast<std::size_t>(second)] += data[p] / 2;
        }
    }
    return out;
}

} // namespace

double TokenSaliency::completenessGap() const
{
    const double sum = std::accumulate(integratedGradients.begin(), integratedGradients.end(), 0.0);
    return sum - (score - baselineScore);
}

Result<TokenSaliency> TextSaliency::compute(TextClassifierImpl &model, const torch::Tensor &tokens,
                                            const SaliencyOptions &options)
{
    if (!model.supportsEmbeddingProbe())
        return Error{"saliency: this model family does not expose its token embeddings"};
    if (options.steps < 1 || options.steps > 1000)
        return Error{"saliency: steps must be between 1 and 1000, got " + std::to_string(options.steps)};
    if (options.baseline != "zero" && options.baseline != "pad")
        return Error{"saliency: baseline must be zero or pad, got '" + options.baseline + "'"};
    if (!tokens.defined() || tokens.dim() != 2 || tokens.size(0) != 1 || tokens.size(1) < 1)
        return Error{"saliency: expected the token ids of one post, [1, T]"};
    try {
        torch::AutoGradMode withGradients(true);
        model.eval();
        ProbeReset reset{model};
        const std::int64_t length = tokens.size(1);
        const torch::Tensor lengths = torch::full({1}, length, torch::kInt64).to(tokens.device());
        auto logitOf = [&](const torch::Tensor &ids, const torch::Tensor &idLengths) {
            return model.forward(ids, idLengths).logits;
        };

        // The post's embeddings, and the baseline's.
        torch::Tensor input;
        model.setEmbeddingProbe([&](const torch::Tensor &e) {
            input = e.detach();
            return e;
        });
        torch::Tensor logits;
        {
            torch::NoGradGuard noGrad;
            logits = logitOf(tokens, lengths);
        }
        TokenSaliency result;
        result.steps = options.steps;
        result.baseline = options.baseline;
        result.target = options.target >= 0 ? options.target : logits[0].argmax().item<std::int64_t>();
        if (result.target >= logits.size(1))
            return Error{"saliency: the model has " + std::to_string(logits.size(1)) + " classes, no class " +
                         std::to_string(result.target)};
        result.score = logits[0][result.target].item<double>();
        torch::Tensor baseline = torch::zeros_like(input);
        if (options.baseline == "pad") {
            model.setEmbeddingProbe([&](const torch::Tensor &e) {
                baseline = e.detach();
                return e;
            });
            torch::NoGradGuard noGrad;
            logitOf(torch::zeros_like(tokens), lengths);
        }
        {
            model.setEmbeddingProbe([&](const torch::Tensor &) { return baseline; });
            torch::NoGradGuard noGrad;
            result.baselineScore = logitOf(tokens, lengths)[0][result.target].item<double>();
        }

        // Gradient x input.
        {
            const torch::Tensor leaf = input.clone().requires_grad_(true);
            // NOLINTNEXTLINE(performance-no-automatic-move): captured, returned on every call; a move would empty it
            model.setEmbeddingProbe([&](const torch::Tensor &) { return leaf; });
            const torch::Tensor score = logitOf(tokens, lengths)[0][result.target];
            const torch::Tensor gradient = torch::autograd::grad({score}, {leaf})[0];
            result.gradientTimesInput = perToken((gradient * input).sum(-1)[0], model, length);
        }

        // Integrated gradients: trapezoid rule over alpha = k / steps, k = 0..steps, in chunks of
        // path points run as one batch.
        const torch::Tensor difference = input - baseline; // [1, P, D]
        torch::Tensor averaged = torch::zeros_like(input[0]);
        const std::int64_t points = options.steps + 1;
        for (std::int64_t begin = 0; begin < points; begin += kPathChunk) {
            const std::int64_t count = std::min(kPathChunk, points - begin);
            const torch::Tensor k = torch::arange(begin, begin + count, input.options());
            const torch::Tensor alpha = (k / static_cast<double>(options.steps)).view({count, 1, 1});
            const torch::Tensor path = (baseline + alpha * difference).detach().requires_grad_(true); // [C, P, D]
            // NOLINTNEXTLINE(performance-no-automatic-move): captured, returned on every call; a move would empty it
            model.setEmbeddingProbe([&](const torch::Tensor &) { return path; });
            const torch::Tensor scores =
                logitOf(tokens.expand({count, length}).contiguous(), lengths.expand({count}).contiguous())
                    .select(1, result.target);
            const torch::Tensor gradients = torch::autograd::grad({scores.sum()}, {path})[0]; // [C, P, D]
            torch::Tensor weights = torch::ones({count}, input.options());
            if (begin == 0)
                weights[0] = 0.5;
            if (begin + count == points)
                weights[count - 1] = 0.5;
            averaged += (gradients * weights.view({count, 1, 1})).sum(0) / static_cast<double>(options.steps);
        }
        result.integratedGradients = perToken((averaged * difference[0]).sum(-1), model, length);
        return result;
    } catch (const std::exception &e) {
        return Error{std::string("saliency failed: ") + e.what()};
    }
}

} // namespace chorus
