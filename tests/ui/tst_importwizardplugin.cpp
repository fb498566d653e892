// The import wizard offers formats that plugins add, like its own: with the Mastodon importer
// loaded through the plugin loader (as the workbench loads it at start), a Mastodon statuses file
// is recognised, previewed and imported from the wizard, its HTML turned into text.
#include "core/plugins/pluginmanager.h"
#include "core/store/project.h"
#include "ui/import/importmappingpage.h"
#include "ui/import/importrunpage.h"
#include "ui/import/importwizard.h"
#include "ui/import/importfilespage.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

class ImportWizardPluginTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PluginManager> m_plugins;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        PluginManager::Options options;
        options.folders = {CHORUS_PLUGIN_BUILD_DIR};
        m_plugins = std::make_unique<PluginManager>(options);
        m_plugins->load();
        const PluginEntry *mastodon = m_plugins->find("mastodon");
        QVERIFY2(mastodon && mastodon->state == PluginState::Loaded, "no loadable mastodon plugin in " CHORUS_PLUGIN_BUILD_DIR);
    }

    void importsMastodonStatusesThroughThePlugin()
    {
        const QString projectPath = m_dir.filePath("m.chorus");
        QVERIFY(Project::open(projectPath.toStdString(), Project::OpenMode::CreateNew).ok());
        ImportWizard wizard(projectPath);
        QSignalSpy imported(&wizard, &ImportWizard::datasetImported);
        wizard.show();
        wizard.filesPage()->setFiles({QStringLiteral(CHORUS_TEST_DATA "/mastodon/statuses.json")});
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ImportWizard::MappingPageId));
        ImportMappingPage *mapping = wizard.mappingPage();
        QVERIFY(mapping->formatCombo()->findText("mastodon") >= 0);
        mapping->setFormat("mastodon");
        QCOMPARE(mapping->format(), QString("mastodon"));
        QVERIFY(mapping->isComplete());
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ImportWizard::OptionsPageId));
        wizard.next();
        QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(ImportWizard::ResultPageId), 10000);
        QCOMPARE(wizard.runPage()->state(), ImportRunPage::State::Succeeded);
        QCOMPARE(imported.count(), 1);

        auto project = Project::open(projectPath.toStdString(), Project::OpenMode::OpenExisting);
        QVERIFY(project.ok());
        auto posts = (*project)->db().queryInt("SELECT count(*) FROM posts");
        QVERIFY(posts.ok() && *posts >= 3);
        auto text = (*project)->db().queryText("SELECT text FROM posts WHERE source_id = '109000000000000001'");
        QVERIFY(text.ok());
        QCOMPARE(QString::fromStdString(*text), QString("Fish & chips <3 at the pier\n\nSecond line\nthird line #food"));
    }
};

QTEST_MAIN(ImportWizardPluginTest)
#include "tst_importwizardplugin.moc"
