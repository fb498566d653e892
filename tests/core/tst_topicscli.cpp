// chorus-cli topics as a script sees it: JSON topics, labels stored and replaced, the CSV.
#include "clirun.h"
#include "core/store/project.h"
#include "core/util/deterministicrandom.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

class TopicsCliTest : public QObject {
    Q_OBJECT

private:
    using Run = CliRun;

    static Run cli(const QStringList &args) { return runCli(args, 60000); }

    QTemporaryDir m_dir;
    QString m_project;

private slots:
    void initTestCase()
    {
        // Three planted topics, 60 posts each: 7 of the topic's 12 words and 2 shared noise words.
        m_project = m_dir.filePath("topics.chorus");
        auto project = Project::open(m_project.toStdString());
        QVERIFY(project.ok());
        auto dataset = (*project)->ensureDataset("planted");
        QVERIFY(dataset.ok());
        const char *stems[] = {"goal", "vote", "chip"};
        DeterministicRandom random(3);
        auto insert = (*project)->db().prepare("INSERT INTO posts(dataset_id, source_id, created_at, text) VALUES (?, ?, ?, ?)");
        QVERIFY(insert.ok());
        for (int i = 0; i < 180; ++i) {
            const int topic = i % 3;
            std::string text;
            for (int w = 0; w < 7; ++w)
                text += std::string(stems[topic]) + static_cast<char>('a' + random.below(12)) + " ";
            for (int w = 0; w < 2; ++w)
                text += "noise" + std::string(1, static_cast<char>('a' + random.below(6))) + " ";
            insert->reset();
            insert->bind(1, *dataset).bind(2, "p" + std::to_string(i)).bind(3, std::int64_t{1704067200} + i * 3600).bind(4, text);
            QVERIFY(insert->exec());
        }
    }

    void printsTopicsAsJsonAndStoresThem()
    {
        const QString csv = m_dir.filePath("topics.csv");
        const Run run = cli({"topics", m_project, "--k", "3", "--json", "--csv", csv});
        QVERIFY2(run.code == 0, run.err.constData());
        const QJsonObject json = run.json();
        QCOMPARE(json["method"].toString(), QString("kmeans"));
        QCOMPARE(json["task"].toString(), QString("topic_cluster"));
        QCOMPARE(json["posts"].toInt(), 180);
        const QJsonArray topics = json["topics"].toArray();
        QCOMPARE(topics.size(), 3);
        QSet<QString> stems;
        for (const QJsonValue &value : topics) {
            const QJsonObject topic = value.toObject();
            QCOMPARE(topic["size"].toInt(), 60);
            QVERIFY(topic["coherence"].toDouble() > 0.1);
            const QString label = topic["label"].toString();
            QCOMPARE(label.count('_'), 2);
            stems.insert(label.left(4));
            QCOMPARE(topic["terms"].toArray().size(), 10);
            QVERIFY(!topic["representative_posts"].toArray().isEmpty());
        }
        QCOMPARE(stems, QSet<QString>({"goal", "vote", "chip"}));
        QVERIFY(run.err.contains("topics:")); // progress on stderr, JSON alone on stdout

        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 181);
        QCOMPARE(lines[0], QByteArray("post_id,topic,label"));

        auto project = Project::open(m_project.toStdString(), Project::OpenMode::OpenExisting);
        QCOMPARE(*(*project)->db().queryInt("SELECT count(*) FROM labels WHERE task = 'topic_cluster'"), std::int64_t{180});
    }

    void rerunReplacesLabelsAndLdaWorks()
    {
        const Run run = cli({"topics", m_project, "--method", "lda", "--k", "3", "--task", "topic_cluster", "--iterations",
                             "100", "--json"});
        QVERIFY2(run.code == 0, run.err.constData());
        QCOMPARE(run.json()["method"].toString(), QString("lda"));
        QCOMPARE(run.json()["topics"].toArray().size(), 3);
        auto project = Project::open(m_project.toStdString(), Project::OpenMode::OpenExisting);
        QCOMPARE(*(*project)->db().queryInt("SELECT count(*) FROM labels WHERE task = 'topic_cluster'"), std::int64_t{180});
        auto stored = (*project)->db().queryText("SELECT value FROM meta WHERE key LIKE 'topic_model:%:topic_cluster'");
        QVERIFY(stored.ok());
        QVERIFY(stored->find("\"method\":\"lda\"") != std::string::npos);
    }

    void refusesForeignTaskAndBadUsage()
    {
        {
            auto project = Project::open(m_project.toStdString(), Project::OpenMode::OpenExisting);
            QVERIFY((*project)->db().exec("INSERT INTO labels(post_id, task, value) SELECT id, 'gold', 'x' FROM posts").ok());
        }
        Run run = cli({"topics", m_project, "--task", "gold", "--k", "3", "--json"});
        QCOMPARE(run.code, 1);
        QVERIFY(run.json()["error"].toString().contains("gold"));
        run = cli({"topics", m_project, "--method", "nmf"});
        QCOMPARE(run.code, 2);
        run = cli({"topics", m_project, "--embedding", "vectors"});
        QCOMPARE(run.code, 2);
        run = cli({"topics", m_project, "--dataset", "nope", "--json"});
        QCOMPARE(run.code, 1);
    }
};

QTEST_GUILESS_MAIN(TopicsCliTest)
#include "tst_topicscli.moc"
