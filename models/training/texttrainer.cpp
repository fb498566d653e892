#include <torch/torch.h>

#include "models/training/texttrainer.h"

#include "core/metrics/classificationmetrics.h"
#include "core/store/project.h"
#include "core/training/runstore.h"
#include "core/training/textclassificationdata.h"
#include "core/util/deterministicrandom.h"
#include "models/registry/modelspec.h"
#include "models/runtime/deviceinfo.h"
#include "models/training/trainercontrol.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <numeric>

namespace chorus {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kProbePosts = 8;

struct Batch {
    torch::Tensor tokens;
    torch::Tensor lengths;
    torch::Tensor labels;
};

// Pads to the longest post of the batch (at least 1 so empty posts still have a position).
Batch makeBatch(const std::vector<TextExample> &examples, const std::vector<std::size_t> &order, std::size_t begin,
                std::size_t end, const torch::Device &device)
{
    std::size_t width = 1;
    for (std::size_t i = begin; i < end; ++i)
        width = std::max(width, examples[order[i]].ids.size());
    const auto rows = static_cast<std::int64_t>(end - begin);
    auto tokens = torch::zeros({rows, static_cast<std::int64_t>(width)}, torch::kInt64);
    auto lengths = torch::empty({rows}, torch::kInt64);
    auto labels = torch::empty({rows}, torch::kInt64);
    auto tokenData = tokens.accessor<std::int64_t, 2>();
    for (std::size_t r = 0; r < end - begin; ++r) {
        const TextExample &e = examples[order[begin + r]];
        for (std::size_t t = 0; t < e.ids.size(); ++t)
            tokenData[static_cast<std::int64_t>(r)][static_cast<std::int64_t>(t)] = e.ids[t];
        lengths[static_cast<std::int64_t>(r)] = static_cast<std::int64_t>(std::max<std::size_t>(1, e.ids.size()));
        labels[static_cast<std::int64_t>(r)] = e.label;
    }
    return {tokens.to(device), lengths.to(device), labels.to(device)};
}

double scheduledRate(const RunConfig &config, std::int64_t step, std::int64_t totalSteps)
{
    const double base = config.optimizer.learningRate;
    const ScheduleConfig &s = config.schedule;
    if (s.warmupSteps > 0 && step < s.warmupSteps)
        return base * static_cast<double>(step + 1) / static_cast<double>(s.warmupSteps);
    if (s.name == "cosine") {
        const double span = static_cast<double>(std::max<std::int64_t>(1, totalSteps - s.warmupSteps));
        const double progress = std::min(1.0, static_cast<double>(step - s.warmupSteps) / span);
        return base * 0.5 * (1.0 + std::cos(M_PI * progress));
    }
    if (s.name == "step")
        return base * std::pow(s.gamma, static_cast<double>((step - s.warmupSteps) / s.stepSize));
    return base;
}

torch::Device chooseDevice(const std::string &requested)
{
    if (requested == "cpu")
        return torch::kCPU;
    if (requested == "auto")
        return DeviceInfo::cudaAvailable() ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
    if (!DeviceInfo::cudaAvailable())
        throw std::runtime_error("device: \"" + requested + "\" was asked for, but no CUDA device is available");
    return requested == "cuda" ? torch::Device(torch::kCUDA, 0) : torch::Device(requested);
}

// Writes next to the final path and renames, so a crash never leaves a half-written checkpoint.
template <typename T>
void saveAtomically(const T &value, const fs::path &path)
{
    const fs::path temporary = path.string() + ".partial";
    torch::save(value, temporary.string());
    fs::rename(temporary, path);
}

struct Evaluation {
    double loss = 0;
    ClassificationReport report;
};

} // namespace

TextTrainer::TextTrainer(Project &project, RunConfig config, const ModelSpec &spec)
    : m_project(project), m_config(std::move(config)), m_spec(spec)
{
}

void TextTrainer::emit(const nlohmann::json &event) const
{
    if (m_events)
        m_events(event);
}

Result<TrainOutcome> TextTrainer::run()
{
    RunStore runs(m_project);
    std::int64_t runId = 0;
    try {
        if (!m_spec.makeTextClassifier)
            return Error{"model: '" + m_spec.name + "' is not a text classifier"};
        const torch::Device device = chooseDevice(m_config.device);
        const int threads = DeviceInfo::configureCpuThreads();
        torch::manual_seed(m_config.seed);

        TextDataOptions dataOptions;
        dataOptions.dataset = m_config.dataset;
        dataOptions.task = m_config.task;
        dataOptions.splitId = m_config.split.value_or(0);
        if (m_config.params.contains("max_length"))
            dataOptions.maxLength = m_config.params["max_length"].get<std::size_t>();
        if (m_config.params.contains("min_count"))
            dataOptions.minCount = m_config.params["min_count"].get<std::int64_t>();
        auto data = TextClassificationData::load(m_project, dataOptions);
        if (!data)
            return data.error();

        auto created = runs.create(m_config.model, m_config.dataset, m_config.toJson(), device.str());
        if (!created)
            return created.error();
        runId = *created;
        const fs::path runDir = fs::path(m_project.path() + ".runs") / ("run-" + std::to_string(runId));
        fs::create_directories(runDir);
        // What predict and explain need to encode new text exactly as training did.
        nlohmann::json encoding = {{"vocabulary", data->vocabulary.toJson()},
                                   {"classes", data->classes},
                                   {"tokenizer", data->tokenizer.toJson()},
                                   {"max_length", data->maxLength},
                                   {"split", data->splitId}};
        if (Status s = runs.addArtifact(runId, "encoding", "encoding", 0, "application/json", encoding.dump()); !s.ok())
            return s.error();

        const TextModelShape shape{static_cast<std::int64_t>(data->vocabulary.size()),
                                   static_cast<std::int64_t>(data->classes.size()),
                                   static_cast<std::int64_t>(data->maxLength)};
        std::shared_ptr<TextClassifierImpl> model = m_spec.makeTextClassifier(m_config.params, shape);
        model->to(device);
        // Serialization works on the Module base.
        const std::shared_ptr<torch::nn::Module> moduleForSaving = model;

        std::unique_ptr<torch::optim::Optimizer> optimizer;
        if (m_config.optimizer.name == "sgd")
            optimizer = std::make_unique<torch::optim::SGD>(
                model->parameters(), torch::optim::SGDOptions(m_config.optimizer.learningRate)
                                         .momentum(m_config.optimizer.momentum)
                                         .weight_decay(m_config.optimizer.weightDecay));
        else
            optimizer = std::make_unique<torch::optim::AdamW>(
                model->parameters(), torch::optim::AdamWOptions(m_config.optimizer.learningRate)
                                         .weight_decay(m_config.optimizer.weightDecay));

        torch::Tensor classWeights;
        if (m_config.classWeights) {
            std::vector<double> counts(data->classes.size(), 0.0);
            for (const TextExample &e : data->train)
                counts[static_cast<std::size_t>(e.label)] += 1;
            std::vector<float> weights;
            for (double c : counts)
                weights.push_back(c > 0 ? static_cast<float>(static_cast<double>(data->train.size()) /
                                                             (static_cast<double>(counts.size()) * c))
                                        : 0.f);
            classWeights = torch::tensor(weights).to(device);
        }
        auto lossOf = [&](const torch::Tensor &logits, const torch::Tensor &labels) {
            auto options = torch::nn::functional::CrossEntropyFuncOptions();
            if (classWeights.defined())
                options.weight(classWeights);
            return torch::nn::functional::cross_entropy(logits, labels, options);
        };

        const std::size_t batchSize = static_cast<std::size_t>(m_config.batchSize);
        const std::int64_t stepsPerEpoch =
            static_cast<std::int64_t>((data->train.size() + batchSize - 1) / batchSize);
        const std::int64_t totalSteps = stepsPerEpoch * m_config.epochs;

        std::vector<TextExample> probe(data->valid.begin(),
                                       data->valid.begin() + static_cast<std::ptrdiff_t>(
                                                                 std::min(kProbePosts, data->valid.size())));
        auto evaluate = [&](const std::vector<TextExample> &examples) -> Evaluation {
            torch::NoGradGuard noGrad;
            model->eval();
            std::vector<std::size_t> order(examples.size());
            std::iota(order.begin(), order.end(), 0);
            std::vector<std::int64_t> truth, predicted;
            std::vector<std::vector<double>> scores;
            double lossSum = 0;
            for (std::size_t begin = 0; begin < examples.size(); begin += batchSize) {
                const std::size_t end = std::min(examples.size(), begin + batchSize);
                Batch batch = makeBatch(examples, order, begin, end, device);
                TextClassifierOutput out = model->forward(batch.tokens, batch.lengths);
                lossSum += lossOf(out.logits, batch.labels).item<double>() * static_cast<double>(end - begin);
                auto probabilities = torch::softmax(out.logits, 1).to(torch::kCPU, torch::kDouble).contiguous();
                auto best = probabilities.argmax(1);
                for (std::int64_t r = 0; r < probabilities.size(0); ++r) {
                    truth.push_back(examples[begin + static_cast<std::size_t>(r)].label);
                    predicted.push_back(best[r].item<std::int64_t>());
                    const double *row = probabilities[r].data_ptr<double>();
                    scores.emplace_back(row, row + probabilities.size(1));
                }
            }
            model->train();
            Evaluation evaluation;
            evaluation.loss = examples.empty() ? 0 : lossSum / static_cast<double>(examples.size());
            auto report = ClassificationMetrics::evaluate(truth, predicted, scores, data->classes.size(), data->classes);
            if (report)
                evaluation.report = *report;
            return evaluation;
        };
        auto metricValue = [](const Evaluation &e, const std::string &name) {
            if (name == "loss")
                return e.loss;
            if (name == "macro_f1")
                return e.report.macroF1;
            if (name == "micro_f1")
                return e.report.microF1;
            if (name == "roc_auc" && e.report.rocAuc)
                return e.report.rocAuc->auc;
            return e.report.accuracy;
        };

        emit({{"event", "started"},
              {"run_id", runId},
              {"model", m_config.model},
              {"device", device.str()},
              {"threads", threads},
              {"train", data->train.size()},
              {"valid", data->valid.size()},
              {"test", data->test.size()},
              {"classes", data->classes},
              {"vocabulary", data->vocabulary.size()},
              {"steps", totalSteps}});

        const std::string watched = m_config.earlyStopping.enabled ? m_config.earlyStopping.metric : "accuracy";
        const bool higherIsBetter = !(m_config.earlyStopping.enabled && m_config.earlyStopping.mode == "min");
        double bestValue = higherIsBetter ? -INFINITY : INFINITY;
        int evaluationsWithoutGain = 0;
        nlohmann::json bestValid;
        const fs::path bestPath = runDir / "best.pt";
        const fs::path latestPath = runDir / "latest.pt";
        std::int64_t step = 0;
        std::string status = "finished";
        double windowLoss = 0;
        int windowSteps = 0;
        auto windowStart = std::chrono::steady_clock::now();
        std::size_t windowSamples = 0;
        double lastRate = 0;

        auto evaluateAndRecord = [&](double epoch) -> bool {
            if (data->valid.empty())
                return true;
            Evaluation e = evaluate(data->valid);
            std::vector<std::pair<std::string, double>> values = {
                {"loss", e.loss}, {"accuracy", e.report.accuracy}, {"macro_f1", e.report.macroF1},
                {"micro_f1", e.report.microF1}};
            if (e.report.rocAuc)
                values.emplace_back("roc_auc", e.report.rocAuc->auc);
            if (Status s = runs.addMetrics(runId, step, epoch, "valid", values); !s.ok())
                throw std::runtime_error(s.message());
            nlohmann::json event = {{"event", "evaluation"}, {"step", step}, {"epoch", epoch}, {"split", "valid"}};
            for (const auto &[name, value] : values)
                event[name] = value;
            emit(event);

            const double value = metricValue(e, watched);
            const bool improved = higherIsBetter ? value > bestValue : value < bestValue;
            if (improved) {
                bestValue = value;
                evaluationsWithoutGain = 0;
                bestValid = event;
                saveAtomically(moduleForSaving, bestPath);
                if (Status s = runs.addCheckpoint(runId, step, "best", bestPath.string(), value); !s.ok())
                    throw std::runtime_error(s.message());
                if (Status s = runs.setBestMetrics(runId, bestValid); !s.ok())
                    throw std::runtime_error(s.message());
                emit({{"event", "checkpoint"}, {"kind", "best"}, {"step", step}, {"path", bestPath.string()}});
            } else {
                ++evaluationsWithoutGain;
            }
            return !(m_config.earlyStopping.enabled && evaluationsWithoutGain >= m_config.earlyStopping.patience);
        };

        auto snapshotAttention = [&](int epoch) {
            if (probe.empty())
                return;
            torch::NoGradGuard noGrad;
            model->eval();
            std::vector<std::size_t> order(probe.size());
            std::iota(order.begin(), order.end(), 0);
            Batch batch = makeBatch(probe, order, 0, probe.size(), device);
            TextClassifierOutput out = model->forward(batch.tokens, batch.lengths);
            model->train();
            auto probabilities = torch::softmax(out.logits, 1).to(torch::kCPU);
            torch::Tensor weights;
            if (out.tokenAttention.defined())
                weights = out.tokenAttention.to(torch::kCPU);
            else if (!out.layerAttention.empty()) {
                // Last layer, averaged over heads and over each post's real queries only: padding
                // query rows are zero, so summing and dividing by the length keeps each row at 1.
                auto lengths = batch.lengths.to(torch::kCPU, torch::kFloat).unsqueeze(1);
                weights = (out.layerAttention.back().mean(1).sum(1).to(torch::kCPU) / lengths);
            }
            else
                return;
            nlohmann::json posts = nlohmann::json::array();
            for (std::size_t i = 0; i < probe.size(); ++i) {
                const auto row = static_cast<std::int64_t>(i);
                nlohmann::json tokens = data->vocabulary.decode(probe[i].ids);
                std::vector<double> w;
                for (std::size_t t = 0; t < probe[i].ids.size(); ++t)
                    w.push_back(weights[row][static_cast<std::int64_t>(t)].item<double>());
                std::vector<double> p;
                for (std::int64_t c = 0; c < probabilities.size(1); ++c)
                    p.push_back(probabilities[row][c].item<double>());
                posts.push_back({{"post_id", probe[i].postId},
                                 {"tokens", tokens},
                                 {"weights", w},
                                 {"label", data->classes[static_cast<std::size_t>(probe[i].label)]},
                                 {"probabilities", p}});
            }
            nlohmann::json snapshot = {{"epoch", epoch}, {"step", step}, {"classes", data->classes}, {"posts", posts}};
            if (Status s = runs.addArtifact(runId, "attention", "epoch-" + std::to_string(epoch), step,
                                            "application/json", snapshot.dump());
                !s.ok())
                throw std::runtime_error(s.message());
            emit({{"event", "attention"}, {"epoch", epoch}, {"step", step}, {"posts", posts}});
        };

        model->train();
        bool keepGoing = true;
        for (int epoch = 0; epoch < m_config.epochs && keepGoing; ++epoch) {
            std::vector<std::size_t> order(data->train.size());
            std::iota(order.begin(), order.end(), 0);
            DeterministicRandom random(m_config.seed * 1000003ULL + static_cast<std::uint64_t>(epoch));
            random.shuffle(order);
            for (std::size_t begin = 0; begin < order.size() && keepGoing; begin += batchSize) {
                if (m_control) {
                    const bool holding = m_control->holding();
                    if (holding) {
                        runs.setStatus(runId, "paused");
                        emit({{"event", "paused"}, {"step", step}});
                    }
                    if (!m_control->awaitPermission()) {
                        status = "stopped";
                        keepGoing = false;
                        break;
                    }
                    if (holding) {
                        runs.setStatus(runId, "running");
                        emit({{"event", "resumed"}, {"step", step}});
                    }
                }
                const std::size_t end = std::min(order.size(), begin + batchSize);
                Batch batch = makeBatch(data->train, order, begin, end, device);
                const double rate = scheduledRate(m_config, step, totalSteps);
                for (auto &group : optimizer->param_groups())
                    group.options().set_lr(rate);
                optimizer->zero_grad();
                TextClassifierOutput out = model->forward(batch.tokens, batch.lengths);
                torch::Tensor loss = lossOf(out.logits, batch.labels);
                loss.backward();
                if (m_config.gradientClip > 0)
                    torch::nn::utils::clip_grad_norm_(model->parameters(), m_config.gradientClip);
                optimizer->step();
                ++step;
                const double lossValue = loss.item<double>();
                if (!std::isfinite(lossValue))
                    throw std::runtime_error("training diverged: the loss is " + std::to_string(lossValue) +
                                             " at step " + std::to_string(step) + " (try a lower optimizer.lr)");
                windowLoss += lossValue;
                ++windowSteps;
                windowSamples += end - begin;
                const double epochPosition = epoch + static_cast<double>(end) / static_cast<double>(order.size());
                // Steps are reported in windows so a fast model does not flood the GUI or the database.
                if (windowSteps == 10 || end == order.size()) {
                    const auto now = std::chrono::steady_clock::now();
                    const double seconds = std::chrono::duration<double>(now - windowStart).count();
                    lastRate = seconds > 0 ? static_cast<double>(windowSamples) / seconds : 0;
                    const double meanLoss = windowLoss / windowSteps;
                    if (Status s = runs.addMetrics(runId, step, epochPosition, "train",
                                                   {{"loss", meanLoss}, {"lr", rate}, {"samples_per_s", lastRate}});
                        !s.ok())
                        throw std::runtime_error(s.message());
                    emit({{"event", "step"},
                          {"step", step},
                          {"epoch", epochPosition},
                          {"loss", meanLoss},
                          {"lr", rate},
                          {"samples_per_s", lastRate},
                          {"steps", totalSteps}});
                    windowLoss = 0;
                    windowSteps = 0;
                    windowSamples = 0;
                    windowStart = now;
                }
                if (m_config.evalEvery > 0 && step % m_config.evalEvery == 0)
                    keepGoing = evaluateAndRecord(epochPosition);
                if (m_config.checkpointEvery > 0 && step % m_config.checkpointEvery == 0) {
                    saveAtomically(moduleForSaving, latestPath);
                    if (Status s = runs.addCheckpoint(runId, step, "latest", latestPath.string(), std::nullopt); !s.ok())
                        throw std::runtime_error(s.message());
                }
            }
            if (status == "stopped")
                break;
            if (m_config.evalEvery == 0)
                keepGoing = evaluateAndRecord(epoch + 1.0) && keepGoing;
            snapshotAttention(epoch + 1);
            saveAtomically(moduleForSaving, latestPath);
            if (Status s = runs.addCheckpoint(runId, step, "latest", latestPath.string(), std::nullopt); !s.ok())
                throw std::runtime_error(s.message());
            emit({{"event", "checkpoint"}, {"kind", "latest"}, {"step", step}, {"path", latestPath.string()}});
        }

        // Test with the best model by the validation metric, as one would publish it.
        if (fs::exists(bestPath)) {
            std::shared_ptr<torch::nn::Module> loaded = model;
            torch::load(loaded, bestPath.string());
        }
        nlohmann::json test;
        if (!data->test.empty()) {
            Evaluation e = evaluate(data->test);
            test = e.report.toJson();
            // Flat headline figures beside the full report, as the evaluation events have them.
            test["loss"] = e.loss;
            test["accuracy"] = e.report.accuracy;
            test["macro_f1"] = e.report.macroF1;
            test["micro_f1"] = e.report.microF1;
            std::vector<std::pair<std::string, double>> values = {
                {"loss", e.loss}, {"accuracy", e.report.accuracy}, {"macro_f1", e.report.macroF1}};
            if (Status s = runs.addMetrics(runId, step, m_config.epochs, "test", values); !s.ok())
                throw std::runtime_error(s.message());
        }
        if (Status s = runs.setStatus(runId, status); !s.ok())
            return s.error();
        TrainOutcome outcome{runId, status, bestValid, test, step, lastRate};
        emit({{"event", "finished"}, {"run_id", runId}, {"status", status}, {"steps", step}, {"test", test}});
        return outcome;
    } catch (const std::exception &e) {
        // c10::Error derives from std::exception: LibTorch failures end here as values.
        std::string message = e.what();
        if (auto newline = message.find('\n'); newline != std::string::npos)
            message = message.substr(0, newline);
        if (runId)
            runs.setStatus(runId, "failed", message);
        emit({{"event", "failed"}, {"run_id", runId}, {"message", message}});
        return Error{message};
    }
}

} // namespace chorus
