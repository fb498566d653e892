// The image family: the classifier's shapes, gradients and save/load round trip, a short training
// run on synthetic pictures, Grad-CAM (its arithmetic, its side effects, and where it looks on a
// trained model) and the registry entries.
// LibTorch before Qt: Qt's keyword macros clash with ATen headers (and this target sets QT_NO_KEYWORDS).
#include <torch/torch.h>

#include "core/util/deterministicrandom.h"
#include "models/image/gradcam.h"
#include "models/image/imageclassifier.h"
#include "models/image/torchscriptclassifier.h"
#include "models/registry/visionmodelspecs.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

using namespace chorus;

namespace {

constexpr std::int64_t kSide = 32;
constexpr std::int64_t kSquare = 8;

ImageClassifierOptions smallOptions(std::int64_t classes)
{
    return ImageClassifierOptions(classes).base_channels(8).stages(3).blocks_per_stage(1).dropout(0.1);
}

ModelInputs imagesOnly(const torch::Tensor &images)
{
    ModelInputs inputs;
    inputs.images = images;
    inputs.hasImage = torch::ones({images.size(0)}, torch::kBool);
    return inputs;
}

// Noisy 32 x 32 pictures: class 0 has a bright 8 x 8 square somewhere in the left half, class 1
// in the right half, class 2 has none. The square-less class matters for Grad-CAM: with only left
// and right, "no square on the right" explains "left" as well as the square does, and a network
// with a pooled head often learns that absence (its Grad-CAM then, correctly, lights the empty
// half); a "nowhere" class makes the square itself the evidence.
struct Squares {
    torch::Tensor images; // [N, 3, 32, 32]
    torch::Tensor labels; // [N]
    std::vector<std::int64_t> xs, ys; // the square's top-left corner (classes 0 and 1)
};

Squares makeSquares(std::int64_t count, std::uint64_t seed)
{
    DeterministicRandom random(seed);
    torch::manual_seed(seed);
    Squares data;
    data.images = torch::randn({count, 3, kSide, kSide}) * 0.5;
    data.labels = torch::zeros({count}, torch::kLong);
    for (std::int64_t i = 0; i < count; ++i) {
        const int label = random.between(0, 2);
        const std::int64_t x = (label == 0 ? 0 : kSide / 2) + random.between(0, int(kSide / 2 - kSquare));
        const std::int64_t y = random.between(0, int(kSide - kSquare));
        if (label < 2)
            data.images[i].slice(1, y, y + kSquare).slice(2, x, x + kSquare) += 2.5;
        data.labels[i] = label;
        data.xs.push_back(x);
        data.ys.push_back(y);
    }
    return data;
}

double accuracy(SupervisedModelImpl &model, const Squares &data)
{
    torch::NoGradGuard noGrad;
    const torch::Tensor predicted = model.forward(imagesOnly(data.images)).logits.argmax(1);
    return predicted.eq(data.labels).to(torch::kDouble).mean().item<double>();
}

// The feature maps are the input itself and the logits a linear layer over their spatial mean, so
// Grad-CAM has a closed form to check against.
class PoolingProbeImpl : public SupervisedModelImpl {
public:
    explicit PoolingProbeImpl(std::int64_t classes) { m_linear = register_module("linear", torch::nn::Linear(3, classes)); }
    ModelOutputs forward(const ModelInputs &inputs) override
    {
        ModelOutputs outputs;
        outputs.featureMaps = inputs.images * 1.0;
        outputs.logits = m_linear->forward(outputs.featureMaps.mean({2, 3}));
        return outputs;
    }
    torch::nn::Linear m_linear{nullptr};
};

// A model with logits only: nothing for Grad-CAM to map.
class NoMapsImpl : public SupervisedModelImpl {
public:
    NoMapsImpl() { m_linear = register_module("linear", torch::nn::Linear(3, 2)); }
    ModelOutputs forward(const ModelInputs &inputs) override
    {
        ModelOutputs outputs;
        outputs.logits = m_linear->forward(inputs.images.mean({2, 3}));
        return outputs;
    }
    torch::nn::Linear m_linear{nullptr};
};

// A TorchScript module built and saved here, as a user's exported backbone would be.
std::string saveScript(const QTemporaryDir &dir, const char *name, const char *source, const torch::Tensor &weight)
{
    torch::jit::Module module(name);
    module.register_parameter("weight", weight, false);
    module.define(source);
    const std::string path = dir.filePath(QString(name) + ".pt").toStdString();
    module.save(path);
    return path;
}

std::string constructionError(const TorchScriptClassifierOptions &options)
{
    try {
        TorchScriptClassifierImpl model(options);
    } catch (const std::invalid_argument &e) {
        return e.what();
    }
    return {};
}

} // namespace

class ImageModelsTest : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<ImageClassifierImpl> m_trained;
    Squares m_heldOut;

private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }
    void init() { torch::manual_seed(11); }

    void shapes()
    {
        for (std::int64_t stages : {1, 2, 3}) {
            ImageClassifier model(smallOptions(5).stages(stages));
            const ModelOutputs out = model->forward(imagesOnly(torch::randn({4, 3, 24, 24})));
            QVERIFY(out.logits.sizes() == torch::IntArrayRef({4, 5}));
            const std::int64_t reduced = 24 >> (stages - 1);
            QVERIFY2(out.featureMaps.sizes() == torch::IntArrayRef({4, 8 << (stages - 1), reduced, reduced}),
                     qPrintable(QString("stages %1").arg(stages)));
            QCOMPARE(model->featureSize(), std::int64_t(8 << (stages - 1)));
            QVERIFY(model->features(torch::randn({2, 3, 24, 24})).sizes() == torch::IntArrayRef({2, model->featureSize()}));
            QVERIFY(torch::isfinite(out.logits).all().item<bool>());
        }
        // Non-square pictures work too.
        ImageClassifier model(smallOptions(2));
        QVERIFY(model->forward(imagesOnly(torch::randn({2, 3, 20, 36}))).logits.sizes() == torch::IntArrayRef({2, 2}));

        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ImageClassifier(smallOptions(0)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ImageClassifier(smallOptions(2).dropout(1.0)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ImageClassifier(smallOptions(2).stages(0)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, model->forward(ModelInputs()));
    }

    void gradientsReachEveryParameter()
    {
        ImageClassifier model(smallOptions(3).blocks_per_stage(2));
        model->train();
        const ModelOutputs out = model->forward(imagesOnly(torch::randn({4, 3, 16, 16})));
        torch::nn::functional::cross_entropy(out.logits, torch::tensor({0, 1, 2, 1}, torch::kLong)).backward();
        for (const auto &item : model->named_parameters()) {
            const QString what = QString::fromStdString(item.key());
            const torch::Tensor &grad = item.value().grad();
            QVERIFY2(grad.defined(), qPrintable(what + " has no gradient"));
            QVERIFY2(torch::isfinite(grad).all().item<bool>(), qPrintable(what + " has a non-finite gradient"));
            QVERIFY2(grad.abs().sum().item<double>() > 0, qPrintable(what + " has an all-zero gradient"));
        }
    }

    void saveLoadRoundTrip()
    {
        ImageClassifier original(smallOptions(3));
        // A few training-mode passes move the BatchNorm running statistics off their defaults, so
        // the round trip must carry buffers as well as parameters.
        original->train();
        for (int i = 0; i < 3; ++i)
            original->forward(imagesOnly(torch::randn({4, 3, 16, 16}) + 1.0));
        original->eval();
        const ModelInputs probe = imagesOnly(torch::randn({3, 3, 16, 16}));
        torch::NoGradGuard noGrad;
        const torch::Tensor expected = original->forward(probe).logits;

        std::stringstream stream;
        torch::save(original, stream);
        torch::manual_seed(12345);
        ImageClassifier restored(smallOptions(3));
        restored->eval();
        QVERIFY(!torch::equal(restored->forward(probe).logits, expected)); // fresh weights differ
        torch::load(restored, stream);
        restored->eval();
        QVERIFY(torch::equal(restored->forward(probe).logits, expected));
    }

    void gradCamMatchesClosedForm()
    {
        // d logit_c / d F[k, y, x] = W[c, k] / (h w), so the map is ReLU(sum_k W[c, k] F[k]) / (h w),
        // rescaled to [0, 1].
        auto probe = std::make_shared<PoolingProbeImpl>(4);
        const torch::Tensor images = torch::randn({3, 3, 5, 7});
        const torch::Tensor target = torch::tensor({2, 0, 3}, torch::kLong);
        const Result<GradCamMaps> cam = GradCam::compute(*probe, imagesOnly(images), target);
        QVERIFY2(cam.ok(), cam.ok() ? "" : cam.message().c_str());
        QVERIFY(cam->maps.sizes() == torch::IntArrayRef({3, 5, 7}));
        QVERIFY(torch::equal(cam->classes, target));
        torch::NoGradGuard noGrad;
        for (std::int64_t i = 0; i < 3; ++i) {
            const torch::Tensor w = probe->m_linear->weight[target[i].item<std::int64_t>()];
            torch::Tensor expected = torch::relu((w.view({3, 1, 1}) * images[i]).sum(0));
            expected = (expected - expected.min()) / (expected.max() - expected.min());
            QVERIFY2(torch::allclose(cam->maps[i], expected, 1e-5, 1e-6), qPrintable(QString("sample %1").arg(i)));
        }
    }

    void gradCamLeavesTheModelAlone()
    {
        ImageClassifier model(smallOptions(3));
        model->eval();
        // One parameter frozen by the caller, the rest trainable: both states must survive.
        model->encoder()->parameters()[0].requires_grad_(false);
        std::vector<bool> before;
        for (const torch::Tensor &p : model->parameters())
            before.push_back(p.requires_grad());
        const ModelInputs inputs = imagesOnly(torch::randn({4, 3, 16, 16}));

        Result<GradCamMaps> cam = [&] {
            torch::NoGradGuard outer; // callers usually explain under no-grad; Grad-CAM must not care
            return GradCam::compute(*model, inputs);
        }();
        QVERIFY2(cam.ok(), cam.ok() ? "" : cam.message().c_str());
        QVERIFY(cam->maps.sizes() == torch::IntArrayRef({4, 16, 16}));
        QVERIFY(cam->maps.min().item<float>() >= 0.0f && cam->maps.max().item<float>() <= 1.0f);
        QVERIFY(torch::equal(cam->classes, cam->logits.argmax(1))); // default: the predicted class
        QVERIFY(!cam->maps.requires_grad());
        QVERIFY(!model->is_training());
        std::size_t i = 0;
        for (const torch::Tensor &p : model->parameters()) {
            QCOMPARE(p.requires_grad(), bool(before[i++]));
            QVERIFY(!p.grad().defined()); // nothing accumulated into .grad
        }

        // Fully frozen (a feature extractor): still explained, still frozen afterwards.
        for (torch::Tensor p : model->parameters())
            p.requires_grad_(false);
        cam = GradCam::compute(*model, inputs, torch::tensor({0, 1, 2, 0}, torch::kLong));
        QVERIFY2(cam.ok(), cam.ok() ? "" : cam.message().c_str());
        QVERIFY(torch::equal(cam->classes, torch::tensor({0, 1, 2, 0}, torch::kLong)));
        for (const torch::Tensor &p : model->parameters())
            QVERIFY(!p.requires_grad());

        // Errors are values.
        QVERIFY(!GradCam::compute(*model, inputs, torch::tensor({0, 1, 7, 0}, torch::kLong)).ok());
        QVERIFY(!GradCam::compute(*model, inputs, torch::tensor({0, 1}, torch::kLong)).ok());
        NoMapsImpl noMaps;
        const Result<GradCamMaps> none = GradCam::compute(noMaps, inputs);
        QVERIFY(!none.ok());
        QVERIFY2(none.message().find("feature maps") != std::string::npos, none.message().c_str());
        QVERIFY(!GradCam::compute(*model, ModelInputs()).ok()); // the model's own exception, caught
    }

    void gradCamDownsampleAveragesAreas()
    {
        // 128 x 96 halves to 64 x 48: each cell is the mean of its 2 x 2 block.
        const torch::Tensor map = torch::rand({128, 96});
        const torch::Tensor small = GradCam::downsample(map, 64);
        QCOMPARE(small.size(0), 64);
        QCOMPARE(small.size(1), 48);
        const torch::Tensor blocks = map.reshape({64, 2, 48, 2}).mean({1, 3});
        QVERIFY(torch::allclose(small, blocks, 1e-6, 1e-6));
        QVERIFY(small.min().item<float>() >= 0 && small.max().item<float>() <= 1);
        // A map that fits is sent as it is; a tall one keeps its aspect.
        const torch::Tensor fits = torch::rand({32, 64});
        QVERIFY(torch::equal(GradCam::downsample(fits, 64), fits));
        const torch::Tensor tall = GradCam::downsample(torch::rand({300, 30}), 64);
        QCOMPARE(tall.size(0), 64);
        QCOMPARE(tall.size(1), 6);
    }

    void learnsWhereTheSquareIs()
    {
        // Global average pooling throws away where things are, so the trunk must learn position
        // from the borders: a real test of the whole stack, not of a linear shortcut.
        const Squares train = makeSquares(320, 1);
        m_heldOut = makeSquares(128, 2);
        torch::manual_seed(3);
        m_trained = std::make_shared<ImageClassifierImpl>(smallOptions(3));
        torch::optim::AdamW optimizer(m_trained->parameters(), torch::optim::AdamWOptions(3e-3).weight_decay(1e-4));
        const std::int64_t batch = 32;
        const int steps = 150;
        m_trained->train();
        for (int step = 0; step < steps; ++step) {
            const std::int64_t start = (step * batch) % train.images.size(0);
            const torch::Tensor images = train.images.slice(0, start, start + batch);
            const torch::Tensor labels = train.labels.slice(0, start, start + batch);
            optimizer.zero_grad();
            const torch::Tensor loss =
                torch::nn::functional::cross_entropy(m_trained->forward(imagesOnly(images)).logits, labels);
            loss.backward();
            optimizer.step();
        }
        m_trained->eval();
        const double heldOut = accuracy(*m_trained, m_heldOut);
        qInfo("held-out accuracy after %d steps: %.3f", steps, heldOut);
        QVERIFY2(heldOut >= 0.9, qPrintable(QString("held-out accuracy %1 < 0.9").arg(heldOut)));
    }

    void gradCamLooksAtTheSquare()
    {
        QVERIFY2(m_trained, "needs the model trained by learnsWhereTheSquareIs");
        const Result<GradCamMaps> cam = GradCam::compute(*m_trained, imagesOnly(m_heldOut.images));
        QVERIFY2(cam.ok(), cam.ok() ? "" : cam.message().c_str());
        QVERIFY(cam->maps.sizes() == torch::IntArrayRef({m_heldOut.images.size(0), kSide, kSide}));
        int withSquare = 0, onSquareHalf = 0, hotterOnSquare = 0;
        for (std::int64_t i = 0; i < m_heldOut.images.size(0); ++i) {
            const std::int64_t label = m_heldOut.labels[i].item<std::int64_t>();
            if (label == 2)
                continue;
            ++withSquare;
            const torch::Tensor map = cam->maps[i];
            const double left = map.slice(1, 0, kSide / 2).sum().item<double>();
            const double right = map.slice(1, kSide / 2, kSide).sum().item<double>();
            if (label == 0 ? left > right : right > left)
                ++onSquareHalf;
            const std::int64_t x = m_heldOut.xs[std::size_t(i)], y = m_heldOut.ys[std::size_t(i)];
            const double square = map.slice(0, y, y + kSquare).slice(1, x, x + kSquare).sum().item<double>();
            const double rest = map.sum().item<double>() - square;
            if (square / double(kSquare * kSquare) > rest / double(kSide * kSide - kSquare * kSquare))
                ++hotterOnSquare;
        }
        const double halfShare = double(onSquareHalf) / withSquare;
        const double squareShare = double(hotterOnSquare) / withSquare;
        qInfo("of %d held-out pictures with a square, Grad-CAM puts more mass on its half for %.3f and is hotter "
              "on the square than elsewhere for %.3f", withSquare, halfShare, squareShare);
        // Thresholds: more mass on the square's half for at least 70% of the pictures (measured 0.77
        // to 0.91 over five data seeds), and a hotter square than the rest for at least 90% (1.0).
        QVERIFY2(halfShare >= 0.7, qPrintable(QString("only %1 of maps favour the square's half").arg(halfShare)));
        QVERIFY2(squareShare >= 0.9, qPrintable(QString("only %1 of maps are hotter on the square").arg(squareShare)));
    }

    void torchScriptBackbone()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const torch::Tensor weight = torch::randn({6, 3, 1, 1});
        const std::string mapsPath = saveScript(dir, "Maps", R"(
def forward(self, x):
    return torch.relu(torch.conv2d(x, self.weight))
)", weight);
        TorchScriptClassifier model(TorchScriptClassifierOptions(mapsPath, 3).image_size(16));
        QCOMPARE(model->featureSize(), std::int64_t(6));
        QVERIFY(model->hasFeatureMaps());
        // Only the head is trainable, so optimisers and checkpoints see nothing of the backbone.
        QCOMPARE(model->parameters().size(), std::size_t(2));

        const torch::Tensor images = torch::randn({2, 3, 12, 10});
        model->train();
        const ModelOutputs out = model->forward(imagesOnly(images));
        QVERIFY(out.logits.sizes() == torch::IntArrayRef({2, 3}));
        QVERIFY(torch::allclose(out.featureMaps, torch::relu(torch::conv2d(images, weight)), 1e-5, 1e-6));
        QVERIFY(!out.featureMaps.requires_grad()); // frozen: no graph through the backbone
        torch::nn::functional::cross_entropy(out.logits, torch::tensor({0, 2}, torch::kLong)).backward();
        for (const torch::Tensor &p : model->parameters())
            QVERIFY(p.grad().defined() && p.grad().abs().sum().item<double>() > 0);

        model->eval();
        const Result<GradCamMaps> cam = GradCam::compute(*model, imagesOnly(images));
        QVERIFY2(cam.ok(), cam.ok() ? "" : cam.message().c_str());
        QVERIFY(cam->maps.sizes() == torch::IntArrayRef({2, 12, 10}));

        // A backbone of pooled vectors: a head, but nothing for Grad-CAM.
        const std::string vectorPath = saveScript(dir, "Vectors", R"(
def forward(self, x):
    return torch.mean(x, [2, 3]) * self.weight
)", torch::ones({3}));
        TorchScriptClassifier pooled(TorchScriptClassifierOptions(vectorPath, 2).image_size(8));
        QCOMPARE(pooled->featureSize(), std::int64_t(3));
        QVERIFY(!pooled->hasFeatureMaps());
        const ModelOutputs vectorOut = pooled->forward(imagesOnly(images));
        QVERIFY(vectorOut.logits.sizes() == torch::IntArrayRef({2, 2}));
        QVERIFY(!vectorOut.featureMaps.defined());
        QVERIFY(!GradCam::compute(*pooled, imagesOnly(images)).ok());

        // Clear errors naming the file.
        const std::string missing = dir.filePath("missing.pt").toStdString();
        std::string error = constructionError(TorchScriptClassifierOptions(missing, 2));
        QVERIFY2(error.find(missing) != std::string::npos && error.find("missing") != std::string::npos, error.c_str());
        const std::string text = dir.filePath("notes.pt").toStdString();
        {
            QFile file(QString::fromStdString(text));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("not a model");
        }
        error = constructionError(TorchScriptClassifierOptions(text, 2));
        QVERIFY2(error.find(text) != std::string::npos && error.find("not a TorchScript") != std::string::npos,
                 error.c_str());
        const std::string flatPath = saveScript(dir, "Flat", R"(
def forward(self, x):
    return x[0] * self.weight
)", torch::ones({1}));
        error = constructionError(TorchScriptClassifierOptions(flatPath, 2).image_size(8));
        QVERIFY2(error.find(flatPath) != std::string::npos && error.find("[B, D] or [B, C, h, w]") != std::string::npos,
                 error.c_str());
    }

    void registryEntry()
    {
        const std::vector<ModelSpec> specs = imageModelSpecs();
        const ModelSpec *cnn = nullptr;
        for (const ModelSpec &spec : specs)
            if (spec.name == "image_cnn")
                cnn = &spec;
        QVERIFY(cnn);
        QCOMPARE(cnn->trainer, std::string("supervised"));
        QVERIFY(cnn->inputs == std::vector<std::string>{"image"});
        QVERIFY(cnn->explains == std::vector<std::string>{"grad_cam"});
        QVERIFY(cnn->makeModel);
        for (const ParamSpec &param : cnn->params.specs())
            QVERIFY2(!param.help.empty(), param.name.c_str());

        const Result<nlohmann::json> defaults = cnn->params.resolve(nlohmann::json::object());
        QVERIFY(defaults.ok());
        QCOMPARE((*defaults)["image_size"].get<int>(), 64);
        QCOMPARE((*defaults)["augment"].get<bool>(), true);
        const Result<nlohmann::json> badStages = cnn->params.resolve({{"stages", 9}});
        QVERIFY(!badStages.ok());
        QVERIFY2(badStages.message().find("params.stages") != std::string::npos, badStages.message().c_str());
        QVERIFY(!cnn->params.resolve({{"channels", 9}}).ok());

        const Result<nlohmann::json> params = cnn->params.resolve({{"base_channels", 4}, {"stages", 2}, {"image_size", 16}});
        QVERIFY(params.ok());
        ModelShape shape;
        shape.classes = 3;
        shape.imageSize = 16;
        const std::shared_ptr<SupervisedModelImpl> model = cnn->makeModel(*params, shape);
        QVERIFY(model);
        const ModelOutputs out = model->forward(imagesOnly(torch::randn({2, 3, 16, 16})));
        QVERIFY(out.logits.sizes() == torch::IntArrayRef({2, 3}));
        QVERIFY(out.featureMaps.sizes() == torch::IntArrayRef({2, 8, 8, 8}));

        const ModelSpec *script = nullptr;
        for (const ModelSpec &spec : specs)
            if (spec.name == "image_torchscript")
                script = &spec;
        QVERIFY(script);
        QCOMPARE(script->trainer, std::string("supervised"));
        QVERIFY(script->params.find("backbone_path"));
        // No backbone named: the factory refuses with a message saying so.
        const Result<nlohmann::json> scriptParams = script->params.resolve(nlohmann::json::object());
        QVERIFY(scriptParams.ok());
        try {
            script->makeModel(*scriptParams, shape);
            QFAIL("an empty backbone_path was accepted");
        } catch (const std::invalid_argument &e) {
            QVERIFY2(std::string(e.what()).find("backbone_path") != std::string::npos, e.what());
        }
    }
};

QTEST_APPLESS_MAIN(ImageModelsTest)
#include "tst_imagemodels.moc"
