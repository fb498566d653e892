// The Hierarchical Attention Network plugin as an installed Chorus uses it: loaded through the
// plugin loader from the build's plugin folder (never linked), registered like a built-in family,
// trained by the real trainer on threads whose label only the thread's first post shows, and by
// `chorus-cli train` on the demo project; both levels of attention recorded and explained.
#include <torch/torch.h>

#include "core/demo/demogenerator.h"
#include "core/plugins/pluginmanager.h"
#include "core/split/datasetsplitter.h"
#include "core/store/project.h"
#include "core/training/runartifacts.h"
#include "core/training/runconfig.h"
#include "core/training/runstore.h"
#include "models/registry/modelregistry.h"
#include "models/registry/pluginmodels.h"
#include "models/training/supervisedtrainer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <random>
#include <set>

using namespace chorus;
using nlohmann::json;

namespace {

struct Cli {
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Cli cli(const QStringList &args)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("CHORUS_PLUGIN_PATH", CHORUS_PLUGIN_BUILD_DIR);
    process.setProcessEnvironment(env);
    process.start(CHORUS_CLI_PATH, args);
    Cli run;
    if (!process.waitForFinished(300000))
        return run;
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

double sum(const json &values)
{
    double total = 0;
    for (const json &v : values)
        total += v.get<double>();
    return total;
}

// Both levels of one recorded (or explained) thread: a post weight per post summing to 1, word
// weights per post summing to 1 over its tokens, the classified post last. Empty when all is well.
QString threadProblem(const json &thread, std::int64_t postId, std::size_t maxPosts)
{
    if (!thread.is_array() || thread.empty())
        return "no thread";
    if (thread.size() > maxPosts)
        return QString("%1 posts, more than max_posts").arg(thread.size());
    if (thread.back()["post_id"].get<std::int64_t>() != postId)
        return "the classified post is not last";
    double posts = 0;
    for (const json &post : thread) {
        posts += post["weight"].get<double>();
        if (post["tokens"].size() != post["weights"].size())
            return "tokens and weights differ in length";
        if (!post["weights"].empty() && std::abs(sum(post["weights"]) - 1.0) > 1e-4)
            return QString("word weights of post %1 sum to %2").arg(post["post_id"].get<std::int64_t>()).arg(sum(post["weights"]));
    }
    if (std::abs(posts - 1.0) > 1e-4)
        return QString("post weights sum to %1").arg(posts);
    return {};
}

} // namespace

class HanPluginTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PluginManager> m_plugins;
    std::unique_ptr<Project> m_project; // planted threads
    std::set<std::int64_t> m_replies;

    // Threads whose first post says "alpha" or "beta"; every post of the thread carries that
    // label, and the replies are made of the same neutral words on both sides, so a reply's label
    // is only in its thread. 40% roots, 60% replies.
    void plantThreads(std::int64_t dataset)
    {
        static const char *const filler[] = {"well", "maybe", "sure", "honestly", "right", "really", "though",
                                             "again", "today", "later", "anyway", "indeed", "perhaps", "still",
                                             "quite", "so", "yes", "no", "agreed", "hmm"};
        std::mt19937 random(5);
        auto words = [&](int count) {
            std::string text;
            for (int w = 0; w < count; ++w)
                text += std::string(w ? " " : "") + filler[random() % std::size(filler)];
            return text;
        };
        auto insert = m_project->db().prepare("INSERT INTO posts(dataset_id, source_id, created_at, reply_to, text)"
                                              " VALUES (?1, ?2, ?3, ?4, ?5)");
        auto label = m_project->db().prepare("INSERT INTO labels(post_id, task, value) VALUES (?1, 'side', ?2)");
        std::int64_t time = 1700000000;
        QVERIFY(m_project->db().exec("BEGIN").ok());
        for (int t = 0; t < 200; ++t) {
            const std::string side = t % 2 ? "alpha" : "beta";
            std::vector<std::string> sources{"t" + std::to_string(t)};
            for (int r = 0; r <= t % 4; ++r) {
                const std::string source = r == 0 ? sources.front() : sources.front() + "-r" + std::to_string(r);
                // Replies answer the root and the previous reply in turn.
                const std::string parent = r == 0 ? std::string() : r % 2 ? sources.front() : sources.back();
                const std::string text = r == 0 ? side + " " + words(3) : words(4);
                insert->reset();
                insert->bind(1, dataset).bind(2, source).bind(3, time += 60).bindTextOrNull(4, parent).bind(5, text);
                QVERIFY(insert->exec());
                const std::int64_t id = m_project->db().lastInsertRowId();
                if (r > 0) {
                    sources.push_back(source);
                    m_replies.insert(id);
                }
                label->reset();
                label->bind(1, id).bind(2, side);
                QVERIFY(label->exec());
            }
        }
        QVERIFY(m_project->db().exec("COMMIT").ok());
    }

    // Trains han on the planted threads, reading `maxPosts` posts of each thread; returns the run
    // and its test accuracy on replies.
    std::pair<TrainOutcome, double> trainOnThreads(int maxPosts)
    {
        const ModelSpec *spec = ModelRegistry::instance().find("han");
        const json raw = {{"model", "han"},
                          {"dataset", "threads"},
                          {"task", "side"},
                          {"seed", 4},
                          {"epochs", 8},
                          {"batch_size", 32},
                          {"optimizer", {{"lr", 0.01}}},
                          {"params",
                           {{"embedding_dim", 16},
                            {"word_hidden", 16},
                            {"post_hidden", 16},
                            {"attention_dim", 16},
                            {"max_posts", maxPosts},
                            {"max_length", 12},
                            {"dropout", 0.0}}}};
        auto config = RunConfig::parse(raw, &spec->params, true);
        if (!config)
            qFatal("%s", config.message().c_str());
        SupervisedTrainer trainer(*m_project, *config, *spec);
        auto outcome = trainer.run();
        if (!outcome || outcome->status != "finished")
            qFatal("training failed: %s", outcome ? outcome->status.c_str() : outcome.message().c_str());
        // On replies, whose own words are the same on both sides, a post-by-post model is at
        // chance (0.5); the thread model must read the label from the thread's first post.
        auto evaluation = RunArtifacts(*m_project).latest(outcome->runId, "evaluation", "test");
        if (!evaluation)
            qFatal("%s", evaluation.message().c_str());
        const json evaluated = json::parse(evaluation->data);
        int replies = 0, right = 0;
        for (const json &p : evaluated["predictions"])
            if (m_replies.count(p["post_id"].get<std::int64_t>())) {
                ++replies;
                right += p["label"] == p["predicted"];
            }
        if (replies < 15)
            qFatal("%d test replies of %d test posts", replies, int(evaluated["predictions"].size()));
        return {*outcome, double(right) / replies};
    }

private Q_SLOTS:
    void initTestCase()
    {
        PluginManager::Options options;
        options.folders = {CHORUS_PLUGIN_BUILD_DIR};
        m_plugins = std::make_unique<PluginManager>(options);
        m_plugins->load();
        const PluginEntry *han = m_plugins->find("han");
        QVERIFY2(han, "the han plugin is not in the build's plugin folder");
        QVERIFY2(han->state == PluginState::Loaded, han->describe().c_str());
        QVERIFY(!ModelRegistry::instance().find("han")); // not linked in: only the plugin brings it
        registerPluginModels(*m_plugins);
        QVERIFY2(m_plugins->find("han")->state == PluginState::Loaded, m_plugins->find("han")->describe().c_str());
        QCOMPARE(m_plugins->find("han")->models, std::vector<std::string>{"han"});

        auto project = Project::open(m_dir.filePath("threads.chorus").toStdString());
        QVERIFY(project.ok());
        m_project = std::move(*project);
        auto dataset = m_project->ensureDataset("threads");
        QVERIFY(dataset.ok());
        plantThreads(*dataset);
        SplitOptions split;
        split.seed = 9;
        QVERIFY(DatasetSplitter::create(*m_project, "threads", split).ok());
    }

    void registersTheFamilyWithItsSchema()
    {
        const ModelSpec *spec = ModelRegistry::instance().find("han");
        QVERIFY(spec);
        QCOMPARE(spec->inputs, (std::vector<std::string>{"text", "thread"}));
        QCOMPARE(spec->explains, (std::vector<std::string>{"token_attention", "post_attention"}));
        QCOMPARE(spec->trainer, std::string("supervised"));
        QVERIFY(spec->supervised && spec->makeModel);
        QVERIFY(!spec->description.empty() && !spec->displayName.empty());
        for (const char *name : {"embedding_dim", "word_hidden", "post_hidden", "attention_dim", "max_posts", "max_length", "dropout"}) {
            const ParamSpec *param = spec->params.find(name);
            QVERIFY2(param, name);
            QVERIFY2(param->bounded && !param->help.empty(), name);
        }
        const ParamSpec *maxPosts = spec->params.find("max_posts");
        QCOMPARE(maxPosts->minimum, 1.0);
        QCOMPARE(maxPosts->maximum, 64.0);
        QVERIFY(!spec->params.resolve({{"max_posts", 0}}).ok());
        QVERIFY(!spec->params.resolve({{"max_posts", 65}}).ok());
        QVERIFY(!spec->params.resolve({{"dropout", 1.5}}).ok());
        QVERIFY(!spec->params.resolve({{"heads", 2}}).ok());
        // A run config names it like any family.
        auto config = RunConfig::parse({{"model", "han"}, {"dataset", "threads"}, {"task", "side"}, {"seed", 1}, {"epochs", 1},
                                        {"params", {{"max_posts", 3}}}},
                                       &spec->params, true);
        QVERIFY2(config.ok(), config.ok() ? "" : config.message().c_str());
        QCOMPARE(config->params["max_posts"].get<int>(), 3);
        QCOMPARE(config->params["word_hidden"].get<int>(), 48);
    }

    void forwardExposesBothLevels()
    {
        torch::manual_seed(3);
        const ModelSpec *spec = ModelRegistry::instance().find("han");
        ModelShape shape;
        shape.vocabularySize = 30;
        shape.classes = 3;
        auto params = spec->params.resolve({{"embedding_dim", 8}, {"word_hidden", 6}, {"post_hidden", 5}, {"attention_dim", 7}});
        QVERIFY(params.ok());
        std::shared_ptr<SupervisedModelImpl> model = spec->makeModel(*params, shape);
        QVERIFY(model);
        // Row 0: three posts (4, 2 and 3 tokens); row 1: a thread of one post of 1 token.
        ModelInputs inputs;
        inputs.threadTokens = torch::tensor({5, 6, 7, 8, 9, 10, 0, 0, 11, 12, 13, 0, /**/ 14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
                                            torch::kLong)
                                  .view({2, 3, 4});
        inputs.threadLengths = torch::tensor({4, 2, 3, 1, 0, 0}, torch::kLong).view({2, 3});
        inputs.threadMask = inputs.threadLengths.gt(0);
        model->train();
        const ModelOutputs out = model->forward(inputs);
        QCOMPARE(out.logits.sizes().vec(), (std::vector<std::int64_t>{2, 3}));
        QCOMPARE(out.postAttention.sizes().vec(), (std::vector<std::int64_t>{2, 3}));
        QCOMPARE(out.threadTokenAttention.sizes().vec(), (std::vector<std::int64_t>{2, 3, 4}));
        QCOMPARE(out.tokenAttention.sizes().vec(), (std::vector<std::int64_t>{2, 4}));
        // The thread summary beside the post's own state: what the output layer reads.
        QCOMPARE(out.representation.dim(), std::int64_t(2));
        QCOMPARE(out.representation.size(0), std::int64_t(2));
        QVERIFY(out.representation.size(1) > 0);
        // Post weights sum to 1 over the real posts, word weights to 1 over each real post's tokens.
        const torch::Tensor postSums = out.postAttention.sum(1);
        QVERIFY(torch::allclose(postSums, torch::ones({2})));
        QCOMPARE(out.postAttention[1][1].item<float>(), 0.f);
        QCOMPARE(out.postAttention[1][2].item<float>(), 0.f);
        const torch::Tensor wordSums = out.threadTokenAttention.sum(2);
        QVERIFY(torch::allclose(wordSums.masked_select(inputs.threadMask), torch::ones({4})));
        QCOMPARE(wordSums[1][1].item<float>(), 0.f); // padding posts are never encoded
        QCOMPARE(out.threadTokenAttention[0][1][2].item<float>(), 0.f); // padding tokens get nothing
        // The post's own word weights are the last real post's row.
        QVERIFY(torch::equal(out.tokenAttention[0], out.threadTokenAttention[0][2]));
        QVERIFY(torch::equal(out.tokenAttention[1], out.threadTokenAttention[1][0]));
        // Gradients reach the embeddings through both levels.
        torch::nn::functional::cross_entropy(out.logits, torch::tensor({0, 2}, torch::kLong)).backward();
        QVERIFY(model->embeddingWeight().grad().defined());
        QVERIFY(model->embeddingWeight().grad().abs().sum().item<double>() > 0);
        // Without thread inputs each post is a thread of one.
        ModelInputs alone;
        alone.tokens = torch::tensor({5, 6, 0, 7, 8, 9}, torch::kLong).view({2, 3});
        alone.lengths = torch::tensor({2, 3}, torch::kLong);
        torch::NoGradGuard noGrad;
        model->eval();
        const ModelOutputs single = model->forward(alone);
        QVERIFY(torch::allclose(single.postAttention, torch::ones({2, 1})));
        QVERIFY(torch::allclose(single.tokenAttention.sum(1), torch::ones({2})));
    }

    void learnsALabelOnlyTheThreadShows()
    {
        const auto [outcome, replyAccuracy] = trainOnThreads(4);
        // The same model reading every post alone (max_posts 1) is the control: on replies it can
        // only guess, so the signal the thread model finds is in the thread.
        const double aloneAccuracy = trainOnThreads(1).second;
        qInfo("accuracy on test replies: %.3f with threads, %.3f without", replyAccuracy, aloneAccuracy);
        QVERIFY2(replyAccuracy >= 0.85, qPrintable(QString("accuracy on test replies %1").arg(replyAccuracy)));
        QVERIFY2(aloneAccuracy <= 0.75, qPrintable(QString("without threads, accuracy on test replies %1").arg(aloneAccuracy)));
        QVERIFY2(outcome.test["accuracy"].get<double>() >= 0.85, outcome.test.dump().c_str());

        RunStore runs(*m_project);
        auto loss = runs.history(outcome.runId, "train", "loss");
        QVERIFY(loss.ok() && loss->size() >= 3);
        QVERIFY2(loss->back().second < 0.5 * loss->front().second, "the training loss must fall");

        // Every epoch recorded both levels for the probe posts.
        auto snapshots = RunArtifacts(*m_project).list(outcome.runId, "attention");
        QVERIFY(snapshots.ok());
        QCOMPARE(snapshots->size(), std::size_t(8));
        int multiPost = 0;
        for (const RunArtifact &artifact : *snapshots) {
            const json snapshot = json::parse(artifact.data);
            for (const json &post : snapshot["posts"]) {
                const std::int64_t id = post["post_id"].get<std::int64_t>();
                const QString problem = threadProblem(post["thread"], id, 4);
                QVERIFY2(problem.isEmpty(), qPrintable(QString("post %1: %2").arg(id).arg(problem)));
                QVERIFY(post["tokens"] == post["thread"].back()["tokens"]);
                QVERIFY(std::abs(sum(post["weights"]) - 1.0) < 1e-4);
                multiPost += post["thread"].size() > 1;
            }
        }
        QVERIFY2(multiPost > 0, "no probe post was a reply");
    }

    void cliTrainsAndExplainsOnTheDemo()
    {
        const QString path = m_dir.filePath("demo.chorus");
        Cli run = cli({"demo", path, "--posts", "600", "--users", "60", "--no-media", "--json"});
        QVERIFY2(run.code == 0, run.err.constData());
        run = cli({"split", path, "--dataset", "demo", "--seed", "3", "--json"});
        QVERIFY2(run.code == 0, run.err.constData());

        run = cli({"models", "--json"});
        QVERIFY2(run.code == 0, run.err.constData());
        bool listed = false;
        for (const QJsonValue &m : QJsonDocument::fromJson(run.out).object()["models"].toArray())
            if (m.toObject()["name"].toString() == "han")
                listed = m.toObject()["params"].toArray().size() == 9 && // 7 of its own, 2 tokenizer params
                         m.toObject()["inputs"].toArray().contains(QJsonValue(QStringLiteral("thread")));
        QVERIFY2(listed, run.out.constData());

        const QString configPath = m_dir.filePath("han.json");
        QFile config(configPath);
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(json({{"model", "han"}, {"dataset", "demo"}, {"task", "topic"}, {"seed", 7}, {"epochs", 3},
                           {"batch_size", 32}, {"optimizer", {{"lr", 0.005}}},
                           {"params", {{"embedding_dim", 24}, {"word_hidden", 16}, {"post_hidden", 16}, {"attention_dim", 16},
                                       {"max_posts", 5}}}})
                         .dump()
                         .c_str());
        config.close();
        run = cli({"train", path, "--config", configPath, "--json"});
        QVERIFY2(run.code == 0, run.err.constData());
        const QJsonObject trained = QJsonDocument::fromJson(run.out).object();
        const qint64 runId = trained["run_id"].toInteger();
        QVERIFY(runId > 0);
        // Four topics (chance 0.25), visible in the words of a post and its thread.
        QVERIFY2(trained["test"].toObject()["accuracy"].toDouble() >= 0.6, run.out.constData());

        auto project = Project::open(path.toStdString(), Project::OpenMode::OpenExisting);
        QVERIFY(project.ok());
        auto loss = RunStore(**project).history(runId, "train", "loss");
        QVERIFY(loss.ok() && loss->size() >= 2);
        QVERIFY2(loss->back().second < loss->front().second, "the training loss must fall");

        // A reply of the demo, explained with its thread.
        auto reply = (*project)->db().queryInt("SELECT p.id FROM posts p JOIN posts q ON q.dataset_id = p.dataset_id"
                                               " AND q.source_id = p.reply_to ORDER BY p.id DESC LIMIT 1");
        QVERIFY(reply.ok());
        run = cli({"explain", path, "--run", QString::number(runId), "--post", QString::number(*reply), "--json"});
        QVERIFY2(run.code == 0, run.err.constData());
        const json explained = json::parse(run.out.toStdString());
        const QString problem = threadProblem(explained["thread"], *reply, 5);
        QVERIFY2(problem.isEmpty(), qPrintable(problem + ": " + QString::fromStdString(explained.dump())));
        QVERIFY(explained["thread"].size() >= 2);
        QVERIFY(std::abs(sum(explained["probabilities"]) - 1.0) < 1e-4);
        QVERIFY(explained["tokens"] == explained["thread"].back()["tokens"]);
    }
};

QTEST_GUILESS_MAIN(HanPluginTest)
#include "tst_hanplugin.moc"
