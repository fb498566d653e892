// A model plugin loaded through the plugin loader (not linked): its family lands in the model
// registry like a built-in one, builds and runs, and shows in `chorus-cli models` and `plugins`.
#include <torch/torch.h>

#include "core/plugins/pluginmanager.h"
#include "models/registry/modelregistry.h"
#include "models/registry/pluginmodels.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

namespace {

PluginManager::Options optionsFor(const std::string &folder)
{
    PluginManager::Options options;
    options.folders = {folder};
    return options;
}

QJsonObject cliJson(const QStringList &args, const QString &pluginPath)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("CHORUS_PLUGIN_PATH", pluginPath);
    process.setProcessEnvironment(env);
    process.start(CHORUS_CLI_PATH, args);
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return {};
    return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
}

} // namespace

class ModelPluginTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void registersAFamilyLikeABuiltInOne()
    {
        torch::set_num_threads(1);
        PluginManager plugins(optionsFor(CHORUS_TEST_PLUGIN_DIR));
        plugins.load();
        const PluginEntry *meanpool = plugins.find("meanpool");
        QVERIFY(meanpool);
        QVERIFY2(meanpool->state == PluginState::Loaded, meanpool->describe().c_str());
        QVERIFY(!ModelRegistry::instance().find("plugin_meanpool"));

        registerPluginModels(plugins);
        QCOMPARE(plugins.find("meanpool")->state, PluginState::Loaded);
        QCOMPARE(plugins.find("meanpool")->models, std::vector<std::string>{"plugin_meanpool"});
        const ModelSpec *spec = ModelRegistry::instance().find("plugin_meanpool");
        QVERIFY(spec);
        // The plugin declares embedding_dim; the registry adds the tokenizer choice every text family offers.
        QCOMPARE(spec->params.specs().size(), std::size_t(3));
        QVERIFY(spec->params.find("embedding_dim"));
        QVERIFY(spec->params.find("tokenizer"));
        QVERIFY(spec->params.find("sentencepiece_pieces"));
        QVERIFY(ModelRegistry::instance().toJson().dump().find("plugin_meanpool") != std::string::npos);

        TextModelShape shape;
        shape.vocabularySize = 40;
        shape.classes = 3;
        shape.maxLength = 6;
        auto model = ModelRegistry::instance().makeTextClassifier("plugin_meanpool", {{"embedding_dim", 8}}, shape);
        QVERIFY2(model.ok(), model.ok() ? "" : model.message().c_str());
        const torch::Tensor tokens = torch::tensor({1, 2, 3, 0, 0, 0, 4, 5, 6, 7, 8, 9}, torch::kLong).view({2, 6});
        const torch::Tensor lengths = torch::tensor({3, 6}, torch::kLong);
        const TextClassifierOutput out = (*model)->forward(tokens, lengths);
        QCOMPARE(out.logits.size(0), std::int64_t(2));
        QCOMPARE(out.logits.size(1), std::int64_t(3));
        // Its schema is checked like any family's.
        QVERIFY(!ModelRegistry::instance().makeTextClassifier("plugin_meanpool", {{"embedding_dim", 1}}, shape).ok());
    }

    void aFailingRegistrationMarksThePluginFailed()
    {
        // The same library again (its family is already registered above): add() fails inside the
        // plugin, which throws; the loader reports it and goes on.
        QTemporaryDir dir;
        QVERIFY(QFile::copy(CHORUS_TEST_PLUGIN_DIR "/chorus-test-meanpool.so", dir.filePath("chorus-test-meanpool.so")));
        QVERIFY(QFile::copy(CHORUS_TEST_PLUGIN_DIR "/meanpool.plugin.json", dir.filePath("meanpool.plugin.json")));
        PluginManager plugins(optionsFor(dir.path().toStdString()));
        plugins.load();
        QCOMPARE(plugins.find("meanpool")->state, PluginState::Loaded);
        registerPluginModels(plugins);
        const PluginEntry *meanpool = plugins.find("meanpool");
        QCOMPARE(meanpool->state, PluginState::Failed);
        QVERIFY2(meanpool->reason.find("chorus_register_models() failed") != std::string::npos, meanpool->reason.c_str());
        QCOMPARE(plugins.problems().size(), std::size_t(1));
    }

    void cliListsThePluginFamily()
    {
        const QJsonObject models = cliJson({"models", "--json"}, CHORUS_TEST_PLUGIN_DIR);
        bool found = false;
        for (const QJsonValue &m : models["models"].toArray())
            if (m.toObject()["name"].toString() == "plugin_meanpool")
                found = !m.toObject()["params"].toArray().isEmpty();
        QVERIFY2(found, QJsonDocument(models).toJson().constData());

        const QJsonObject listing = cliJson({"plugins", "--json"}, CHORUS_TEST_PLUGIN_DIR);
        const QJsonObject plugin = listing["plugins"].toArray().first().toObject();
        QCOMPARE(plugin["name"].toString(), QStringLiteral("meanpool"));
        QCOMPARE(plugin["state"].toString(), QStringLiteral("loaded"));
        QCOMPARE(plugin["models"].toArray().first().toString(), QStringLiteral("plugin_meanpool"));
    }
};

QTEST_GUILESS_MAIN(ModelPluginTest)
#include "tst_modelplugin.moc"
