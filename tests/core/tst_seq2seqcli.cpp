// A trained seq2seq run used after training, through a real chorus-cli: explain loads the run's
// checkpoint and decodes a post's parent exactly as the trainer decoded it for its attention
// snapshot (same tokens, same cross-attention shape, rows that are distributions); predict writes a
// generated reply per text or post with the beam's ranked candidates, and a behaviour run predicts
// every user's next actions from their latest ones. Misuse is refused with a message.
#include "clirun.h"

#include "core/store/project.h"
#include "core/training/runstore.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace chorus;

class Seq2seqCliTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;
    qint64 m_repliesRun = 0;
    qint64 m_behaviourRun = 0;

    qint64 train(const QByteArray &config)
    {
        const QString path = m_dir.filePath("config.json");
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        file.write(config);
        file.close();
        const CliRun run = runCli({"train", m_project, "--config", path, "--json"}, 300000);
        if (run.code != 0)
            qWarning("%s", run.err.constData());
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        return QJsonDocument::fromJson(lines.last()).object()["run_id"].toInteger();
    }
    static QStringList strings(const QJsonArray &array)
    {
        QStringList out;
        for (const QJsonValue &v : array)
            out << v.toString();
        return out;
    }

private slots:
    void initTestCase()
    {
        m_project = m_dir.filePath("p.chorus");
        QCOMPARE(runCli({"demo", m_project, "--posts", "400", "--users", "40", "--no-media", "--json"}).code, 0);
        // Beam width 1 is greedy decoding, which is what the trainer's snapshot uses; one epoch, so
        // the best checkpoint is the model the snapshot was taken with.
        m_repliesRun = train(R"({"model": "seq2seq", "dataset": "demo", "seed": 5, "epochs": 1, "batch_size": 32,
            "device": "cpu", "params": {"source": "replies", "embedding_dim": 16, "hidden": 24, "beam_width": 1,
            "max_target_length": 10, "max_source_length": 16, "min_count": 2}})");
        QVERIFY(m_repliesRun > 0);
        m_behaviourRun = train(R"({"model": "seq2seq", "dataset": "interactions", "seed": 5, "epochs": 1,
            "batch_size": 64, "device": "cpu", "params": {"source": "behaviour", "embedding_dim": 16, "hidden": 24,
            "context": 4, "horizon": 2, "beam_width": 3}})");
        QVERIFY(m_behaviourRun > 0);
    }

    void explainDecodesAsTheTrainerDid()
    {
        auto project = Project::open(m_project.toStdString(), Project::OpenMode::OpenExisting);
        QVERIFY(project.ok());
        auto select = (*project)->db().prepare(
            "SELECT data FROM artifacts WHERE run_id = ?1 AND kind = 'cross_attention' ORDER BY step DESC LIMIT 1");
        QVERIFY(select.ok());
        select->bind(1, std::int64_t(m_repliesRun));
        QVERIFY(select->step());
        const QJsonObject stored = QJsonDocument::fromJson(QByteArray::fromStdString(select->text(0))).object();
        const QJsonArray examples = stored["examples"].toArray();
        QVERIFY(!examples.isEmpty());
        int compared = 0;
        for (const QJsonValue &value : examples) {
            const QJsonObject example = value.toObject();
            if (example["source_tokens"].toArray().size() < 2)
                continue;
            auto parent = (*project)->db().prepare(
                "SELECT p.id FROM posts r JOIN posts p ON p.dataset_id = r.dataset_id AND p.source_id = r.reply_to"
                " WHERE r.id = ?1");
            parent->bind(1, std::int64_t(example["key"].toInteger()));
            QVERIFY(parent->step());
            const CliRun run = runCli({"explain", m_project, "--run", QString::number(m_repliesRun), "--post",
                                       QString::number(parent->int64(0)), "--json"});
            QVERIFY2(run.code == 0, run.err.constData());
            const QJsonObject explained = run.json();
            QCOMPARE(strings(explained["source_tokens"].toArray()), strings(example["source_tokens"].toArray()));
            QCOMPARE(strings(explained["decoded_tokens"].toArray()), strings(example["decoded_tokens"].toArray()));
            const QJsonArray rows = explained["attention"].toArray();
            QCOMPARE(rows.size(), explained["decoded_tokens"].toArray().size());
            for (const QJsonValue &row : rows) {
                QCOMPARE(row.toArray().size(), explained["source_tokens"].toArray().size());
                double sum = 0;
                for (const QJsonValue &w : row.toArray())
                    sum += w.toDouble();
                QVERIFY(std::abs(sum - 1.0) < 1e-4);
            }
            if (++compared == 3)
                break;
        }
        QVERIFY(compared > 0);
    }

    void predictGeneratesRepliesWithRankedCandidates()
    {
        const QString csv = m_dir.filePath("replies.csv");
        const CliRun run = runCli({"predict", m_project, "--run", QString::number(m_repliesRun), "--text",
                                   "what a great match", "--text", "今天天气很好", csv, "--json"});
        QVERIFY2(run.code == 0, run.err.constData());
        const QJsonArray predictions = run.json()["predictions"].toArray();
        QCOMPARE(predictions.size(), 2);
        for (const QJsonValue &p : predictions) {
            const QJsonArray candidates = p.toObject()["candidates"].toArray();
            QCOMPARE(candidates.size(), 1); // the run's beam width
            QCOMPARE(candidates[0].toObject()["text"].toString(), p.toObject()["generated"].toString());
            QVERIFY(p.toObject()["score"].toDouble() < 0); // a log-probability
        }
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0].trimmed(), QByteArray("post_id,text,generated,score"));

        const CliRun posts = runCli({"predict", m_project, "--run", QString::number(m_repliesRun), "--dataset", "demo",
                                     m_dir.filePath("all.csv"), "--json"});
        QVERIFY2(posts.code == 0, posts.err.constData());
        QCOMPARE(posts.json()["posts"].toInt(), 400);
    }

    void behaviourRunPredictsEveryUsersNextActions()
    {
        const QString csv = m_dir.filePath("next.csv");
        const CliRun run = runCli({"predict", m_project, "--run", QString::number(m_behaviourRun), "--dataset",
                                   "interactions", csv, "--json"});
        QVERIFY2(run.code == 0, run.err.constData());
        const int users = run.json()["users"].toInt();
        QVERIFY(users > 0);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), users + 1);
        QCOMPARE(lines[0].trimmed(), QByteArray("user,history,next_actions,score"));
        // Histories are the users' latest actions, at most `context` of them, named like the trainer's.
        const QList<QByteArray> first = lines[1].split(',');
        const QList<QByteArray> history = first[1].split(' ');
        QVERIFY(history.size() >= 1 && history.size() <= 4);
        QVERIFY2(history[0].contains(':'), first[1].constData());

        const CliRun explained = runCli({"explain", m_project, "--run", QString::number(m_behaviourRun), "--text",
                                         QString::fromUtf8(first[1]), "--json"});
        QVERIFY2(explained.code == 0, explained.err.constData());
        QCOMPARE(explained.json()["candidates"].toArray().size(), 3);
        QVERIFY(explained.json()["candidates"].toArray()[0].toObject()["score"].toDouble() >=
                explained.json()["candidates"].toArray()[1].toObject()["score"].toDouble());
    }

    // explain can decode with another beam width and length penalty than the run's, and every
    // candidate carries its own decoded steps and cross-attention (the best's is the top level's).
    void explainDecodesWithOtherSettings()
    {
        const CliRun run = runCli({"explain", m_project, "--run", QString::number(m_repliesRun), "--text",
                                   "what a great match", "--beam-width", "3", "--length-penalty", "0", "--json"});
        QVERIFY2(run.code == 0, run.err.constData());
        const QJsonObject json = run.json();
        QCOMPARE(json["beam_width"].toInt(), 3);
        QCOMPARE(json["length_penalty"].toDouble(), 0.0);
        QCOMPARE(json["source"].toString(), QStringLiteral("replies"));
        const QJsonArray candidates = json["candidates"].toArray();
        QCOMPARE(candidates.size(), 3);
        const int sourceLength = int(json["source_tokens"].toArray().size());
        for (const QJsonValue &value : candidates) {
            const QJsonObject c = value.toObject();
            QStringList steps = strings(c["tokens"].toArray());
            if (c["finished"].toBool())
                steps << "<eos>";
            QCOMPARE(strings(c["decoded_tokens"].toArray()), steps);
            QCOMPARE(c["length"].toInt(), int(steps.size()));
            // Alpha 0: no length normalisation, the score is the log-probability.
            QVERIFY(std::abs(c["score"].toDouble() - c["log_probability"].toDouble()) < 1e-9);
            const QJsonArray rows = c["attention"].toArray();
            QCOMPARE(rows.size(), steps.size());
            for (const QJsonValue &row : rows) {
                QCOMPARE(row.toArray().size(), sourceLength);
                double sum = 0;
                for (const QJsonValue &w : row.toArray())
                    sum += w.toDouble();
                QVERIFY(std::abs(sum - 1.0) < 1e-4);
            }
        }
        QCOMPARE(candidates[0].toObject()["attention"], json["attention"]);
        QCOMPARE(candidates[0].toObject()["decoded_tokens"], json["decoded_tokens"]);

        const QString runId = QString::number(m_repliesRun);
        QCOMPARE(runCli({"explain", m_project, "--run", runId, "--text", "hi", "--beam-width", "0"}).code, 2);
        QCOMPARE(runCli({"explain", m_project, "--run", runId, "--text", "hi", "--length-penalty", "3"}).code, 2);
        QCOMPARE(runCli({"explain", m_project, "--run", runId, "--text", "hi", "--length-penalty", "x"}).code, 2);
        const CliRun words = runCli({"explain", m_project, "--run", QString::number(m_behaviourRun), "--text",
                                     "hello there", "--json"});
        QCOMPARE(words.code, 2);
        QVERIFY2(words.json()["error"].toString().contains("not an action"), words.out.constData());
        // The settings belong to seq2seq runs only.
        auto project = Project::open(m_project.toStdString(), Project::OpenMode::OpenExisting);
        QVERIFY(project.ok());
        auto other = RunStore(**project).create("rnn_attention", "demo", {{"model", "rnn_attention"}}, "cpu");
        QVERIFY(other.ok());
        const CliRun classifier = runCli({"explain", m_project, "--run", QString::number(*other), "--text", "hi",
                                          "--beam-width", "2"});
        QCOMPARE(classifier.code, 2);
        QVERIFY2(classifier.err.contains("seq2seq"), classifier.err.constData());
    }

    void misuseIsRefused()
    {
        const CliRun text = runCli({"predict", m_project, "--run", QString::number(m_behaviourRun), "--text", "hello",
                                    m_dir.filePath("x.csv")});
        QCOMPARE(text.code, 2);
        QVERIFY2(text.err.contains("next actions"), text.err.constData());
        const CliRun store = runCli({"predict", m_project, "--run", QString::number(m_repliesRun), "--dataset", "demo",
                                     "--store-as", "replies", m_dir.filePath("y.csv")});
        QCOMPARE(store.code, 2);
        const CliRun saliency = runCli({"explain", m_project, "--run", QString::number(m_repliesRun), "--text", "hi",
                                        "--saliency"});
        QCOMPARE(saliency.code, 2);
        QVERIFY(!QFile::exists(m_dir.filePath("x.csv")) && !QFile::exists(m_dir.filePath("y.csv")));
    }
};

QTEST_GUILESS_MAIN(Seq2seqCliTest)
#include "tst_seq2seqcli.moc"
