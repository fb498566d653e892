#include <torch/torch.h>

#include "models/training/textpredictor.h"

#include "core/store/project.h"
#include "core/text/posttokenizer.h"
#include "core/text/vocabulary.h"
#include "core/training/runstore.h"
#include "models/registry/modelregistry.h"
#include "models/training/checkpointfile.h"

#include <filesystem>

namespace chorus {

struct TextPredictor::State {
    std::shared_ptr<TextClassifierImpl> model;
    Vocabulary vocabulary;
    PostTokenizer tokenizer;
    std::size_t maxLength = 64;
    std::vector<std::string> classes;
    std::string task;
    std::string dataset;

    std::vector<std::string> tokens(const std::string &text) const
    {
        std::vector<std::string> out = tokenizer.tokenize(text);
        if (out.size() > maxLength)
            out.resize(maxLength);
        return out;
    }
};

TextPredictor::TextPredictor(std::unique_ptr<State> state) : m_state(std::move(state)) {}
TextPredictor::~TextPredictor() = default;
TextPredictor::TextPredictor(TextPredictor &&) noexcept = default;
TextPredictor &TextPredictor::operator=(TextPredictor &&) noexcept = default;

const std::vector<std::string> &TextPredictor::classes() const { return m_state->classes; }
const std::string &TextPredictor::task() const { return m_state->task; }
const std::string &TextPredictor::dataset() const { return m_state->dataset; }

Result<TextPredictor> TextPredictor::load(Project &project, std::int64_t runId)
{
    try {
        auto run = RunStore(project).get(runId);
        if (!run)
            return run.error();
        const std::string modelName = run->config.value("model", "");
        const ModelSpec *spec = ModelRegistry::instance().find(modelName);
        if (!spec || !spec->makeTextClassifier)
            return Error{"run " + std::to_string(runId) + " trained '" + modelName + "', which is not a text classifier"};
        auto encodingText = project.db().prepare(
            "SELECT data FROM artifacts WHERE run_id = ? AND kind = 'encoding' ORDER BY id DESC LIMIT 1");
        auto checkpoint = project.db().prepare(
            "SELECT path FROM checkpoints WHERE run_id = ? ORDER BY kind = 'best' DESC, step DESC LIMIT 1");
        if (!encodingText || !checkpoint)
            return Error{"cannot read run " + std::to_string(runId)};
        encodingText->bind(1, runId);
        checkpoint->bind(1, runId);
        if (!encodingText->step())
            return Error{"run " + std::to_string(runId) + " has no saved encoding (it failed before training)"};
        if (!checkpoint->step())
            return Error{"run " + std::to_string(runId) + " has no checkpoint (it stopped before its first one)"};
        const std::string path = checkpoint->text(0);
        if (!std::filesystem::exists(path))
            return Error{"checkpoint '" + path + "' of run " + std::to_string(runId) + " is missing"};

        const nlohmann::json encoding = nlohmann::json::parse(encodingText->blob(0), nullptr, false);
        if (!encoding.is_object())
            return Error{"run " + std::to_string(runId) + ": the saved encoding is damaged"};
        auto state = std::make_unique<State>();
        auto vocabulary = Vocabulary::fromJson(encoding["vocabulary"]);
        auto tokenizer = PostTokenizer::readFrom(encoding);
        if (!vocabulary)
            return vocabulary.error();
        if (!tokenizer)
            return Error{"run " + std::to_string(runId) + ": " + tokenizer.message()};
        state->vocabulary = std::move(*vocabulary);
        state->tokenizer = std::move(*tokenizer);
        state->maxLength = encoding.value("max_length", std::size_t(64));
        state->classes = encoding["classes"].get<std::vector<std::string>>();
        state->task = run->config.value("task", "");
        state->dataset = run->dataset;

        const TextModelShape shape{static_cast<std::int64_t>(state->vocabulary.size()),
                                   static_cast<std::int64_t>(state->classes.size()),
                                   static_cast<std::int64_t>(state->maxLength)};
        auto model = ModelRegistry::instance().makeTextClassifier(modelName, run->config["params"], shape);
        if (!model)
            return model.error();
        state->model = *model;
        CheckpointFile::loadModel(path, *state->model);
        state->model->eval();
        return TextPredictor(std::move(state));
    } catch (const std::exception &e) {
        return Error{"cannot load run " + std::to_string(runId) + ": " + e.what()};
    }
}

Result<std::vector<TextPrediction>> TextPredictor::predict(const std::vector<std::string> &texts, std::size_t batchSize)
{
    try {
        torch::NoGradGuard noGrad;
        std::vector<TextPrediction> out;
        for (std::size_t begin = 0; begin < texts.size(); begin += batchSize) {
            const std::size_t end = std::min(texts.size(), begin + batchSize);
            std::vector<std::vector<std::int64_t>> ids;
            std::size_t width = 1;
            for (std::size_t i = begin; i < end; ++i) {
                ids.push_back(m_state->vocabulary.encode(m_state->tokens(texts[i])));
                width = std::max(width, ids.back().size());
            }
            auto tokens = torch::zeros({static_cast<std::int64_t>(ids.size()), static_cast<std::int64_t>(width)}, torch::kInt64);
            auto lengths = torch::empty({static_cast<std::int64_t>(ids.size())}, torch::kInt64);
            auto access = tokens.accessor<std::int64_t, 2>();
            for (std::size_t r = 0; r < ids.size(); ++r) {
                for (std::size_t t = 0; t < ids[r].size(); ++t)
                    access[static_cast<std::int64_t>(r)][static_cast<std::int64_t>(t)] = ids[r][t];
                lengths[static_cast<std::int64_t>(r)] = static_cast<std::int64_t>(std::max<std::size_t>(1, ids[r].size()));
            }
            auto probabilities = torch::softmax(m_state->model->forward(tokens, lengths).logits, 1).to(torch::kDouble).contiguous();
            for (std::int64_t r = 0; r < probabilities.size(0); ++r) {
                const double *row = probabilities[r].data_ptr<double>();
                TextPrediction p;
                p.probabilities.assign(row, row + probabilities.size(1));
                p.label = m_state->classes[static_cast<std::size_t>(probabilities[r].argmax().item<std::int64_t>())];
                out.push_back(std::move(p));
            }
        }
        return out;
    } catch (const std::exception &e) {
        return Error{std::string("prediction failed: ") + e.what()};
    }
}

Result<TokenExplanation> TextPredictor::explain(const std::string &text)
{
    try {
        torch::NoGradGuard noGrad;
        TokenExplanation explanation;
        explanation.tokens = m_state->tokens(text);
        const std::vector<std::int64_t> ids = m_state->vocabulary.encode(explanation.tokens);
        const auto length = static_cast<std::int64_t>(std::max<std::size_t>(1, ids.size()));
        auto tokens = torch::zeros({1, length}, torch::kInt64);
        for (std::size_t t = 0; t < ids.size(); ++t)
            tokens[0][static_cast<std::int64_t>(t)] = ids[t];
        auto lengths = torch::full({1}, length, torch::kInt64);
        TextClassifierOutput output = m_state->model->forward(tokens, lengths);
        auto probabilities = torch::softmax(output.logits, 1).to(torch::kDouble)[0];
        for (std::int64_t c = 0; c < probabilities.size(0); ++c)
            explanation.prediction.probabilities.push_back(probabilities[c].item<double>());
        explanation.prediction.label = m_state->classes[static_cast<std::size_t>(probabilities.argmax().item<std::int64_t>())];
        torch::Tensor weights;
        if (output.tokenAttention.defined()) {
            explanation.kind = "token_attention";
            weights = output.tokenAttention[0];
        } else if (!output.layerAttention.empty()) {
            explanation.kind = "layer_attention";
            // Attention each token receives in the last layer, averaged over heads and queries.
            weights = output.layerAttention.back()[0].mean(0).mean(0);
            for (const torch::Tensor &layer : output.layerAttention) {
                const torch::Tensor perHead = layer[0].mean(1).to(torch::kDouble).contiguous(); // [H, T]
                std::vector<std::vector<double>> heads;
                for (std::int64_t h = 0; h < perHead.size(0); ++h)
                    heads.emplace_back(perHead[h].data_ptr<double>(), perHead[h].data_ptr<double>() + perHead.size(1));
                explanation.headWeights.push_back(std::move(heads));
                auto averaged = layer[0].mean(0).to(torch::kDouble).contiguous();
                std::vector<std::vector<double>> matrix;
                for (std::int64_t q = 0; q < averaged.size(0); ++q) {
                    const double *row = averaged[q].data_ptr<double>();
                    matrix.emplace_back(row, row + averaged.size(1));
                }
                explanation.layers.push_back(std::move(matrix));
            }
        }
        if (weights.defined())
            for (std::size_t t = 0; t < explanation.tokens.size(); ++t)
                explanation.weights.push_back(weights[static_cast<std::int64_t>(t)].item<double>());
        return explanation;
    } catch (const std::exception &e) {
        return Error{std::string("explanation failed: ") + e.what()};
    }
}

Result<TokenSaliency> TextPredictor::saliency(const std::string &text, const SaliencyOptions &options)
{
    try {
        const std::vector<std::int64_t> ids = m_state->vocabulary.encode(m_state->tokens(text));
        if (ids.empty())
            return Error{"saliency: the text has no tokens"};
        auto tokens = torch::tensor(ids, torch::kInt64).unsqueeze(0);
        return TextSaliency::compute(*m_state->model, tokens, options);
    } catch (const std::exception &e) {
        return Error{std::string("saliency failed: ") + e.what()};
    }
}

} // namespace chorus
