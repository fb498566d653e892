// LibTorch before Qt: Qt's keyword macros clash with ATen headers (and this target sets QT_NO_KEYWORDS).
#include <torch/torch.h>

#include "models/multitask/multitaskclassifier.h"
#include "models/multitask/multitaskloss.h"
#include "models/registry/fusionmodelspecs.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

using namespace chorus;

namespace {

constexpr std::int64_t kVocabulary = 30;
constexpr std::int64_t kWidth = 8;
// Marker tokens: 1..3 sentiment class, 4..5 topic class, 6..9 engagement value 0..3; 10.. is noise.
constexpr std::int64_t kSentimentToken = 1;
constexpr std::int64_t kTopicToken = 4;
constexpr std::int64_t kEngagementToken = 6;
constexpr std::int64_t kFirstNoiseToken = 10;

const std::vector<TaskShape> kTasks = {{"sentiment", 3}, {"topic", 2}, {"engagement", 0}};

MultiTaskClassifierOptions smallOptions()
{
    return MultiTaskClassifierOptions(kVocabulary, kTasks).embedding_dim(16).hidden(16).head_hidden(16).dropout(0.0);
}

// Every post carries one marker of each task at distinct random positions among noise tokens.
// Only a third of the posts have the sentiment label, and two thirds the engagement value; the
// stored "labels" of the others are deliberately wrong (a consistently shifted class, NaN), so a
// loss that read them would learn the wrong mapping or blow up.
struct Synthetic {
    ModelInputs inputs;
    std::map<std::string, TaskTarget> targets; // masked
    torch::Tensor sentiment, topic, engagement; // the truth, every post
};

Synthetic makeSynthetic(std::int64_t n, std::uint64_t seed)
{
    torch::manual_seed(seed);
    Synthetic data;
    data.sentiment = torch::randint(0, 3, {n}, torch::kLong);
    data.topic = torch::randint(0, 2, {n}, torch::kLong);
    const torch::Tensor engagementLevel = torch::randint(0, 4, {n}, torch::kLong);
    data.engagement = engagementLevel.to(torch::kFloat);

    ModelInputs &in = data.inputs;
    in.lengths = torch::randint(4, kWidth + 1, {n}, torch::kLong);
    torch::Tensor tokens = torch::randint(kFirstNoiseToken, kVocabulary, {n, kWidth}, torch::kLong);
    // Three distinct positions inside each post: the first three of a random order of its length.
    const torch::Tensor keys = torch::rand({n, kWidth}) +
                               (torch::arange(kWidth).unsqueeze(0) >= in.lengths.unsqueeze(1)).to(torch::kFloat) * 2;
    const torch::Tensor positions = keys.argsort(/*dim=*/1, /*descending=*/false).slice(1, 0, 3);
    const torch::Tensor markers = torch::stack(
        {data.sentiment + kSentimentToken, data.topic + kTopicToken, engagementLevel + kEngagementToken}, 1);
    tokens = tokens.scatter(1, positions, markers);
    in.tokens = tokens * (torch::arange(kWidth).unsqueeze(0) < in.lengths.unsqueeze(1));

    const torch::Tensor index = torch::arange(n);
    const torch::Tensor hasSentiment = index % 3 == 0;
    const torch::Tensor hasEngagement = index % 3 != 1;
    data.targets["sentiment"] = {torch::where(hasSentiment, data.sentiment, (data.sentiment + 1) % 3), hasSentiment};
    data.targets["topic"] = {data.topic, torch::Tensor()};
    data.targets["engagement"] = {
        torch::where(hasEngagement, data.engagement, torch::full_like(data.engagement, std::nan(""))), hasEngagement};
    return data;
}

ModelInputs rows(const ModelInputs &in, const torch::Tensor &index)
{
    ModelInputs out;
    out.tokens = in.tokens.index_select(0, index);
    out.lengths = in.lengths.index_select(0, index);
    return out;
}

std::map<std::string, TaskTarget> rows(const std::map<std::string, TaskTarget> &targets, const torch::Tensor &index)
{
    std::map<std::string, TaskTarget> out;
    for (const auto &[name, target] : targets)
        out[name] = {target.values.index_select(0, index),
                     target.mask.defined() ? target.mask.index_select(0, index) : torch::Tensor()};
    return out;
}

} // namespace

class MultiTaskTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }
    void init() { torch::manual_seed(3); }

    void headsHaveTheTasksShapes()
    {
        const Synthetic data = makeSynthetic(5, 1);
        MultiTaskClassifierImpl model(smallOptions());
        const ModelOutputs out = model.forward(data.inputs);
        QCOMPARE(out.heads.size(), std::size_t(3));
        QVERIFY(out.heads.at("sentiment").sizes() == torch::IntArrayRef({5, 3}));
        QVERIFY(out.heads.at("topic").sizes() == torch::IntArrayRef({5, 2}));
        QVERIFY(out.heads.at("engagement").sizes() == torch::IntArrayRef({5}));
        QVERIFY(out.logits.is_same(out.heads.at("sentiment")));
        QVERIFY(model.embeddingWeight().defined());
        QVERIFY(!out.featureMaps.defined());
    }

    void imageBranchIsOptionalAndToleratesMissingImages()
    {
        MultiTaskClassifierImpl model(smallOptions().use_images(true).image_channels(4).image_stages(2).image_size(16));
        QVERIFY((model.modalityNames() == std::vector<std::string>{"text", "image"}));
        ModelInputs in = makeSynthetic(4, 2).inputs;
        in.hasImage = torch::tensor({true, false, false, true});
        in.images = torch::randn({4, 3, 16, 16}) * in.hasImage.view({-1, 1, 1, 1});
        ModelOutputs out = model.forward(in);
        // 4 channels in the first stage, 8 in the second, which halves 16 to 8.
        QVERIFY(out.featureMaps.sizes() == torch::IntArrayRef({4, 8, 8, 8}));
        QVERIFY(torch::isfinite(out.heads.at("engagement")).all().item<bool>());
        in.images = torch::Tensor(); // a batch without images at all
        in.hasImage = torch::Tensor();
        out = model.forward(in);
        QVERIFY(torch::isfinite(out.heads.at("sentiment")).all().item<bool>());
        out.heads.at("sentiment").sum().backward();
        for (const torch::Tensor &p : model.parameters())
            QVERIFY(!p.grad().defined() || torch::isfinite(p.grad()).all().item<bool>());
    }

    void maskedLabelsAreIgnored()
    {
        const Synthetic data = makeSynthetic(12, 3);
        MultiTaskClassifierImpl model(smallOptions());
        model.eval();
        const ModelOutputs out = model.forward(data.inputs);
        const MultiTaskLoss masked = MultiTaskLoss::compute(out, kTasks, data.targets, {});
        QVERIFY(std::isfinite(masked.total.item<double>()));
        QCOMPARE(masked.labelled.at("sentiment"), std::int64_t(4));
        QCOMPARE(masked.labelled.at("topic"), std::int64_t(12));
        QCOMPARE(masked.labelled.at("engagement"), std::int64_t(8));

        // The same numbers from the labelled posts alone, computed by hand.
        const torch::Tensor sentimentRows = data.targets.at("sentiment").mask.nonzero().squeeze(1);
        const torch::Tensor engagementRows = data.targets.at("engagement").mask.nonzero().squeeze(1);
        const double sentiment = torch::nn::functional::cross_entropy(
                                     out.heads.at("sentiment").index_select(0, sentimentRows),
                                     data.sentiment.index_select(0, sentimentRows))
                                     .item<double>();
        const double engagement = (out.heads.at("engagement").index_select(0, engagementRows) -
                                   data.engagement.index_select(0, engagementRows))
                                      .pow(2)
                                      .mean()
                                      .item<double>();
        const double topic = torch::nn::functional::cross_entropy(out.heads.at("topic"), data.topic).item<double>();
        QVERIFY(std::abs(masked.perTask.at("sentiment").item<double>() - sentiment) < 1e-5);
        QVERIFY(std::abs(masked.perTask.at("engagement").item<double>() - engagement) < 1e-5);
        QVERIFY(std::abs(masked.perTask.at("topic").item<double>() - topic) < 1e-5);
        QVERIFY(std::abs(masked.total.item<double>() - (sentiment + topic + engagement)) < 1e-4);

        // NaN placeholders under the mask reach neither the loss nor the gradient.
        masked.total.backward();
        for (const torch::Tensor &p : model.parameters())
            QVERIFY(torch::isfinite(p.grad()).all().item<bool>());

        // A task with no labelled post in the batch adds exactly 0.
        std::map<std::string, TaskTarget> none = data.targets;
        none["topic"].mask = torch::zeros({12}, torch::kBool);
        const MultiTaskLoss withoutTopic = MultiTaskLoss::compute(out, kTasks, none, {});
        QCOMPARE(withoutTopic.perTask.at("topic").item<double>(), 0.0);
        QCOMPARE(withoutTopic.labelled.at("topic"), std::int64_t(0));
    }

    void weightsScaleTasksAndZeroSilencesAHead()
    {
        const Synthetic data = makeSynthetic(12, 4);
        MultiTaskClassifierImpl model(smallOptions());
        const ModelOutputs out = model.forward(data.inputs);
        const MultiTaskLoss loss =
            MultiTaskLoss::compute(out, kTasks, data.targets, {{"topic", 0.0}, {"engagement", 2.5}});
        const double expected =
            loss.perTask.at("sentiment").item<double>() + 2.5 * loss.perTask.at("engagement").item<double>();
        QVERIFY(std::abs(loss.total.item<double>() - expected) < 1e-5);
        QVERIFY(loss.perTask.at("topic").item<double>() > 0); // still reported
        loss.total.backward();
        for (const torch::Tensor &p : model.head(1)->parameters())
            QVERIFY(!p.grad().defined() || p.grad().abs().max().item<double>() == 0.0);
        for (std::size_t task : {std::size_t(0), std::size_t(2)}) {
            double mass = 0;
            for (const torch::Tensor &p : model.head(task)->parameters())
                mass += p.grad().abs().sum().item<double>();
            QVERIFY(mass > 0);
        }
    }

    void learnsTwoClassificationsAndARegression()
    {
        // Budget: 384 training posts, 10 epochs of batches of 32 (120 AdamW steps, lr 1e-2);
        // held-out 256 posts. Chance: sentiment 0.33, topic 0.5, engagement MAE 1.0 for the mean.
        const Synthetic train = makeSynthetic(384, 11);
        const Synthetic test = makeSynthetic(256, 12);
        torch::manual_seed(5);
        MultiTaskClassifier model(smallOptions());
        torch::optim::AdamW optimizer(model->parameters(), torch::optim::AdamWOptions(1e-2));
        const std::int64_t n = train.sentiment.size(0);
        model->train();
        for (int epoch = 0; epoch < 10; ++epoch) {
            const torch::Tensor order = torch::randperm(n, torch::kLong);
            for (std::int64_t start = 0; start < n; start += 32) {
                const torch::Tensor index = order.slice(0, start, std::min(n, start + 32));
                optimizer.zero_grad();
                const ModelOutputs out = model->forward(rows(train.inputs, index));
                MultiTaskLoss::compute(out, kTasks, rows(train.targets, index), {}).total.backward();
                optimizer.step();
            }
        }
        model->eval();
        torch::NoGradGuard noGrad;
        const ModelOutputs out = model->forward(test.inputs);
        const double sentiment = (out.heads.at("sentiment").argmax(1) == test.sentiment).to(torch::kDouble).mean().item<double>();
        const double topic = (out.heads.at("topic").argmax(1) == test.topic).to(torch::kDouble).mean().item<double>();
        const double mae = (out.heads.at("engagement") - test.engagement).abs().mean().item<double>();
        qInfo("held-out: sentiment accuracy %.3f, topic accuracy %.3f, engagement MAE %.3f", sentiment, topic, mae);
        // Reading the shifted labels of the unlabelled two thirds would pull sentiment towards 0.
        QVERIFY2(sentiment >= 0.9, qPrintable(QString::number(sentiment)));
        QVERIFY2(topic >= 0.9, qPrintable(QString::number(topic)));
        QVERIFY2(mae <= 0.35, qPrintable(QString::number(mae)));
    }

    void saveAndLoadRoundTrip()
    {
        const Synthetic data = makeSynthetic(6, 5);
        torch::manual_seed(11);
        auto saved = std::make_shared<MultiTaskClassifierImpl>(smallOptions());
        torch::manual_seed(12);
        auto loaded = std::make_shared<MultiTaskClassifierImpl>(smallOptions());
        saved->eval();
        loaded->eval();
        torch::NoGradGuard noGrad;
        const ModelOutputs expected = saved->forward(data.inputs);
        QVERIFY(!torch::equal(expected.heads.at("engagement"), loaded->forward(data.inputs).heads.at("engagement")));
        std::stringstream buffer;
        torch::save(saved, buffer);
        torch::load(loaded, buffer);
        loaded->eval();
        const ModelOutputs actual = loaded->forward(data.inputs);
        for (const TaskShape &task : kTasks)
            QVERIFY2(torch::equal(expected.heads.at(task.name), actual.heads.at(task.name)), task.name.c_str());
    }

    void registryEntryBuildsTheModel()
    {
        const std::vector<ModelSpec> specs = fusionModelSpecs();
        const ModelSpec &spec = specs.at(1);
        QCOMPARE(spec.name, std::string("multitask"));
        ModelShape shape;
        shape.vocabularySize = kVocabulary;
        shape.classes = 3;
        shape.tasks = kTasks;
        Result<nlohmann::json> params = spec.params.resolve({{"text_hidden", 8}});
        QVERIFY2(params.ok(), params.ok() ? "" : params.message().c_str());
        std::shared_ptr<SupervisedModelImpl> model = spec.makeModel(*params, shape);
        const ModelOutputs out = model->forward(makeSynthetic(3, 6).inputs);
        QVERIFY(out.heads.at("topic").sizes() == torch::IntArrayRef({3, 2}));
        QVERIFY(out.heads.at("engagement").sizes() == torch::IntArrayRef({3}));

        shape.tasks.clear();
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, spec.makeModel(*params, shape));
    }
};

QTEST_GUILESS_MAIN(MultiTaskTest)
#include "tst_multitask.moc"
