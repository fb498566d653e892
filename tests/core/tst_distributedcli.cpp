// `chorus-cli train` as a data-parallel job of two CPU processes on loopback, started the way
// torchrun starts ranks (MASTER_ADDR, MASTER_PORT, RANK, WORLD_SIZE in the environment), each with
// its own copy of the project, as docs/scaling.md tells: the loss curve, the validation metrics and
// the test result match a single process at the same global batch size, only rank 0 records the
// run, `import-run` brings it back into the project (where eval reproduces its test result from
// the copied checkpoint), and a rank killed in the middle makes the other fail with a message (and
// the run marked failed) instead of hanging.
#include "clirun.h"

#include "core/store/project.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmath>
#include <map>

using namespace chorus;

namespace {

QJsonObject lastJson(const QByteArray &out)
{
    const QList<QByteArray> lines = out.trimmed().split('\n');
    return QJsonDocument::fromJson(lines.last()).object();
}

// Train metrics by step for one name ("loss", ...) and split.
std::map<qint64, double> metrics(const QString &projectPath, qint64 runId, const char *split, const char *name)
{
    std::map<qint64, double> values;
    auto project = Project::open(projectPath.toStdString(), Project::OpenMode::OpenExisting);
    if (!project)
        return values;
    auto query = (*project)->db().prepare(
        "SELECT step, value FROM metrics WHERE run_id = ?1 AND split = ?2 AND name = ?3 ORDER BY step");
    query->bind(1, static_cast<std::int64_t>(runId));
    query->bind(2, std::string(split));
    query->bind(3, std::string(name));
    while (query->step())
        values[query->int64(0)] = query->real(1);
    return values;
}

qint64 countRuns(const QString &projectPath)
{
    auto project = Project::open(projectPath.toStdString(), Project::OpenMode::OpenExisting);
    if (!project)
        return -1;
    auto query = (*project)->db().prepare("SELECT count(*) FROM runs");
    query->step();
    return query->int64(0);
}

struct RankProcess {
    QProcess process;
    QByteArray out;
    QByteArray err;
};

} // namespace

class DistributedCliTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;
    QString m_config;
    qint64 m_singleRun = 0;
    QJsonObject m_singleTest;

    // A TCP port nobody listens on right now (the kernel's pick for an ephemeral bind).
    static int freePort()
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof(address);
        int port = 0;
        if (fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0 &&
            ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
            port = ntohs(address.sin_port);
        if (fd >= 0)
            ::close(fd);
        return port;
    }

    QString copyOfProject(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        return QFile::copy(m_project, path) ? path : QString();
    }

    // Starts both ranks, rank 0 on the project and rank 1 on its own copy, and waits for both.
    // `rankOneEnvironment` adds variables to rank 1 only.
    bool runRanks(RankProcess (&ranks)[2], const QString &rankZeroProject, const QString &rankOneProject,
                  const QString &config,
                  const QMap<QString, QString> &rankOneEnvironment = {}, int timeoutMs = 240000)
    {
        const int port = freePort();
        for (int r = 0; r < 2; ++r) {
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert("MASTER_ADDR", "127.0.0.1");
            environment.insert("MASTER_PORT", QString::number(port));
            environment.insert("WORLD_SIZE", "2");
            environment.insert("RANK", QString::number(r));
            environment.insert("LOCAL_RANK", QString::number(r));
            environment.insert("CHORUS_DIST_TIMEOUT", "120");
            if (r == 1)
                for (auto it = rankOneEnvironment.begin(); it != rankOneEnvironment.end(); ++it)
                    environment.insert(it.key(), it.value());
            ranks[r].process.setProcessEnvironment(environment);
            ranks[r].process.start(QStringLiteral(CHORUS_CLI_PATH),
                                   {"train", r == 0 ? rankZeroProject : rankOneProject, "--config", config, "--json"});
        }
        bool finished = true;
        for (RankProcess &rank : ranks) {
            finished = rank.process.waitForFinished(timeoutMs) && finished;
            rank.out = rank.process.readAllStandardOutput();
            rank.err = rank.process.readAllStandardError();
        }
        return finished;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const CliRun devices = runCli({"devices", "--json"});
        QCOMPARE(devices.code, 0);
        if (devices.json()["distributed"].toString() != "gloo")
            QSKIP("this chorus-cli was built without distributed training (no c10d with Gloo)");
        m_project = m_dir.filePath("p.chorus");
        const CliRun demo = runCli({"demo", m_project, "--posts", "400", "--users", "30", "--no-media", "--json"});
        QVERIFY2(demo.code == 0, demo.err.constData());
        // No dropout: each rank would draw its own masks, a single process one mask for the batch.
        // 320 training posts in batches of 24: 14 steps an epoch, the last one of 8 rows.
        m_config = m_dir.filePath("textcnn.json");
        QFile file(m_config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"model": "textcnn", "dataset": "demo", "task": "sentiment", "seed": 5, "epochs": 2,
            "batch_size": 24, "device": "cpu", "optimizer": {"lr": 0.002},
            "params": {"embedding_dim": 16, "filters": 8, "kernel_sizes": [2, 3], "dropout": 0.0}})");
        file.close();
        const CliRun single = runCli({"train", m_project, "--config", m_config, "--json"}, 240000);
        QVERIFY2(single.code == 0, single.err.constData());
        m_singleRun = lastJson(single.out)["run_id"].toInteger();
        m_singleTest = lastJson(single.out)["test"].toObject();
        QVERIFY(m_singleRun > 0 && m_singleTest.contains("accuracy"));
    }

    void twoRanksTrainLikeOneProcess()
    {
        const QString rankZero = copyOfProject("rank0.chorus");
        const QString rankOne = copyOfProject("rank1.chorus");
        QVERIFY(!rankZero.isEmpty() && !rankOne.isEmpty());
        const qint64 runsInCopy = countRuns(rankOne);
        RankProcess ranks[2];
        QVERIFY(runRanks(ranks, rankZero, rankOne, m_config));
        QVERIFY2(ranks[0].process.exitCode() == 0, ranks[0].err.constData());
        QVERIFY2(ranks[1].process.exitCode() == 0, ranks[1].err.constData());
        const qint64 trained = lastJson(ranks[0].out)["run_id"].toInteger();
        QVERIFY(trained > m_singleRun);
        QCOMPARE(lastJson(ranks[1].out)["run_id"].toInteger(), trained); // rank 0's run, told to rank 1
        QCOMPARE(countRuns(rankOne), runsInCopy);                         // rank 1 wrote nothing

        // Back into the project the GUI works on.
        const CliRun imported = runCli({"import-run", m_project, "--from", rankZero, "--run", QString::number(trained), "--json"});
        QVERIFY2(imported.code == 0, imported.out.constData());
        const qint64 run = imported.json()["run_id"].toInteger();
        QVERIFY(run > m_singleRun);
        QVERIFY(imported.json()["checkpoints"].toInt() >= 2); // best and latest

        const auto single = metrics(m_project, m_singleRun, "train", "loss");
        const auto parallel = metrics(m_project, run, "train", "loss");
        QVERIFY(single.size() >= 4); // windows of 10 steps and each epoch's end
        QCOMPARE(parallel.size(), single.size());
        for (const auto &[step, loss] : single) {
            QVERIFY2(parallel.count(step), qPrintable(QString("no loss at step %1").arg(step)));
            QVERIFY2(std::abs(parallel.at(step) - loss) <= 1e-4 * std::max(1.0, std::abs(loss)),
                     qPrintable(QString("step %1: %2 vs %3").arg(step).arg(parallel.at(step)).arg(loss)));
        }
        const auto singleValid = metrics(m_project, m_singleRun, "valid", "loss");
        const auto parallelValid = metrics(m_project, run, "valid", "loss");
        QCOMPARE(parallelValid.size(), singleValid.size());
        for (const auto &[step, loss] : singleValid)
            QVERIFY(std::abs(parallelValid.at(step) - loss) <= 1e-4 * std::max(1.0, std::abs(loss)));
        const QJsonObject test = lastJson(ranks[0].out)["test"].toObject();
        QCOMPARE(test["confusion"].toArray(), m_singleTest["confusion"].toArray());
        // The imported checkpoints are the ones rank 0 wrote: eval here gives its test result.
        const CliRun eval = runCli({"eval", m_project, "--run", QString::number(run), "--json"});
        QVERIFY2(eval.code == 0, eval.out.constData());
        QCOMPARE(eval.json()["confusion"].toArray(), test["confusion"].toArray());
        // The global throughput is reported, and the run says where it ran.
        QVERIFY(!metrics(m_project, run, "train", "samples_per_s").empty());
    }

    void aKilledRankFailsTheOtherWithAMessage()
    {
        const QString copy = copyOfProject("rank1-killed.chorus");
        QVERIFY(!copy.isEmpty());
        RankProcess ranks[2];
        QElapsedTimer timer;
        timer.start();
        // CHORUS_DIST_TIMEOUT is 120 s: finishing well before it means the closed sockets told.
        QVERIFY(runRanks(ranks, m_project, copy, m_config, {{"CHORUS_FAULT_TRAINING", "abort@3"}}));
        QVERIFY2(timer.elapsed() < 90000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(ranks[1].process.exitStatus() == QProcess::CrashExit || ranks[1].process.exitCode() != 0);
        QVERIFY(ranks[0].process.exitCode() != 0);
        const QJsonObject failure = lastJson(ranks[0].out);
        const QString message = failure["error"].toString() + QString::fromUtf8(ranks[0].err);
        QVERIFY2(message.contains("rank 0 of 2") && message.contains("another rank"), qPrintable(message));

        auto project = Project::open(m_project.toStdString(), Project::OpenMode::OpenExisting);
        QVERIFY(project);
        auto last = (*project)->db().prepare("SELECT status, coalesce(message, '') FROM runs ORDER BY id DESC LIMIT 1");
        QVERIFY(last->step());
        QCOMPARE(QString::fromStdString(last->text(0)), QString("failed"));
        QVERIFY(QString::fromStdString(last->text(1)).contains("another rank"));
    }

    void familiesAndEnvironmentsItCannotRunAreRefused()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("WORLD_SIZE", "2");
        environment.insert("RANK", "2");
        environment.insert("MASTER_ADDR", "127.0.0.1");
        environment.insert("MASTER_PORT", "29999");
        const CliRun badRank = runCli({"train", m_project, "--config", m_config, "--json"}, 60000, environment);
        QVERIFY(badRank.code != 0);
        QVERIFY2(badRank.json()["error"].toString().contains("RANK"), badRank.out.constData());

        environment.insert("RANK", "0");
        const QString word2vec = m_dir.filePath("w2v.json");
        QFile file(word2vec);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"model": "word2vec", "dataset": "demo", "seed": 1, "epochs": 1, "params": {"dimensions": 8}})");
        file.close();
        const CliRun refused = runCli({"train", m_project, "--config", word2vec, "--json"}, 60000, environment);
        QVERIFY(refused.code != 0);
        QVERIFY2(refused.json()["error"].toString().contains("trains on one machine"), refused.out.constData());
    }
};

QTEST_GUILESS_MAIN(DistributedCliTest)
#include "tst_distributedcli.moc"
