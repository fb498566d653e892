// A project Chorus cannot write, or that another program holds: chorus-cli says why, in words
// that name the cause (read-only file, read-only folder, read-only file system, locked), exits
// with an error and never crashes; the file is left as it was. A lock held for a moment only is
// waited for. (The GUI's open of the same projects is tst_projectopenerrors.)
//
// Permissions do not bind root, and tests may run as root: the child then runs under setpriv with
// the capabilities that bypass file permissions removed, as an ordinary user would run.
#include "clirun.h"

#include "core/store/project.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace chorus;

class LockedProjectTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static bool asRoot() { return ::geteuid() == 0; }

    // chorus-cli as a user without the right to ignore permissions.
    static CliRun cliUnprivileged(const QStringList &arguments)
    {
        QProcess process;
        if (asRoot())
            process.start("setpriv", QStringList{"--bounding-set", "-dac_override,-dac_read_search,-fowner", CHORUS_CLI_PATH} + arguments);
        else
            process.start(CHORUS_CLI_PATH, arguments);
        CliRun run;
        if (!process.waitForFinished(60000))
            return run;
        run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

    QString makeProject(const QString &folder)
    {
        QDir().mkpath(folder);
        const QString path = folder + "/p.chorus";
        auto project = Project::open(path.toStdString());
        if (project)
            (*project)->ensureDataset("kept");
        return path;
    }

    static QByteArray contents(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private slots:
    void initTestCase()
    {
        if (asRoot() && QStandardPaths::findExecutable("setpriv").isEmpty())
            QSKIP("running as root without setpriv: file permissions cannot be tested");
    }

    void readOnlyFileIsRefusedClearly()
    {
        const QString path = makeProject(m_dir.filePath("ro-file"));
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        const QByteArray before = contents(path);
        for (const QStringList &arguments : {QStringList{"info", path, "--json"}, QStringList{"runs", path, "--json"},
                                             QStringList{"import", path, "--format", "jsonl", "--dataset", "d", "--json",
                                                         QStringLiteral(CHORUS_TEST_DATA "/jsonl/posts.jsonl")}}) {
            const CliRun run = cliUnprivileged(arguments);
            QVERIFY2(run.code == 1, qPrintable(arguments.first() + ": " + run.err));
            const QString error = run.json()["error"].toString();
            QVERIFY2(error.contains("is read-only") && error.contains("p.chorus") && error.contains("Permission denied"),
                     qPrintable(error));
        }
        QCOMPARE(contents(path), before);
        QVERIFY(!QFile::exists(path + "-wal"));
    }

    void readOnlyFolderIsRefusedClearly()
    {
        const QString folder = m_dir.filePath("ro-folder");
        const QString path = makeProject(folder);
        QVERIFY(::chmod(folder.toLocal8Bit().constData(), 0555) == 0);
        const CliRun run = cliUnprivileged({"info", path, "--json"});
        ::chmod(folder.toLocal8Bit().constData(), 0755);
        QVERIFY2(run.code == 1, run.err.constData());
        const QString error = run.json()["error"].toString();
        QVERIFY2(error.contains("folder") && error.contains("is not writable") && error.contains("write-ahead log"),
                 qPrintable(error));
        // Creating a project there is refused as clearly.
        QVERIFY(::chmod(folder.toLocal8Bit().constData(), 0555) == 0);
        const CliRun create = cliUnprivileged({"new", folder + "/new.chorus", "--json"});
        ::chmod(folder.toLocal8Bit().constData(), 0755);
        QCOMPARE(create.code, 1);
        QVERIFY2(create.json()["error"].toString().contains("cannot create project"), create.out.constData());
    }

    void readOnlyFileSystemIsRefusedClearly()
    {
        // A read-only bind mount in a private mount namespace, where the machine allows one.
        const QString folder = m_dir.filePath("ro-mount");
        const QString path = makeProject(folder);
        QProcess shell;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("DIR", folder);
        environment.insert("CLI", CHORUS_CLI_PATH);
        environment.insert("PROJECT", path);
        shell.setProcessEnvironment(environment);
        shell.start("unshare", {"--mount", "--map-root-user", "sh", "-c",
                                "mount --bind \"$DIR\" \"$DIR\" && mount -o remount,ro,bind \"$DIR\" && "
                                "{ \"$CLI\" info \"$PROJECT\" --json; echo \"code=$?\"; }"});
        if (!shell.waitForFinished(60000) || shell.exitCode() != 0)
            QSKIP(qPrintable("this machine does not let a test mount a folder read-only: " + shell.readAllStandardError()));
        const QByteArray out = shell.readAllStandardOutput();
        QVERIFY2(out.contains("code=1"), out.constData());
        const QString error = QJsonDocument::fromJson(out.left(out.indexOf('\n'))).object()["error"].toString();
        QVERIFY2(error.contains("read-only") && error.contains("Read-only file system"), out.constData());
    }

    void exclusiveLockIsReportedAsLocked()
    {
        const QString path = makeProject(m_dir.filePath("locked"));
        SqliteDatabase holder;
        QVERIFY(holder.open(path.toStdString(), SqliteDatabase::Mode::ReadWrite).ok());
        QVERIFY(holder.exec("PRAGMA locking_mode = EXCLUSIVE").ok());
        QVERIFY(holder.exec("BEGIN EXCLUSIVE").ok());
        QVERIFY(holder.exec("INSERT INTO meta(key, value) VALUES ('held', 'yes')").ok());

        {
            const CliRun run = runCli({"info", path, "--json"});
            QVERIFY2(run.code == 1, run.err.constData());
            const QString error = run.json()["error"].toString();
            QVERIFY2(error.contains("is locked by another program") && error.contains("p.chorus"), qPrintable(error));
            QVERIFY2(!error.contains("not a Chorus project"), qPrintable(error));
        }
        // In the same process, as the GUI opens a project: the same answer, as a value.
        auto opened = Project::open(path.toStdString(), Project::OpenMode::OpenExisting);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.message().find("locked by another program") != std::string::npos, opened.message().c_str());

        QVERIFY(holder.exec("ROLLBACK").ok());
        holder.close();
        const CliRun free = runCli({"info", path, "--json"});
        QVERIFY2(free.code == 0, free.out.constData());
        QCOMPARE(free.json()["datasets"].toInt(), 1);
    }

    void briefLockIsWaitedFor()
    {
        const QString path = makeProject(m_dir.filePath("brief"));
        SqliteDatabase holder;
        QVERIFY(holder.open(path.toStdString(), SqliteDatabase::Mode::ReadWrite).ok());
        QVERIFY(holder.exec("PRAGMA locking_mode = EXCLUSIVE").ok());
        QVERIFY(holder.exec("BEGIN EXCLUSIVE").ok());
        QVERIFY(holder.exec("INSERT INTO meta(key, value) VALUES ('held', 'briefly')").ok());
        // Released a second later, well within the busy timeout: the other instance just waits.
        std::thread release([&holder] {
            std::this_thread::sleep_for(std::chrono::milliseconds(1000));
            holder.exec("COMMIT");
            holder.close();
        });
        const CliRun run = runCli({"info", path, "--json"});
        release.join();
        QVERIFY2(run.code == 0, run.out.constData());
        QCOMPARE(run.json()["datasets"].toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(LockedProjectTest)
#include "tst_lockedproject.moc"
