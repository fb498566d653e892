// What the workbench remembers between sessions, in a test-mode settings file: recent projects
// (newest first, at most ten, deleted files pruned), window geometry and splitter sizes, the theme
// (which also recolours the plots), and the keyboard shortcuts of common actions.
#include "core/store/project.h"
#include "ui/common/apptheme.h"
#include "ui/common/plottheme.h"
#include "ui/common/workbenchsettings.h"
#include "ui/data/labelchart.h"
#include "ui/data/timechart.h"
#include "ui/main/mainwindow.h"
#include "ui/main/recentprojects.h"

#include <qcustomplot.h>

#include <QAction>
#include <QLineEdit>
#include <QMenu>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

namespace {

QColor backgroundOf(QCustomPlot *plot)
{
    plot->replot();
    return plot->toPixmap(120, 90).toImage().pixelColor(2, 2);
}

} // namespace

class SettingsTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString makeProject(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        auto project = Project::open(path.toStdString());
        return project ? path : QString();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Never the user's own file: test mode moves it under ~/.qttest.
        QVERIFY2(WorkbenchSettings::open()->fileName().contains(".qttest"), qPrintable(WorkbenchSettings::open()->fileName()));
        WorkbenchSettings::open()->clear();
    }

    void cleanupTestCase() { WorkbenchSettings::open()->clear(); }

    void recentProjectsNewestFirstAndPruned()
    {
        RecentProjects::clear();
        QStringList made;
        for (int i = 0; i < 12; ++i)
            made << makeProject(QString("p%1.chorus").arg(i));
        {
            MainWindow window;
            for (const QString &path : made)
                QCOMPARE(window.openProject(path), QString());
            QStringList recent = RecentProjects::list();
            QCOMPARE(recent.size(), RecentProjects::kMaximum);
            QCOMPARE(recent.first(), made.last());
            QCOMPARE(recent.last(), made[2]);
            // Opening an older one again moves it to the top, without duplicates.
            QCOMPARE(window.openProject(made[5]), QString());
            recent = RecentProjects::list();
            QCOMPARE(recent.first(), made[5]);
            QCOMPARE(recent.count(made[5]), 1);
            // The menu lists them too.
            window.recentMenu()->aboutToShow();
            QVERIFY(window.recentMenu()->actions().first()->data().toString() == made[5]);
        }
        // A deleted project drops out of the list and the menu.
        QVERIFY(QFile::remove(made[5]));
        const QStringList recent = RecentProjects::list();
        QVERIFY(!recent.contains(made[5]));
        QCOMPARE(recent.size(), RecentProjects::kMaximum - 1);
        QVERIFY(!WorkbenchSettings::open()->value("recentProjects").toStringList().contains(made[5]));
        MainWindow window;
        window.recentMenu()->aboutToShow();
        for (QAction *action : window.recentMenu()->actions())
            QVERIFY(action->data().toString() != made[5]);
    }

    void geometryAndSplitterRoundTrip()
    {
        QList<int> sizes;
        QRect geometry;
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.setGeometry(40, 50, 1000, 700);
            window.dataSplitter()->setSizes({100, 600, 300});
            sizes = window.dataSplitter()->sizes();
            geometry = window.geometry();
            window.close(); // saves
        }
        MainWindow again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.geometry().size(), geometry.size());
        QCOMPARE(again.dataSplitter()->sizes(), sizes);
    }

    void darkThemeRecoloursWindowAndPlots()
    {
        MainWindow window;
        LabelChart chart;
        TimeChart timeline;
        AppTheme::apply(AppTheme::Light);
        QCoreApplication::processEvents();
        const QColor lightWindow = qApp->palette().color(QPalette::Window);
        const QColor lightPlot = backgroundOf(chart.plot());
        QVERIFY(lightWindow.lightness() > 128);
        QVERIFY(lightPlot.lightness() > 128);

        // Through the menu, as a user would.
        QAction *dark = window.findChild<QAction *>("theme-dark");
        QVERIFY(dark);
        dark->trigger();
        QCOMPARE(AppTheme::current(), AppTheme::Dark);
        QVERIFY(qApp->palette().color(QPalette::Window).lightness() < 100);
        // Widgets receive the new palette through posted events.
        QTRY_VERIFY(backgroundOf(chart.plot()).lightness() < 100);
        QTRY_VERIFY(backgroundOf(timeline.plot()).lightness() < 100);
        QCOMPARE(chart.plot()->xAxis->tickLabelColor(), qApp->palette().color(QPalette::Text));
        QCOMPARE(WorkbenchSettings::open()->value("theme").toString(), QString("dark"));

        // The next window starts dark; back to light recolours again.
        {
            MainWindow next;
            QVERIFY(next.findChild<QAction *>("theme-dark")->isChecked());
        }
        window.findChild<QAction *>("theme-light")->trigger();
        QTRY_COMPARE(backgroundOf(chart.plot()), lightPlot);
        window.findChild<QAction *>("theme-system")->trigger();
        QCOMPARE(AppTheme::current(), AppTheme::System);
    }

    void shortcuts()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QList<QKeySequence> bound;
        for (QAction *action : window.findChildren<QAction *>())
            bound << action->shortcut();
        for (const QKeySequence &wanted : {QKeySequence(QKeySequence::Open), QKeySequence(QKeySequence::New),
                                           QKeySequence(QKeySequence::Quit), QKeySequence(QKeySequence::Find)})
            QVERIFY2(bound.contains(wanted), qPrintable(wanted.toString()));
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.tabs()->currentIndex(), 2);
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(window.tabs()->currentIndex(), 0);
        QTRY_VERIFY(window.searchField()->hasFocus());
    }
};

QTEST_MAIN(SettingsTest)
#include "tst_settings.moc"
