// chorus-cli for recommender runs as a script sees it: train from the shipped presets, recommend
// with reasons as JSON, eval prints the stored ranking metrics, the worker protocol's events.
#include "clirun.h"
#include "plantedcommunities.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class RecommendCliTest : public QObject {
    Q_OBJECT

private:
    using Run = CliRun;

    static Run cli(const QStringList &args) { return runCli(args, 60000); }

    // A shipped preset pointed at the planted dataset, written next to the project.
    QString preset(const QString &name)
    {
        QFile file(QStringLiteral(CHORUS_RESOURCES "/presets/") + name);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QJsonObject config = QJsonDocument::fromJson(file.readAll()).object();
        config["dataset"] = "planted";
        const QString path = m_dir.filePath(name);
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly))
            return {};
        out.write(QJsonDocument(config).toJson());
        return path;
    }

    qint64 train(const QString &presetName)
    {
        const Run run = cli({"train", m_project, "--config", preset(presetName), "--json"});
        if (run.code != 0)
            qWarning("%s", run.out.constData());
        return run.code == 0 ? run.json()["run_id"].toInteger() : 0;
    }

    QTemporaryDir m_dir;
    QString m_project;
    qint64 m_mfRun = 0;

private slots:
    void initTestCase()
    {
        m_project = m_dir.filePath("planted.chorus");
        const std::string written = planted::writeProject(m_project.toStdString());
        QVERIFY2(written.empty(), written.c_str());
    }

    void registryListsTheFamilies()
    {
        const Run run = cli({"models", "--json"});
        QCOMPARE(run.code, 0);
        const QJsonDocument doc = QJsonDocument::fromJson(run.out);
        const QJsonArray models = doc.isArray() ? doc.array() : doc.object()["models"].toArray();
        QStringList recommenders;
        for (const QJsonValue &m : models)
            if (m.toObject()["trainer"].toString() == "recommender") {
                recommenders << m.toObject()["name"].toString();
                QCOMPARE(m.toObject()["inputs"].toArray().first().toString(), QString("interactions"));
            }
        recommenders.sort();
        QCOMPARE(recommenders, QStringList({"recommender_content", "recommender_hybrid", "recommender_itemknn",
                                            "recommender_mf", "recommender_userknn"}));
    }

    void trainRecommendEval()
    {
        const Run trained = cli({"train", m_project, "--config", preset("recommender-mf-demo-interactions.json"), "--json"});
        QVERIFY2(trained.code == 0, trained.out.constData());
        const QJsonObject result = trained.json();
        QCOMPARE(result["status"].toString(), QString("finished"));
        const qint64 runId = result["run_id"].toInteger();
        const QJsonObject test = result["test"].toObject();
        QVERIFY(test["ndcg_at_10"].toDouble() > 2 * test["popularity_ndcg_at_10"].toDouble());

        // b05 is in the jazz community: five jazz articles, each with a reason.
        const Run recommended = cli({"recommend", m_project, "--run", QString::number(runId), "--user", "b05", "--k", "5",
                                     "--json"});
        QVERIFY2(recommended.code == 0, recommended.out.constData());
        const QJsonObject json = recommended.json();
        QCOMPARE(json["user"].toObject()["name"].toString(), QString("b05"));
        QCOMPARE(json["history_items"].toInt(), planted::kItemsPerUser);
        const QJsonArray list = json["recommendations"].toArray();
        QCOMPARE(list.size(), 5);
        double previous = 1e300;
        for (const QJsonValue &v : list) {
            const QJsonObject item = v.toObject();
            QVERIFY(item["item"].toString().startsWith('b'));
            QVERIFY(item["title"].toString().startsWith("Jazz piano"));
            QVERIFY(item["score"].toDouble() <= previous);
            previous = item["score"].toDouble();
            const QJsonObject reason = item["reason"].toObject();
            QCOMPARE(reason["kind"].toString(), QString("similar_items"));
            QVERIFY(reason["text"].toString().startsWith("similar to"));
            for (const QJsonValue &seen : reason["items"].toArray())
                QVERIFY(seen.toObject()["item"].toString().startsWith('b'));
        }
        const Run evaluated = cli({"eval", m_project, "--run", QString::number(runId), "--json"});
        QVERIFY2(evaluated.code == 0, evaluated.out.constData());
        const QJsonObject eval = evaluated.json();
        QCOMPARE(eval["split"].toString(), QString("leave-last-out"));
        QCOMPARE(eval["metrics"].toObject()["ndcg"].toDouble(), test["ndcg_at_10"].toDouble());
        QVERIFY(eval["metrics"].toObject()["ndcg"].toDouble() > eval["popularity"].toObject()["ndcg"].toDouble());
        m_mfRun = runId;

        // The item factors after ALS iteration 3, and the final user factors, for the projector.
        const QString itemsOut = m_dir.filePath("items-iteration-3");
        const Run items = cli({"export", m_project, "--run", QString::number(runId), "--what", "items", "--epoch", "3",
                               itemsOut, "--json"});
        QVERIFY2(items.code == 0, items.err.constData());
        QCOMPARE(items.json()["rows"].toInt(), 2 * planted::kItemsPerCommunity);
        QCOMPARE(items.json()["dimensions"].toInt(), 8);
        QFile itemMetadata(itemsOut + "/metadata.tsv");
        QVERIFY(itemMetadata.open(QIODevice::ReadOnly));
        QCOMPARE(itemMetadata.readLine().trimmed(), QByteArray("item\ttitle\tusers"));
        const QString usersOut = m_dir.filePath("users-final");
        const Run users = cli({"export", m_project, "--run", QString::number(runId), "--what", "users", usersOut, "--json"});
        QVERIFY2(users.code == 0, users.err.constData());
        QCOMPARE(users.json()["rows"].toInt(), planted::kUsersA + planted::kUsersB);
        QVERIFY(QFile::exists(usersOut + "/vectors.tsv"));
        const Run late = cli({"export", m_project, "--run", QString::number(runId), "--what", "users", "--epoch", "16", usersOut});
        QCOMPARE(late.code, 1);
        QVERIFY2(late.err.contains("no users embedding snapshot for epoch 16 (it has epochs 1 to 15)"), late.err.constData());
    }

    void reasonsOfTheOtherFamilies()
    {
        const qint64 users = train("recommender-userknn-demo-interactions.json");
        QVERIFY(users > 0);
        const Run run = cli({"recommend", m_project, "--run", QString::number(users), "--user", "a03", "--json"});
        QVERIFY2(run.code == 0, run.out.constData());
        const QJsonArray list = run.json()["recommendations"].toArray();
        QCOMPARE(list.size(), 10);
        // (Content and item reasons: tst_recommenderruns; each process start here costs a second.)
        const QJsonObject first = list.first().toObject()["reason"].toObject();
        QCOMPARE(first["kind"].toString(), QString("similar_users"));
        QVERIFY(first["text"].toString().startsWith("users like you: a"));
        for (const QJsonValue &u : first["users"].toArray())
            QVERIFY(u.toObject()["name"].toString().startsWith('a'));
    }

    // Each chorus-cli start costs over a second (LibTorch loads): the hybrid preset runs only here.
    void workerProtocolEvents()
    {
        QProcess worker;
        worker.start(CHORUS_CLI_PATH,
                     {"train", m_project, "--config", preset("recommender-hybrid-demo-interactions.json"), "--events", "-"});
        QVERIFY(worker.waitForFinished(60000));
        QCOMPARE(worker.exitCode(), 0);
        QStringList kinds;
        for (const QByteArray &line : worker.readAllStandardOutput().split('\n')) {
            const QJsonObject event = QJsonDocument::fromJson(line).object();
            if (event.contains("event"))
                kinds << event["event"].toString();
        }
        QCOMPARE(kinds.first(), QString("started"));
        QVERIFY(kinds.contains("evaluation"));
        QVERIFY(kinds.contains("checkpoint"));
        QCOMPARE(kinds.last(), QString("finished"));
    }

    void errors()
    {
        QVERIFY(m_mfRun > 0);
        const qint64 runId = m_mfRun;
        Run run = cli({"recommend", m_project, "--run", QString::number(runId), "--user", "nobody", "--json"});
        QCOMPARE(run.code, 1);
        QVERIFY(run.json()["error"].toString().contains("nobody"));
        run = cli({"recommend", m_project, "--run", QString::number(runId), "--json"});
        QCOMPARE(run.code, 2);
    }
};

QTEST_GUILESS_MAIN(RecommendCliTest)
#include "tst_recommendcli.moc"
