// Plugins are code: Chorus loads them only from the folders it names (installed, the user's
// folder, or absolute CHORUS_PLUGIN_PATH entries), never from the working directory and never
// from a path a project file could carry. A real model plugin (the meanpool test plugin) is placed
// where an attacker could put one: the working directory and its lib/chorus/plugins and plugins
// sub-folders, relative and empty CHORUS_PLUGIN_PATH entries, beside a project, in its run folder
// and in a folder its meta table names; none of them is loaded. The same files load from an
// absolute CHORUS_PLUGIN_PATH, so the test can tell.
#include "clirun.h"

#include "core/plugins/pluginpaths.h"
#include "core/store/project.h"
#include "core/training/runstore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdlib>

using namespace chorus;

class PluginSearchPathTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_home;

    // chorus-cli in `workingDirectory`, with this test's empty user folders.
    CliRun cli(const QStringList &arguments, const QString &workingDirectory, const QString *pluginPath = nullptr)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("HOME", m_home);
        environment.insert("XDG_DATA_HOME", m_home + "/data");
        environment.insert("XDG_CONFIG_HOME", m_home + "/config");
        environment.remove("CHORUS_PLUGIN_PATH");
        if (pluginPath)
            environment.insert("CHORUS_PLUGIN_PATH", *pluginPath);
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setWorkingDirectory(workingDirectory);
        process.start(CHORUS_CLI_PATH, arguments);
        CliRun run;
        if (!process.waitForFinished(60000))
            return run;
        run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

    static void placePlugin(const QString &folder)
    {
        QVERIFY(QDir().mkpath(folder));
        for (const char *name : {"meanpool.plugin.json", "chorus-test-meanpool.so"}) {
            QFile::remove(folder + "/" + name);
            QVERIFY2(QFile::copy(QStringLiteral(CHORUS_TEST_PLUGIN_DIR "/") + name, folder + "/" + name), name);
        }
    }

    static bool modelListed(const CliRun &run)
    {
        for (const QJsonValue &m : run.json()["models"].toArray())
            if (m.toObject()["name"].toString() == "plugin_meanpool")
                return true;
        return false;
    }

    static bool pluginListed(const CliRun &run)
    {
        for (const QJsonValue &p : run.json()["plugins"].toArray())
            if (p.toObject()["name"].toString() == "meanpool")
                return true;
        return false;
    }

private slots:
    void initTestCase()
    {
        m_home = m_dir.filePath("home");
        QVERIFY(QDir().mkpath(m_home));
    }

    void workingDirectoryIsNeverSearched()
    {
        const QString cwd = m_dir.filePath("cwd");
        placePlugin(cwd);
        placePlugin(cwd + "/plugins");
        placePlugin(cwd + "/lib/chorus/plugins");
        placePlugin(cwd + "/meanpool");

        const CliRun plain = cli({"plugins", "--json"}, cwd);
        QVERIFY2(plain.code == 0, plain.err.constData());
        QVERIFY2(!pluginListed(plain), plain.out.constData());
        QVERIFY(!modelListed(cli({"models", "--json"}, cwd)));
        for (const QString &relative : {QStringLiteral("."), QStringLiteral("plugins"), QStringLiteral(""),
                                       QStringLiteral(":"), QStringLiteral("lib/chorus/plugins:meanpool")}) {
            const CliRun run = cli({"models", "--json"}, cwd, &relative);
            QVERIFY2(run.code == 0, run.err.constData());
            QVERIFY2(!modelListed(run), qPrintable("CHORUS_PLUGIN_PATH='" + relative + "' loaded from the working directory"));
        }
        // The same files, named by an absolute path: loaded. (So the checks above can fail.)
        const QString absolute = cwd + "/plugins";
        QVERIFY(modelListed(cli({"models", "--json"}, cwd, &absolute)));
    }

    void pathsStoredInAProjectAreNeverUsed()
    {
        const QString folder = m_dir.filePath("shared-project");
        const QString path = folder + "/p.chorus";
        std::int64_t runId = 0;
        {
            QVERIFY(QDir().mkpath(folder));
            auto project = Project::open(path.toStdString());
            QVERIFY(project.ok());
            QVERIFY((*project)->ensureDataset("demo").ok());
            // A project that asks for a plugin model and names where to find one.
            auto run = RunStore(**project).create("plugin_meanpool", "demo",
                                                  {{"model", "plugin_meanpool"}, {"dataset", "demo"}, {"task", "t"},
                                                   {"plugin_path", (folder + "/evil").toStdString()}},
                                                  "cpu");
            QVERIFY(run.ok());
            runId = *run;
            QVERIFY(RunStore(**project).setStatus(runId, "failed", "test").ok());
            for (const char *key : {"plugin_path", "plugins", "CHORUS_PLUGIN_PATH"})
                QVERIFY((*project)->setMeta(key, (folder + "/evil").toStdString()).ok());
        }
        placePlugin(folder);
        placePlugin(folder + "/evil");
        placePlugin(path + ".runs");
        placePlugin(path + ".runs/run-" + QString::number(runId));

        const CliRun resume = cli({"resume", path, "--run", QString::number(runId), "--json"}, folder);
        QCOMPARE(resume.code, 1);
        QVERIFY2(resume.json()["error"].toString().contains("model 'plugin_meanpool' is not in this build"), resume.out.constData());
        const CliRun runs = cli({"runs", path, "--json"}, folder);
        QCOMPARE(runs.code, 0);
        QVERIFY(!modelListed(cli({"models", "--json"}, folder)));

        // With the folder named by the user, the same project finds the model (and fails later, for lack of data).
        const QString chosen = folder + "/evil";
        const CliRun allowed = cli({"resume", path, "--run", QString::number(runId), "--json"}, folder, &chosen);
        QVERIFY2(!allowed.json()["error"].toString().contains("not in this build"), allowed.out.constData());
    }

    void noUserFolderWithoutAHome()
    {
        const QByteArray home = qgetenv("HOME"), data = qgetenv("XDG_DATA_HOME"), config = qgetenv("XDG_CONFIG_HOME"),
                         path = qgetenv("CHORUS_PLUGIN_PATH");
        qunsetenv("CHORUS_PLUGIN_PATH");
        qunsetenv("XDG_DATA_HOME");
        qunsetenv("XDG_CONFIG_HOME");
        qunsetenv("HOME");
        const std::string unset = pluginpaths::userFolder();
        const std::vector<std::string> folders = pluginpaths::defaultFolders();
        qputenv("HOME", "relative/home");
        const std::string relative = pluginpaths::userFolder();
        const std::string settings = pluginpaths::settingsFile();
        qputenv("HOME", home);
        if (!data.isNull())
            qputenv("XDG_DATA_HOME", data);
        if (!config.isNull())
            qputenv("XDG_CONFIG_HOME", config);
        if (!path.isNull())
            qputenv("CHORUS_PLUGIN_PATH", path);
        // Not /tmp/.local/share/chorus/plugins, where any user of the machine could put a library.
        QCOMPARE(unset, std::string());
        QCOMPARE(relative, std::string());
        QCOMPARE(settings, std::string());
        for (const std::string &folder : folders)
            QVERIFY2(!folder.empty() && folder.front() == '/', folder.c_str());
        QCOMPARE(folders.size(), std::size_t(1)); // the installed folder only
    }
};

QTEST_GUILESS_MAIN(PluginSearchPathTest)
#include "tst_pluginsearchpath.moc"
