#include <torch/torch.h>

#include "models/training/supervisedtrainer.h"

#include "core/embeddings/embeddinghistory.h"
#include "core/store/project.h"
#include "core/training/runstore.h"
#include "core/training/supervisedevaluation.h"
#include "core/training/superviseddata.h"
#include "core/util/deterministicrandom.h"
#include "core/util/faultinjection.h"
#include "models/distributed/dataparallelgroup.h"
#include "models/multitask/multitaskloss.h"
#include "models/registry/modelspec.h"
#include "models/runtime/devicechoice.h"
#include "models/runtime/deviceinfo.h"
#include "models/training/batchbuilder.h"
#include "models/training/attentionsnapshotter.h"
#include "models/training/batchprefetcher.h"
#include "models/training/checkpointfile.h"
#include "models/training/embeddingsnapshotter.h"
#include "models/training/postrepresentationsnapshotter.h"
#include "models/training/headattention.h"
#include "models/training/pretrainedembeddings.h"
#include "models/training/supervisedtrainingsetup.h"
#include "models/training/threadattention.h"
#include "models/training/trainerloopstate.h"
#include "models/training/trainercontrol.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <numeric>
#include <set>

namespace chorus {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kProbePosts = 8;
// Steps are reported in windows of this many steps (aligned to the absolute step, so a resumed
// run reports the same windows as an uninterrupted one).
constexpr std::int64_t kReportWindow = 10;
constexpr int kMaxMediaWarnings = 20;

void check(const Status &status)
{
    if (!status.ok())
        throw std::runtime_error(status.message());
}

std::vector<double> rowOf(const torch::Tensor &matrix, std::int64_t row, std::int64_t count)
{
    std::vector<double> out;
    for (std::int64_t i = 0; i < count; ++i)
        out.push_back(matrix[row][i].item<double>());
    return out;
}

} // namespace

SupervisedTrainer::SupervisedTrainer(Project &project, RunConfig config, const ModelSpec &spec)
    : m_project(project), m_config(std::move(config)), m_spec(spec)
{
}

void SupervisedTrainer::setResume(std::int64_t runId, std::optional<double> learningRate)
{
    m_resumeRun = runId;
    m_resumeRate = learningRate;
}

std::string SupervisedTrainer::runDirectory(const Project &project, std::int64_t runId)
{
    return (fs::path(project.path() + ".runs") / ("run-" + std::to_string(runId))).string();
}

void SupervisedTrainer::emit(const nlohmann::json &event) const
{
    // Rank 0 tells the story of a distributed run; the others speak only of their own failure.
    if (m_group && !m_group->leads() && event.value("event", "") != "failed")
        return;
    if (m_events)
        m_events(event);
}

Result<TrainOutcome> SupervisedTrainer::run()
{
    RunStore runs(m_project);
    std::int64_t runId = m_resumeRun;
    std::int64_t stepReached = 0;
    // The run is marked failed with the message (when the project can still be written), and the
    // failure is reported as an event and returned.
    const bool leads = !m_group || m_group->leads();
    auto failRun = [&](const std::string &message) -> Result<TrainOutcome> {
        if (runId && leads)
            runs.setStatus(runId, "failed", message);
        emit({{"event", "failed"}, {"run_id", runId}, {"message", message}});
        return Error{message};
    };
    try {
        if (!m_spec.makeModel && !m_spec.makeTextClassifier)
            return Error{"model: '" + m_spec.name + "' is not trained by the supervised trainer"};
        if (m_group && m_resumeRun)
            return Error{"run " + std::to_string(m_resumeRun) +
                         ": a distributed run cannot be resumed (rank 0's checkpoint is not on the other ranks); "
                         "resume it as a single process"};
        torch::Device device = chooseTrainingDevice(m_config.device);
        // One GPU per process: LOCAL_RANK picks it on a node with several.
        if (m_group && device.is_cuda() && torch::cuda::device_count() > 0)
            device = torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(m_group->environment().localRank %
                                                                                 static_cast<int>(torch::cuda::device_count())));
        const int threads = DeviceInfo::configureCpuThreads();
        torch::manual_seed(m_config.seed);

        const SupervisedDataOptions dataOptions = SupervisedTrainingSetup::dataOptions(m_config, m_spec);
        auto loaded = SupervisedData::load(m_project, dataOptions);
        if (!loaded)
            return loaded.error();
        const SupervisedData &data = *loaded;
        if (m_group)
            check(SupervisedTrainingSetup::checkRanksAgree(*m_group, data, m_config));
        const std::size_t taskCount = data.tasks.size();
        const bool primaryRegression = data.primary().regression;

        const BatchInputs inputs = SupervisedTrainingSetup::batchInputs(m_config, m_spec);

        // Regression targets are trained standardised, and reported in their own units.
        const auto standardisation = SupervisedTrainingSetup::targetStandardisation(data);
        const std::vector<double> &targetMean = standardisation.first;
        const std::vector<double> &targetScale = standardisation.second;

        TrainerLoopState state;
        state.baseRate = m_config.optimizer.learningRate;
        std::string checkpointToLoad;
        // A new run, or a resumed one that died before its first checkpoint and so starts over.
        bool fromScratch = !m_resumeRun;
        if (m_resumeRun) {
            if (auto existing = runs.get(runId); !existing)
                return existing.error();
            auto latest = m_project.db().prepare(
                "SELECT path FROM checkpoints WHERE run_id = ?1 AND kind = 'latest' ORDER BY step DESC LIMIT 1");
            if (!latest)
                return latest.error();
            latest->bind(1, runId);
            if (latest->step()) {
                checkpointToLoad = latest->text(0);
                if (!fs::exists(checkpointToLoad))
                    return Error{"run " + std::to_string(runId) + ": its latest checkpoint '" + checkpointToLoad +
                                 "' is missing, so it cannot be resumed"};
            } else {
                // Nothing to continue from: the run is trained again from step 0, in the same run,
                // and what it recorded before (metrics, a best model, artifacts) is dropped first.
                fromScratch = true;
                check(runs.discardAfter(runId, -1));
            }
            check(runs.setStatus(runId, "running"));
        } else if (leads) {
            auto created = runs.create(m_config.model, m_config.dataset, m_config.toJson(), device.str());
            if (!created)
                return created.error();
            runId = *created;
        }
        if (m_group) {
            auto leaderRun = m_group->broadcastValue(runId);
            if (!leaderRun)
                return failRun(leaderRun.message());
            runId = *leaderRun;
        }
        const fs::path runDir = runDirectory(m_project, runId);
        if (leads)
            fs::create_directories(runDir);
        if (fromScratch && m_resumeRun) {
            std::error_code ignored;
            fs::remove(runDir / "best.pt", ignored);
        }

        if (fromScratch && leads) {
            nlohmann::json encoding = data.encodingJson();
            encoding["inputs"] = {{"text", inputs.text},
                                  {"image", inputs.image},
                                  {"video", inputs.video},
                                  {"image_size", inputs.imageSize},
                                  {"frames", inputs.frames},
                                  {"thread", inputs.thread},
                                  {"thread_posts", dataOptions.threadPosts}};
            encoding["target_mean"] = targetMean;
            encoding["target_scale"] = targetScale;
            check(runs.addArtifact(runId, "encoding", "encoding", 0, "application/json", encoding.dump()));
        }

        ModelShape shape;
        shape.vocabularySize = static_cast<std::int64_t>(data.vocabulary.size());
        shape.classes = primaryRegression ? 1 : static_cast<std::int64_t>(data.primary().classes.size());
        shape.maxLength = static_cast<std::int64_t>(data.maxLength);
        shape.imageSize = inputs.imageSize;
        shape.frames = inputs.frames;
        for (const LabelTask &task : data.tasks)
            shape.tasks.push_back({task.name, task.regression ? 0 : static_cast<std::int64_t>(task.classes.size())});
        std::shared_ptr<SupervisedModelImpl> model =
            m_spec.makeModel ? m_spec.makeModel(m_config.params, shape)
                             : std::shared_ptr<SupervisedModelImpl>(m_spec.makeTextClassifier(
                                   m_config.params, TextModelShape{shape.vocabularySize, shape.classes, shape.maxLength}));
        nlohmann::json pretrained;
        if (!m_config.pretrainedVectors.empty() && fromScratch)
            pretrained = loadPretrainedVectorsInto(*model, data.vocabulary, m_config.pretrainedVectors, m_config.seed);
        model->to(device);
        if (m_group)
            check(m_group->broadcastModule(*model));

        std::unique_ptr<torch::optim::Optimizer> optimizer =
            SupervisedTrainingSetup::optimizer(m_config.optimizer, model->parameters());

        const std::string watched = m_config.earlyStopping.enabled ? m_config.earlyStopping.metric
                                    : primaryRegression             ? "rmse"
                                                                    : "accuracy";
        const bool higherIsBetter =
            m_config.earlyStopping.enabled ? m_config.earlyStopping.mode == "max" : !primaryRegression;
        const double worst = higherIsBetter ? -std::numeric_limits<double>::infinity()
                                            : std::numeric_limits<double>::infinity();
        state.bestValue = worst;

        const fs::path bestPath = runDir / "best.pt";
        const fs::path latestPath = runDir / "latest.pt";
        if (!checkpointToLoad.empty()) {
            state = TrainerLoopState::fromJson(CheckpointFile::loadTraining(checkpointToLoad, *model, *optimizer));
            if (std::isnan(state.bestValue))
                state.bestValue = worst;
            check(runs.discardAfter(runId, state.step));
        }
        if (m_resumeRun && m_resumeRate) {
            state.baseRate = *m_resumeRate;
            check(runs.addArtifact(runId, "lr_change", "resume", state.step, "application/json",
                                   nlohmann::json{{"step", state.step}, {"lr", *m_resumeRate}}.dump()));
        }

        torch::Tensor classWeights;
        if (m_config.classWeights && !primaryRegression) {
            std::vector<double> counts(data.primary().classes.size(), 0.0);
            for (const PostExample &e : data.train)
                if (!std::isnan(e.targets[0]))
                    counts[static_cast<std::size_t>(e.targets[0])] += 1;
            const double total = std::accumulate(counts.begin(), counts.end(), 0.0);
            std::vector<float> weights;
            weights.reserve(counts.size());
            for (double c : counts)
                weights.push_back(c > 0 ? static_cast<float>(total / (static_cast<double>(counts.size()) * c)) : 0.f);
            classWeights = torch::tensor(weights).to(device);
        }
        std::vector<double> taskWeight(taskCount, 1.0);
        for (std::size_t t = 0; t < taskCount; ++t)
            if (auto found = m_config.taskWeights.find(data.tasks[t].name); found != m_config.taskWeights.end())
                taskWeight[t] = found->second;

        auto headOf = [&](const ModelOutputs &out, std::size_t t) -> torch::Tensor {
            if (auto found = out.heads.find(data.tasks[t].name); found != out.heads.end())
                return found->second;
            if (t == 0)
                return out.logits;
            throw std::runtime_error("model '" + m_spec.name + "' has no output for task '" + data.tasks[t].name + "'");
        };
        auto regressionValues = [](const torch::Tensor &head) { return head.dim() == 2 ? head.squeeze(1) : head; };
        // Sum over tasks of weight x (cross-entropy or MSE on standardised targets) over the posts
        // labelled for the task, plus the model's own auxiliary term.
        std::map<std::string, double> taskWeightByName;
        for (std::size_t t = 0; t < taskCount; ++t)
            taskWeightByName[data.tasks[t].name] = taskWeight[t];
        auto lossOf = [&](const ModelOutputs &out, const SupervisedBatch &batch) {
            if (taskCount > 1) {
                // Multi-task: the shared weighted, masked loss (regression targets standardised).
                std::map<std::string, TaskTarget> targets;
                for (std::size_t t = 0; t < taskCount; ++t) {
                    const torch::Tensor &values = batch.targets[t];
                    targets[data.tasks[t].name] = {
                        data.tasks[t].regression ? (values - targetMean[t]) / targetScale[t] : values.to(torch::kLong),
                        batch.masks[t]};
                }
                torch::Tensor total = MultiTaskLoss::compute(out, shape.tasks, targets, taskWeightByName).total;
                return out.auxiliaryLoss.defined() ? total + out.auxiliaryLoss : total;
            }
            torch::Tensor total = torch::zeros({}, torch::TensorOptions().device(device));
            for (std::size_t t = 0; t < taskCount; ++t) {
                const torch::Tensor &mask = batch.masks[t];
                if (taskWeight[t] == 0 || !mask.any().item<bool>())
                    continue;
                const torch::Tensor head = headOf(out, t);
                torch::Tensor loss;
                if (data.tasks[t].regression) {
                    const torch::Tensor target = (batch.targets[t].index({mask}) - targetMean[t]) / targetScale[t];
                    loss = torch::mse_loss(regressionValues(head).index({mask}), target);
                } else {
                    auto options = torch::nn::functional::CrossEntropyFuncOptions();
                    if (t == 0 && classWeights.defined())
                        options.weight(classWeights);
                    loss = torch::nn::functional::cross_entropy(head.index({mask}),
                                                                batch.targets[t].index({mask}).to(torch::kLong), options);
                }
                total = total + taskWeight[t] * loss;
            }
            if (out.auxiliaryLoss.defined())
                total = total + out.auxiliaryLoss;
            return total;
        };

        BatchBuilder builder(data, inputs, m_media);
        const std::size_t batchSize = static_cast<std::size_t>(m_config.batchSize);
        const std::size_t batchesPerEpoch = (data.train.size() + batchSize - 1) / batchSize;
        const std::int64_t totalSteps = static_cast<std::int64_t>(batchesPerEpoch) * m_config.epochs;
        int mediaWarnings = 0;
        auto reportMedia = [&](const SupervisedBatch &batch) {
            for (const std::string &problem : batch.mediaProblems) {
                if (++mediaWarnings > kMaxMediaWarnings)
                    return;
                emit({{"event", "warning"},
                      {"message", problem + " (trained as missing)"},
                      {"more", mediaWarnings == kMaxMediaWarnings ? "further media problems are not reported" : ""}});
            }
        };

        // `predictions`, when given, receives the primary task's prediction for every post.
        auto evaluate = [&](const std::vector<PostExample> &examples, nlohmann::json *predictions = nullptr) -> SupervisedEvaluation {
            torch::NoGradGuard noGrad;
            model->eval();
            std::vector<std::size_t> order(examples.size());
            std::iota(order.begin(), order.end(), 0);
            std::vector<std::vector<double>> truth(taskCount), predicted(taskCount);
            std::vector<std::vector<std::vector<double>>> scores(taskCount);
            double lossSum = 0;
            for (std::size_t begin = 0; begin < examples.size(); begin += batchSize) {
                const std::size_t end = std::min(examples.size(), begin + batchSize);
                SupervisedBatch batch = builder.build(examples, order, begin, end, false, 0).to(device);
                const ModelOutputs out = model->forward(batch.inputs);
                lossSum += lossOf(out, batch).item<double>() * static_cast<double>(end - begin);
                for (std::size_t t = 0; t < taskCount; ++t) {
                    const torch::Tensor mask = batch.masks[t].to(torch::kCPU);
                    const torch::Tensor target = batch.targets[t].to(torch::kCPU);
                    const torch::Tensor head = headOf(out, t).to(torch::kCPU, torch::kDouble);
                    if (data.tasks[t].regression) {
                        const torch::Tensor values = regressionValues(head) * targetScale[t] + targetMean[t];
                        for (std::int64_t r = 0; r < values.size(0); ++r)
                            if (mask[r].item<bool>()) {
                                truth[t].push_back(target[r].item<double>());
                                predicted[t].push_back(values[r].item<double>());
                                if (predictions && t == 0)
                                    predictions->push_back(
                                        {{"post_id", examples[batch.rows[static_cast<std::size_t>(r)]].postId},
                                         {"label", truth[t].back()},
                                         {"predicted", predicted[t].back()}});
                            }
                    } else {
                        const torch::Tensor probabilities = torch::softmax(head, 1).contiguous();
                        for (std::int64_t r = 0; r < probabilities.size(0); ++r)
                            if (mask[r].item<bool>()) {
                                truth[t].push_back(target[r].item<double>());
                                predicted[t].push_back(probabilities[r].argmax().item<double>());
                                scores[t].push_back(rowOf(probabilities, r, probabilities.size(1)));
                                if (predictions && t == 0) {
                                    const auto &classes = data.tasks[0].classes;
                                    predictions->push_back(
                                        {{"post_id", examples[batch.rows[static_cast<std::size_t>(r)]].postId},
                                         {"label", classes[static_cast<std::size_t>(truth[t].back())]},
                                         {"predicted", classes[static_cast<std::size_t>(predicted[t].back())]},
                                         {"probabilities", scores[t].back()}});
                                }
                            }
                    }
                }
            }
            model->train();
            return SupervisedEvaluation::summarise(
                data.tasks, examples.empty() ? 0 : lossSum / static_cast<double>(examples.size()), truth, predicted, scores);
        };

        emit({{"event", "started"},
              {"resumed_from_step", m_resumeRun ? nlohmann::json(state.step) : nlohmann::json()},
              {"run_id", runId},
              {"model", m_config.model},
              {"device", device.str()},
              {"threads", threads},
              {"world_size", m_group ? m_group->size() : 1},
              {"train", data.train.size()},
              {"valid", data.valid.size()},
              {"test", data.test.size()},
              {"classes", data.primary().classes},
              {"tasks", dataOptions.tasks},
              {"vocabulary", data.vocabulary.size()},
              {"with_image", data.withImage},
              {"with_video", data.withVideo},
              {"pretrained", pretrained},
              {"step", state.step},
              {"steps", totalSteps}});

        std::string status = "finished";
        auto windowStart = std::chrono::steady_clock::now();
        std::size_t windowSamples = 0;
        double lastRate = 0;

        auto evaluateOnLeader = [&](double epoch) -> bool {
            if (data.valid.empty())
                return true;
            SupervisedEvaluation e = evaluate(data.valid);
            check(runs.addMetrics(runId, state.step, epoch, "valid", e.values));
            nlohmann::json event = {{"event", "evaluation"}, {"step", state.step}, {"epoch", epoch}, {"split", "valid"}};
            for (const auto &[name, value] : e.values)
                event[name] = value;
            emit(event);

            const double value = e.value(watched);
            if (std::isnan(value))
                throw std::runtime_error("early_stopping.metric: the evaluation has no metric '" + watched + "'");
            const bool improved = higherIsBetter ? value > state.bestValue : value < state.bestValue;
            if (improved) {
                state.bestValue = value;
                state.withoutGain = 0;
                state.bestValid = event;
                CheckpointFile::saveModel(bestPath.string(), *model);
                check(runs.addCheckpoint(runId, state.step, "best", bestPath.string(), value));
                check(runs.setBestMetrics(runId, state.bestValid));
                emit({{"event", "checkpoint"}, {"kind", "best"}, {"step", state.step}, {"path", bestPath.string()}});
            } else {
                ++state.withoutGain;
            }
            return !(m_config.earlyStopping.enabled && state.withoutGain >= m_config.earlyStopping.patience);
        };
        // Rank 0 evaluates and decides about early stopping for every rank.
        auto evaluateAndRecord = [&](double epoch) -> bool {
            const bool keep = leads ? evaluateOnLeader(epoch) : true;
            if (!m_group)
                return keep;
            auto decision = m_group->broadcastValue(keep ? 1 : 0);
            if (!decision)
                throw std::runtime_error(decision.message());
            return *decision != 0;
        };
        auto saveLatest = [&]() {
            if (!leads)
                return;
            CheckpointFile::saveTraining(latestPath.string(), *model, *optimizer, state.toJson());
            check(runs.addCheckpoint(runId, state.step, "latest", latestPath.string(), std::nullopt));
            emit({{"event", "checkpoint"}, {"kind", "latest"}, {"step", state.step}, {"path", latestPath.string()}});
        };

        const AttentionSnapshotter snapshotter(
            data, builder,
            std::vector<PostExample>(data.valid.begin(),
                                     data.valid.begin() + static_cast<std::ptrdiff_t>(std::min(kProbePosts, data.valid.size()))),
            device, [&](const ModelOutputs &out) { return headOf(out, 0); }, targetMean[0], targetScale[0]);
        auto snapshotAttention = [&](int epoch) {
            if (!leads)
                return;
            nlohmann::json snapshot = snapshotter.take(*model, epoch, state.step);
            if (snapshot.is_null())
                return;
            check(runs.addArtifact(runId, "attention", "epoch-" + std::to_string(epoch), state.step, "application/json",
                                   snapshot.dump()));
            emit({{"event", "attention"}, {"epoch", epoch}, {"step", state.step}, {"posts", snapshot["posts"]}});
        };
        // The projector's epoch choice: how the token space formed, epoch by epoch.
        auto snapshotEmbeddings = [&](int epoch) {
            if (!leads)
                return;
            auto embeddings = snapshotTokenEmbeddings(model->embeddingWeight(), data.vocabulary, epoch, state.step);
            if (!embeddings)
                return;
            check(EmbeddingHistory(m_project).record(runId, *embeddings));
            emit({{"event", "embeddings"}, {"epoch", epoch}, {"step", state.step}, {"rows", embeddings->tokens.size()}});
        };
        // ... and how the posts' representations moved: the same validation posts every epoch.
        PostRepresentationSnapshotter postSnapshotter(data, builder, device, batchSize,
                                                      [&](const ModelOutputs &out) { return headOf(out, 0); },
                                                      targetMean[0], targetScale[0]);
        auto snapshotPosts = [&](int epoch) {
            if (!leads)
                return;
            check(postSnapshotter.loadTexts(m_project));
            auto posts = postSnapshotter.take(*model, epoch, state.step);
            if (!posts)
                return;
            check(EmbeddingHistory(m_project).record(runId, *posts));
            emit({{"event", "embeddings"},
                  {"space", "posts"},
                  {"epoch", epoch},
                  {"step", state.step},
                  {"rows", posts->tokens.size()}});
        };

        model->train();
        bool keepGoing = true;
        for (; state.epoch < m_config.epochs && keepGoing; ++state.epoch, state.batch = 0) {
            std::vector<std::size_t> order(data.train.size());
            std::iota(order.begin(), order.end(), 0);
            const std::uint64_t epochSeed = m_config.seed * 1000003ULL + static_cast<std::uint64_t>(state.epoch);
            DeterministicRandom random(epochSeed);
            random.shuffle(order);
            BatchPrefetcher prefetcher(
                [&](std::size_t index) {
                    const std::size_t begin = index * batchSize;
                    const std::size_t end = std::min(order.size(), begin + batchSize);
                    if (!m_group)
                        return builder.build(data.train, order, begin, end, true, epochSeed);
                    const auto [from, to] = DataParallelGroup::shardOf(begin, end, m_group->rank(), m_group->size());
                    // A last batch with fewer rows than ranks leaves some ranks nothing to train on.
                    return from < to ? builder.build(data.train, order, from, to, true, epochSeed) : SupervisedBatch{};
                },
                state.batch, batchesPerEpoch);
            while (keepGoing) {
                if (m_control && !m_group) {
                    const bool holding = m_control->holding();
                    if (holding) {
                        runs.setStatus(runId, "paused");
                        emit({{"event", "paused"}, {"step", state.step}});
                    }
                    if (!m_control->awaitPermission()) {
                        status = "stopped";
                        keepGoing = false;
                        break;
                    }
                    if (holding) {
                        runs.setStatus(runId, "running");
                        emit({{"event", "resumed"}, {"step", state.step}});
                    }
                    if (std::optional<double> rate = m_control->takeLearningRate()) {
                        state.baseRate = *rate;
                        check(runs.addArtifact(runId, "lr_change", "live", state.step, "application/json",
                                               nlohmann::json{{"step", state.step}, {"lr", *rate}}.dump()));
                        emit({{"event", "lr_changed"}, {"step", state.step}, {"lr", *rate}});
                    }
                }
                std::optional<SupervisedBatch> next = prefetcher.next();
                if (!next)
                    break;
                reportMedia(*next);
                const std::size_t samples = next->rows.size();
                const std::size_t globalBegin = state.batch * batchSize;
                const std::size_t globalRows = std::min(order.size(), globalBegin + batchSize) - globalBegin;
                const SupervisedBatch batch = samples > 0 ? next->to(device) : SupervisedBatch{};
                ++state.batch;
                const double rate = m_config.schedule.rate(state.baseRate, state.step, totalSteps);
                for (auto &group : optimizer->param_groups())
                    group.options().set_lr(rate);
                FaultInjection::atTrainingStep(state.step + 1);
                optimizer->zero_grad();
                double lossValue = 0;
                if (samples > 0) {
                    const ModelOutputs out = model->forward(batch.inputs);
                    torch::Tensor loss = lossOf(out, batch);
                    loss.backward();
                    lossValue = loss.item<double>();
                }
                if (m_group) {
                    // Weighed by rows, the ranks' gradients add up to the whole batch's mean-loss gradient.
                    const double share = static_cast<double>(samples) / static_cast<double>(globalRows);
                    auto exchange = m_group->reduceStep(model->parameters(), share, lossValue,
                                                        m_control && m_control->stopRequested());
                    if (!exchange)
                        throw std::runtime_error(exchange.message());
                    lossValue = exchange->loss;
                    if (exchange->stop) {
                        status = "stopped";
                        keepGoing = false;
                    }
                }
                if (m_config.gradientClip > 0)
                    torch::nn::utils::clip_grad_norm_(model->parameters(), m_config.gradientClip);
                optimizer->step();
                ++state.step;
                stepReached = state.step;
                if (!std::isfinite(lossValue))
                    throw std::runtime_error("training diverged: the loss is " + std::to_string(lossValue) +
                                             " at step " + std::to_string(state.step) + " (try a lower optimizer.lr)");
                state.windowLoss += lossValue;
                ++state.windowSteps;
                windowSamples += globalRows;
                const bool lastOfEpoch = state.batch == batchesPerEpoch;
                const double epochPosition =
                    state.epoch + static_cast<double>(state.batch) / static_cast<double>(batchesPerEpoch);
                // Reported in windows so a fast model floods neither the GUI nor the database.
                if (state.step % kReportWindow == 0 || lastOfEpoch) {
                    const auto now = std::chrono::steady_clock::now();
                    const double seconds = std::chrono::duration<double>(now - windowStart).count();
                    lastRate = seconds > 0 ? static_cast<double>(windowSamples) / seconds : 0;
                    const double meanLoss = state.windowLoss / state.windowSteps;
                    if (leads)
                        check(runs.addMetrics(runId, state.step, epochPosition, "train",
                                              {{"loss", meanLoss}, {"lr", rate}, {"samples_per_s", lastRate}}));
                    emit({{"event", "step"},
                          {"step", state.step},
                          {"epoch", epochPosition},
                          {"loss", meanLoss},
                          {"lr", rate},
                          {"samples_per_s", lastRate},
                          {"steps", totalSteps}});
                    state.windowLoss = 0;
                    state.windowSteps = 0;
                    windowSamples = 0;
                    windowStart = now;
                }
                if (m_config.evalEvery > 0 && state.step % m_config.evalEvery == 0)
                    keepGoing = evaluateAndRecord(epochPosition);
                // The end of an epoch has its own checkpoint after its evaluation, so every
                // checkpoint at step S follows everything recorded for S.
                if (m_config.checkpointEvery > 0 && state.step % m_config.checkpointEvery == 0 && !lastOfEpoch)
                    saveLatest();
            }
            if (status == "stopped")
                break;
            if (m_config.evalEvery == 0)
                keepGoing = evaluateAndRecord(state.epoch + 1.0) && keepGoing;
            snapshotAttention(state.epoch + 1);
            snapshotEmbeddings(state.epoch + 1);
            snapshotPosts(state.epoch + 1);
            TrainerLoopState next = state;
            ++next.epoch;
            next.batch = 0;
            std::swap(state, next);
            saveLatest();
            std::swap(state, next);
        }

        // Test with the best model by the validation metric, as one would publish it.
        if (leads && fs::exists(bestPath))
            CheckpointFile::loadModel(bestPath.string(), *model);
        nlohmann::json test;
        if (leads && !data.test.empty()) {
            nlohmann::json predictions = nlohmann::json::array();
            SupervisedEvaluation e = evaluate(data.test, &predictions);
            test = e.report;
            // What the evaluation view shows: the report and every test post's prediction, so the
            // misclassified posts can be listed and opened.
            const nlohmann::json evaluation = {{"task", data.primary().name},
                                               {"regression", primaryRegression},
                                               {"classes", data.primary().classes},
                                               {"report", e.report},
                                               {"predictions", predictions}};
            check(runs.addArtifact(runId, "evaluation", "test", state.step, "application/json", evaluation.dump()));
            // Flat headline figures beside the full report, as the evaluation events have them.
            for (const auto &[name, value] : e.values)
                test[name] = value;
            check(runs.addMetrics(runId, state.step, m_config.epochs, "test", e.values));
        }
        if (leads)
            check(runs.setStatus(runId, status));
        TrainOutcome outcome{runId, status, state.bestValid, test, state.step, lastRate};
        emit({{"event", "finished"}, {"run_id", runId}, {"status", status}, {"steps", state.step}, {"test", test}});
        return outcome;
    } catch (const std::bad_alloc &) {
        // Said in words: "std::bad_alloc" tells a researcher nothing about what to change.
        return failRun("out of memory: an allocation failed at step " + std::to_string(stepReached + 1) +
                       "; try a smaller batch_size, max_length or model");
    } catch (const std::exception &e) {
        // c10::Error derives from std::exception: LibTorch failures end here as values.
        std::string message = e.what();
        if (auto newline = message.find('\n'); newline != std::string::npos)
            message = message.substr(0, newline);
        return failRun(message);
    }
}

} // namespace chorus
