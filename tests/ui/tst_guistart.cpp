// The workbench started without a project, as a new user starts it: it makes the demo project
// in its data folder on the first start (posts, labels and a split), opens the window on it, and
// on the next start opens the same file again instead of making another.
#include "core/store/project.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class GuiStartTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_home;

    struct Started {
        int code = -1;
        QByteArray err;
    };

    Started start(const QString &screenshot) const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("CHORUS_DEMO_PROJECT"));
        environment.insert(QStringLiteral("HOME"), m_home.path());
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        QProcess gui;
        gui.setProcessEnvironment(environment);
        gui.start(QStringLiteral(CHORUS_GUI_PATH), {QStringLiteral("--screenshot"), screenshot});
        Started started;
        if (!gui.waitForFinished(240000)) {
            gui.kill();
            gui.waitForFinished();
            started.err = "the workbench did not quit after its screenshot";
            return started;
        }
        started.code = gui.exitStatus() == QProcess::NormalExit ? gui.exitCode() : -1;
        started.err = gui.readAllStandardError();
        return started;
    }

    QString demoPath() const { return m_home.filePath(QStringLiteral("data/chorus/chorus/demo.chorus")); }

private slots:
    void firstStartMakesAndOpensTheDemo()
    {
        QVERIFY(!QFileInfo::exists(demoPath()));
        const QString shot = m_home.filePath(QStringLiteral("first.png"));
        const Started first = start(shot);
        QVERIFY2(first.code == 0, first.err.constData());
        QVERIFY2(first.err.contains("creating the demo project"), first.err.constData());
        QVERIFY2(QFileInfo::exists(demoPath()), qPrintable(QDir(m_home.path()).entryList().join(", ")));
        const QImage image(shot);
        QVERIFY(image.width() > 400 && image.height() > 300);

        auto project = chorus::Project::open(demoPath().toStdString());
        QVERIFY(project.ok());
        auto posts = (*project)->db().prepare("SELECT count(*) FROM posts");
        QVERIFY(posts.ok() && posts->step());
        QVERIFY(posts->int64(0) >= 100);
        auto split = (*project)->db().prepare("SELECT count(DISTINCT part) FROM split_assignments");
        QVERIFY(split.ok() && split->step());
        QCOMPARE(split->int64(0), std::int64_t(3));
    }

    void nextStartOpensTheSameDemo()
    {
        const Started again = start(m_home.filePath(QStringLiteral("second.png")));
        QVERIFY2(again.code == 0, again.err.constData());
        QVERIFY2(!again.err.contains("creating the demo project"), again.err.constData());
        QVERIFY(QFileInfo::exists(m_home.filePath(QStringLiteral("second.png"))));
    }
};

QTEST_GUILESS_MAIN(GuiStartTest)
#include "tst_guistart.moc"
