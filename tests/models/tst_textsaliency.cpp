// Saliency of text classifiers with respect to the token embeddings: integrated gradients satisfy
// completeness (their sum is the logit's change from the baseline, up to the quadrature error), a model linear in its embeddings gets exact attributions equal to
// gradient x input, the probe leaves predictions untouched, and `chorus-cli explain --saliency`
// reports both methods for a trained run.
// LibTorch before Qt: Qt's keyword macros clash with ATen headers (and this target sets QT_NO_KEYWORDS).
#include <torch/torch.h>

#include "core/demo/demogenerator.h"
#include "core/split/datasetsplitter.h"
#include "core/store/project.h"
#include "models/text/bagofngrams.h"
#include "models/text/rnnattentionclassifier.h"
#include "models/text/textcnn.h"
#include "models/text/transformerclassifier.h"
#include "models/training/textsaliency.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <functional>
#include <numeric>

using namespace chorus;
using json = nlohmann::json;

namespace {

constexpr std::int64_t kVocabulary = 30;
constexpr std::int64_t kClasses = 3;

struct Family {
    const char *name;
    std::function<std::shared_ptr<TextClassifierImpl>()> make;
};

std::vector<Family> families()
{
    return {
        {"textcnn",
         [] {
             return std::make_shared<TextCnnImpl>(
                 TextCnnOptions(kVocabulary, kClasses).embedding_dim(12).kernel_sizes({2, 3}).filters(6));
         }},
        {"rnn_attention/lstm",
         [] {
             return std::make_shared<RnnAttentionClassifierImpl>(
                 RnnAttentionClassifierOptions(kVocabulary, kClasses).embedding_dim(12).hidden(8).attention_dim(6));
         }},
        {"rnn_attention/gru",
         [] {
             return std::make_shared<RnnAttentionClassifierImpl>(
                 RnnAttentionClassifierOptions(kVocabulary, kClasses).embedding_dim(12).cell("gru").hidden(8).attention_dim(6));
         }},
        {"transformer",
         [] {
             return std::make_shared<TransformerClassifierImpl>(
                 TransformerClassifierOptions(kVocabulary, kClasses).embedding_dim(12).heads(3).layers(2).ff_dim(16).max_length(32));
         }},
        {"bag_of_ngrams",
         [] {
             return std::make_shared<BagOfNgramsImpl>(BagOfNgramsOptions(kVocabulary, kClasses).embedding_dim(12).buckets(50));
         }},
    };
}

double sum(const std::vector<double> &values) { return std::accumulate(values.begin(), values.end(), 0.0); }

} // namespace

class TextSaliencyTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { torch::manual_seed(5); }

    // sum(IG) = f(x) - f(baseline) within a tolerance, for every family and both baselines.
    void integratedGradientsAreComplete()
    {
        const torch::Tensor tokens = torch::tensor({4, 9, 17, 2, 25, 11, 7}, torch::kInt64).unsqueeze(0);
        for (const Family &family : families()) {
            std::shared_ptr<TextClassifierImpl> model = family.make();
            // Larger embeddings and output weights than the initialisation: a long path from the
            // baseline and logits that move well away from zero. The layers in between keep their
            // initialisation (scaling those too makes a Transformer's attention nearly a step
            // function of the path; integratedGradientsConverge covers that case).
            {
                torch::NoGradGuard noGrad;
                for (auto &p : model->named_parameters())
                    if (p.key().rfind("embedding", 0) == 0 || p.key().rfind("output.", 0) == 0)
                        p.value().mul_(3.0);
            }
            for (const char *baseline : {"zero", "pad"}) {
                SaliencyOptions options;
                options.baseline = baseline;
                options.steps = 300;
                auto saliency = TextSaliency::compute(*model, tokens, options);
                QVERIFY2(saliency.ok(), saliency.ok() ? "" : saliency.message().c_str());
                QCOMPARE(saliency->integratedGradients.size(), std::size_t(7));
                QCOMPARE(saliency->gradientTimesInput.size(), std::size_t(7));
                const double change = saliency->score - saliency->baselineScore;
                QVERIFY2(std::abs(change) > 0.05, family.name);
                const double tolerance = 0.02 * std::max(1.0, std::abs(change));
                QVERIFY2(std::abs(sum(saliency->integratedGradients) - change) < tolerance,
                         qPrintable(QString("%1/%2: sum %3, change %4")
                                        .arg(family.name, baseline)
                                        .arg(sum(saliency->integratedGradients))
                                        .arg(change)));
                QVERIFY(std::abs(saliency->completenessGap()) < tolerance);
            }
        }
    }

    // Every weight of a Transformer tripled scales its attention scores some 80-fold: the softmax
    // switches within a few thousandths of the path, and a coarse trapezoid rule misses most of
    // the integral. The sum still converges to the change as the steps grow (the gradients are
    // right; only the quadrature is coarse), which is what completenessGap lets a user see.
    void integratedGradientsConverge()
    {
        torch::manual_seed(5);
        std::shared_ptr<TextClassifierImpl> model = families()[3].make(); // transformer
        {
            torch::NoGradGuard noGrad;
            for (torch::Tensor &p : model->parameters())
                p.mul_(3.0);
        }
        const torch::Tensor tokens = torch::tensor({4, 9, 17, 2, 25, 11, 7}, torch::kInt64).unsqueeze(0);
        std::vector<double> gaps;
        double change = 0;
        for (int steps : {20, 100, 1000}) {
            SaliencyOptions options;
            options.steps = steps;
            auto saliency = TextSaliency::compute(*model, tokens, options);
            QVERIFY(saliency.ok());
            change = saliency->score - saliency->baselineScore;
            gaps.push_back(std::abs(saliency->completenessGap()));
        }
        const QByteArray gapsText = QString("gaps %1 %2 %3, change %4")
                                        .arg(gaps[0]).arg(gaps[1]).arg(gaps[2]).arg(change).toUtf8();
        QVERIFY2(gaps[2] < gaps[0] / 4 && gaps[2] < gaps[1] / 4, gapsText.constData());
        QVERIFY2(gaps[2] < 0.1 * std::max(1.0, std::abs(change)), gapsText.constData());
    }

    // A bag of unigrams is linear in its embeddings: with the zero baseline, integrated gradients
    // equal gradient x input exactly, and they add up to the logit minus the bias.
    void linearModelIsExact()
    {
        auto model = std::make_shared<BagOfNgramsImpl>(BagOfNgramsOptions(kVocabulary, kClasses).embedding_dim(8).bigrams(false));
        const torch::Tensor tokens = torch::tensor({3, 3, 12, 5}, torch::kInt64).unsqueeze(0);
        SaliencyOptions options;
        options.steps = 1;
        options.target = 1;
        auto saliency = TextSaliency::compute(*model, tokens, options);
        QVERIFY(saliency.ok());
        for (std::size_t t = 0; t < 4; ++t)
            QVERIFY(std::abs(saliency->integratedGradients[t] - saliency->gradientTimesInput[t]) < 1e-5);
        // Repeated tokens are told apart and get the same share.
        QVERIFY(std::abs(saliency->integratedGradients[0] - saliency->integratedGradients[1]) < 1e-6);
        // The attributions of a mean of embeddings: w . e_t / 4 for each token.
        torch::NoGradGuard noGrad;
        model->eval();
        const torch::Tensor embeddings = model->embeddingWeight().index_select(0, tokens[0]);
        const torch::Tensor weight = model->named_parameters()["output.weight"][1];
        for (std::int64_t t = 0; t < 4; ++t)
            QVERIFY(std::abs(saliency->integratedGradients[std::size_t(t)] - (embeddings[t] * weight).sum().item<double>() / 4) < 1e-5);
        const double bias = model->named_parameters()["output.bias"][1].item<double>();
        QVERIFY(std::abs(sum(saliency->integratedGradients) - (saliency->score - bias)) < 1e-5);
        QVERIFY(std::abs(saliency->baselineScore - bias) < 1e-6);
    }

    void probeIsRemovedAndPredictionsUnchanged()
    {
        auto model = families()[3].make(); // transformer
        model->eval();
        const torch::Tensor tokens = torch::tensor({1, 2, 3, 4}, torch::kInt64).unsqueeze(0);
        const torch::Tensor lengths = torch::full({1}, 4, torch::kInt64);
        torch::Tensor before;
        {
            torch::NoGradGuard noGrad;
            before = model->forward(tokens, lengths).logits.clone();
        }
        QVERIFY(TextSaliency::compute(*model, tokens).ok());
        torch::NoGradGuard noGrad;
        QVERIFY(torch::allclose(model->forward(tokens, lengths).logits, before));
        // A bad option is an error, not an exception.
        SaliencyOptions bad;
        bad.steps = 0;
        QVERIFY(!TextSaliency::compute(*model, tokens, bad).ok());
        bad.steps = 10;
        bad.baseline = "mean";
        QVERIFY(!TextSaliency::compute(*model, tokens, bad).ok());
    }

    // The worker's explain path: a tiny trained Transformer, then explain --saliency --json.
    void explainCommandReportsSaliency()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("demo.chorus");
        std::int64_t postId = 0;
        {
            auto project = Project::open(path.toStdString());
            QVERIFY(project.ok());
            DemoOptions demo;
            demo.posts = 200;
            demo.users = 20;
            demo.items = 10;
            demo.withMedia = false;
            QVERIFY(DemoGenerator(demo).generate(**project).ok());
            SplitOptions split;
            split.seed = 4;
            QVERIFY(DatasetSplitter::create(**project, "demo", split).ok());
            auto select = (*project)->db().prepare("SELECT id FROM posts ORDER BY id LIMIT 1");
            QVERIFY(select->step());
            postId = select->int64(0);
        }
        QFile config(dir.filePath("run.json"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(json({{"model", "transformer"}, {"dataset", "demo"}, {"task", "sentiment"}, {"seed", 2}, {"epochs", 1},
                           {"batch_size", 32}, {"params", {{"embedding_dim", 16}, {"heads", 2}, {"layers", 1}, {"ff_dim", 16}}}})
                         .dump()
                         .c_str());
        config.close();
        QProcess train;
        train.start(QStringLiteral(CHORUS_CLI_PATH), {"train", path, "--config", config.fileName(), "--json"});
        QVERIFY(train.waitForFinished(300000));
        QVERIFY2(train.exitCode() == 0, train.readAllStandardError().constData());
        const std::int64_t runId = json::parse(train.readAllStandardOutput().toStdString())["run_id"].get<std::int64_t>();

        QProcess explain;
        explain.start(QStringLiteral(CHORUS_CLI_PATH), {"explain", path, "--run", QString::number(runId), "--post",
                                                        QString::number(postId), "--saliency", "--steps", "100", "--json"});
        QVERIFY(explain.waitForFinished(120000));
        QVERIFY2(explain.exitCode() == 0, explain.readAllStandardError().constData());
        const json out = json::parse(explain.readAllStandardOutput().toStdString());
        const std::size_t tokens = out["tokens"].size();
        QVERIFY(tokens > 0);
        QCOMPARE(out["saliency"]["gradient_x_input"].size(), tokens);
        QCOMPARE(out["saliency"]["integrated_gradients"].size(), tokens);
        QCOMPARE(out["saliency"]["target"].get<std::string>(), out["predicted"].get<std::string>());
        const double change = out["saliency"]["score"].get<double>() - out["saliency"]["baseline_score"].get<double>();
        QVERIFY(std::abs(out["saliency"]["completeness_gap"].get<double>()) < 0.02 * std::max(1.0, std::abs(change)));
        // Per layer and head, the attention each token receives.
        QCOMPARE(out["head_weights"].size(), std::size_t(1));
        QCOMPARE(out["head_weights"][0].size(), std::size_t(2));
        QCOMPARE(out["head_weights"][0][0].size(), tokens);

        QProcess misuse;
        misuse.start(QStringLiteral(CHORUS_CLI_PATH), {"explain", path, "--run", QString::number(runId), "--post",
                                                       QString::number(postId), "--steps", "10"});
        QVERIFY(misuse.waitForFinished(60000));
        QCOMPARE(misuse.exitCode(), 2);
    }
};

QTEST_GUILESS_MAIN(TextSaliencyTest)
#include "tst_textsaliency.moc"
