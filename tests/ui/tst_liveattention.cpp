// Attention for any post, not only the probe posts a run recorded: the explorer asks the worker
// (the real chorus-cli here, on a small BiGRU-attention run of the demo) for the final model's
// attention over a post picked in the data browser, and colours its tokens with exactly the
// weights `chorus-cli explain` prints. A worker that fails leaves a message and no stale chips.
#include "../core/clirun.h"

#include "core/store/project.h"
#include "ui/attention/attentionexplorer.h"
#include "ui/attention/barchart.h"
#include "ui/attention/liveattentionrunner.h"
#include "ui/attention/tokenchip.h"
#include "ui/data/poststablemodel.h"
#include "ui/main/mainwindow.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace chorus;

class LiveAttentionTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    qint64 m_run = 0;

    static QSet<qint64> probePosts(const AttentionExplorer &explorer)
    {
        QSet<qint64> probes;
        for (int i = 0; i < explorer.postCombo()->count(); ++i)
            probes.insert(explorer.postCombo()->itemData(i).toLongLong());
        return probes;
    }

    // A post of the demo dataset that is not one of the run's probe posts.
    static qint64 unprobedPost(const AttentionExplorer &explorer)
    {
        const QSet<qint64> probes = probePosts(explorer);
        for (qint64 id = 1; id < 300; ++id)
            if (!probes.contains(id))
                return id;
        return 0;
    }

    // The final model's attention for a post, as the command line prints it.
    QJsonObject explain(qint64 postId) const
    {
        const CliRun cli = runCli({"explain", m_path, "--run", QString::number(m_run), "--post", QString::number(postId), "--json"});
        return cli.code == 0 ? cli.json() : QJsonObject();
    }

    static void compareChips(const AttentionExplorer &explorer, const QJsonObject &expected)
    {
        const QJsonArray tokens = expected["tokens"].toArray();
        const QJsonArray weights = expected["weights"].toArray();
        QVERIFY(!tokens.isEmpty());
        QCOMPARE(explorer.tokenChips().size(), tokens.size());
        for (int i = 0; i < tokens.size(); ++i) {
            QCOMPARE(explorer.tokenChips()[i]->token(), tokens[i].toString());
            QVERIFY(std::abs(explorer.tokenChips()[i]->weight() - weights[i].toDouble()) < 1e-9);
        }
        const QJsonArray probabilities = expected["probabilities"].toArray();
        QCOMPARE(explorer.probabilityChart()->values().size(), probabilities.size());
        for (int i = 0; i < probabilities.size(); ++i)
            QVERIFY(std::abs(explorer.probabilityChart()->values()[i] - probabilities[i].toDouble()) < 1e-9);
    }

private slots:
    void initTestCase()
    {
        qputenv("CHORUS_CLI", CHORUS_CLI_PATH); // the worker the explorer starts
        m_path = m_dir.filePath("live.chorus");
        QCOMPARE(runCli({"demo", m_path, "--posts", "300", "--users", "30", "--no-media", "--json"}).code, 0);
        QCOMPARE(runCli({"split", m_path, "--dataset", "demo", "--seed", "3", "--json"}).code, 0);
        const QString config = m_dir.filePath("rnn.json");
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"model": "rnn_attention", "dataset": "demo", "task": "sentiment", "seed": 5, "epochs": 1,
                      "batch_size": 32, "device": "cpu", "params": {"embedding_dim": 16, "hidden": 16, "attention_dim": 16}})");
        file.close();
        const CliRun trained = runCli({"train", m_path, "--config", config, "--json"}, 300000);
        QVERIFY2(trained.code == 0, trained.err.constData());
        m_run = QJsonDocument::fromJson(trained.out.trimmed().split('\n').last()).object()["run_id"].toInteger();
        QVERIFY(m_run > 0);
    }

    void anyPostGetsTheFinalModelsAttention()
    {
        auto project = Project::open(m_path.toStdString());
        QVERIFY(project.ok());
        AttentionExplorer explorer;
        explorer.setProject(project->get());
        QCOMPARE(explorer.currentRun(), m_run);
        const qint64 post = unprobedPost(explorer);
        QVERIFY(post > 0);
        QVERIFY(!explorer.openPost(m_run, post)); // not a probe post
        QVERIFY(explorer.tokenChips().isEmpty());  // until the worker answers
        QTRY_VERIFY_WITH_TIMEOUT(!explorer.tokenChips().isEmpty(), 60000);
        compareChips(explorer, explain(post));
        QVERIFY2(explorer.epochLabel()->text().contains("final model"), qPrintable(explorer.epochLabel()->text()));
        QVERIFY2(explorer.messageLabel()->text().contains("computed for it"), qPrintable(explorer.messageLabel()->text()));
        // A probe post shows its recorded epochs again.
        explorer.postCombo()->setCurrentIndex(0);
        QVERIFY(explorer.epochLabel()->text().startsWith("epoch 1"));
    }

    void theDataBrowserOpensAPostInTheExplorer()
    {
        MainWindow window;
        QCOMPARE(window.openProject(m_path), QString());
        QTRY_VERIFY(window.postsModel()->rowCount() > 0);
        // The first row of the table that is not a probe post.
        const QSet<qint64> probes = probePosts(*window.attentionExplorer());
        int row = 0;
        while (row < window.postsModel()->rowCount() && probes.contains(window.postsModel()->postId(row)))
            ++row;
        QVERIFY(row < window.postsModel()->rowCount());
        const qint64 post = window.postsModel()->postId(row);
        window.postsView()->setCurrentIndex(window.postsModel()->index(row, PostsTableModel::TextColumn));
        QVERIFY(window.postsView()->actions().contains(window.explainPostAction()));
        window.explainPostAction()->trigger();
        QCOMPARE(window.tabs()->currentWidget(), static_cast<QWidget *>(window.attentionExplorer()));
        QVERIFY(window.attentionExplorer()->postTextLabel()->text().contains(QString("Post %1").arg(post)));
        QTRY_VERIFY_WITH_TIMEOUT(!window.attentionExplorer()->tokenChips().isEmpty(), 60000);
        compareChips(*window.attentionExplorer(), explain(post));
    }

    void aFailingWorkerSaysSo()
    {
        const QString script = m_dir.filePath("failing-cli.sh");
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("#!/bin/sh\necho '{\"error\": \"checkpoint unreadable\"}'\nexit 1\n");
        file.close();
        QVERIFY(QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        auto project = Project::open(m_path.toStdString());
        QVERIFY(project.ok());
        AttentionExplorer explorer;
        explorer.liveAttentionRunner()->setProgram(script);
        explorer.setProject(project->get());
        const qint64 post = unprobedPost(explorer);
        QVERIFY(!explorer.openPost(m_run, post));
        QTRY_VERIFY_WITH_TIMEOUT(explorer.epochLabel()->text().contains("checkpoint unreadable"), 20000);
        QVERIFY(explorer.tokenChips().isEmpty());
        QVERIFY(explorer.postTextLabel()->text().contains(QString("Post %1").arg(post)));
    }

    void explainAnswersBecomeOnePostSnapshots()
    {
        QString error;
        const auto snapshot = LiveAttentionRunner::fromExplainJson(
            R"({"classes": ["neg", "pos"], "tokens": ["so", "good"], "weights": [0.25, 0.75], "probabilities": [0.1, 0.9]})", 7, &error);
        QVERIFY2(snapshot, qPrintable(error));
        QCOMPARE(snapshot->classes, (QStringList{"neg", "pos"}));
        QCOMPARE(snapshot->posts.size(), 1);
        QCOMPARE(snapshot->posts[0].postId, qint64(7));
        QCOMPARE(snapshot->posts[0].weights, (QVector<double>{0.25, 0.75}));
        QCOMPARE(snapshot->posts[0].predicted(), 1);
        QVERIFY(!LiveAttentionRunner::fromExplainJson(R"({"tokens": ["a"], "weights": [0.5, 0.5]})", 7, &error));
        QVERIFY(!LiveAttentionRunner::fromExplainJson(R"({"tokens": [], "weights": []})", 7, &error));
        QVERIFY(error.contains("no attention"));
        QVERIFY(!LiveAttentionRunner::fromExplainJson(R"({"error": "no post with id 7"})", 7, &error));
        QCOMPARE(error, QString("no post with id 7"));
        QVERIFY(!LiveAttentionRunner::fromExplainJson("not json", 7, &error));
    }
};

QTEST_MAIN(LiveAttentionTest)
#include "tst_liveattention.moc"
