// Every shipped preset is a valid run config for its model family: the GUI offers them as they are.
#include <torch/torch.h>

#include "core/training/runconfig.h"
#include "models/registry/modelregistry.h"

#include <QDir>
#include <QSet>

#include <algorithm>
#include <fstream>
#include <QtTest>

using namespace chorus;

class PresetsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void presetsAreValid()
    {
        const QDir dir(CHORUS_RESOURCES "/presets");
        const QStringList files = dir.entryList({"*.json"}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 4);
        QSet<QString> families;
        for (const QString &file : files) {
            std::ifstream in(dir.filePath(file).toStdString());
            const nlohmann::json raw = nlohmann::json::parse(in, nullptr, false);
            QVERIFY2(raw.is_object() && raw.contains("model"), qPrintable(file));
            const ModelSpec *spec = ModelRegistry::instance().find(raw["model"].get<std::string>());
            QVERIFY2(spec, qPrintable(file + ": unknown model"));
            auto config = RunConfig::parse(raw, &spec->params, spec->supervised);
            QVERIFY2(config.ok(), qPrintable(file + ": " + QString::fromStdString(config.ok() ? "" : config.message())));
            families.insert(QString::fromStdString(spec->name));
        }
        // One preset at least for each registered family, except families that need a file of the
        // user's own (a text parameter without a default, like a TorchScript backbone's path).
        for (const ModelSpec &spec : ModelRegistry::instance().models()) {
            const bool needsUserFile = std::any_of(spec.params.specs().begin(), spec.params.specs().end(), [](const ParamSpec &p) {
                return p.type == ParamSpec::Type::String && p.defaultValue == "";
            });
            if (!needsUserFile)
                QVERIFY2(families.contains(QString::fromStdString(spec.name)), spec.name.c_str());
        }
    }
};

QTEST_GUILESS_MAIN(PresetsTest)
#include "tst_presets.moc"
