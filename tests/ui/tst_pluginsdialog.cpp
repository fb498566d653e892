// Help > Plugins...: the dialog lists the real Mastodon and HAN plugins (loaded from the build tree through
// the plugin loader) and a failed one with its reason; its checkbox records the choice for the
// next start.
#include "core/plugins/pluginmanager.h"
#include "ui/main/pluginsdialog.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QtTest>

class PluginsDialogTest : public QObject {
    Q_OBJECT

private slots:
    void listsPluginsAndTogglesThem()
    {
        QTemporaryDir dir;
        QFile broken(dir.filePath("broken.plugin.json"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{ not json");
        broken.close();

        chorus::PluginManager::Options options;
        options.folders = {CHORUS_PLUGIN_BUILD_DIR, dir.path().toStdString()};
        options.settingsPath = dir.filePath("config/plugins.json").toStdString();
        chorus::PluginManager plugins(options);
        plugins.load();

        PluginsDialog dialog(plugins);
        dialog.show();
        QTreeWidget *list = dialog.pluginList();
        // The build tree's two real plugins (Mastodon importer, HAN model) and the broken manifest.
        QCOMPARE(list->topLevelItemCount(), 3);
        QTreeWidgetItem *han = list->findItems("han", Qt::MatchExactly, 0).value(0);
        QVERIFY(han);
        QCOMPARE(han->text(2), QStringLiteral("Loaded"));
        QCOMPARE(han->text(3), QStringLiteral("models: han"));
        QTreeWidgetItem *mastodon = list->findItems("mastodon", Qt::MatchExactly, 0).value(0);
        QVERIFY(mastodon);
        QCOMPARE(mastodon->text(1), QStringLiteral("1.0.0"));
        QCOMPARE(mastodon->text(2), QStringLiteral("Loaded"));
        QCOMPARE(mastodon->text(3), QStringLiteral("import: mastodon"));
        QCOMPARE(mastodon->checkState(0), Qt::Checked);

        QTreeWidgetItem *failed = list->findItems("broken", Qt::MatchExactly, 0).value(0);
        QVERIFY(failed);
        QVERIFY2(failed->text(2).startsWith("Failed: bad manifest"), qPrintable(failed->text(2)));
        QVERIFY(!(failed->flags() & Qt::ItemIsUserCheckable)); // nothing to record a choice under

        list->setCurrentItem(mastodon);
        const QString details = dialog.details()->toPlainText();
        QVERIFY2(details.contains("chorus-mastodon.so"), qPrintable(details));
        QVERIFY(details.contains("Mastodon"));
        QVERIFY(details.contains("Interface version"));

        mastodon->setCheckState(0, Qt::Unchecked);
        QVERIFY2(dialog.message()->text().contains("will not be loaded the next time"), qPrintable(dialog.message()->text()));
        QVERIFY(!plugins.settings().isEnabled("mastodon"));
        QVERIFY(QFile::exists(dir.filePath("config/plugins.json")));
        // This session keeps the plugin it loaded.
        QCOMPARE(plugins.find("mastodon")->state, chorus::PluginState::Loaded);

        mastodon->setCheckState(0, Qt::Checked);
        QVERIFY(plugins.settings().isEnabled("mastodon"));
    }
};

QTEST_MAIN(PluginsDialogTest)
#include "tst_pluginsdialog.moc"
