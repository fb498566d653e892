// The first workbench window, driven as a user would: open a project, pick a dataset, search,
// select a post, read the label chart.
#include "core/store/project.h"
#include "ui/data/labelchart.h"
#include "ui/data/poststablemodel.h"
#include "ui/main/mainwindow.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QSet>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QStandardPaths>
#include <QtTest>

using namespace chorus;

class MainWindowTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the window keeps recent projects and layout in settings
        m_path = m_dir.filePath("ui.chorus");
        auto project = Project::open(m_path.toStdString());
        QVERIFY(project.ok());
        SqliteDatabase &db = (*project)->db();
        QVERIFY(db.exec("INSERT INTO datasets(name) VALUES ('big'), ('small');"
                        "INSERT INTO users(source_id, name) VALUES ('u1', 'alice');")
                    .ok());
        auto insert = db.prepare("INSERT INTO posts(dataset_id, source_id, author_id, created_at, text, likes)"
                                 " VALUES (?, ?, 1, ?, ?, ?)");
        auto label = db.prepare("INSERT INTO labels(post_id, task, value) VALUES (?, 'sentiment', ?)");
        QVERIFY(db.exec("BEGIN").ok());
        // More rows than one page, so the table must fetch lazily.
        for (int i = 0; i < 1000; ++i) {
            const std::string text = i % 10 == 0 ? "the election night " + std::to_string(i) : "post number " + std::to_string(i);
            insert->bind(1, 1).bind(2, "b" + std::to_string(i)).bind(3, 1600000000 + i).bind(4, text).bind(5, i);
            QVERIFY(insert->exec());
            label->bind(1, db.lastInsertRowId()).bind(2, i % 4 == 0 ? "negative" : "positive");
            QVERIFY(label->exec());
        }
        insert->bind(1, 2).bind(2, "s1").bind(3, 1600000000).bind(4, "hello <b>world</b> & friends").bind(5, 3);
        QVERIFY(insert->exec());
        QVERIFY(db.exec("COMMIT").ok());
    }

    void opensProjectAndListsDatasets()
    {
        MainWindow window;
        QCOMPARE(window.openProject(m_path), QString());
        QCOMPARE(window.datasetList()->count(), 2);
        QVERIFY(window.datasetList()->item(0)->text().contains("1000 posts"));
        // The first page only: lazy fetching, not the whole table.
        QCOMPARE(window.postsModel()->rowCount(), PostsTableModel::kPageSize);
        QVERIFY(window.postsModel()->canFetchMore({}));
        window.postsModel()->fetchMore({});
        QCOMPARE(window.postsModel()->rowCount(), 2 * PostsTableModel::kPageSize);
        while (window.postsModel()->canFetchMore({}))
            window.postsModel()->fetchMore({});
        QCOMPARE(window.postsModel()->rowCount(), 1000);
    }

    void searchFiltersPosts()
    {
        MainWindow window;
        QCOMPARE(window.openProject(m_path), QString());
        QTest::keyClicks(window.searchField(), "election");
        QTest::keyClick(window.searchField(), Qt::Key_Return);
        QCOMPARE(window.postsModel()->rowCount(), 100);
        const QString text = window.postsModel()->index(0, PostsTableModel::TextColumn).data().toString();
        QVERIFY2(text.contains("election"), qPrintable(text));
        // A malformed query does not crash or clear the window.
        window.searchField()->setText("\"unbalanced");
        window.applySearch();
        QCOMPARE(window.postsModel()->rowCount(), 0);
    }

    void selectingPostShowsDetailEscaped()
    {
        MainWindow window;
        QCOMPARE(window.openProject(m_path), QString());
        window.datasetList()->setCurrentRow(1);
        QCOMPARE(window.postsModel()->rowCount(), 1);
        window.postsView()->selectRow(0);
        const QString shown = window.detailView()->toPlainText();
        QVERIFY2(shown.contains("hello <b>world</b> & friends"), qPrintable(shown));
        QVERIFY(shown.contains("alice"));
    }

    void labelChartShowsDistribution()
    {
        MainWindow window;
        QCOMPARE(window.openProject(m_path), QString());
        window.datasetList()->setCurrentRow(0);
        // Counted off the window's thread: the menu and the chart fill in when the counts arrive.
        QTRY_COMPARE_WITH_TIMEOUT(window.taskCombo()->currentText(), QString("sentiment"), 10000);
        QCOMPARE(window.labelChart()->barCount(), 2);
        QCOMPARE(window.labelChart()->barValue(0), 750.0); // most frequent first
        QCOMPARE(window.labelChart()->barValue(1), 250.0);
    }

    // Every tab has its Ctrl+number, the tenth (Sequences) Ctrl+0, and the keys reach it.
    void everyTabHasAShortcut()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTabWidget *tabs = window.tabs();
        QVERIFY(tabs->count() >= 10);
        QStringList keys;
        for (int i = 0; i < tabs->count() && i < 10; ++i) {
            auto *go = window.findChild<QAction *>(QStringLiteral("go-to-tab-%1").arg(i + 1));
            QVERIFY2(go, qPrintable(tabs->tabText(i)));
            QVERIFY(go->text().contains(tabs->tabText(i)));
            keys << go->shortcut().toString(QKeySequence::PortableText);
        }
        QCOMPARE(keys.first(), QStringLiteral("Ctrl+1"));
        QCOMPARE(keys.value(9), QStringLiteral("Ctrl+0"));
        QCOMPARE(QSet<QString>(keys.begin(), keys.end()).size(), keys.size());
        QTest::keyClick(&window, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(tabs->currentIndex(), 9);
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(tabs->currentIndex(), 1);
    }

    void refusesBadProject()
    {
        MainWindow window;
        QCOMPARE(window.openProject(m_path), QString());
        const QString bad = m_dir.filePath("broken.chorus");
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'z'));
        f.close();
        QVERIFY(!window.openProject(bad).isEmpty());
        QCOMPARE(window.projectPath(), m_path); // the open project stays open
    }
};

QTEST_MAIN(MainWindowTest)
#include "tst_mainwindow.moc"
