// The plugin loader: manifests read before any code is loaded, every failure a clear message that
// names the plugin and leaves the others alone, enable/disable persisted, and the real Mastodon
// plugin loaded from the build tree's plugin folder (it is not linked into this test).
#include "core/import/recordsource.h"
#include "core/plugins/importformatregistry.h"
#include "core/plugins/plugininterface.h"
#include "core/plugins/pluginmanager.h"
#include "core/plugins/pluginsettings.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <string>

using namespace chorus;

namespace {

const QString kBuildPlugins = QStringLiteral(CHORUS_PLUGIN_BUILD_DIR);

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(content);
}

QByteArray manifest(const QString &name, int interfaceVersion, const QString &library,
                    const QString &provides = QStringLiteral("{\"importers\": [\"mastodon\"]}"))
{
    return QStringLiteral("{\"name\": \"%1\", \"version\": \"0.1\", \"interface_version\": %2, \"library\": \"%3\","
                          " \"description\": \"test\", \"provides\": %4}")
        .arg(name)
        .arg(interfaceVersion)
        .arg(library, provides)
        .toUtf8();
}

PluginManager::Options optionsFor(const QStringList &folders, const QString &settings = {})
{
    PluginManager::Options options;
    for (const QString &folder : folders)
        options.folders.push_back(folder.toStdString());
    options.settingsPath = settings.toStdString();
    return options;
}

bool contains(const std::string &text, const std::string &part) { return text.find(part) != std::string::npos; }

// The entries of one plugin name, in the order found.
std::vector<PluginEntry> entriesNamed(const PluginManager &plugins, const std::string &name)
{
    std::vector<PluginEntry> out;
    for (const PluginEntry &entry : plugins.plugins())
        if (entry.name == name)
            out.push_back(entry);
    return out;
}

bool knowsFormat(const std::string &format)
{
    const auto formats = knownImportFormats();
    return std::find(formats.begin(), formats.end(), format) != formats.end();
}

// The real plugin's library copied beside a manifest of our own making.
void copyRealLibrary(const QString &folder)
{
    const QString source = kBuildPlugins + QStringLiteral("/chorus-mastodon.so");
    QVERIFY2(QFile::exists(source), qPrintable(source + " was not built"));
    QVERIFY(QFile::copy(source, folder + QStringLiteral("/chorus-mastodon.so")));
}

} // namespace

#define CHECK_REASON(entry, part)                                                                             \
    QVERIFY2(contains((entry)->reason, part), ((entry)->reason + " does not mention: " + (part)).c_str())

class PluginManagerTest : public QObject {
    Q_OBJECT

private slots:
    void badManifestsFailWithReasons()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath("broken.plugin.json"), "{ \"name\": \"broken\", ");
        writeFile(dir.filePath("nolib.plugin.json"),
                  "{\"name\": \"nolib\", \"version\": \"1\", \"interface_version\": 1, \"provides\": {\"importers\": [\"x\"]}}");
        writeFile(dir.filePath("empty.plugin.json"), manifest("empty", kPluginInterfaceVersion, "e.so", "{}"));
        writeFile(dir.filePath("notes.json"), "this is not a manifest and is not read");

        PluginManager plugins(optionsFor({dir.path()}));
        plugins.load();
        QCOMPARE(plugins.plugins().size(), std::size_t(3));

        const PluginEntry *broken = plugins.find("broken");
        QVERIFY(broken);
        QCOMPARE(broken->state, PluginState::Failed);
        QVERIFY(!broken->hasManifest);
        CHECK_REASON(broken, "bad manifest");
        CHECK_REASON(broken, "not valid JSON");

        const PluginEntry *nolib = plugins.find("nolib");
        QVERIFY(nolib);
        QCOMPARE(nolib->state, PluginState::Failed);
        CHECK_REASON(nolib, "missing 'library'");

        const PluginEntry *empty = plugins.find("empty");
        QVERIFY(empty);
        CHECK_REASON(empty, "lists no importers and no models");

        // Each failure is a message naming the plugin and its manifest.
        const auto problems = plugins.problems();
        QCOMPARE(problems.size(), std::size_t(3));
        QVERIFY(contains(problems.front(), "plugin 'broken'"));
        QVERIFY(contains(problems.front(), dir.filePath("broken.plugin.json").toStdString()));
    }

    void interfaceMismatchIsCaughtBeforeLoading()
    {
        QTemporaryDir dir;
        // The library does not even exist: the manifest alone must stop this plugin.
        writeFile(dir.filePath("future.plugin.json"), manifest("future", kPluginInterfaceVersion + 98, "future.so"));
        writeFile(dir.filePath("othercc.plugin.json"),
                  QByteArray(manifest("othercc", kPluginInterfaceVersion, "othercc.so"))
                      .replace("\"description\"", "\"abi\": \"msvc-19/msvcp\", \"description\""));
        PluginManager plugins(optionsFor({dir.path()}));
        plugins.load();
        const PluginEntry *future = plugins.find("future");
        QVERIFY(future);
        QCOMPARE(future->state, PluginState::Failed);
        CHECK_REASON(future, "interface version " + std::to_string(kPluginInterfaceVersion + 98));
        CHECK_REASON(future, "provides version " + std::to_string(kPluginInterfaceVersion));
        const PluginEntry *othercc = plugins.find("othercc");
        QVERIFY(othercc);
        CHECK_REASON(othercc, "built with msvc-19/msvcp");
    }

    void missingAndBrokenLibrariesFail()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath("gone.plugin.json"), manifest("gone", kPluginInterfaceVersion, "gone.so"));
        writeFile(dir.filePath("junk.plugin.json"), manifest("junk", kPluginInterfaceVersion, "junk.so"));
        writeFile(dir.filePath("junk.so"), "not an ELF file at all");
        PluginManager plugins(optionsFor({dir.path()}));
        plugins.load();
        const PluginEntry *gone = plugins.find("gone");
        QVERIFY(gone);
        QCOMPARE(gone->state, PluginState::Failed);
        CHECK_REASON(gone, "does not exist");
        CHECK_REASON(gone, dir.filePath("gone.so").toStdString());
        const PluginEntry *junk = plugins.find("junk");
        QVERIFY(junk);
        QCOMPARE(junk->state, PluginState::Failed);
        CHECK_REASON(junk, "cannot load its library");
    }

    void realPluginLoadsThroughTheLoader()
    {
        QVERIFY(!knowsFormat("mastodon"));
        QVERIFY(!makeRecordSource("mastodon"));
        {
            PluginManager plugins(optionsFor({kBuildPlugins}));
            plugins.load();
            const PluginEntry *mastodon = plugins.find("mastodon");
            QVERIFY(mastodon);
            QVERIFY2(mastodon->state == PluginState::Loaded, mastodon->describe().c_str());
            QCOMPARE(mastodon->manifest.interfaceVersion, kPluginInterfaceVersion);
            QCOMPARE(mastodon->importFormats, std::vector<std::string>{"mastodon"});
            QVERIFY(plugins.problems().empty());
            QVERIFY(knowsFormat("mastodon"));
            auto source = makeRecordSource("mastodon");
            QVERIFY(source);
            QCOMPARE(source->format(), std::string("mastodon"));
            QCOMPARE(ImportFormatRegistry::instance().pluginFor("mastodon"), std::string("mastodon"));
            // Built-in formats are unchanged and still come first.
            QCOMPARE(knownImportFormats().front(), std::string("csv"));
            QCOMPARE(detectImportFormat(CHORUS_TEST_DATA "/mastodon/statuses.json"), std::string("mastodon"));
            QCOMPARE(detectImportFormat(CHORUS_TEST_DATA "/mastodon/outbox.json"), std::string("mastodon"));
            QCOMPARE(detectImportFormat(CHORUS_TEST_DATA "/twitter/tweets_v1.jsonl"), std::string("twitter"));
        }
        // Its formats leave with the manager that loaded it.
        QVERIFY(!knowsFormat("mastodon"));
        QVERIFY(!makeRecordSource("mastodon"));
        QCOMPARE(detectImportFormat(CHORUS_TEST_DATA "/mastodon/statuses.json"), std::string("jsonl"));
    }

    void libraryMustMatchItsManifest()
    {
        QTemporaryDir named, models, formats;
        copyRealLibrary(named.path());
        copyRealLibrary(models.path());
        copyRealLibrary(formats.path());
        writeFile(named.filePath("impostor.plugin.json"), manifest("impostor", kPluginInterfaceVersion, "chorus-mastodon.so"));
        writeFile(models.filePath("mastodon.plugin.json"),
                  manifest("mastodon", kPluginInterfaceVersion, "chorus-mastodon.so",
                           "{\"importers\": [\"mastodon\"], \"models\": [\"han\"]}"));
        writeFile(formats.filePath("mastodon.plugin.json"),
                  manifest("mastodon", kPluginInterfaceVersion, "chorus-mastodon.so", "{\"importers\": [\"toots\"]}"));
        for (const QString &folder : {named.path(), models.path(), formats.path()}) {
            PluginManager plugins(optionsFor({folder}));
            plugins.load();
            QCOMPARE(plugins.plugins().size(), std::size_t(1));
            const PluginEntry entry = plugins.plugins().front();
            QCOMPARE(entry.state, PluginState::Failed);
            if (folder == named.path())
                QVERIFY2(contains(entry.reason, "calls itself 'mastodon'"), entry.reason.c_str());
            else if (folder == models.path())
                QVERIFY2(contains(entry.reason, "lacks chorus_register_models"), entry.reason.c_str());
            else
                QVERIFY2(contains(entry.reason, "import format 'toots'"), entry.reason.c_str());
            QVERIFY(!knowsFormat("mastodon"));
            QVERIFY(!knowsFormat("toots"));
        }
    }

    void firstPluginOfANameWins()
    {
        QTemporaryDir second;
        copyRealLibrary(second.path());
        writeFile(second.filePath("mastodon.plugin.json"), manifest("mastodon", kPluginInterfaceVersion, "chorus-mastodon.so"));
        PluginManager plugins(optionsFor({kBuildPlugins, second.path()}));
        plugins.load();
        // The build's folder holds other plugins too (han): only the two mastodons matter here.
        const auto entries = entriesNamed(plugins, "mastodon");
        QCOMPARE(entries.size(), std::size_t(2));
        QCOMPARE(entries[0].state, PluginState::Loaded);
        QCOMPARE(entries[1].state, PluginState::Failed);
        QVERIFY2(contains(entries[1].reason, "was found first"), entries[1].reason.c_str());
        QVERIFY(knowsFormat("mastodon"));
    }

    void aFailedPluginDoesNotHideAWorkingOne()
    {
        QTemporaryDir old;
        writeFile(old.filePath("mastodon.plugin.json"), manifest("mastodon", kPluginInterfaceVersion + 1, "gone.so"));
        PluginManager plugins(optionsFor({old.path(), kBuildPlugins}));
        plugins.load();
        const auto entries = entriesNamed(plugins, "mastodon");
        QCOMPARE(entries.size(), std::size_t(2));
        QCOMPARE(entries[0].state, PluginState::Failed);
        QCOMPARE(entries[1].state, PluginState::Loaded);
        QCOMPARE(plugins.find("mastodon")->state, PluginState::Loaded);
        QVERIFY(knowsFormat("mastodon"));
    }

    void disabledPluginsAreNotLoadedAndTheChoicePersists()
    {
        QTemporaryDir config;
        const QString settings = config.filePath("nested/chorus/plugins.json");
        {
            PluginManager plugins(optionsFor({kBuildPlugins}, settings));
            plugins.load();
            QCOMPARE(plugins.find("mastodon")->state, PluginState::Loaded);
            QVERIFY(plugins.settings().isEnabled("mastodon"));
            QVERIFY(plugins.setEnabled("mastodon", false));
            // Applies from the next start: this process keeps what it loaded.
            QCOMPARE(plugins.find("mastodon")->state, PluginState::Loaded);
            QVERIFY(!plugins.settings().isEnabled("mastodon"));
            const Status unknown = plugins.setEnabled("no-such-plugin", false);
            QVERIFY(!unknown);
            QVERIFY(contains(unknown.message(), "no plugin named 'no-such-plugin'"));
        }
        QVERIFY(QFile::exists(settings));
        {
            PluginManager plugins(optionsFor({kBuildPlugins}, settings));
            plugins.load();
            const PluginEntry *mastodon = plugins.find("mastodon");
            QCOMPARE(mastodon->state, PluginState::Disabled);
            CHECK_REASON(mastodon, "disabled in " + settings.toStdString());
            QVERIFY(plugins.problems().empty()); // disabled is a choice, not a problem
            QVERIFY(!knowsFormat("mastodon"));
            QVERIFY(plugins.setEnabled("mastodon", true));
        }
        PluginManager plugins(optionsFor({kBuildPlugins}, settings));
        plugins.load();
        QCOMPARE(plugins.find("mastodon")->state, PluginState::Loaded);
    }

    void malformedSettingsLeaveEverythingEnabled()
    {
        QTemporaryDir config;
        const QString settings = config.filePath("plugins.json");
        writeFile(settings, "[\"mastodon\"]");
        PluginManager plugins(optionsFor({kBuildPlugins}, settings));
        plugins.load();
        QCOMPARE(plugins.find("mastodon")->state, PluginState::Loaded);
        QVERIFY(contains(plugins.settingsProblem(), settings.toStdString()));
        QVERIFY(!plugins.setEnabled("mastodon", false)); // never overwrite a file we cannot read
    }

    void subfoldersAreSearchedOneLevelDown()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("mastodon-plugin"));
        const QString folder = dir.filePath("mastodon-plugin");
        copyRealLibrary(folder);
        QVERIFY(QFile::copy(kBuildPlugins + "/mastodon.plugin.json", folder + "/mastodon.plugin.json"));
        PluginManager plugins(optionsFor({dir.path(), dir.filePath("missing-folder")}));
        plugins.load();
        QCOMPARE(plugins.plugins().size(), std::size_t(1));
        QVERIFY2(plugins.find("mastodon")->state == PluginState::Loaded, plugins.find("mastodon")->describe().c_str());
    }
};

QTEST_GUILESS_MAIN(PluginManagerTest)
#include "tst_pluginmanager.moc"
