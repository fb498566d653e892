// A run config's pretrained_vectors initialise a text model's token embeddings from a word2vec text
// file: the rows of the words the file has are its vectors, and a mismatch is an error naming the
// field.
#include <torch/torch.h>

#include "core/demo/demogenerator.h"
#include "core/split/datasetsplitter.h"
#include "core/store/project.h"
#include "core/training/superviseddata.h"
#include "models/registry/modelregistry.h"
#include "models/training/runmodel.h"
#include "models/training/supervisedtrainer.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace chorus;
using nlohmann::json;

class PretrainedVectorsTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;

    Result<TrainOutcome> train(int embeddingDim, const std::string &vectors, std::vector<json> *events)
    {
        const ModelSpec *spec = ModelRegistry::instance().find("textcnn");
        // A learning rate so small that training leaves the initial embeddings as they were.
        auto config = RunConfig::parse({{"model", "textcnn"}, {"dataset", "demo"}, {"task", "sentiment"}, {"seed", 1},
                                        {"epochs", 1}, {"batch_size", 64}, {"optimizer", {{"lr", 1e-9}, {"weight_decay", 0}}},
                                        {"pretrained_vectors", vectors},
                                        {"params", {{"embedding_dim", embeddingDim}, {"filters", 4}}}},
                                       &spec->params, true);
        if (!config)
            return config.error();
        SupervisedTrainer trainer(*m_project, *config, *spec);
        trainer.setEventSink([events](const json &event) { events->push_back(event); });
        return trainer.run();
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto project = Project::open(m_dir.filePath("vectors.chorus").toStdString());
        QVERIFY(project.ok());
        m_project = std::move(*project);
        DemoOptions demo;
        demo.posts = 300;
        demo.users = 20;
        demo.withMedia = false;
        QVERIFY(DemoGenerator(demo).generate(*m_project).ok());
        QVERIFY(DatasetSplitter::create(*m_project, "demo", SplitOptions()).ok());
    }

    void embeddingsStartFromTheVectors()
    {
        // The words the trainer's vocabulary will hold (it is built the same way).
        SupervisedDataOptions options;
        options.dataset = "demo";
        options.tasks = {"sentiment"};
        auto data = SupervisedData::load(*m_project, options);
        QVERIFY(data.ok());
        std::vector<std::int64_t> ids;
        for (std::int64_t id = 1; id < static_cast<std::int64_t>(data->vocabulary.size()) && ids.size() < 30; ++id)
            ids.push_back(id);
        const std::vector<std::string> words = data->vocabulary.decode(ids);
        const std::string path = m_dir.filePath("vectors.txt").toStdString();
        {
            std::ofstream out(path);
            out << words.size() << " 8\n";
            for (std::size_t i = 0; i < words.size(); ++i) {
                out << words[i];
                for (int d = 0; d < 8; ++d)
                    out << ' ' << (0.01 * static_cast<double>(i + 1) + 0.1 * d);
                out << '\n';
            }
        }
        std::vector<json> events;
        auto outcome = train(8, path, &events);
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : outcome.message().c_str());
        const json pretrained = events.front()["pretrained"];
        QVERIFY(pretrained["found"].get<std::size_t>() >= words.size() - 2); // specials like <unk> aside
        QVERIFY(pretrained["missing"].get<std::size_t>() > 0);

        auto loaded = RunModel::load(*m_project, outcome->runId);
        QVERIFY(loaded.ok());
        const torch::Tensor weight = loaded->model->embeddingWeight();
        int checked = 0;
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (words[i].front() == '<')
                continue;
            for (int d = 0; d < 8; ++d)
                QVERIFY(std::abs(weight[ids[i]][d].item<double>() - (0.01 * static_cast<double>(i + 1) + 0.1 * d)) < 1e-4);
            ++checked;
        }
        QVERIFY(checked >= 20);
        // Padding stays zero.
        QCOMPARE(weight[0].abs().sum().item<double>(), 0.0);
    }

    void mismatchesAreNamedErrors()
    {
        std::vector<json> events;
        auto wrongWidth = train(10, m_dir.filePath("vectors.txt").toStdString(), &events);
        QVERIFY(!wrongWidth.ok());
        QVERIFY2(wrongWidth.message().find("pretrained_vectors") != std::string::npos &&
                     wrongWidth.message().find("embedding_dim") != std::string::npos,
                 wrongWidth.message().c_str());
        auto missing = train(8, m_dir.filePath("no-such-file.vec").toStdString(), &events);
        QVERIFY(!missing.ok());
        QVERIFY2(missing.message().find("no-such-file.vec") != std::string::npos, missing.message().c_str());
    }
};

QTEST_GUILESS_MAIN(PretrainedVectorsTest)
#include "tst_pretrainedvectors.moc"
