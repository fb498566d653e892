// Run configs and model parameter schemas: defaults filled, unknown keys refused, every error
// naming the field and the allowed range.
#include "core/training/paramspec.h"
#include "core/training/runconfig.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace chorus;
using nlohmann::json;

class RunConfigTest : public QObject {
    Q_OBJECT

private:
    static ParamSchema textCnnSchema()
    {
        return ParamSchema({
            ParamSpec::integer("embedding_dim", 128, 8, 1024, "Width of the word embeddings"),
            ParamSpec::integerList("kernel_sizes", {3, 4, 5}, 1, 15, "Widths of the convolution windows"),
            ParamSpec::real("dropout", 0.5, 0.0, 0.9, "Dropout before the classifier"),
            ParamSpec::boolean("freeze_embeddings", false, "Keep pretrained vectors fixed"),
            ParamSpec::choice("pooling", "max", {"max", "mean"}, "Pooling over time"),
        });
    }

    static json minimal()
    {
        return json{{"model", "textcnn"}, {"dataset", "demo"}, {"task", "sentiment"}, {"seed", 7}, {"epochs", 3}};
    }

    static QString errorOf(const json &config)
    {
        const ParamSchema schema = textCnnSchema();
        auto parsed = RunConfig::parse(config, &schema, true);
        return parsed.ok() ? QString() : QString::fromStdString(parsed.message());
    }

private slots:
    void defaultsAreFilled()
    {
        const ParamSchema schema = textCnnSchema();
        auto config = RunConfig::parse(minimal(), &schema, true);
        QVERIFY(config.ok());
        QCOMPARE(config->params["embedding_dim"].get<int>(), 128);
        QCOMPARE(config->params["kernel_sizes"], json({3, 4, 5}));
        QCOMPARE(config->optimizer.name, std::string("adamw"));
        QCOMPARE(config->device, std::string("auto"));
        QVERIFY(!config->split.has_value());
        QVERIFY(!config->earlyStopping.enabled);
    }

    void fullConfigRoundTrips()
    {
        json full = minimal();
        full["params"] = {{"embedding_dim", 64}, {"kernel_sizes", {2, 3}}, {"dropout", 0.25}, {"pooling", "mean"}};
        full["split"] = 4;
        full["device"] = "cuda:1";
        full["batch_size"] = 256;
        full["optimizer"] = {{"name", "sgd"}, {"lr", 0.1}, {"momentum", 0.8}};
        full["schedule"] = {{"name", "cosine"}, {"warmup_steps", 100}};
        full["early_stopping"] = {{"metric", "macro_f1"}, {"patience", 2}};
        full["checkpoint_every"] = 500;
        full["gradient_clip"] = 1.0;
        const ParamSchema schema = textCnnSchema();
        auto config = RunConfig::parse(full, &schema, true);
        QVERIFY2(config.ok(), config.ok() ? "" : config.message().c_str());
        QCOMPARE(*config->split, std::int64_t(4));
        QCOMPARE(config->optimizer.momentum, 0.8);
        QVERIFY(config->earlyStopping.enabled);
        // What a run stores is itself a valid config that parses to the same thing.
        auto again = RunConfig::parse(config->toJson(), &schema, true);
        QVERIFY(again.ok());
        QCOMPARE(again->toJson(), config->toJson());
    }

    void earlyStoppingOnAnErrorKeepsTheLowest()
    {
        const ParamSchema schema = textCnnSchema();
        json config = minimal();
        config["early_stopping"] = {{"metric", "mae"}, {"patience", 2}};
        auto parsed = RunConfig::parse(config, &schema, true);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->earlyStopping.mode, std::string("min"));
        config["early_stopping"] = {{"metric", "macro_f1"}, {"patience", 2}};
        parsed = RunConfig::parse(config, &schema, true);
        QCOMPARE(parsed->earlyStopping.mode, std::string("max"));
        // An explicit mode wins.
        config["early_stopping"] = {{"metric", "loss"}, {"mode", "max"}, {"patience", 2}};
        parsed = RunConfig::parse(config, &schema, true);
        QCOMPARE(parsed->earlyStopping.mode, std::string("max"));
    }

    void errorsNameTheField_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("typo") << "epoch" << "3" << "epoch: unknown key (did you mean 'epochs'?)";
        QTest::newRow("unknown") << "colour" << "1" << "colour: unknown key (known: model, dataset";
        QTest::newRow("epochs range") << "epochs" << "0" << "epochs: must be between 1 and 100000, got 0";
        QTest::newRow("epochs type") << "epochs" << "\"ten\"" << "epochs: expected an integer";
        QTest::newRow("device") << "device" << "\"gpu\"" << "device: must be auto, cpu, cuda or cuda:N";
        QTest::newRow("lr") << "optimizer" << "{\"lr\": 0}" << "optimizer.lr: must be greater than 0";
        QTest::newRow("optimizer name") << "optimizer" << "{\"name\": \"adam\"}"
                                        << "optimizer.name: must be one of adamw, sgd, got \"adam\"";
        QTest::newRow("schedule key") << "schedule" << "{\"warmup\": 10}"
                                      << "schedule.warmup: unknown key (did you mean 'warmup_steps'?)";
        QTest::newRow("param range") << "params" << "{\"dropout\": 1.5}" << "params.dropout: must be between 0 and 0.9, got 1.5";
        QTest::newRow("param list") << "params" << "{\"kernel_sizes\": [3, 0]}"
                                    << "params.kernel_sizes[1]: must be between 1 and 15, got 0";
        QTest::newRow("param unknown") << "params" << "{\"layers\": 2}" << "params.layers: unknown parameter (known: embedding_dim";
        QTest::newRow("param choice") << "params" << "{\"pooling\": \"sum\"}" << "params.pooling: must be one of max, mean";
        QTest::newRow("param bool") << "params" << "{\"freeze_embeddings\": 1}" << "params.freeze_embeddings: expected true or false";
        QTest::newRow("patience") << "early_stopping" << "{\"patience\": 0}" << "early_stopping.patience: must be between 1";
    }

    void errorsNameTheField()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        json config = minimal();
        config[key.toStdString()] = json::parse(value.toStdString());
        const QString error = errorOf(config);
        QVERIFY2(error.startsWith(expected), qPrintable(error));
    }

    void requiredFields()
    {
        for (const char *field : {"model", "dataset", "seed", "epochs", "task"}) {
            json config = minimal();
            config.erase(field);
            const QString error = errorOf(config);
            QVERIFY2(error.startsWith(QString(field) + ": required"), qPrintable(error));
        }
        // Unsupervised families need no task.
        json noTask = minimal();
        noTask.erase("task");
        QVERIFY(RunConfig::parse(noTask, nullptr, false).ok());
        QVERIFY(!RunConfig::parse(json::array(), nullptr, false).ok());
    }

    void fromFile()
    {
        QTemporaryDir dir;
        const std::string good = dir.filePath("good.json").toStdString();
        std::ofstream(good) << minimal().dump();
        QVERIFY(RunConfig::parseFile(good, nullptr, true).ok());
        const std::string bad = dir.filePath("bad.json").toStdString();
        std::ofstream(bad) << "{\"model\": ";
        auto parsed = RunConfig::parseFile(bad, nullptr, true);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.message().find("bad.json") != std::string::npos, parsed.message().c_str());
        QVERIFY(!RunConfig::parseFile(dir.filePath("missing.json").toStdString(), nullptr, true).ok());
    }

    void schemaDescribesItself()
    {
        const json described = textCnnSchema().toJson();
        QCOMPARE(described.size(), std::size_t(5));
        QCOMPARE(described[1]["type"].get<std::string>(), std::string("int_list"));
        QCOMPARE(described[4]["choices"], json({"max", "mean"}));
        QCOMPARE(described[2]["help"].get<std::string>(), std::string("Dropout before the classifier"));
    }
};

QTEST_GUILESS_MAIN(RunConfigTest)
#include "tst_runconfig.moc"
