// LibTorch before Qt: Qt's keyword macros clash with ATen headers (and this target sets QT_NO_KEYWORDS).
#include <torch/torch.h>

#include "models/fusion/fusionclassifier.h"
#include "models/registry/fusionmodelspecs.h"
#include "models/text/rnnattentionclassifier.h"

#include <QtTest>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

using namespace chorus;

namespace {

constexpr std::int64_t kVocabulary = 30;
constexpr std::int64_t kClasses = 2;
constexpr std::int64_t kImageSize = 16;
// Token ids 1 and 2 are never drawn as noise; 3 + c marks class c in the synthetic task.
constexpr std::int64_t kFirstLabelToken = 3;
constexpr std::int64_t kFirstNoiseToken = 5;

FusionClassifierOptions smallOptions(const std::string &fusion)
{
    return FusionClassifierOptions(kVocabulary, kClasses)
        .fusion(fusion)
        .embedding_dim(16)
        .text_hidden(12)
        .image_channels(8)
        .image_stages(2)
        .image_size(kImageSize)
        .attention_dim(8)
        .head_hidden(16)
        .dropout(0.1)
        .agreement_weight(0.5);
}

// Four posts: lengths 6, 3, 1, 4; posts 1 and 3 have no image (zeros there, as the trainer sends).
ModelInputs mixedBatch(std::uint64_t seed)
{
    torch::manual_seed(seed);
    ModelInputs in;
    in.lengths = torch::tensor({6, 3, 1, 4}, torch::kLong);
    const torch::Tensor real = torch::arange(6).unsqueeze(0) < in.lengths.unsqueeze(1);
    in.tokens = torch::randint(1, kVocabulary, {4, 6}, torch::kLong) * real;
    in.hasImage = torch::tensor({true, false, true, false});
    in.images = torch::randn({4, 3, kImageSize, kImageSize}) * in.hasImage.view({-1, 1, 1, 1});
    return in;
}

bool allFinite(const torch::Tensor &t)
{
    return !t.defined() || torch::isfinite(t).all().item<bool>();
}

torch::Tensor trainingLoss(const ModelOutputs &out, const torch::Tensor &labels)
{
    torch::Tensor loss = torch::nn::functional::cross_entropy(out.logits, labels);
    return out.auxiliaryLoss.defined() ? loss + out.auxiliaryLoss : loss;
}

// The synthetic task: half the posts carry the label only in the text (a marker token at a random
// position; the image is a distractor pattern of a random class, or missing), the other half only
// in the image (bright top half = class 0, bright bottom half = class 1, plus noise; the text is
// noise). A text-only model can at best solve the first half and guess the second: ~75%.
struct Synthetic {
    ModelInputs inputs;
    torch::Tensor labels;
};

Synthetic makeSynthetic(std::int64_t n, std::uint64_t seed)
{
    torch::manual_seed(seed);
    constexpr std::int64_t width = 8;
    Synthetic data;
    data.labels = torch::randint(0, kClasses, {n}, torch::kLong);
    const torch::Tensor textCarries = torch::arange(n) % 2 == 0;

    ModelInputs &in = data.inputs;
    in.lengths = torch::randint(3, width + 1, {n}, torch::kLong);
    torch::Tensor tokens = torch::randint(kFirstNoiseToken, kVocabulary, {n, width}, torch::kLong);
    const torch::Tensor position = (torch::rand({n}) * in.lengths.to(torch::kFloat)).to(torch::kLong).unsqueeze(1);
    const torch::Tensor marker =
        torch::where(textCarries, data.labels + kFirstLabelToken, tokens.gather(1, position).squeeze(1));
    tokens = tokens.scatter(1, position, marker.unsqueeze(1));
    in.tokens = tokens * (torch::arange(width).unsqueeze(0) < in.lengths.unsqueeze(1));

    const torch::Tensor imageClass = torch::where(textCarries, torch::randint(0, kClasses, {n}, torch::kLong), data.labels);
    const torch::Tensor top = (torch::arange(kImageSize) < kImageSize / 2).to(torch::kFloat); // [S]
    const torch::Tensor rows = torch::where((imageClass == 0).unsqueeze(1), top.unsqueeze(0), 1 - top.unsqueeze(0));
    in.hasImage = textCarries.logical_not().logical_or(torch::rand({n}) < 0.5);
    in.images = (rows.view({n, 1, kImageSize, 1}).expand({n, 3, kImageSize, kImageSize}) +
                 0.5 * torch::randn({n, 3, kImageSize, kImageSize})) *
                in.hasImage.view({-1, 1, 1, 1}).to(torch::kFloat);
    return data;
}

ModelInputs rows(const ModelInputs &in, const torch::Tensor &index)
{
    ModelInputs out;
    out.tokens = in.tokens.index_select(0, index);
    out.lengths = in.lengths.index_select(0, index);
    out.images = in.images.index_select(0, index);
    out.hasImage = in.hasImage.index_select(0, index);
    return out;
}

// Trains with AdamW for `epochs` over shuffled batches of 32, then returns held-out accuracy.
template <typename Forward>
double trainAndScore(torch::nn::Module &model, Forward forward, const Synthetic &train, const Synthetic &test,
                     int epochs)
{
    torch::optim::AdamW optimizer(model.parameters(), torch::optim::AdamWOptions(3e-3));
    const std::int64_t n = train.labels.size(0);
    model.train();
    for (int epoch = 0; epoch < epochs; ++epoch) {
        const torch::Tensor order = torch::randperm(n, torch::kLong);
        for (std::int64_t start = 0; start < n; start += 32) {
            const torch::Tensor index = order.slice(0, start, std::min(n, start + 32));
            optimizer.zero_grad();
            const ModelOutputs out = forward(rows(train.inputs, index));
            trainingLoss(out, train.labels.index_select(0, index)).backward();
            optimizer.step();
        }
    }
    model.eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor predicted = forward(test.inputs).logits.argmax(1);
    return (predicted == test.labels).to(torch::kDouble).mean().item<double>();
}

} // namespace

class FusionModelsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }
    void init() { torch::manual_seed(3); }

    void shapesAndGradientsOfEveryKind()
    {
        const ModelInputs in = mixedBatch(1);
        for (const std::string &kind : FusionClassifierImpl::fusionKinds()) {
            FusionClassifierImpl model(smallOptions(kind));
            model.train();
            const ModelOutputs out = model.forward(in);
            QVERIFY2(out.logits.sizes() == torch::IntArrayRef({4, kClasses}), kind.c_str());
            // Two stages: 16 -> 8; 8 channels in the first stage, 16 in the second.
            QVERIFY2(out.featureMaps.sizes() == torch::IntArrayRef({4, 16, 8, 8}), kind.c_str());
            QVERIFY2(out.featureMaps.requires_grad(), kind.c_str());
            QVERIFY2(model.embeddingWeight().defined(), kind.c_str());
            QVERIFY2((model.modalityNames() == std::vector<std::string>{"text", "image"}), kind.c_str());
            QCOMPARE(out.modalityWeights.defined(), kind == "gated");
            QCOMPARE(out.textToImageAttention.defined(), kind == "coattention");
            QCOMPARE(out.auxiliaryLoss.defined(), kind == "multiview");
            if (kind == "gated")
                QVERIFY(out.modalityWeights.sizes() == torch::IntArrayRef({4, 2}));
            if (kind == "coattention") {
                QVERIFY(out.textToImageAttention.sizes() == torch::IntArrayRef({4, 6, 64}));
                QVERIFY(out.imageToTextAttention.sizes() == torch::IntArrayRef({4, 64, 6}));
            }
            if (kind == "multiview")
                QVERIFY(out.auxiliaryLoss.dim() == 0 && out.auxiliaryLoss.item<double>() >= 0);

            trainingLoss(out, torch::tensor({0, 1, 1, 0}, torch::kLong)).backward();
            for (const auto &named : model.named_parameters())
                QVERIFY2(allFinite(named.value().grad()), (kind + " " + named.key()).c_str());
            const auto parameters = model.named_parameters();
            QVERIFY2(parameters["text.embedding.weight"].grad().abs().sum().item<double>() > 0, kind.c_str());
            QVERIFY2(parameters["image.trunk.stem.weight"].grad().abs().sum().item<double>() > 0, kind.c_str());
            QVERIFY2(parameters["head.0.weight"].grad().abs().sum().item<double>() > 0, kind.c_str());
            // The padding row of the embedding never learns.
            QCOMPARE(parameters["text.embedding.weight"].grad()[0].abs().sum().item<double>(), 0.0);
        }
    }

    void gradCamGradientReachesFeatureMaps()
    {
        const ModelInputs in = mixedBatch(2);
        for (const std::string &kind : FusionClassifierImpl::fusionKinds()) {
            FusionClassifierImpl model(smallOptions(kind));
            model.eval();
            const ModelOutputs out = model.forward(in);
            const torch::Tensor grad = torch::autograd::grad({out.logits.select(1, 1).sum()}, {out.featureMaps})[0];
            const torch::Tensor perPost = grad.abs().sum({1, 2, 3});
            QVERIFY2(perPost[0].item<double>() > 0 && perPost[2].item<double>() > 0, kind.c_str());
            // No image, nothing to explain.
            QVERIFY2(perPost[1].item<double>() == 0 && perPost[3].item<double>() == 0, kind.c_str());
        }
    }

    void gatedWeightsSumToOneAndIgnoreMissingImages()
    {
        FusionClassifierImpl model(smallOptions("gated"));
        model.eval();
        torch::NoGradGuard noGrad;
        const ModelInputs in = mixedBatch(3);
        const torch::Tensor weights = model.forward(in).modalityWeights;
        QVERIFY((weights.sum(1) - 1).abs().max().item<double>() < 1e-6);
        QCOMPARE(weights[1][1].item<float>(), 0.0f);
        QCOMPARE(weights[3][1].item<float>(), 0.0f);
        QCOMPARE(weights[1][0].item<float>(), 1.0f);
        QVERIFY(weights[0][1].item<float>() > 0 && weights[2][1].item<float>() > 0);
    }

    void coAttentionRowsSumToOneOverRealTargets()
    {
        FusionClassifierImpl model(smallOptions("coattention"));
        model.eval();
        torch::NoGradGuard noGrad;
        const ModelInputs in = mixedBatch(4);
        const ModelOutputs out = model.forward(in);
        const torch::Tensor realTokens = torch::arange(6).unsqueeze(0) < in.lengths.unsqueeze(1); // [B, T]
        const torch::Tensor withImage = in.hasImage;

        // Tokens over regions: rows of real tokens of posts with an image sum to 1, all others are 0.
        const torch::Tensor t2iSums = out.textToImageAttention.sum(2);                           // [B, T]
        const torch::Tensor t2iRows = realTokens.logical_and(withImage.unsqueeze(1));
        QVERIFY((t2iSums.masked_select(t2iRows) - 1).abs().max().item<double>() < 1e-5);
        QCOMPARE(t2iSums.masked_select(t2iRows.logical_not()).abs().sum().item<double>(), 0.0);

        // Regions over tokens: each region of a post with an image sums to 1 over real tokens only.
        const torch::Tensor i2t = out.imageToTextAttention; // [B, R, T]
        const torch::Tensor i2tSums = i2t.sum(2);           // [B, R]
        QVERIFY((i2tSums.index_select(0, torch::tensor({0, 2})) - 1).abs().max().item<double>() < 1e-5);
        QCOMPARE(i2tSums.index_select(0, torch::tensor({1, 3})).abs().sum().item<double>(), 0.0);
        QCOMPARE((i2t * realTokens.logical_not().unsqueeze(1)).abs().sum().item<double>(), 0.0);
    }

    void missingImagesTrainAndPredictWithoutNaN()
    {
        ModelInputs zeros = mixedBatch(5);
        zeros.hasImage = torch::zeros({4}, torch::kBool);
        zeros.images = torch::zeros_like(zeros.images);
        ModelInputs undefinedImages = zeros;
        undefinedImages.images = torch::Tensor();
        undefinedImages.hasImage = torch::Tensor();
        for (const std::string &kind : FusionClassifierImpl::fusionKinds()) {
            for (const ModelInputs &in : {zeros, undefinedImages}) {
                FusionClassifierImpl model(smallOptions(kind));
                model.train();
                torch::optim::AdamW optimizer(model.parameters(), torch::optim::AdamWOptions(1e-2));
                for (int step = 0; step < 3; ++step) {
                    optimizer.zero_grad();
                    const ModelOutputs out = model.forward(in);
                    QVERIFY2(allFinite(out.logits) && allFinite(out.modalityWeights) &&
                                 allFinite(out.textToImageAttention) && allFinite(out.imageToTextAttention) &&
                                 allFinite(out.auxiliaryLoss),
                             kind.c_str());
                    QVERIFY2(out.featureMaps.sizes() == torch::IntArrayRef({4, 16, 8, 8}), kind.c_str());
                    trainingLoss(out, torch::tensor({0, 1, 1, 0}, torch::kLong)).backward();
                    for (const torch::Tensor &p : model.parameters())
                        QVERIFY2(allFinite(p.grad()), kind.c_str());
                    optimizer.step();
                }
                model.eval();
                const ModelOutputs out = model.forward(in);
                QVERIFY2(allFinite(out.logits), kind.c_str());
                if (kind == "gated")
                    QCOMPARE(out.modalityWeights.select(1, 1).abs().sum().item<double>(), 0.0);
            }
        }
    }

    void missingImageContributesNothing()
    {
        // Whatever sits in the image slot of a post flagged as having none must not change anything.
        ModelInputs in = mixedBatch(6);
        ModelInputs garbage = in;
        garbage.images = in.images + torch::randn_like(in.images) * (in.hasImage.logical_not().view({-1, 1, 1, 1}));
        for (const std::string &kind : FusionClassifierImpl::fusionKinds()) {
            FusionClassifierImpl model(smallOptions(kind));
            model.eval();
            torch::NoGradGuard noGrad;
            QVERIFY2(torch::equal(model.forward(in).logits, model.forward(garbage).logits), kind.c_str());
            // A present image does matter.
            ModelInputs changed = in;
            changed.images = in.images + torch::randn_like(in.images) * in.hasImage.view({-1, 1, 1, 1});
            QVERIFY2(!torch::equal(model.forward(in).logits[0], model.forward(changed).logits[0]), kind.c_str());
        }
    }

    void multiViewAgreementWeight()
    {
        const ModelInputs in = mixedBatch(7);
        FusionClassifierImpl weighted(smallOptions("multiview").agreement_weight(2.0));
        weighted.eval();
        torch::NoGradGuard noGrad;
        QVERIFY(weighted.forward(in).auxiliaryLoss.item<double>() > 0);
        FusionClassifierImpl off(smallOptions("multiview").agreement_weight(0.0));
        QCOMPARE(off.forward(in).auxiliaryLoss.item<double>(), 0.0);
    }

    void saveAndLoadRoundTrip()
    {
        const ModelInputs in = mixedBatch(8);
        for (const std::string &kind : FusionClassifierImpl::fusionKinds()) {
            torch::manual_seed(11);
            auto saved = std::make_shared<FusionClassifierImpl>(smallOptions(kind));
            // A few training forwards move the batch-norm statistics off their initial values.
            for (int i = 0; i < 2; ++i)
                saved->forward(in);
            torch::manual_seed(12);
            auto loaded = std::make_shared<FusionClassifierImpl>(smallOptions(kind));
            saved->eval();
            loaded->eval();
            torch::NoGradGuard noGrad;
            const ModelOutputs expected = saved->forward(in);
            QVERIFY2(!torch::equal(expected.logits, loaded->forward(in).logits), kind.c_str());

            std::stringstream buffer;
            torch::save(saved, buffer);
            torch::load(loaded, buffer);
            loaded->eval();
            const ModelOutputs actual = loaded->forward(in);
            QVERIFY2(torch::equal(expected.logits, actual.logits), kind.c_str());
            if (kind == "gated")
                QVERIFY(torch::equal(expected.modalityWeights, actual.modalityWeights));
            if (kind == "coattention")
                QVERIFY(torch::equal(expected.textToImageAttention, actual.textToImageAttention));
        }
    }

    void gatedFusionLearnsWhatTextAloneCannot()
    {
        // Budget: 512 training posts, 12 epochs of batches of 32 (192 AdamW steps, lr 3e-3), 16x16
        // images; held-out 256 posts. A text-only model tops out near 0.75 (it must guess on the
        // image-labelled half).
        const Synthetic train = makeSynthetic(512, 21);
        const Synthetic test = makeSynthetic(256, 22);
        constexpr int epochs = 12;

        torch::manual_seed(5);
        FusionClassifier fusion(smallOptions("gated").dropout(0.0));
        const double fusionAccuracy = trainAndScore(
            *fusion, [&](const ModelInputs &in) { return fusion->forward(in); }, train, test, epochs);

        torch::manual_seed(5);
        RnnAttentionClassifier textOnly(
            RnnAttentionClassifierOptions(kVocabulary, kClasses).cell("gru").embedding_dim(16).hidden(12).attention_dim(8).dropout(0.0));
        const double textAccuracy = trainAndScore(
            *textOnly,
            [&](const ModelInputs &in) {
                ModelOutputs out;
                out.logits = textOnly->forward(in.tokens, in.lengths).logits;
                return out;
            },
            train, test, epochs);

        qInfo("held-out accuracy: gated fusion %.3f, text only %.3f", fusionAccuracy, textAccuracy);
        QVERIFY2(fusionAccuracy >= 0.85, qPrintable(QString::number(fusionAccuracy)));
        QVERIFY2(textAccuracy <= 0.80, qPrintable(QString::number(textAccuracy)));
        QVERIFY(fusionAccuracy - textAccuracy >= 0.1);
    }

    void registryEntries()
    {
        const std::vector<ModelSpec> specs = fusionModelSpecs();
        QCOMPARE(specs.size(), std::size_t(2));
        const ModelSpec &fusion = specs[0];
        QCOMPARE(fusion.name, std::string("fusion"));
        QCOMPARE(fusion.trainer, std::string("supervised"));
        QVERIFY((fusion.inputs == std::vector<std::string>{"text", "image"}));
        QVERIFY((fusion.explains == std::vector<std::string>{"modality_weights", "co_attention", "grad_cam"}));
        QVERIFY(fusion.makeModel);
        for (const ParamSpec &p : fusion.params.specs())
            QVERIFY2(!p.help.empty(), p.name.c_str());

        ModelShape shape;
        shape.vocabularySize = kVocabulary;
        shape.classes = kClasses;
        shape.imageSize = kImageSize;
        for (const std::string &kind : FusionClassifierImpl::fusionKinds()) {
            Result<nlohmann::json> params = fusion.params.resolve(
                {{"fusion", kind}, {"embedding_dim", 8}, {"text_hidden", 4}, {"image_channels", 4}, {"image_stages", 2}});
            QVERIFY2(params.ok(), params.ok() ? "" : params.message().c_str());
            std::shared_ptr<SupervisedModelImpl> model = fusion.makeModel(*params, shape);
            model->eval();
            torch::NoGradGuard noGrad;
            QVERIFY2(model->forward(mixedBatch(9)).logits.sizes() == torch::IntArrayRef({4, kClasses}), kind.c_str());
        }
        Result<nlohmann::json> bad = fusion.params.resolve({{"fusion", "sum"}});
        QVERIFY(!bad.ok());
        QVERIFY2(bad.message().find("params.fusion") != std::string::npos, bad.message().c_str());
        QVERIFY(!fusion.params.resolve({{"agreement_weight", -1.0}}).ok());

        const ModelSpec &multitask = specs[1];
        QCOMPARE(multitask.name, std::string("multitask"));
        QCOMPARE(multitask.trainer, std::string("supervised"));
        QVERIFY((multitask.inputs == std::vector<std::string>{"text"}));
        QVERIFY(multitask.makeModel);
    }
};

QTEST_GUILESS_MAIN(FusionModelsTest)
#include "tst_fusionmodels.moc"
