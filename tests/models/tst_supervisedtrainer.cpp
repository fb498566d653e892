// The text trainer end to end on a small demo project: learns, records everything it reports,
// reproduces itself from a seed, obeys stop, and fails as a value.
#include <torch/torch.h>

#include "core/demo/demogenerator.h"
#include "core/import/importjob.h"
#include "core/split/datasetsplitter.h"
#include "core/store/project.h"
#include "core/embeddings/embeddinghistory.h"
#include "core/training/runstore.h"
#include "models/registry/modelregistry.h"
#include "models/training/textpredictor.h"
#include "models/training/supervisedtrainer.h"
#include "models/training/trainercontrol.h"

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>

using namespace chorus;
using nlohmann::json;

class SupervisedTrainerTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;

    static RunConfig config(const std::string &model, int epochs, json params)
    {
        const ModelSpec *spec = ModelRegistry::instance().find(model);
        json raw = {{"model", model}, {"dataset", "demo"}, {"task", "sentiment"}, {"seed", 11},
                    {"epochs", epochs}, {"batch_size", 32},  {"optimizer", {{"lr", 0.005}}}, {"params", params}};
        auto parsed = RunConfig::parse(raw, &spec->params, true);
        if (!parsed)
            qFatal("%s", parsed.message().c_str());
        return *parsed;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto project = Project::open(m_dir.filePath("train.chorus").toStdString());
        QVERIFY(project.ok());
        m_project = std::move(*project);
        DemoOptions demo;
        demo.posts = 2000;
        demo.users = 80;
        demo.withMedia = false;
        QVERIFY(DemoGenerator(demo).generate(*m_project).ok());
        SplitOptions split;
        split.seed = 3;
        split.stratifyTask = "sentiment";
        QVERIFY(DatasetSplitter::create(*m_project, "demo", split).ok());
    }

    void textCnnLearnsAndRecords()
    {
        const ModelSpec *spec = ModelRegistry::instance().find("textcnn");
        QVERIFY(spec);
        SupervisedTrainer trainer(*m_project, config("textcnn", 4, {{"embedding_dim", 48}, {"filters", 48}}), *spec);
        std::vector<std::string> events;
        trainer.setEventSink([&](const json &e) { events.push_back(e["event"].get<std::string>()); });
        auto outcome = trainer.run();
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : outcome.message().c_str());
        QCOMPARE(outcome->status, std::string("finished"));
        // The demo's sentiment shows in words: a text classifier must be well above chance (1/3).
        QVERIFY2(outcome->test["accuracy"].get<double>() >= 0.9, outcome->test.dump().c_str());
        QCOMPARE(events.front(), std::string("started"));
        QCOMPARE(events.back(), std::string("finished"));
        QVERIFY(std::count(events.begin(), events.end(), "evaluation") == 4);

        RunStore runs(*m_project);
        auto run = runs.get(outcome->runId);
        QVERIFY(run.ok());
        QCOMPARE(run->status, std::string("finished"));
        QCOMPARE(run->config["model"].get<std::string>(), std::string("textcnn"));
        QVERIFY(run->bestMetrics.contains("accuracy"));
        auto loss = runs.history(outcome->runId, "train", "loss");
        QVERIFY(loss.ok() && loss->size() >= 3);
        QVERIFY2(loss->back().second < loss->front().second, "training loss must fall");
        SqliteDatabase &db = m_project->db();
        const std::string id = std::to_string(outcome->runId);
        QCOMPARE(*db.queryInt("SELECT count(*) FROM checkpoints WHERE run_id = " + id), std::int64_t(2));
        auto path = db.queryText("SELECT path FROM checkpoints WHERE kind = 'best' AND run_id = " + id);
        QVERIFY(std::filesystem::exists(*path));
        QCOMPARE(*db.queryInt("SELECT count(*) FROM artifacts WHERE kind = 'encoding' AND run_id = " + id), std::int64_t(1));

        // The token embeddings after each epoch, for the projector's epoch choice.
        QCOMPARE(std::count(events.begin(), events.end(), "embeddings"), std::ptrdiff_t(4));
        EmbeddingHistory history(*m_project);
        auto epochs = history.epochs(outcome->runId);
        QVERIFY(epochs.ok());
        QCOMPARE(epochs->size(), std::size_t(4));
        QCOMPARE(epochs->back().epoch, 4);
        auto first = history.load(outcome->runId, 1);
        auto last = history.load(outcome->runId, 4);
        QVERIFY(first.ok() && last.ok());
        QCOMPARE(last->dimensions, std::size_t(48));
        QVERIFY(!last->tokens.empty() && last->tokens.size() <= EmbeddingSnapshot::kMaxRows);
        QCOMPARE(last->tokens, first->tokens);
        QCOMPARE(last->values.size(), last->tokens.size() * 48);
        QVERIFY(first->values != last->values);
        QVERIFY(epochs->front().step < epochs->back().step);
    }

    void predictorReloadsTheRun()
    {
        const ModelSpec *spec = ModelRegistry::instance().find("rnn_attention");
        SupervisedTrainer trainer(*m_project, config("rnn_attention", 2, {{"embedding_dim", 16}, {"hidden", 16}, {"attention_dim", 16}}),
                            *spec);
        auto outcome = trainer.run();
        QVERIFY(outcome.ok());
        auto predictor = TextPredictor::load(*m_project, outcome->runId);
        QVERIFY2(predictor.ok(), predictor.ok() ? "" : predictor.message().c_str());
        QCOMPARE(predictor->classes(), (std::vector<std::string>{"negative", "neutral", "positive"}));
        QCOMPARE(predictor->task(), std::string("sentiment"));

        // The reloaded model agrees with the test accuracy the trainer reported.
        auto select = m_project->db().prepare(
            "SELECT p.text, l.value FROM posts p JOIN labels l ON l.post_id = p.id AND l.task = 'sentiment'"
            " JOIN split_assignments a ON a.post_id = p.id AND a.part = 'test' ORDER BY p.id");
        std::vector<std::string> texts, labels;
        while (select->step()) {
            texts.push_back(select->text(0));
            labels.push_back(select->text(1));
        }
        auto predictions = predictor->predict(texts, 17);
        QVERIFY(predictions.ok());
        QCOMPARE(predictions->size(), texts.size());
        std::size_t correct = 0;
        for (std::size_t i = 0; i < texts.size(); ++i) {
            correct += (*predictions)[i].label == labels[i];
            double sum = 0;
            for (double p : (*predictions)[i].probabilities)
                sum += p;
            QVERIFY(std::abs(sum - 1.0) < 1e-6);
        }
        const double accuracy = static_cast<double>(correct) / static_cast<double>(texts.size());
        QVERIFY2(std::abs(accuracy - outcome->test["accuracy"].get<double>()) < 1e-9,
                 qPrintable(QString::number(accuracy)));

        auto explanation = predictor->explain("I love this, what a great day 😀");
        QVERIFY(explanation.ok());
        QCOMPARE(explanation->kind, std::string("token_attention"));
        QCOMPARE(explanation->weights.size(), explanation->tokens.size());
        double sum = 0;
        for (double w : explanation->weights)
            sum += w;
        QVERIFY(std::abs(sum - 1.0) < 1e-5);
        QVERIFY(!TextPredictor::load(*m_project, 9999).ok());
    }

    void attentionSnapshotsSumToOne()
    {
        // Token attention (RNN) and a Transformer's last layer, over posts of different lengths.
        for (const char *model : {"rnn_attention", "transformer"}) {
        const ModelSpec *spec = ModelRegistry::instance().find(model);
        QVERIFY(spec);
        const json params = std::string(model) == "transformer"
                                ? json{{"embedding_dim", 16}, {"heads", 2}, {"layers", 1}, {"ff_dim", 32}}
                                : json{{"embedding_dim", 16}, {"hidden", 16}, {"attention_dim", 16}};
        SupervisedTrainer trainer(*m_project, config(model, 1, params), *spec);
        auto outcome = trainer.run();
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : outcome.message().c_str());
        auto data = m_project->db().queryText("SELECT data FROM artifacts WHERE kind = 'attention' AND run_id = " +
                                              std::to_string(outcome->runId));
        QVERIFY(data.ok() && !data->empty());
        const json snapshot = json::parse(*data);
        QCOMPARE(snapshot["posts"].size(), std::size_t(8));
        for (const json &post : snapshot["posts"]) {
            double sum = 0;
            for (double w : post["weights"])
                sum += w;
            QVERIFY2(std::abs(sum - 1.0) < 1e-4, (std::string(model) + ": " + post.dump()).c_str());
            QCOMPARE(post["tokens"].size(), post["weights"].size());
        }
        }
    }

    void sameSeedSameLosses()
    {
        const ModelSpec *spec = ModelRegistry::instance().find("bag_of_ngrams");
        QVERIFY(spec);
        std::vector<std::vector<std::pair<std::int64_t, double>>> histories;
        for (int i = 0; i < 2; ++i) {
            SupervisedTrainer trainer(*m_project, config("bag_of_ngrams", 2, {{"embedding_dim", 16}, {"buckets", 5000}}), *spec);
            auto outcome = trainer.run();
            QVERIFY(outcome.ok());
            histories.push_back(*RunStore(*m_project).history(outcome->runId, "valid", "loss"));
        }
        QCOMPARE(histories[0].size(), std::size_t(2));
        QCOMPARE(histories[0], histories[1]); // to the last digit
    }

    void stopIsObeyed()
    {
        const ModelSpec *spec = ModelRegistry::instance().find("textcnn");
        SupervisedTrainer trainer(*m_project, config("textcnn", 5, {{"embedding_dim", 16}, {"filters", 8}}), *spec);
        TrainerControl control;
        int steps = 0;
        trainer.setControl(&control);
        trainer.setEventSink([&](const json &e) {
            if (e["event"] == "step" && ++steps == 1)
                control.stop();
        });
        auto outcome = trainer.run();
        QVERIFY(outcome.ok());
        QCOMPARE(outcome->status, std::string("stopped"));
        QVERIFY(outcome->steps < 30);
        QCOMPARE(RunStore(*m_project).get(outcome->runId)->status, std::string("stopped"));
    }

    void realSentimentSentences()
    {
        // The 3,000 labelled review sentences of the npm package `sentiment` (fetched by
        // packaging/setup.sh data). A word-order model must do at least as well as the bag-of-words
        // baseline's bar: 0.70 test accuracy on two balanced classes.
        const QString root = CHORUS_REAL_DATA "/sentiment";
        if (!QFile::exists(root + "/yelp.json"))
            QFAIL(qPrintable("real data missing in " + root + ": run packaging/setup.sh data"));
        QTemporaryDir dir;
        auto project = Project::open(dir.filePath("reviews.chorus").toStdString());
        ImportOptions options;
        options.format = "jsonl";
        options.dataset = "reviews";
        options.labels.push_back({"sentiment", "class"});
        std::vector<std::string> files;
        for (const char *name : {"amazon.json", "imdb.json", "yelp.json"})
            files.push_back((root + "/" + name).toStdString());
        QVERIFY(ImportJob(**project, options).run(files).ok());
        SplitOptions split;
        split.seed = 5;
        split.stratifyTask = "sentiment";
        QVERIFY(DatasetSplitter::create(**project, "reviews", split).ok());
        for (const char *model : {"bag_of_ngrams", "textcnn"}) {
            const ModelSpec *spec = ModelRegistry::instance().find(model);
            json raw = {{"model", model}, {"dataset", "reviews"}, {"task", "sentiment"}, {"seed", 2}, {"epochs", 6},
                        {"batch_size", 32}, {"optimizer", {{"lr", 0.003}}},
                        {"params", std::string(model) == "textcnn" ? json{{"embedding_dim", 64}, {"filters", 64}}
                                                                     : json{{"embedding_dim", 32}}}};
            auto config = RunConfig::parse(raw, &spec->params, true);
            QVERIFY(config.ok());
            auto outcome = SupervisedTrainer(**project, *config, *spec).run();
            QVERIFY2(outcome.ok(), outcome.ok() ? "" : outcome.message().c_str());
            const double accuracy = outcome->test["accuracy"].get<double>();
            qInfo("%s: test accuracy %.3f on the real review sentences", model, accuracy);
            QVERIFY2(accuracy >= 0.70, qPrintable(QString("%1: %2").arg(model).arg(accuracy)));
        }
    }

    void failuresAreValues()
    {
        const ModelSpec *spec = ModelRegistry::instance().find("textcnn");
        RunConfig bad = config("textcnn", 1, json::object());
        bad.task = "no-such-task";
        auto outcome = SupervisedTrainer(*m_project, bad, *spec).run();
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.message().find("no-such-task") != std::string::npos, outcome.message().c_str());

        RunConfig diverging = config("textcnn", 1, json::object());
        diverging.optimizer.learningRate = 10; // blows up: reported, run marked failed
        diverging.optimizer.name = "sgd";
        diverging.optimizer.momentum = 0.99;
        std::string lastEvent;
        SupervisedTrainer trainer(*m_project, diverging, *spec);
        trainer.setEventSink([&](const json &e) { lastEvent = e["event"].get<std::string>(); });
        auto result = trainer.run();
        if (!result.ok()) {
            QCOMPARE(lastEvent, std::string("failed"));
            QVERIFY(result.message().find("diverged") != std::string::npos);
        }

        RunConfig gpu = config("textcnn", 1, json::object());
        gpu.device = "cuda:3";
        if (!torch::cuda::is_available()) {
            auto noGpu = SupervisedTrainer(*m_project, gpu, *spec).run();
            QVERIFY(!noGpu.ok());
            QVERIFY(noGpu.message().find("no CUDA device") != std::string::npos);
        }
    }
};

QTEST_GUILESS_MAIN(SupervisedTrainerTest)
#include "tst_supervisedtrainer.moc"
