#include "models/training/supervisedtrainingsetup.h"

#include "models/distributed/dataparallelgroup.h"
#include "models/registry/modelspec.h"

#include <algorithm>
#include <cmath>

namespace chorus {

namespace {

// Posts of thread context per post for families that read "thread" and have no "max_posts".
constexpr std::int64_t kDefaultThreadPosts = 8;

bool reads(const ModelSpec &spec, const char *input)
{
    return std::find(spec.inputs.begin(), spec.inputs.end(), input) != spec.inputs.end();
}

bool readsText(const ModelSpec &spec)
{
    return reads(spec, "text") || spec.makeTextClassifier != nullptr;
}

} // namespace

SupervisedDataOptions SupervisedTrainingSetup::dataOptions(const RunConfig &config, const ModelSpec &spec)
{
    SupervisedDataOptions options;
    options.dataset = config.dataset;
    options.tasks.push_back(config.task);
    options.tasks.insert(options.tasks.end(), config.extraTasks.begin(), config.extraTasks.end());
    options.splitId = config.split.value_or(0);
    if (config.params.contains("max_length"))
        options.maxLength = config.params["max_length"].get<std::size_t>();
    if (config.params.contains("min_count"))
        options.minCount = config.params["min_count"].get<std::int64_t>();
    if (config.params.value("tokenizer", std::string("social")) == "sentencepiece") {
        SentencePieceOptions pieces;
        pieces.vocabSize = config.params.value("sentencepiece_pieces", 8000);
        // Small datasets cannot fill a large vocabulary; the model then comes out smaller.
        pieces.hardVocabLimit = false;
        options.sentencePiece = pieces;
    }
    const bool text = readsText(spec);
    options.requireImage = reads(spec, "image") && !text && !reads(spec, "video");
    options.requireVideo = reads(spec, "video") && !text && !reads(spec, "image");
    if (reads(spec, "thread"))
        options.threadPosts =
            static_cast<std::size_t>(std::max<std::int64_t>(1, config.params.value("max_posts", kDefaultThreadPosts)));
    return options;
}

BatchInputs SupervisedTrainingSetup::batchInputs(const RunConfig &config, const ModelSpec &spec)
{
    BatchInputs inputs;
    inputs.text = readsText(spec);
    inputs.image = reads(spec, "image") || config.params.value("use_images", false);
    inputs.video = reads(spec, "video");
    inputs.thread = reads(spec, "thread");
    if (config.params.contains("image_size"))
        inputs.imageSize = config.params["image_size"].get<std::int64_t>();
    if (config.params.contains("frames"))
        inputs.frames = config.params["frames"].get<std::int64_t>();
    if (config.params.contains("augment"))
        inputs.augment = config.params["augment"].get<bool>();
    return inputs;
}

std::pair<std::vector<double>, std::vector<double>> SupervisedTrainingSetup::targetStandardisation(const SupervisedData &data)
{
    const std::size_t taskCount = data.tasks.size();
    std::vector<double> mean(taskCount, 0.0), scale(taskCount, 1.0);
    for (std::size_t t = 0; t < taskCount; ++t) {
        if (!data.tasks[t].regression)
            continue;
        double sum = 0, squares = 0, count = 0;
        for (const PostExample &e : data.train)
            if (!std::isnan(e.targets[t])) {
                sum += e.targets[t];
                squares += e.targets[t] * e.targets[t];
                count += 1;
            }
        if (count > 0) {
            mean[t] = sum / count;
            const double variance = std::max(0.0, squares / count - mean[t] * mean[t]);
            scale[t] = variance > 1e-12 ? std::sqrt(variance) : 1.0;
        }
    }
    return {mean, scale};
}

std::unique_ptr<torch::optim::Optimizer> SupervisedTrainingSetup::optimizer(const OptimizerConfig &config,
                                                                            const std::vector<torch::Tensor> &parameters)
{
    if (config.name == "sgd")
        return std::make_unique<torch::optim::SGD>(
            parameters,
            torch::optim::SGDOptions(config.learningRate).momentum(config.momentum).weight_decay(config.weightDecay));
    return std::make_unique<torch::optim::AdamW>(
        parameters, torch::optim::AdamWOptions(config.learningRate).weight_decay(config.weightDecay));
}

Status SupervisedTrainingSetup::checkRanksAgree(DataParallelGroup &group, const SupervisedData &data,
                                                const RunConfig &config)
{
    std::int64_t postIds = 0;
    for (const PostExample &e : data.train)
        postIds += e.postId;
    return group.checkSame({static_cast<std::int64_t>(data.train.size()), static_cast<std::int64_t>(data.valid.size()),
                            static_cast<std::int64_t>(data.test.size()), postIds,
                            static_cast<std::int64_t>(data.vocabulary.size()), config.batchSize, config.epochs,
                            static_cast<std::int64_t>(config.seed)},
                           {"training posts", "validation posts", "test posts", "sum of training post ids",
                            "vocabulary size", "batch_size", "epochs", "seed"});
}

} // namespace chorus
