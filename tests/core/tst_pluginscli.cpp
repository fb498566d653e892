// `chorus-cli plugins` and an import through the Mastodon plugin as the installed program does it:
// the plugin is found beside the executable (build/app/../lib/chorus/plugins), never linked in.
#include "clirun.h"
#include "core/plugins/plugininterface.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtTest>

class PluginsCliTest : public QObject {
    Q_OBJECT

private:
    using Run = CliRun;

    // Runs chorus-cli with this test's own XDG folders, so the user's settings play no part.
    Run cli(const QStringList &args, const QString &pluginPath = {}) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("XDG_CONFIG_HOME", m_home.filePath("config"));
        env.insert("XDG_DATA_HOME", m_home.filePath("data"));
        env.remove("CHORUS_PLUGIN_PATH");
        if (!pluginPath.isEmpty())
            env.insert("CHORUS_PLUGIN_PATH", pluginPath);
        return runCli(args, 60000, env);
    }

    static QJsonObject pluginNamed(const QJsonObject &listing, const QString &name)
    {
        for (const QJsonValue &p : listing["plugins"].toArray())
            if (p.toObject()["name"].toString() == name)
                return p.toObject();
        return {};
    }

    QTemporaryDir m_home;
    QString m_fixture = QStringLiteral(CHORUS_TEST_DATA "/mastodon/statuses.json");

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // A broken plugin in the user's folder: reported, and everything else carries on.
        QVERIFY(QDir().mkpath(m_home.filePath("data/chorus/plugins")));
        QFile broken(m_home.filePath("data/chorus/plugins/broken.plugin.json"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"name\": \"broken\", \"version\": \"1\", \"interface_version\": 999, \"library\": \"b.so\","
                     " \"provides\": {\"importers\": [\"b\"]}}");
    }

    void listsInstalledAndUserPlugins()
    {
        const Run run = cli({"plugins", "--json"});
        QVERIFY2(run.code == 0, run.err.constData());
        const QJsonObject listing = run.json();
        QCOMPARE(listing["interface_version"].toInt(), chorus::kPluginInterfaceVersion);
        const QJsonArray folders = listing["folders"].toArray();
        QCOMPARE(folders.size(), 2);
        QCOMPARE(QFileInfo(folders[0].toString()).canonicalFilePath(),
                 QFileInfo(QStringLiteral(CHORUS_PLUGIN_BUILD_DIR)).canonicalFilePath());
        QCOMPARE(folders[1].toString(), m_home.filePath("data/chorus/plugins"));

        const QJsonObject mastodon = pluginNamed(listing, "mastodon");
        QCOMPARE(mastodon["state"].toString(), QStringLiteral("loaded"));
        QCOMPARE(mastodon["enabled"].toBool(), true);
        QCOMPARE(mastodon["version"].toString(), QStringLiteral("1.0.0"));
        QCOMPARE(mastodon["import_formats"].toArray().first().toString(), QStringLiteral("mastodon"));
        QVERIFY(!mastodon["description"].toString().isEmpty());

        const QJsonObject broken = pluginNamed(listing, "broken");
        QCOMPARE(broken["state"].toString(), QStringLiteral("failed"));
        QVERIFY2(broken["reason"].toString().contains("interface version 999"), qPrintable(broken["reason"].toString()));

        const Run text = cli({"plugins"});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.contains("mastodon 1.0.0\tloaded"));
        QVERIFY(text.out.contains("broken 1\tfailed: built for plugin interface version 999"));
    }

    void importsThroughThePlugin()
    {
        const QString project = m_home.filePath("p.chorus");
        const Run run = cli({"import", project, "--format", "mastodon", "--dataset", "toots", "--json", m_fixture});
        QVERIFY2(run.code == 0, run.err.constData() + run.out);
        const QJsonObject report = run.json();
        QCOMPARE(report["format"].toString(), QStringLiteral("mastodon"));
        QCOMPARE(report["imported"].toInt(), 3);
        QCOMPARE(report["rejected"].toInt(), 5);
        QCOMPARE(report["errors"].toArray().first().toObject()["line"].toInt(), 62);
        // The failed user plugin is named on stderr, and the import is not held up by it.
        QVERIFY2(run.err.contains("plugin 'broken'"), run.err.constData());

        // Without --format the plugin's detection names the format.
        const Run detected = cli({"import", project, "--dataset", "detected", "--json", m_fixture});
        QVERIFY2(detected.code == 0, detected.err.constData());
        QCOMPARE(detected.json()["format"].toString(), QStringLiteral("mastodon"));
        QCOMPARE(detected.json()["dataset"].toString(), QStringLiteral("detected"));
    }

    void disableAndEnablePersist()
    {
        const Run off = cli({"plugins", "--disable", "mastodon", "--json"});
        QVERIFY2(off.code == 0, off.out + off.err);
        QCOMPARE(off.json()["settings"].toString(), m_home.filePath("config/chorus/plugins.json"));
        QVERIFY(QFile::exists(m_home.filePath("config/chorus/plugins.json")));

        const QJsonObject mastodon = pluginNamed(cli({"plugins", "--json"}).json(), "mastodon");
        QCOMPARE(mastodon["state"].toString(), QStringLiteral("disabled"));
        QCOMPARE(mastodon["enabled"].toBool(), false);
        const Run refused = cli({"import", m_home.filePath("q.chorus"), "--format", "mastodon", "--json", m_fixture});
        QCOMPARE(refused.code, 2);
        QVERIFY(refused.out.contains("unknown format 'mastodon'") || refused.err.contains("unknown format 'mastodon'"));

        const Run unknown = cli({"plugins", "--enable", "nonexistent"});
        QCOMPARE(unknown.code, 1);
        QVERIFY(unknown.err.contains("no plugin named 'nonexistent'"));

        QCOMPARE(cli({"plugins", "--enable", "mastodon"}).code, 0);
        QFile settings(m_home.filePath("config/chorus/plugins.json"));
        QVERIFY(settings.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(settings.readAll()).object()["disabled"].toArray().size(), 0);
    }

    void pluginPathReplacesTheDefaultFolders()
    {
        QTemporaryDir empty;
        const Run run = cli({"plugins", "--json"}, empty.path());
        QCOMPARE(run.code, 0);
        QCOMPARE(run.json()["plugins"].toArray().size(), 0);
        QCOMPARE(run.json()["folders"].toArray().size(), 1);
        QCOMPARE(run.json()["folders"].toArray().first().toString(), empty.path());
    }
};

QTEST_GUILESS_MAIN(PluginsCliTest)
#include "tst_pluginscli.moc"
