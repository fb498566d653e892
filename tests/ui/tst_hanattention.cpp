// The attention explorer on a real run of the Hierarchical Attention Network plugin (trained by
// chorus-cli with the plugin from the build's plugin folder): every probe post shows its reply
// thread, each post with its post-level weight as a bar and its tokens coloured by word weight.
#include "core/store/project.h"
#include "core/training/runstore.h"
#include "ui/attention/attentionexplorer.h"
#include "ui/attention/threadattentionview.h"
#include "ui/attention/tokenchip.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QProcessEnvironment>
#include <QProgressBar>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace chorus;

class HanAttentionTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    qint64 m_run = 0;

    QByteArray cli(const QStringList &args)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("CHORUS_PLUGIN_PATH", CHORUS_PLUGIN_BUILD_DIR);
        process.setProcessEnvironment(env);
        process.start(CHORUS_CLI_PATH, args);
        if (!process.waitForFinished(300000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            qWarning("chorus-cli %s: %s", qPrintable(args.join(' ')), process.readAllStandardError().constData());
            return {};
        }
        return process.readAllStandardOutput();
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString path = m_dir.filePath("threads.chorus");
        {
            // Sixty threads: an unlabelled opening post naming a side, and two or three labelled
            // replies that do not, so every labelled post (and every probe post) has a thread.
            auto project = Project::open(path.toStdString());
            QVERIFY(project.ok());
            auto dataset = (*project)->ensureDataset("threads");
            QVERIFY(dataset.ok());
            auto insert = (*project)->db().prepare(
                "INSERT INTO posts(dataset_id, source_id, created_at, reply_to, text) VALUES (?1, ?2, ?3, ?4, ?5)");
            auto label = (*project)->db().prepare("INSERT INTO labels(post_id, task, value) VALUES (?1, 'side', ?2)");
            std::int64_t time = 1700000000;
            for (int t = 0; t < 60; ++t) {
                const std::string side = t % 2 ? "alpha" : "beta";
                const std::string root = "t" + std::to_string(t);
                insert->reset();
                insert->bind(1, *dataset).bind(2, root).bind(3, time += 60).bindNull(4).bind(5, side + " opens the thread");
                QVERIFY(insert->exec());
                for (int r = 1; r <= 2 + t % 2; ++r) {
                    insert->reset();
                    insert->bind(1, *dataset).bind(2, root + "-" + std::to_string(r)).bind(3, time += 60).bind(4, root)
                        .bind(5, r % 2 ? "a reply with plain words" : "another plain reply");
                    QVERIFY(insert->exec());
                    label->reset();
                    label->bind(1, (*project)->db().lastInsertRowId()).bind(2, side);
                    QVERIFY(label->exec());
                }
            }
        }
        QVERIFY(!cli({"split", path, "--dataset", "threads", "--ratios", "0.6,0.2,0.2", "--seed", "2", "--json"}).isEmpty());
        QFile config(m_dir.filePath("han.json"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(R"({"model": "han", "dataset": "threads", "task": "side", "seed": 3, "epochs": 2, "batch_size": 16,
                         "params": {"embedding_dim": 12, "word_hidden": 8, "post_hidden": 8, "attention_dim": 8, "max_posts": 4}})");
        config.close();
        const QByteArray trained = cli({"train", path, "--config", config.fileName(), "--json"});
        m_run = QJsonDocument::fromJson(trained).object()["run_id"].toInteger();
        QVERIFY2(m_run > 0, trained.constData());
        auto project = Project::open(path.toStdString(), Project::OpenMode::OpenExisting);
        QVERIFY(project.ok());
        m_project = std::move(*project);
    }

    void showsPostWeightsForEveryProbePost()
    {
        AttentionExplorer explorer;
        explorer.resize(1100, 800);
        explorer.show();
        explorer.setProject(m_project.get());
        QCOMPARE(explorer.currentRun(), m_run);
        QCOMPARE(explorer.snapshotCount(), 2);
        QCOMPARE(explorer.postCombo()->count(), 8);
        ThreadAttentionView *view = explorer.threadView();
        QVERIFY(view);
        for (int i = 0; i < explorer.postCombo()->count(); ++i) {
            explorer.postCombo()->setCurrentIndex(i);
            const qint64 postId = explorer.currentPost();
            const AttentionPost *recorded = explorer.currentSnapshot()->post(postId);
            QVERIFY(recorded);
            QVERIFY2(!view->isHidden(), "the thread view is hidden for a thread model's post");
            // An opening post and the reply itself at least, the classified post last and marked.
            QVERIFY(view->postCount() >= 2);
            QCOMPARE(view->postCount(), int(recorded->thread.size()));
            QCOMPARE(view->postIdAt(view->postCount() - 1), postId);
            QVERIFY(view->headingAt(view->postCount() - 1)->text().contains(QString::number(postId)));
            double total = 0;
            for (int row = 0; row < view->postCount(); ++row) {
                const AttentionThreadPost &post = recorded->thread[row];
                QCOMPARE(view->postIdAt(row), post.postId);
                QCOMPARE(view->postWeightAt(row), post.weight);
                QCOMPARE(view->weightBarAt(row)->value(), int(std::lround(post.weight * 1000)));
                QVERIFY(view->weightBarAt(row)->text().contains(QString::number(100 * post.weight, 'f', 1)));
                total += view->postWeightAt(row);
                const QList<TokenChip *> chips = view->tokenChipsAt(row);
                QCOMPARE(chips.size(), int(post.tokens.size()));
                double words = 0;
                for (int c = 0; c < chips.size(); ++c) {
                    QCOMPARE(chips[c]->token(), post.tokens[c]);
                    QCOMPARE(chips[c]->weight(), post.weights[c]);
                    words += chips[c]->weight();
                }
                QVERIFY2(std::abs(words - 1.0) < 1e-4, qPrintable(QString("word weights sum to %1").arg(words)));
            }
            QVERIFY2(std::abs(total - 1.0) < 1e-4, qPrintable(QString("post weights sum to %1").arg(total)));
            // The post's own tokens are the ones of the main token view too.
            QCOMPARE(explorer.tokenChips().size(), view->tokenChipsAt(view->postCount() - 1).size());
        }
        // Earlier epochs have their own weights.
        explorer.setEpochIndex(0);
        QCOMPARE(explorer.currentSnapshot()->epoch, 1);
        QVERIFY(!view->isHidden() && view->postCount() >= 2);
        explorer.grab().save(QDir::temp().filePath("han_attention.png"));
    }

    void hiddenForModelsWithoutThreads()
    {
        RunStore store(*m_project);
        auto run = store.create("rnn_attention", "threads", {{"model", "rnn_attention"}}, "cpu");
        QVERIFY(run.ok());
        auto post = m_project->db().queryInt("SELECT min(id) FROM posts");
        QVERIFY(post.ok());
        const nlohmann::json snapshot = {
            {"epoch", 1},
            {"step", 5},
            {"classes", {"alpha", "beta"}},
            {"posts", {{{"post_id", *post}, {"tokens", {"alpha", "opens"}}, {"weights", {0.6, 0.4}}, {"label", "alpha"},
                        {"probabilities", {0.7, 0.3}}}}}};
        QVERIFY(store.addArtifact(*run, "attention", "epoch-1", 5, "application/json", snapshot.dump()).ok());
        AttentionExplorer explorer;
        explorer.setProject(m_project.get());
        QVERIFY(explorer.openPost(*run, *post));
        QCOMPARE(explorer.tokenChips().size(), 2);
        QVERIFY(explorer.threadView()->isHidden());
        QCOMPARE(explorer.threadView()->postCount(), 0);
        // Back on the thread model's run, the thread comes back.
        explorer.runCombo()->setCurrentIndex(explorer.runCombo()->findData(QVariant::fromValue<qlonglong>(m_run)));
        QVERIFY(!explorer.threadView()->isHidden());
    }

    void rejectsAThreadWhoseWeightsDoNotMatchItsTokens()
    {
        QString error;
        const nlohmann::json bad = {
            {"epoch", 1},
            {"posts", {{{"post_id", 1}, {"thread", {{{"post_id", 1}, {"weight", 1.0}, {"tokens", {"a", "b"}}, {"weights", {1.0}}}}}}}}};
        QVERIFY(!AttentionSnapshot::fromJson(bad.dump(), &error));
        QVERIFY(error.contains("2 tokens but 1 weights"));
    }
};

QTEST_MAIN(HanAttentionTest)
#include "tst_hanattention.moc"
