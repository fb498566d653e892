// predict and eval for runs of families that read more than text (image, fusion), through a real
// chorus-cli: eval on the test part reproduces what the trainer measured on it (the same posts read
// the same way, with their pictures), predict writes a row per post with its class probabilities
// and stores them as a label task, a regression run predicts counts, and an image-only run refuses
// free text with a message that says why.
#include "clirun.h"

#include "core/store/project.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace chorus;

class RunPredictCliTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;
    qint64 m_imageRun = 0;
    QJsonObject m_imageTest; // the trainer's own test metrics
    qint64 m_likesRun = 0;
    QJsonObject m_likesTest;

    QString writeConfig(const QString &name, const QByteArray &json)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(json);
        return path;
    }
    static QJsonObject lastJson(const QByteArray &out)
    {
        const QList<QByteArray> lines = out.trimmed().split('\n');
        return QJsonDocument::fromJson(lines.last()).object();
    }

private slots:
    void initTestCase()
    {
        m_project = m_dir.filePath("p.chorus");
        const CliRun demo = runCli({"demo", m_project, "--posts", "600", "--users", "40", "--json"});
        QCOMPARE(demo.code, 0);
        if (demo.json()["images"].toInt() == 0)
            QSKIP("this build has no media support (OpenCV and FFmpeg): no pictures to predict from");

        // Trained briefly and slowly on purpose: an imperfect model, so that matching metrics mean
        // the same predictions and not merely two perfect scores.
        const QString image = writeConfig("image.json", R"({"model": "image_cnn", "dataset": "demo", "task": "sentiment",
            "seed": 3, "epochs": 1, "batch_size": 32, "device": "cpu", "optimizer": {"lr": 0.0004},
            "params": {"image_size": 32, "base_channels": 8, "stages": 2}})");
        const CliRun trained = runCli({"train", m_project, "--config", image, "--json"});
        QVERIFY2(trained.code == 0, trained.err.constData());
        m_imageRun = lastJson(trained.out)["run_id"].toInteger();
        m_imageTest = lastJson(trained.out)["test"].toObject();
        QVERIFY(m_imageRun > 0 && !m_imageTest.isEmpty());

        const QString likes = writeConfig("likes.json", R"({"model": "fusion", "dataset": "demo", "task": "post.likes",
            "seed": 3, "epochs": 1, "batch_size": 32, "device": "cpu",
            "params": {"image_channels": 8, "image_stages": 2, "fusion": "gated"}})");
        const CliRun regression = runCli({"train", m_project, "--config", likes, "--json"});
        QVERIFY2(regression.code == 0, regression.err.constData());
        m_likesRun = lastJson(regression.out)["run_id"].toInteger();
        m_likesTest = lastJson(regression.out)["test"].toObject();
        QVERIFY(m_likesRun > 0 && m_likesTest.contains("mae"));
    }

    void evalOfAnImageRunMatchesTraining()
    {
        const CliRun eval = runCli({"eval", m_project, "--run", QString::number(m_imageRun), "--json"});
        QVERIFY2(eval.code == 0, eval.err.constData());
        const QJsonObject report = eval.json();
        QCOMPARE(report["total"].toInt(), m_imageTest["total"].toInt());
        QCOMPARE(report["confusion"].toArray(), m_imageTest["confusion"].toArray());
        QVERIFY(std::abs(report["accuracy"].toDouble() - m_imageTest["accuracy"].toDouble()) < 1e-9);
        QVERIFY2(m_imageTest["accuracy"].toDouble() < 1.0, "the model is too good to tell predictions apart");
        QCOMPARE(report["split"].toString(), QString("test"));

        const CliRun valid = runCli({"eval", m_project, "--run", QString::number(m_imageRun), "--split", "valid", "--json"});
        QCOMPARE(valid.code, 0);
        QVERIFY(valid.json()["total"].toInt() > 0);
    }

    void predictWritesEveryPostAndStoresThem()
    {
        const QString csv = m_dir.filePath("image.csv");
        const CliRun run = runCli({"predict", m_project, "--run", QString::number(m_imageRun), "--dataset", "demo", csv,
                                   "--store-as", "predicted_sentiment", "--json"});
        QVERIFY2(run.code == 0, run.err.constData());
        QCOMPARE(run.json()["posts"].toInt(), 600);
        QCOMPARE(run.json()["stored_as"].toString(), QString("predicted_sentiment"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 601);
        QCOMPARE(lines[0].trimmed(), QByteArray("post_id,text,predicted,p:negative,p:neutral,p:positive"));
        QMap<QByteArray, int> predicted;
        for (int i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> cells = lines[i].trimmed().split(',');
            QVERIFY(cells.size() >= 6);
            const double sum = cells[cells.size() - 1].toDouble() + cells[cells.size() - 2].toDouble() +
                               cells[cells.size() - 3].toDouble();
            QVERIFY2(std::abs(sum - 1.0) < 1e-4, lines[i].constData());
            ++predicted[cells[cells.size() - 4]];
        }
        auto project = Project::open(m_project.toStdString(), Project::OpenMode::OpenExisting);
        QVERIFY(project.ok());
        auto stored = (*project)->db().queryInt("SELECT count(*) FROM labels WHERE task = 'predicted_sentiment'");
        QCOMPARE(*stored, std::int64_t(600));
        auto negative = (*project)->db().queryInt(
            "SELECT count(*) FROM labels WHERE task = 'predicted_sentiment' AND value = 'negative'");
        QCOMPARE(*negative, std::int64_t(predicted.value("negative")));
    }

    void imageRunRefusesFreeText()
    {
        const CliRun run = runCli({"predict", m_project, "--run", QString::number(m_imageRun), "--text", "so happy",
                                   m_dir.filePath("text.csv")});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains("reads no text") && run.err.contains("--dataset"), run.err.constData());
        QVERIFY(!QFile::exists(m_dir.filePath("text.csv")));
    }

    void regressionRunPredictsCounts()
    {
        const CliRun eval = runCli({"eval", m_project, "--run", QString::number(m_likesRun), "--json"});
        QVERIFY2(eval.code == 0, eval.err.constData());
        QCOMPARE(eval.json()["task"].toString(), QString("post.likes"));
        QCOMPARE(eval.json()["count"].toInt(), m_likesTest["count"].toInt());
        QVERIFY(std::abs(eval.json()["mae"].toDouble() - m_likesTest["mae"].toDouble()) < 1e-4);
        QVERIFY(std::abs(eval.json()["rmse"].toDouble() - m_likesTest["rmse"].toDouble()) < 1e-4);

        // The projector's posts of the run, final and per epoch, show likes as counts too (the truth
        // read from the posts themselves, the prediction through expm1).
        for (const QStringList &epoch : {QStringList(), QStringList{"--epoch", "1"}}) {
            const QString postsOut = m_dir.filePath(epoch.isEmpty() ? "likes-posts" : "likes-posts-epoch-1");
            const CliRun posts = runCli(QStringList{"export", m_project, "--run", QString::number(m_likesRun), "--what", "posts"} +
                                        epoch + QStringList{postsOut, "--json"});
            QVERIFY2(posts.code == 0, posts.err.constData());
            QFile metadata(postsOut + "/metadata.tsv");
            QVERIFY(metadata.open(QIODevice::ReadOnly));
            const QList<QByteArray> header = metadata.readLine().trimmed().split('\t');
            const int truthColumn = header.indexOf("post.likes"), predictedColumn = header.indexOf("predicted");
            QVERIFY2(truthColumn > 0 && predictedColumn > 0, metadata.fileName().toUtf8().constData());
            double largestTruth = 0;
            int rows = 0;
            while (!metadata.atEnd()) {
                const QList<QByteArray> fields = metadata.readLine().trimmed().split('\t');
                QCOMPARE(fields.size(), header.size());
                bool truthOk = false, predictedOk = false;
                const double truth = fields[truthColumn].toDouble(&truthOk);
                const double predicted = fields[predictedColumn].toDouble(&predictedOk);
                QVERIFY2(truthOk && predictedOk && truth >= 0 && predicted > -1, fields.join('\t').constData());
                largestTruth = std::max(largestTruth, truth);
                ++rows;
            }
            QVERIFY(rows > 0);
            // log1p of the demo's like counts stays under 8; the counts themselves go far above it.
            QVERIFY2(largestTruth > 20, QByteArray::number(largestTruth).constData());
        }

        // Text alone is enough for a fusion run (the picture is a missing modality); the value comes
        // back as a count of likes, not the log1p it was trained on.
        const CliRun text = runCli({"predict", m_project, "--run", QString::number(m_likesRun), "--text",
                                    "what a lovely day", m_dir.filePath("likes.csv"), "--json"});
        QVERIFY2(text.code == 0, text.err.constData());
        const QJsonArray predictions = text.json()["predictions"].toArray();
        QCOMPARE(predictions.size(), 1);
        bool number = false;
        const double value = predictions[0].toObject()["label"].toString().toDouble(&number);
        QVERIFY(number && value >= 0 && value < 1e6);
        QVERIFY(predictions[0].toObject()["probabilities"].toArray().isEmpty());
    }
};

QTEST_GUILESS_MAIN(RunPredictCliTest)
#include "tst_runpredictcli.moc"
