#include <torch/torch.h>

#include "models/training/seq2seqtrainer.h"

#include "core/metrics/sequencemetrics.h"
#include "core/store/project.h"
#include "core/training/runstore.h"
#include "core/training/sequencedata.h"
#include "core/util/deterministicrandom.h"
#include "models/registry/seq2seqmodelspecs.h"
#include "models/runtime/devicechoice.h"
#include "models/runtime/deviceinfo.h"
#include "models/seq2seq/seq2seqmodel.h"
#include "models/seq2seq/teacherforcingschedule.h"
#include "models/training/checkpointfile.h"
#include "models/training/trainercontrol.h"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <limits>
#include <numeric>

namespace chorus {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kProbeExamples = 4;
// Independent streams of the run's seed: changing how one is used never shifts the other.
constexpr std::uint64_t kShuffleStream = 1;
constexpr std::uint64_t kTeacherForcingStream = 2;

const std::vector<std::string> &reportedMetrics()
{
    static const std::vector<std::string> names = {"loss", "perplexity", "token_accuracy", "bleu4", "rouge_l"};
    return names;
}

struct Batch {
    torch::Tensor source;        // [B, S]
    torch::Tensor sourceLengths; // [B]
    torch::Tensor target;        // [B, T]: ids then <eos>, padded
};

Batch makeBatch(const std::vector<SequenceExample> &examples, const std::vector<std::size_t> &order,
                std::size_t begin, std::size_t end, const torch::Device &device)
{
    std::size_t sourceWidth = 1, targetWidth = 1;
    for (std::size_t i = begin; i < end; ++i) {
        sourceWidth = std::max(sourceWidth, examples[order[i]].source.size());
        targetWidth = std::max(targetWidth, examples[order[i]].target.size() + 1);
    }
    const auto rows = static_cast<std::int64_t>(end - begin);
    auto source = torch::full({rows, static_cast<std::int64_t>(sourceWidth)}, SequenceData::kPadId, torch::kInt64);
    auto target = torch::full({rows, static_cast<std::int64_t>(targetWidth)}, SequenceData::kPadId, torch::kInt64);
    auto lengths = torch::empty({rows}, torch::kInt64);
    auto s = source.accessor<std::int64_t, 2>();
    auto t = target.accessor<std::int64_t, 2>();
    auto l = lengths.accessor<std::int64_t, 1>();
    for (std::int64_t r = 0; r < rows; ++r) {
        const SequenceExample &e = examples[order[begin + static_cast<std::size_t>(r)]];
        for (std::size_t i = 0; i < e.source.size(); ++i)
            s[r][static_cast<std::int64_t>(i)] = e.source[i];
        for (std::size_t i = 0; i < e.target.size(); ++i)
            t[r][static_cast<std::int64_t>(i)] = e.target[i];
        t[r][static_cast<std::int64_t>(e.target.size())] = SequenceData::kEndId;
        l[r] = static_cast<std::int64_t>(e.source.size());
    }
    return {source.to(device), lengths.to(device), target.to(device)};
}

std::vector<std::string> decodedTokens(const Vocabulary &vocabulary, const Seq2seqHypothesis &h, bool withEnd)
{
    std::vector<std::string> out;
    out.reserve(h.tokens.size() + 1);
    for (std::int64_t id : h.tokens)
        out.push_back(vocabulary.token(id));
    if (withEnd && h.finished)
        out.emplace_back(Vocabulary::kEnd);
    return out;
}

struct Evaluation {
    double loss = 0;
    double perplexity = 0;
    double tokenAccuracy = 0;
    double bleu4 = 0;
    double rougeL = 0;

    double value(const std::string &name) const
    {
        if (name == "perplexity")
            return perplexity;
        if (name == "token_accuracy")
            return tokenAccuracy;
        if (name == "bleu4")
            return bleu4;
        if (name == "rouge_l")
            return rougeL;
        return loss;
    }
    std::vector<std::pair<std::string, double>> values() const
    {
        std::vector<std::pair<std::string, double>> out;
        for (const std::string &name : reportedMetrics())
            out.emplace_back(name, value(name));
        return out;
    }
};

} // namespace

Seq2seqTrainer::Seq2seqTrainer(Project &project, RunConfig config) : m_project(project), m_config(std::move(config)) {}

void Seq2seqTrainer::emit(const nlohmann::json &event) const
{
    if (m_events)
        m_events(event);
}

Result<TrainOutcome> Seq2seqTrainer::run()
{
    RunStore runs(m_project);
    std::int64_t runId = 0;
    try {
        // A config parsed without the schema still gets every default.
        nlohmann::json params = seq2seqModelSpecs().front().params.defaults();
        params.update(m_config.params);
        auto source = SequenceDataOptions::parseSource(params.at("source").get<std::string>());
        if (!source)
            return source.error();
        const std::string watched = m_config.earlyStopping.enabled ? m_config.earlyStopping.metric : "loss";
        if (std::find(reportedMetrics().begin(), reportedMetrics().end(), watched) == reportedMetrics().end())
            return Error{"early_stopping.metric: seq2seq reports loss, perplexity, token_accuracy, bleu4 and rouge_l, "
                         "not '" + watched + "'"};
        const bool higherIsBetter = m_config.earlyStopping.enabled ? m_config.earlyStopping.mode == "max" : false;
        const TeacherForcingSchedule teacherForcing{params.at("teacher_forcing_start").get<double>(),
                                                    params.at("teacher_forcing_end").get<double>()};
        const torch::Device device = chooseTrainingDevice(m_config.device);
        const int threads = DeviceInfo::configureCpuThreads(m_cpuThreads);
        torch::manual_seed(m_config.seed);

        SequenceDataOptions dataOptions;
        dataOptions.source = *source;
        dataOptions.dataset = m_config.dataset;
        dataOptions.splitId = m_config.split.value_or(0);
        dataOptions.context = params.at("context").get<std::size_t>();
        dataOptions.horizon = params.at("horizon").get<std::size_t>();
        dataOptions.maxSourceLength = params.at("max_source_length").get<std::size_t>();
        dataOptions.maxTargetLength = params.at("max_target_length").get<std::size_t>();
        dataOptions.minCount = params.at("min_count").get<std::int64_t>();
        auto data = SequenceData::load(m_project, dataOptions);
        if (!data)
            return data.error();
        // Behaviour targets are exactly `horizon` actions: decoding needs no more steps than that.
        const std::int64_t maxSteps = *source == SequenceSource::Behaviour
                                          ? static_cast<std::int64_t>(dataOptions.horizon) + 1
                                          : static_cast<std::int64_t>(dataOptions.maxTargetLength);

        auto created = runs.create(m_config.model, m_config.dataset, m_config.toJson(), device.str());
        if (!created)
            return created.error();
        runId = *created;
        const fs::path runDir = SupervisedTrainer::runDirectory(m_project, runId);
        fs::create_directories(runDir);
        // What generation from new input needs to encode it exactly as training did.
        const nlohmann::json encoding = {
            {"vocabulary", data->vocabulary.toJson()},
            {"tokenizer", data->tokenizer.toJson()},
            {"source", SequenceDataOptions::sourceName(*source)},
            {"context", data->context},
            {"horizon", data->horizon},
            {"max_source_length", data->maxSourceLength},
            {"max_target_length", data->maxTargetLength},
            {"split", data->splitId},
            {"special_ids",
             {{"pad", SequenceData::kPadId}, {"unk", SequenceData::kUnknownId}, {"bos", SequenceData::kBeginId},
              {"eos", SequenceData::kEndId}}}};
        if (Status s = runs.addArtifact(runId, "encoding", "encoding", 0, "application/json", encoding.dump()); !s.ok())
            return s.error();

        const auto vocabularySize = static_cast<std::int64_t>(data->vocabulary.size());
        Seq2seqModel model(seq2seqOptions(params, vocabularySize));
        model->to(device);

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

        const auto lossOptions = torch::nn::functional::CrossEntropyFuncOptions().ignore_index(SequenceData::kPadId);
        auto tokenLoss = [&](const torch::Tensor &logits, const torch::Tensor &target) {
            return torch::nn::functional::cross_entropy(logits.reshape({-1, logits.size(2)}), target.reshape({-1}),
                                                        lossOptions);
        };

        const std::size_t batchSize = static_cast<std::size_t>(m_config.batchSize);
        const std::int64_t stepsPerEpoch =
            static_cast<std::int64_t>((data->train.size() + batchSize - 1) / batchSize);
        const std::int64_t totalSteps = stepsPerEpoch * m_config.epochs;
        const std::int64_t beamWidth = params.at("beam_width").get<std::int64_t>();
        const double lengthPenalty = params.at("length_penalty").get<double>();

        // Teacher-forced NLL over the real target tokens, then decoding (greedy, or beam search) for the
        // overlap metrics against the tokens as read (an <unk> in the output never matches).
        auto evaluate = [&](const std::vector<SequenceExample> &examples, bool beam) -> Evaluation {
            torch::NoGradGuard noGrad;
            model->eval();
            std::vector<std::size_t> order(examples.size());
            std::iota(order.begin(), order.end(), 0);
            double nll = 0;
            std::int64_t tokens = 0, correct = 0;
            std::vector<std::vector<std::string>> hypotheses;
            std::vector<std::vector<std::vector<std::string>>> references;
            for (std::size_t begin = 0; begin < examples.size(); begin += batchSize) {
                const std::size_t end = std::min(examples.size(), begin + batchSize);
                Batch batch = makeBatch(examples, order, begin, end, device);
                Seq2seqOutput out = model->forward(batch.source, batch.sourceLengths, batch.target, 1.0);
                const torch::Tensor real = batch.target.ne(SequenceData::kPadId);
                nll += torch::nn::functional::cross_entropy(
                           out.logits.reshape({-1, out.logits.size(2)}), batch.target.reshape({-1}),
                           torch::nn::functional::CrossEntropyFuncOptions()
                               .ignore_index(SequenceData::kPadId)
                               .reduction(torch::kSum))
                           .item<double>();
                tokens += real.sum().item<std::int64_t>();
                correct += (out.logits.argmax(2).eq(batch.target) & real).sum().item<std::int64_t>();
                std::vector<Seq2seqHypothesis> decoded;
                if (beam) {
                    BeamSearchOptions options;
                    options.width = beamWidth;
                    options.lengthPenalty = lengthPenalty;
                    options.maxLength = maxSteps;
                    options.nBest = 1;
                    for (auto &best : model->beamSearch(batch.source, batch.sourceLengths, options))
                        decoded.push_back(std::move(best.front()));
                } else {
                    decoded = model->greedy(batch.source, batch.sourceLengths, maxSteps, lengthPenalty);
                }
                for (std::size_t i = begin; i < end; ++i) {
                    hypotheses.push_back(decodedTokens(data->vocabulary, decoded[i - begin], false));
                    references.push_back({examples[i].targetTokens});
                }
            }
            model->train();
            Evaluation e;
            if (tokens == 0)
                return e;
            e.loss = nll / static_cast<double>(tokens);
            e.tokenAccuracy = static_cast<double>(correct) / static_cast<double>(tokens);
            auto perplexity = SequenceMetrics::perplexity(nll, tokens);
            if (!perplexity)
                throw std::runtime_error(perplexity.message());
            e.perplexity = *perplexity;
            auto bleu = SequenceMetrics::corpusBleu(hypotheses, references);
            if (!bleu)
                throw std::runtime_error(bleu.message());
            e.bleu4 = bleu->bleu;
            auto rouge = SequenceMetrics::rougeL(hypotheses, references);
            if (!rouge)
                throw std::runtime_error(rouge.message());
            e.rougeL = rouge->f;
            return e;
        };

        const std::vector<SequenceExample> &probeSource = data->valid.empty() ? data->test : data->valid;
        const std::vector<SequenceExample> probe(
            probeSource.begin(), probeSource.begin() + static_cast<std::ptrdiff_t>(std::min(kProbeExamples, probeSource.size())));

        emit({{"event", "started"},
              {"run_id", runId},
              {"model", m_config.model},
              {"source", SequenceDataOptions::sourceName(*source)},
              {"device", device.str()},
              {"threads", threads},
              {"train", data->train.size()},
              {"valid", data->valid.size()},
              {"test", data->test.size()},
              {"vocabulary", data->vocabulary.size()},
              {"steps", totalSteps}});

        const double worst = higherIsBetter ? -std::numeric_limits<double>::infinity()
                                            : std::numeric_limits<double>::infinity();
        double bestValue = worst;
        int evaluationsWithoutGain = 0;
        nlohmann::json bestValid;
        const fs::path bestPath = runDir / "best.pt";
        const fs::path latestPath = runDir / "latest.pt";
        std::int64_t step = 0;
        std::string status = "finished";
        double windowLoss = 0;
        int windowSteps = 0;
        std::size_t windowSamples = 0;
        auto windowStart = std::chrono::steady_clock::now();
        double lastRate = 0;

        auto evaluateAndRecord = [&](double epoch) -> bool {
            if (data->valid.empty())
                return true;
            const Evaluation e = evaluate(data->valid, false);
            const auto values = e.values();
            if (Status s = runs.addMetrics(runId, step, epoch, "valid", values); !s.ok())
                throw std::runtime_error(s.message());
            nlohmann::json event = {{"event", "evaluation"}, {"step", step}, {"epoch", epoch}, {"split", "valid"}};
            for (const auto &[name, value] : values)
                event[name] = value;
            emit(event);
            const double value = e.value(watched);
            const bool improved = higherIsBetter ? value > bestValue : value < bestValue;
            if (improved) {
                bestValue = value;
                evaluationsWithoutGain = 0;
                bestValid = event;
                CheckpointFile::saveModel(bestPath.string(), *model);
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

        // Greedy outputs of the probe examples with their cross-attention: rows follow the decoded
        // tokens (<eos> included when reached), columns the source tokens.
        auto snapshotAttention = [&](int epoch) {
            if (probe.empty())
                return;
            torch::NoGradGuard noGrad;
            model->eval();
            std::vector<std::size_t> order(probe.size());
            std::iota(order.begin(), order.end(), 0);
            Batch batch = makeBatch(probe, order, 0, probe.size(), device);
            const std::vector<Seq2seqHypothesis> decoded =
                model->greedy(batch.source, batch.sourceLengths, maxSteps, lengthPenalty);
            model->train();
            nlohmann::json examples = nlohmann::json::array();
            for (std::size_t i = 0; i < probe.size(); ++i) {
                const Seq2seqHypothesis &h = decoded[i];
                std::vector<std::string> sourceTokens = probe[i].sourceTokens;
                if (sourceTokens.empty())
                    sourceTokens.emplace_back(Vocabulary::kPad); // an empty source is read as one padding token
                const torch::Tensor matrix = h.attention.to(torch::kDouble).contiguous();
                nlohmann::json rows = nlohmann::json::array();
                for (std::int64_t r = 0; r < matrix.size(0); ++r) {
                    const double *row = matrix[r].data_ptr<double>();
                    rows.push_back(std::vector<double>(row, row + matrix.size(1)));
                }
                examples.push_back({{"key", probe[i].key},
                                    {"source_tokens", sourceTokens},
                                    {"reference", probe[i].targetTokens},
                                    {"decoded_tokens", decodedTokens(data->vocabulary, h, true)},
                                    {"score", h.score},
                                    {"matrix", rows}});
            }
            const nlohmann::json snapshot = {{"epoch", epoch},
                                             {"step", step},
                                             {"source", SequenceDataOptions::sourceName(*source)},
                                             {"examples", examples}};
            if (Status s = runs.addArtifact(runId, "cross_attention", "epoch-" + std::to_string(epoch), step,
                                            "application/json", snapshot.dump(-1, ' ', false,
                                                                              nlohmann::json::error_handler_t::replace));
                !s.ok())
                throw std::runtime_error(s.message());
            emit({{"event", "cross_attention"}, {"epoch", epoch}, {"step", step}, {"examples", examples}});
        };

        DeterministicRandom teacherRandom(DeterministicRandom::derive(m_config.seed, kTeacherForcingStream));
        model->train();
        bool keepGoing = true;
        for (int epoch = 0; epoch < m_config.epochs && keepGoing; ++epoch) {
            std::vector<std::size_t> order(data->train.size());
            std::iota(order.begin(), order.end(), 0);
            DeterministicRandom shuffle(
                DeterministicRandom::derive(m_config.seed, kShuffleStream * 1000003ULL + static_cast<std::uint64_t>(epoch)));
            shuffle.shuffle(order);
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
                const double rate = m_config.schedule.rate(m_config.optimizer.learningRate, step, totalSteps);
                for (auto &group : optimizer->param_groups())
                    group.options().set_lr(rate);
                const double ratio = teacherForcing.ratio(step, totalSteps);
                optimizer->zero_grad();
                Seq2seqOutput out = model->forward(batch.source, batch.sourceLengths, batch.target, ratio, &teacherRandom);
                torch::Tensor loss = tokenLoss(out.logits, batch.target);
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
                                                   {{"loss", meanLoss},
                                                    {"lr", rate},
                                                    {"teacher_forcing", ratio},
                                                    {"samples_per_s", lastRate}});
                        !s.ok())
                        throw std::runtime_error(s.message());
                    emit({{"event", "step"},
                          {"step", step},
                          {"epoch", epochPosition},
                          {"loss", meanLoss},
                          {"lr", rate},
                          {"teacher_forcing", ratio},
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
                    CheckpointFile::saveTraining(latestPath.string(), *model, *optimizer, {{"step", step}, {"epoch", epoch}});
                    if (Status s = runs.addCheckpoint(runId, step, "latest", latestPath.string(), std::nullopt); !s.ok())
                        throw std::runtime_error(s.message());
                }
            }
            if (status == "stopped")
                break;
            if (m_config.evalEvery == 0)
                keepGoing = evaluateAndRecord(epoch + 1.0) && keepGoing;
            snapshotAttention(epoch + 1);
            CheckpointFile::saveTraining(latestPath.string(), *model, *optimizer, {{"step", step}, {"epoch", epoch}});
            if (Status s = runs.addCheckpoint(runId, step, "latest", latestPath.string(), std::nullopt); !s.ok())
                throw std::runtime_error(s.message());
            emit({{"event", "checkpoint"}, {"kind", "latest"}, {"step", step}, {"path", latestPath.string()}});
        }

        // Test the best model by the validation metric with beam search, as one would publish it.
        if (fs::exists(bestPath))
            CheckpointFile::loadModel(bestPath.string(), *model);
        nlohmann::json test;
        if (!data->test.empty()) {
            const Evaluation e = evaluate(data->test, true);
            const auto values = e.values();
            for (const auto &[name, value] : values)
                test[name] = value;
            test["beam_width"] = beamWidth;
            test["examples"] = data->test.size();
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
