// A trained run rebuilt from the project (RunModel) predicts as the trainer's model did, and its
// weights and embeddings leave Chorus in formats other tools read: safetensors, read back here by
// parsing the format by hand, and TensorBoard projector TSV; also through chorus-cli export.
#include <torch/torch.h>

#include "core/demo/demogenerator.h"
#include "core/split/datasetsplitter.h"
#include "core/store/project.h"
#include "models/registry/modelregistry.h"
#include "models/training/runmodel.h"
#include "models/training/supervisedtrainer.h"
#include "models/training/weightsexporter.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cstring>
#include <fstream>

using namespace chorus;
using nlohmann::json;

class WeightsExportTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_path;
    std::unique_ptr<Project> m_project;
    std::int64_t m_run = 0;

    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_path = m_dir.filePath("export.chorus").toStdString();
        auto project = Project::open(m_path);
        QVERIFY(project.ok());
        m_project = std::move(*project);
        DemoOptions demo;
        demo.posts = 400;
        demo.users = 30;
        demo.withMedia = false;
        QVERIFY(DemoGenerator(demo).generate(*m_project).ok());
        SplitOptions split;
        split.seed = 2;
        QVERIFY(DatasetSplitter::create(*m_project, "demo", split).ok());
        const ModelSpec *spec = ModelRegistry::instance().find("textcnn");
        auto config = RunConfig::parse({{"model", "textcnn"}, {"dataset", "demo"}, {"task", "sentiment"}, {"seed", 1},
                                        {"epochs", 1}, {"batch_size", 32},
                                        {"params", {{"embedding_dim", 12}, {"filters", 6}}}},
                                       &spec->params, true);
        QVERIFY(config.ok());
        auto outcome = SupervisedTrainer(*m_project, *config, *spec).run();
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : outcome.message().c_str());
        m_run = outcome->runId;
    }

    void runModelRebuildsTheTrainedModel()
    {
        auto loaded = RunModel::load(*m_project, m_run);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.message().c_str());
        QCOMPARE(loaded->shape.classes, std::int64_t(3));
        QVERIFY(loaded->checkpoint.find("best.pt") != std::string::npos);
        // The same weights as the checkpoint: loading twice gives identical outputs.
        auto again = RunModel::load(*m_project, m_run);
        QVERIFY(again.ok());
        ModelInputs inputs;
        inputs.tokens = torch::tensor({{2, 3, 4, 0}, {5, 6, 0, 0}}, torch::kLong);
        inputs.lengths = torch::tensor({3, 2}, torch::kLong);
        torch::NoGradGuard noGrad;
        QVERIFY(torch::equal(loaded->model->forward(inputs).logits, again->model->forward(inputs).logits));
        QVERIFY(!RunModel::load(*m_project, 99999).ok());
    }

    void safetensorsHoldEveryTensorExactly()
    {
        auto loaded = RunModel::load(*m_project, m_run);
        QVERIFY(loaded.ok());
        const QString path = m_dir.filePath("model.safetensors");
        QVERIFY(WeightsExporter::saveSafetensors(*loaded->model, path.toStdString(), {{"chorus.model", "textcnn"}}).ok());
        const QByteArray bytes = readAll(path);
        QVERIFY(bytes.size() > 8);
        std::uint64_t headerLength = 0;
        for (int i = 7; i >= 0; --i)
            headerLength = (headerLength << 8) | static_cast<unsigned char>(bytes[i]);
        QCOMPARE(headerLength % 8, std::uint64_t(0));
        const json header = json::parse(bytes.mid(8, static_cast<int>(headerLength)).toStdString());
        QCOMPARE(header["__metadata__"]["chorus.model"].get<std::string>(), std::string("textcnn"));
        const char *data = bytes.constData() + 8 + headerLength;
        std::size_t tensors = 0;
        std::uint64_t end = 0;
        for (const auto &item : loaded->model->named_parameters()) {
            QVERIFY2(header.contains(item.key()), item.key().c_str());
            const json &entry = header[item.key()];
            QCOMPARE(entry["dtype"].get<std::string>(), std::string("F32"));
            QCOMPARE(entry["shape"].get<std::vector<std::int64_t>>(), item.value().sizes().vec());
            const auto offsets = entry["data_offsets"].get<std::vector<std::uint64_t>>();
            const torch::Tensor expected = item.value().detach().contiguous();
            QCOMPARE(offsets[1] - offsets[0], std::uint64_t(expected.numel() * 4));
            QVERIFY(std::memcmp(data + offsets[0], expected.data_ptr<float>(), offsets[1] - offsets[0]) == 0);
            end = std::max(end, offsets[1]);
            ++tensors;
        }
        QVERIFY(tensors >= 4);
        QCOMPARE(static_cast<std::uint64_t>(bytes.size()), 8 + headerLength + end);
    }

    void projectorTsvThroughTheCli()
    {
        const QString folder = m_dir.filePath("projector");
        QProcess cli;
        cli.start(CHORUS_CLI_PATH, {"export", QString::fromStdString(m_path), "--run", QString::number(m_run), "--what",
                                    "embeddings", folder, "--json"});
        QVERIFY(cli.waitForFinished(60000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        const json result = json::parse(cli.readAllStandardOutput().toStdString());
        QCOMPARE(result["dimensions"].get<int>(), 12);
        const QList<QByteArray> vectors = readAll(folder + "/vectors.tsv").split('\n');
        const QList<QByteArray> labels = readAll(folder + "/metadata.tsv").split('\n');
        QCOMPARE(vectors.size(), labels.size());
        QCOMPARE(vectors.size() - 1, result["tokens"].get<int>()); // a final newline
        QCOMPARE(vectors.front().split('\t').size(), 12);

        const QString weights = m_dir.filePath("cli.safetensors");
        QProcess cliWeights;
        cliWeights.start(CHORUS_CLI_PATH, {"export", QString::fromStdString(m_path), "--run", QString::number(m_run),
                                           "--what", "weights", weights});
        QVERIFY(cliWeights.waitForFinished(60000));
        QVERIFY2(cliWeights.exitCode() == 0, cliWeights.readAllStandardError().constData());
        QVERIFY(QFile::exists(weights));
        const json config = json::parse(readAll(m_dir.filePath("cli.json")).toStdString());
        QCOMPARE(config["model"].get<std::string>(), std::string("textcnn"));

        QProcess bad;
        bad.start(CHORUS_CLI_PATH, {"export", QString::fromStdString(m_path), "--run", QString::number(m_run), "--what",
                                    "everything", weights});
        QVERIFY(bad.waitForFinished(60000));
        QCOMPARE(bad.exitCode(), 2);
    }
};

QTEST_GUILESS_MAIN(WeightsExportTest)
#include "tst_weightsexport.moc"
