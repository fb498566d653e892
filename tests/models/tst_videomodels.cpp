// The video family: shapes, gradients, masking of missing frames, its registry entry, and two tiny
// learning tasks on synthetic clips (temporal order; one informative frame).
// LibTorch before Qt: Qt's keyword macros clash with ATen headers (and this target sets QT_NO_KEYWORDS).
#include <torch/torch.h>

#include "core/util/deterministicrandom.h"
#include "models/registry/videomodelspecs.h"
#include "models/video/videoclassifier.h"

#include <QtTest>

#include <memory>
#include <string>

using namespace chorus;

namespace {

constexpr std::int64_t kFrames = 6;
constexpr std::int64_t kSide = 24;

VideoClassifier smallModel(const std::string &temporal, std::int64_t classes, std::int64_t frames = kFrames,
                           std::int64_t grid = 3)
{
    return VideoClassifier(VideoClassifierOptions(classes)
                               .spatial_grid(grid)
                               .frames(frames)
                               .image_size(kSide)
                               .base_channels(8)
                               .stages(2)
                               .temporal(temporal)
                               .hidden(16)
                               .attention_dim(16)
                               .dropout(0.0));
}

bool allFinite(const torch::Tensor &t) { return torch::isfinite(t).all().item<bool>(); }

// A synthetic clip set: frames [N, F, 3, S, S] with a little noise, labels [N], and for each clip
// the frame that carries its signal (-1 when every frame does).
struct Clips {
    torch::Tensor frames;
    torch::Tensor labels;
    std::vector<std::int64_t> marked;

    ModelInputs inputs(const torch::Tensor &rows) const
    {
        ModelInputs in;
        in.frames = frames.index_select(0, rows);
        in.frameMask = torch::ones({rows.size(0), frames.size(1)}, torch::kBool);
        in.hasVideo = torch::ones({rows.size(0)}, torch::kBool);
        return in;
    }
};

// Class 0: a bright 6x6 square crosses the frame left to right; class 1: the same frames played
// backwards, right to left. Every frame appears in both classes: only the order of the frames
// tells them apart. (The trunk's global average pooling knows where the square is only through
// its zero padding, so the square starts and ends at the frame's edges.)
Clips orderClips(std::int64_t count, std::uint64_t seed)
{
    DeterministicRandom random(seed);
    Clips clips;
    clips.frames = torch::randn({count, kFrames, 3, kSide, kSide}) * 0.1;
    clips.labels = torch::zeros({count}, torch::kLong);
    for (std::int64_t n = 0; n < count; ++n) {
        const bool rightToLeft = random.chance(0.5);
        clips.labels[n] = rightToLeft ? 1 : 0;
        const int y = random.between(0, int(kSide) - 6);
        for (std::int64_t f = 0; f < kFrames; ++f) {
            const std::int64_t step = rightToLeft ? kFrames - 1 - f : f;
            const std::int64_t x = step * (kSide - 6) / (kFrames - 1); // 0 .. 18
            clips.frames[n][f].slice(1, y, y + 6).slice(2, x, x + 6).add_(1.5);
        }
        clips.marked.push_back(-1);
    }
    return clips;
}

// Only one frame per clip, at a random position, holds a square: red for class 0, green for class
// 1. The other frames are noise.
Clips oneFrameClips(std::int64_t count, std::uint64_t seed)
{
    DeterministicRandom random(seed);
    Clips clips;
    clips.frames = torch::randn({count, kFrames, 3, kSide, kSide}) * 0.3;
    clips.labels = torch::zeros({count}, torch::kLong);
    for (std::int64_t n = 0; n < count; ++n) {
        const int label = random.chance(0.5) ? 1 : 0;
        const int frame = random.between(0, int(kFrames) - 1);
        const int y = random.between(0, int(kSide) - 8), x = random.between(0, int(kSide) - 8);
        clips.labels[n] = label;
        clips.frames[n][frame][label].slice(0, y, y + 8).slice(1, x, x + 8).add_(2.0);
        clips.marked.push_back(frame);
    }
    return clips;
}

// Adam on mini-batches; returns after `steps` steps.
void train(VideoClassifier &model, const Clips &clips, int steps, std::int64_t batch, std::uint64_t seed)
{
    model->train();
    torch::optim::Adam optimiser(model->parameters(), torch::optim::AdamOptions(3e-3));
    DeterministicRandom random(seed);
    const std::int64_t count = clips.frames.size(0);
    for (int step = 0; step < steps; ++step) {
        std::vector<std::int64_t> rows;
        for (std::int64_t i = 0; i < batch; ++i)
            rows.push_back(std::int64_t(random.below(std::uint64_t(count))));
        const torch::Tensor index = torch::tensor(rows, torch::kLong);
        const ModelOutputs out = model->forward(clips.inputs(index));
        const torch::Tensor loss = torch::nn::functional::cross_entropy(out.logits, clips.labels.index_select(0, index));
        optimiser.zero_grad();
        loss.backward();
        optimiser.step();
    }
}

// Held-out accuracy and, for clips with a marked frame, how often attention peaks on it.
std::pair<double, double> evaluate(VideoClassifier &model, const Clips &clips)
{
    model->eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor all = torch::arange(clips.frames.size(0), torch::kLong);
    const ModelOutputs out = model->forward(clips.inputs(all));
    const double accuracy = out.logits.argmax(1).eq(clips.labels).to(torch::kDouble).mean().item<double>();
    const torch::Tensor peaks = out.frameAttention.argmax(1);
    std::int64_t hits = 0, marked = 0;
    for (std::size_t n = 0; n < clips.marked.size(); ++n) {
        if (clips.marked[n] < 0)
            continue;
        ++marked;
        hits += peaks[std::int64_t(n)].item<std::int64_t>() == clips.marked[n] ? 1 : 0;
    }
    return {accuracy, marked ? double(hits) / double(marked) : 0.0};
}

} // namespace

class VideoModelsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }

    void shapesMaskingAndGradients_data()
    {
        QTest::addColumn<QString>("temporal");
        QTest::newRow("gru") << "gru";
        QTest::newRow("attention") << "attention";
    }
    void shapesMaskingAndGradients()
    {
        QFETCH(QString, temporal);
        torch::manual_seed(1);
        VideoClassifier model = smallModel(temporal.toStdString(), 3);
        model->train();

        // Post 0: all 6 frames; post 1: a short clip of 3; post 2: no video (mask says 2 frames,
        // hasVideo says none: hasVideo wins).
        ModelInputs in;
        in.frames = torch::randn({3, kFrames, 3, kSide, kSide});
        in.frameMask = torch::zeros({3, kFrames}, torch::kBool);
        in.frameMask[0].fill_(true);
        in.frameMask[1].slice(0, 0, 3).fill_(true);
        in.frameMask[2].slice(0, 0, 2).fill_(true);
        in.hasVideo = torch::tensor({true, true, false});
        in.frames[1].slice(0, 3).zero_();
        in.frames[2].zero_();

        const ModelOutputs out = model->forward(in);
        QCOMPARE(out.logits.sizes().vec(), (std::vector<std::int64_t>{3, 3}));
        QCOMPARE(out.frameAttention.sizes().vec(), (std::vector<std::int64_t>{3, kFrames}));
        // 24 pixels, two stages: 12x12 maps of 16 channels, one row per (post, frame).
        QCOMPARE(out.featureMaps.sizes().vec(), (std::vector<std::int64_t>{3 * kFrames, 16, 12, 12}));
        QVERIFY(allFinite(out.logits));
        QVERIFY(allFinite(out.frameAttention));

        const torch::Tensor sums = out.frameAttention.sum(1);
        QVERIFY(std::abs(sums[0].item<float>() - 1.0f) < 1e-5f);
        QVERIFY(std::abs(sums[1].item<float>() - 1.0f) < 1e-5f);
        QCOMPARE(sums[2].item<float>(), 0.0f);
        QCOMPARE(out.frameAttention[1].slice(0, 3).abs().sum().item<float>(), 0.0f);
        QVERIFY(out.frameAttention[1].slice(0, 0, 3).min().item<float>() > 0.0f);
        // Missing frames never reach the trunk: their maps are exactly zero.
        QCOMPARE(out.featureMaps.slice(0, kFrames + 3, 3 * kFrames).abs().sum().item<float>(), 0.0f);
        QVERIFY(out.featureMaps.slice(0, 0, kFrames + 3).abs().sum().item<float>() > 0.0f);

        // Per-frame Grad-CAM: the class score of post 0 has a gradient on post 0's frames only.
        const torch::Tensor mapGrad =
            torch::autograd::grad({out.logits[0][1]}, {out.featureMaps}, {}, /*retain_graph=*/true)[0];
        QVERIFY(allFinite(mapGrad));
        QVERIFY(mapGrad.slice(0, 0, kFrames).abs().sum().item<float>() > 0.0f);
        QCOMPARE(mapGrad.slice(0, kFrames).abs().sum().item<float>(), 0.0f);

        out.logits.sum().backward();
        for (const auto &named : model->named_parameters()) {
            QVERIFY2(named.value().grad().defined(), named.key().c_str());
            QVERIFY2(allFinite(named.value().grad()), named.key().c_str());
        }
        const torch::Tensor stemGrad = model->named_parameters()["encoder.stem.weight"].grad();
        QVERIFY(stemGrad.abs().sum().item<float>() > 0.0f);

        // The attention kind is built for at most `frames` frames.
        if (temporal == "attention") {
            ModelInputs longer;
            longer.frames = torch::zeros({1, kFrames + 1, 3, kSide, kSide});
            QVERIFY_EXCEPTION_THROWN(model->forward(longer), c10::Error);
        }
    }

    void batchWithoutAnyVideoIsFinite()
    {
        for (const std::string temporal : {"gru", "attention"}) {
            torch::manual_seed(2);
            VideoClassifier model = smallModel(temporal, 2);
            model->train();
            ModelInputs in;
            in.frames = torch::zeros({2, kFrames, 3, kSide, kSide});
            in.frameMask = torch::zeros({2, kFrames}, torch::kBool);
            in.hasVideo = torch::zeros({2}, torch::kBool);
            const ModelOutputs out = model->forward(in);
            QVERIFY2(allFinite(out.logits), temporal.c_str());
            QCOMPARE(out.frameAttention.abs().sum().item<float>(), 0.0f);
            const torch::Tensor loss = torch::nn::functional::cross_entropy(out.logits, torch::tensor({0L, 1L}));
            loss.backward();
            QVERIFY(allFinite(loss));
            for (const auto &parameter : model->parameters())
                if (parameter.grad().defined())
                    QVERIFY2(allFinite(parameter.grad()), temporal.c_str());
        }
    }

    void optionsAreChecked()
    {
        QVERIFY_EXCEPTION_THROWN(smallModel("lstm", 2), std::invalid_argument);
        QVERIFY_EXCEPTION_THROWN(VideoClassifier(VideoClassifierOptions(2).image_size(16).stages(6)),
                                 std::invalid_argument);
        QVERIFY_EXCEPTION_THROWN(VideoClassifier(VideoClassifierOptions(0)), std::invalid_argument);
    }

    void registryEntry()
    {
        const std::vector<ModelSpec> specs = videoModelSpecs();
        QCOMPARE(specs.size(), std::size_t(1));
        const ModelSpec &spec = specs[0];
        QCOMPARE(spec.name, std::string("video_temporal"));
        QCOMPARE(spec.trainer, std::string("supervised"));
        QCOMPARE(spec.inputs, std::vector<std::string>{"video"});
        QCOMPARE(spec.explains, std::vector<std::string>{"frame_attention"});
        QVERIFY(spec.makeModel);
        for (const char *name : {"frames", "image_size", "base_channels", "stages", "temporal", "hidden", "dropout"}) {
            const ParamSpec *param = spec.params.find(name);
            QVERIFY2(param, name);
            QVERIFY2(!param->help.empty(), name);
        }
        QVERIFY(!spec.params.resolve({{"temporal", "lstm"}}).ok());
        const auto badFrames = spec.params.resolve({{"frames", 0}});
        QVERIFY(!badFrames.ok());
        QVERIFY2(badFrames.message().find("params.frames") != std::string::npos, badFrames.message().c_str());

        auto resolved = spec.params.resolve({{"temporal", "attention"}, {"base_channels", 4}, {"stages", 2},
                                             {"hidden", 8}, {"frames", 4}, {"image_size", 16}});
        QVERIFY2(resolved.ok(), resolved.ok() ? "" : resolved.message().c_str());
        ModelShape shape;
        shape.classes = 4;
        shape.frames = 6; // the data carries more frames than the params asked for
        shape.imageSize = 16;
        std::shared_ptr<SupervisedModelImpl> model = spec.makeModel(*resolved, shape);
        QVERIFY(model);
        ModelInputs in;
        in.frames = torch::randn({2, 6, 3, 16, 16});
        in.frameMask = torch::ones({2, 6}, torch::kBool);
        const ModelOutputs out = model->forward(in);
        QCOMPARE(out.logits.sizes().vec(), (std::vector<std::int64_t>{2, 4}));
        QCOMPARE(out.frameAttention.sizes().vec(), (std::vector<std::int64_t>{2, 6}));
    }

    // Budget: 300 training clips, 100 Adam steps (lr 3e-3) of 16 clips of 6 frames of 24x24;
    // base_channels 8, 2 stages, hidden 16. Threshold: >= 0.9 accuracy on 100 held-out clips
    // (chance is 0.5; both kinds reached 1.0 here, the attention kind needing more than 50 steps).
    void learnsTemporalOrder_data()
    {
        QTest::addColumn<QString>("temporal");
        QTest::newRow("gru") << "gru";
        QTest::newRow("attention") << "attention";
    }
    void learnsTemporalOrder()
    {
        QFETCH(QString, temporal);
        torch::manual_seed(3);
        const Clips trainClips = orderClips(300, 11);
        const Clips heldOut = orderClips(100, 12);
        VideoClassifier model = smallModel(temporal.toStdString(), 2);
        train(model, trainClips, 100, 16, 13);
        const double accuracy = evaluate(model, heldOut).first;
        qInfo("%s: held-out accuracy %.3f", qPrintable(temporal), accuracy);
        QVERIFY2(accuracy >= 0.9, qPrintable(QString::number(accuracy)));
    }

    // Only one frame per clip carries the class: the attention kind must learn to peak on it.
    // Frame features are global averages here (grid 1): where the pattern sits does not matter.
    // Budget: 300 clips, 60 steps of 16. Thresholds: accuracy >= 0.9, and the largest attention
    // weight on the informative frame for >= 70% of 100 held-out clips (a uniform guess gets 1/6;
    // 1.0 measured here). Not asserted for the GRU kind: its states after the informative frame
    // all carry the answer, so its attention may rest on any of them (about 0.6 measured).
    void attentionFindsTheInformativeFrame()
    {
        torch::manual_seed(4);
        const Clips trainClips = oneFrameClips(300, 21);
        const Clips heldOut = oneFrameClips(100, 22);
        VideoClassifier model = smallModel("attention", 2, kFrames, 1);
        train(model, trainClips, 60, 16, 23);
        const auto [accuracy, peaks] = evaluate(model, heldOut);
        qInfo("held-out accuracy %.3f, attention peak on the informative frame %.3f", accuracy, peaks);
        QVERIFY2(accuracy >= 0.9, qPrintable(QString::number(accuracy)));
        QVERIFY2(peaks >= 0.7, qPrintable(QString::number(peaks)));
    }
};

QTEST_GUILESS_MAIN(VideoModelsTest)
#include "tst_videomodels.moc"
