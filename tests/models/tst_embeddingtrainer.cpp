// Word2Vec as a run: trained on a dataset's posts, recorded, reproducible, stoppable.
#include <torch/torch.h>

#include "core/demo/demogenerator.h"
#include "core/embeddings/wordvectors.h"
#include "core/store/project.h"
#include "core/training/runstore.h"
#include "models/registry/modelregistry.h"
#include "models/training/embeddingtrainer.h"
#include "models/training/trainercontrol.h"

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>

using namespace chorus;
using nlohmann::json;

class EmbeddingTrainerTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;

    static RunConfig config(json params)
    {
        const ModelSpec *spec = ModelRegistry::instance().find("word2vec");
        json raw = {{"model", "word2vec"}, {"dataset", "demo"}, {"seed", 5}, {"epochs", 3}, {"params", params}};
        auto parsed = RunConfig::parse(raw, &spec->params, spec->supervised);
        if (!parsed)
            qFatal("%s", parsed.message().c_str());
        return *parsed;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto project = Project::open(m_dir.filePath("w2v.chorus").toStdString());
        QVERIFY(project.ok());
        m_project = std::move(*project);
        DemoOptions demo;
        demo.posts = 1200;
        demo.users = 40;
        demo.withMedia = false;
        QVERIFY(DemoGenerator(demo).generate(*m_project).ok());
    }

    void trainsAndRecords()
    {
        EmbeddingTrainer trainer(*m_project, config({{"dimensions", 24}, {"threads", 1}}));
        std::vector<std::string> events;
        trainer.setEventSink([&](const json &e) { events.push_back(e["event"].get<std::string>()); });
        auto outcome = trainer.run();
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : outcome.message().c_str());
        QCOMPARE(outcome->status, std::string("finished"));
        QVERIFY(outcome->vocabulary > 200);
        QCOMPARE(events.front(), std::string("started"));
        QCOMPARE(events.back(), std::string("finished"));
        QVERIFY(std::filesystem::exists(outcome->vectorsPath));
        auto vectors = WordVectors::load(outcome->vectorsPath, WordVectorFormat::Binary);
        QVERIFY(vectors.ok());
        QCOMPARE(vectors->dimensions(), std::size_t(24));
        QCOMPARE(*EmbeddingTrainer::vectorsPath(*m_project, outcome->runId), outcome->vectorsPath);
        auto neighbours = m_project->db().queryText("SELECT data FROM artifacts WHERE kind = 'neighbours' AND run_id = " +
                                                    std::to_string(outcome->runId));
        QVERIFY(json::parse(*neighbours).size() >= 5);
        QCOMPARE(RunStore(*m_project).get(outcome->runId)->status, std::string("finished"));
        QVERIFY(!RunStore(*m_project).history(outcome->runId, "train", "words_per_s")->empty());
    }

    void oneThreadIsReproducible()
    {
        std::vector<std::vector<float>> matrices;
        for (int i = 0; i < 2; ++i) {
            auto outcome = EmbeddingTrainer(*m_project, config({{"dimensions", 16}, {"threads", 1}})).run();
            QVERIFY(outcome.ok());
            matrices.push_back(WordVectors::load(outcome->vectorsPath, WordVectorFormat::Binary)->matrix());
        }
        QVERIFY(!matrices[0].empty());
        QVERIFY(matrices[0] == matrices[1]);
    }

    void stopAndErrors()
    {
        EmbeddingTrainer trainer(*m_project, config({{"dimensions", 16}}));
        TrainerControl control;
        control.stop();
        trainer.setControl(&control);
        auto stopped = trainer.run();
        QVERIFY(stopped.ok());
        QCOMPARE(stopped->status, std::string("stopped"));
        QVERIFY(!EmbeddingTrainer::vectorsPath(*m_project, stopped->runId).ok());

        RunConfig missing = config({});
        missing.dataset = "nope";
        auto failed = EmbeddingTrainer(*m_project, missing).run();
        QVERIFY(!failed.ok());
        QVERIFY(failed.message().find("nope") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(EmbeddingTrainerTest)
#include "tst_embeddingtrainer.moc"
