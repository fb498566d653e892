// The workbench opening a project it cannot use: a read-only file, a read-only folder, a project
// another program holds locked, a file that is no project. MainWindow::openProject (what File >
// Open shows in a message box) answers with a message naming the cause; nothing crashes, and the
// project that was open stays open and usable.
//
// Permissions do not bind root: when the test runs as root, the GUI thread gives up the
// capabilities that bypass file permissions while it opens those files, as an ordinary user has.
#include "core/store/project.h"
#include "ui/main/mainwindow.h"

#include <QDir>
#include <QFile>
#include <QListWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <linux/capability.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace chorus;

namespace {

// Removes CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH and CAP_FOWNER from the calling thread's
// effective set for its lifetime (they stay permitted, and come back in the destructor).
class WithoutFileOverride {
public:
    WithoutFileOverride()
    {
        if (::geteuid() != 0)
            return;
        if (::syscall(SYS_capget, &m_header, m_saved) != 0)
            return;
        __user_cap_data_struct reduced[2] = {m_saved[0], m_saved[1]};
        for (int cap : {CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER})
            reduced[cap / 32].effective &= ~(1u << (cap % 32));
        m_active = ::syscall(SYS_capset, &m_header, reduced) == 0;
    }
    ~WithoutFileOverride()
    {
        if (m_active)
            ::syscall(SYS_capset, &m_header, m_saved);
    }
    // False when running as root and the capabilities could not be dropped.
    bool effective() const { return ::geteuid() != 0 || m_active; }

private:
    __user_cap_header_struct m_header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct m_saved[2]{};
    bool m_active = false;
};

} // namespace

class ProjectOpenErrorsTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_good;

    QString makeProject(const QString &folder, const char *dataset)
    {
        QDir().mkpath(folder);
        const QString path = folder + "/p.chorus";
        auto project = Project::open(path.toStdString());
        if (project)
            (*project)->ensureDataset(dataset);
        return path;
    }

    // The window refuses `path` with a message containing `expected` and keeps the good project.
    void refused(MainWindow &window, const QString &path, const QString &expected)
    {
        const QString error = window.openProject(path);
        QVERIFY2(error.contains(expected), qPrintable(error));
        QCOMPARE(window.projectPath(), m_good);
        QCOMPARE(window.datasetList()->count(), 1);
        QVERIFY(window.datasetList()->item(0)->text().contains("good"));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_good = makeProject(m_dir.filePath("good"), "good");
    }

    void unusableProjectsAreRefusedWithTheirCause()
    {
        MainWindow window;
        window.show();
        QCOMPARE(window.openProject(m_good), QString());

        const QString readOnlyFile = makeProject(m_dir.filePath("ro-file"), "hidden");
        QVERIFY(QFile::setPermissions(readOnlyFile, QFileDevice::ReadOwner | QFileDevice::ReadGroup));
        const QString readOnlyFolder = makeProject(m_dir.filePath("ro-folder"), "hidden");
        QVERIFY(::chmod(m_dir.filePath("ro-folder").toLocal8Bit().constData(), 0555) == 0);
        {
            WithoutFileOverride unprivileged;
            if (!unprivileged.effective())
                QSKIP("running as root and cannot drop the capabilities that bypass file permissions");
            refused(window, readOnlyFile, "is read-only");
            refused(window, readOnlyFolder, "is not writable");
        }
        ::chmod(m_dir.filePath("ro-folder").toLocal8Bit().constData(), 0755);

        const QString notAProject = m_dir.filePath("notes.chorus");
        {
            QFile file(notAProject);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(8192, 'x'));
        }
        refused(window, notAProject, "is not a Chorus project");

        const QString locked = makeProject(m_dir.filePath("locked"), "hidden");
        SqliteDatabase holder;
        QVERIFY(holder.open(locked.toStdString(), SqliteDatabase::Mode::ReadWrite).ok());
        QVERIFY(holder.exec("PRAGMA locking_mode = EXCLUSIVE").ok());
        QVERIFY(holder.exec("BEGIN EXCLUSIVE").ok());
        QVERIFY(holder.exec("INSERT INTO meta(key, value) VALUES ('held', 'yes')").ok());
        refused(window, locked, "is locked by another program");
        QVERIFY(holder.exec("ROLLBACK").ok());
        holder.close();

        // Once released, the same project opens.
        QCOMPARE(window.openProject(locked), QString());
        QCOMPARE(window.projectPath(), locked);
    }
};

QTEST_MAIN(ProjectOpenErrorsTest)
#include "tst_projectopenerrors.moc"
