// The Recommend tab on a project with two planted communities: a finished recommender run is
// offered, the user list filters as typed, and a jazz-community user's history and top-K
// recommendations (all jazz articles, each with a reason) appear, computed off the GUI thread.
#include "../core/plantedcommunities.h"

#include "core/recommend/recommenderfactory.h"
#include "core/recommend/recommendertrainer.h"
#include "core/store/project.h"
#include "ui/main/mainwindow.h"
#include "ui/analytics/userprofileview.h"
#include "ui/recommenders/recommenderpanel.h"

#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

class RecommenderPanelTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    qint64 m_run = 0;

    std::int64_t userId(Project &project, const char *sourceId)
    {
        auto select = project.db().prepare("SELECT id FROM users WHERE source_id = ?");
        select->bind(1, std::string(sourceId));
        return select->step() ? select->int64(0) : 0;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the window keeps recent projects in settings
        m_path = m_dir.filePath("planted.chorus");
        const std::string written = planted::writeProject(m_path.toStdString());
        QVERIFY2(written.empty(), written.c_str());
        auto project = Project::open(m_path.toStdString(), Project::OpenMode::OpenExisting);
        QVERIFY(project.ok());
        auto config = RunConfig::parse({{"model", RecommenderFactory::kItemKnn},
                                        {"dataset", "planted"},
                                        {"seed", 1},
                                        {"epochs", 1},
                                        {"params", {{"neighbours", 20}}}},
                                       nullptr, false);
        QVERIFY(config.ok());
        auto outcome = RecommenderTrainer(**project, *config).run();
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : outcome.message().c_str());
        m_run = outcome->runId;
    }

    void showsHistoryAndRecommendationsWithReasons()
    {
        auto project = Project::open(m_path.toStdString(), Project::OpenMode::OpenExisting);
        QVERIFY(project.ok());
        RecommenderPanel panel;
        QSignalSpy loaded(&panel, &RecommenderPanel::modelLoaded);
        QSignalSpy shown(&panel, &RecommenderPanel::recommendationsShown);
        QSignalSpy failed(&panel, &RecommenderPanel::failed);
        panel.setProject(project->get());
        QCOMPARE(panel.runChooser()->count(), 1);
        QCOMPARE(panel.currentRun(), m_run);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.first().at(1).toInt(), planted::kUsersA + planted::kUsersB);
        QCOMPARE(panel.usersView()->model()->rowCount(), planted::kUsersA + planted::kUsersB);

        // Typing filters the users: b0 matches b00..b09 (names; no id contains "b").
        QTest::keyClicks(panel.userFilter(), "b0");
        QCOMPARE(panel.usersView()->model()->rowCount(), 10);

        const std::int64_t jazz = userId(**project, "b05");
        QVERIFY(jazz > 0);
        QVERIFY(panel.setUser(jazz));
        QVERIFY(shown.wait(10000));
        QCOMPARE(shown.last().at(0).toLongLong(), qint64(jazz));
        QCOMPARE(panel.currentUser(), jazz);
        QVERIFY(failed.isEmpty());

        QTableWidget *history = panel.historyTable();
        QCOMPARE(history->rowCount(), planted::kItemsPerUser);
        for (int row = 0; row < history->rowCount(); ++row) {
            QVERIFY(history->item(row, 0)->text().startsWith('b'));
            QVERIFY(history->item(row, 1)->text().startsWith("Jazz piano"));
            QVERIFY(history->item(row, 2)->text().toDouble() >= 1.0);
            QVERIFY(history->item(row, 3)->text().startsWith("2023-"));
        }
        QTableWidget *recommended = panel.recommendationsTable();
        QCOMPARE(recommended->rowCount(), 10);
        double previous = 1e300;
        for (int row = 0; row < recommended->rowCount(); ++row) {
            QCOMPARE(recommended->item(row, 0)->text(), QString::number(row + 1));
            QVERIFY(recommended->item(row, 1)->text().startsWith("Jazz piano"));
            QVERIFY(recommended->item(row, 2)->text().startsWith('b'));
            const double score = recommended->item(row, 3)->text().toDouble();
            QVERIFY(score <= previous);
            previous = score;
            QTableWidgetItem *why = recommended->item(row, 4);
            QVERIFY2(why->text().startsWith(QString::fromUtf8("similar to \u201cJazz piano")), qPrintable(why->text()));
            QCOMPARE(why->data(Qt::UserRole).toString(), QString("similar_items"));
            // Not in the history: only unseen items are recommended.
            for (int h = 0; h < history->rowCount(); ++h)
                QVERIFY(history->item(h, 0)->text() != recommended->item(row, 2)->text());
        }

        // Fewer recommendations on request.
        panel.kChooser()->setValue(4);
        QVERIFY(shown.wait(10000));
        QCOMPARE(recommended->rowCount(), 4);
        QVERIFY(!panel.setUser(999999));
        QVERIFY(!panel.setRun(m_run + 100));
    }

    void theUserProfileListsTheNewestRunsRecommendations()
    {
        auto project = Project::open(m_path.toStdString(), Project::OpenMode::OpenExisting);
        QVERIFY(project.ok());
        UserProfileView view;
        view.setProject(project->get());
        QSignalSpy shown(&view, &UserProfileView::profileShown);
        view.showUserId(userId(**project, "b05"));
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1, 10000);
        QListWidget *list = view.recommendationsList();
        QCOMPARE(list->count(), 5);
        for (int row = 0; row < list->count(); ++row) {
            // A jazz reader is shown jazz articles, with a reason that names no other user.
            QVERIFY2(list->item(row)->text().startsWith("Jazz piano"), qPrintable(list->item(row)->text()));
            QVERIFY(list->item(row)->text().contains("similar to items this user interacted with"));
        }
    }

    void mainWindowHasTheTab()
    {
        MainWindow window;
        QCOMPARE(window.openProject(m_path), QString());
        RecommenderPanel *panel = window.recommenderPanel();
        QVERIFY(panel);
        QTabWidget *tabs = nullptr; // the window's own, not a panel's inner tabs
        for (QTabWidget *candidate : window.findChildren<QTabWidget *>())
            if (candidate->indexOf(panel) >= 0)
                tabs = candidate;
        QVERIFY(tabs);
        QCOMPARE(tabs->tabText(tabs->indexOf(panel)), QString("Recommend"));
        QCOMPARE(panel->runChooser()->count(), 1);
        QSignalSpy loaded(panel, &RecommenderPanel::modelLoaded);
        QVERIFY(loaded.count() == 1 || loaded.wait(10000));
    }
};

QTEST_MAIN(RecommenderPanelTest)
#include "tst_recommenderpanel.moc"
