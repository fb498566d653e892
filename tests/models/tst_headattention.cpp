// What attention snapshots keep of a Transformer: per layer and head the attention each token
// receives (the recorded token weights are the last layer's average of them), the matrices while
// they fit the size bound, the heads' average beyond it, nothing at all past that. A trained run
// records them with every epoch's snapshot.
// LibTorch before Qt: Qt's keyword macros clash with ATen headers (and this target sets QT_NO_KEYWORDS).
#include <torch/torch.h>

#include "core/demo/demogenerator.h"
#include "core/split/datasetsplitter.h"
#include "core/store/project.h"
#include "core/training/runartifacts.h"
#include "core/training/runconfig.h"
#include "models/registry/modelregistry.h"
#include "models/training/headattention.h"
#include "models/training/supervisedtrainer.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;
using json = nlohmann::json;

namespace {

// [B, H, T, T] rows that sum to 1 over the first `real` keys, zero rows for padding queries.
torch::Tensor attention(std::int64_t batch, std::int64_t heads, std::int64_t length, std::int64_t real)
{
    torch::Tensor scores = torch::randn({batch, heads, length, length});
    torch::Tensor mask = torch::arange(length) < real;
    scores = scores.masked_fill(mask.logical_not().view({1, 1, 1, length}), -INFINITY);
    return torch::softmax(scores, -1) * mask.view({1, 1, length, 1}).to(torch::kFloat);
}

} // namespace

class HeadAttentionTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void recordsHeadsAndMatrices()
    {
        torch::manual_seed(1);
        const std::vector<torch::Tensor> layers = {attention(2, 3, 6, 4), attention(2, 3, 6, 4)};
        json post;
        HeadAttention::addTo(post, layers, 1, 4);
        QCOMPARE(post["head_weights"].size(), std::size_t(2));
        QCOMPARE(post["head_weights"][1].size(), std::size_t(3));
        QCOMPARE(post["head_weights"][1][2].size(), std::size_t(4));
        for (std::int64_t l = 0; l < 2; ++l)
            for (std::int64_t h = 0; h < 3; ++h) {
                // The attention token t receives: the mean over the 4 real queries of column t.
                const torch::Tensor expected = layers[l][1][h].narrow(0, 0, 4).narrow(1, 0, 4).mean(0);
                double total = 0;
                for (std::int64_t t = 0; t < 4; ++t) {
                    const double w = post["head_weights"][l][h][t].get<double>();
                    QVERIFY(std::abs(w - expected[t].item<double>()) < 1e-6);
                    total += w;
                }
                QVERIFY(std::abs(total - 1.0) < 1e-6);
                QCOMPARE(post["head_matrices"][l][h].size(), std::size_t(4));
                QVERIFY(std::abs(post["head_matrices"][l][h][2][1].get<double>() - layers[l][1][h][2][1].item<double>()) < 1e-4);
            }
        QVERIFY(!post.contains("layer_matrices"));
    }

    void boundedBySize()
    {
        // 2 layers x 4 heads x 60 x 60 > the bound: the heads' average per layer only.
        json medium;
        HeadAttention::addTo(medium, {attention(1, 4, 60, 60), attention(1, 4, 60, 60)}, 0, 60);
        QVERIFY(medium.contains("head_weights"));
        QVERIFY(!medium.contains("head_matrices"));
        QCOMPARE(medium["layer_matrices"].size(), std::size_t(2));
        QCOMPARE(medium["layer_matrices"][0].size(), std::size_t(60));
        // Beyond even that: token weights only.
        json large;
        HeadAttention::addTo(large, {attention(1, 2, 100, 100), attention(1, 2, 100, 100)}, 0, 100);
        QVERIFY(large.contains("head_weights"));
        QVERIFY(!large.contains("head_matrices") && !large.contains("layer_matrices"));
        // Nothing for a model without layers or a post without tokens.
        json none;
        HeadAttention::addTo(none, {}, 0, 5);
        HeadAttention::addTo(none, {attention(1, 2, 3, 3)}, 0, 0);
        QVERIFY(none.is_null());
    }

    void trainedRunRecordsHeads()
    {
        QTemporaryDir dir;
        auto project = Project::open(dir.filePath("heads.chorus").toStdString());
        QVERIFY(project.ok());
        DemoOptions demo;
        demo.posts = 240;
        demo.users = 20;
        demo.items = 10;
        demo.withMedia = false;
        QVERIFY(DemoGenerator(demo).generate(**project).ok());
        SplitOptions split;
        split.seed = 5;
        QVERIFY(DatasetSplitter::create(**project, "demo", split).ok());
        const ModelSpec *spec = ModelRegistry::instance().find("transformer");
        auto config = RunConfig::parse({{"model", "transformer"}, {"dataset", "demo"}, {"task", "sentiment"}, {"seed", 3},
                                        {"epochs", 2}, {"batch_size", 32},
                                        {"params", {{"embedding_dim", 16}, {"heads", 2}, {"layers", 2}, {"ff_dim", 16}}}},
                                       &spec->params, true);
        QVERIFY(config.ok());
        auto outcome = SupervisedTrainer(**project, *config, *spec).run();
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : outcome.message().c_str());
        auto artifacts = RunArtifacts(**project).list(outcome->runId, "attention");
        QVERIFY(artifacts.ok());
        QCOMPARE(artifacts->size(), std::size_t(2));
        const json snapshot = json::parse(artifacts->back().data);
        QVERIFY(!snapshot["posts"].empty());
        for (const json &post : snapshot["posts"]) {
            const std::size_t tokens = post["tokens"].size();
            if (tokens == 0)
                continue;
            QCOMPARE(post["head_weights"].size(), std::size_t(2));
            QCOMPARE(post["head_weights"][1].size(), std::size_t(2));
            // The recorded weights are the last layer's heads averaged.
            for (std::size_t t = 0; t < tokens; ++t) {
                const double mean = (post["head_weights"][1][0][t].get<double>() + post["head_weights"][1][1][t].get<double>()) / 2;
                QVERIFY(std::abs(mean - post["weights"][t].get<double>()) < 1e-6);
            }
            QVERIFY(post.contains("head_matrices") || post.contains("layer_matrices") || tokens * tokens * 4 > 16384);
        }
    }
};

QTEST_GUILESS_MAIN(HeadAttentionTest)
#include "tst_headattention.moc"
