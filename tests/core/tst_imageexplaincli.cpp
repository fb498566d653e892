// `chorus-cli explain --json` for runs that read images carries what the attention explorer's
// image pane draws: the Grad-CAM map's values at a bounded size (area-averaged down to 64 x 64
// from a larger input) in [0, 1] with the class it explains, and for a co-attention fusion run the
// grid of image regions that each token's "text_to_image" row spreads over. Tiny runs of one epoch
// on a small demo project with pictures.
#include "clirun.h"

#include "core/store/project.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace chorus;

class ImageExplainCliTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    qint64 m_imageRun = 0;
    qint64 m_fusionRun = 0;
    qint64 m_postWithPicture = 0;
    qint64 m_postWithoutPicture = 0;

    qint64 train(const QByteArray &config)
    {
        QFile file(m_dir.filePath(QStringLiteral("config-%1.json").arg(qHash(config))));
        if (!file.open(QIODevice::WriteOnly) || file.write(config) != config.size())
            return 0;
        file.close();
        const CliRun run = runCli({"train", m_path, "--config", file.fileName(), "--json"}, 300000);
        if (run.code != 0)
            qWarning("train: %s", run.err.constData());
        return run.json()["run_id"].toInteger();
    }

    QJsonObject explain(qint64 run, qint64 post)
    {
        const CliRun explained = runCli({"explain", m_path, "--run", QString::number(run), "--post", QString::number(post), "--json"});
        if (explained.code != 0)
            qWarning("explain: %s", explained.err.constData());
        return explained.code == 0 ? explained.json() : QJsonObject();
    }

    static void checkGradCam(const QJsonObject &cam, int height, int width, int inputSide)
    {
        QCOMPARE(cam["height"].toInt(), height);
        QCOMPARE(cam["width"].toInt(), width);
        QCOMPARE(cam["input_height"].toInt(), inputSide);
        QCOMPARE(cam["input_width"].toInt(), inputSide);
        const QJsonArray values = cam["values"].toArray();
        QCOMPARE(values.size(), height * width);
        double low = 1, high = 0;
        for (const QJsonValue &v : values) {
            QVERIFY(v.isDouble());
            low = std::min(low, v.toDouble());
            high = std::max(high, v.toDouble());
        }
        QVERIFY2(low >= 0 && high <= 1, qPrintable(QString("values in [%1, %2]").arg(low).arg(high)));
        QVERIFY2(high > low, "a flat map says nothing"); // the tiny models still prefer some regions
    }

private slots:
    void initTestCase()
    {
#ifndef CHORUS_HAVE_MEDIA
        QSKIP("this build has no media support (OpenCV and FFmpeg): the demo has no pictures");
#endif
        m_path = m_dir.filePath("pictures.chorus");
        const CliRun demo = runCli({"demo", m_path, "--posts", "120", "--users", "20", "--json"});
        QVERIFY2(demo.code == 0, demo.err.constData());
        QVERIFY(demo.json()["images"].toInt() > 0);
        m_imageRun = train(R"({"model": "image_cnn", "dataset": "demo", "task": "sentiment", "seed": 3, "epochs": 1,
                               "batch_size": 32, "params": {"image_size": 96, "base_channels": 4, "stages": 2}})");
        QVERIFY(m_imageRun > 0);
        m_fusionRun = train(R"({"model": "fusion", "dataset": "demo", "task": "sentiment", "seed": 3, "epochs": 1,
                                "batch_size": 32, "params": {"fusion": "coattention", "embedding_dim": 8, "text_hidden": 8,
                                "image_channels": 4, "image_stages": 2, "attention_dim": 8, "head_hidden": 8}})");
        QVERIFY(m_fusionRun > 0);

        auto project = Project::open(m_path.toStdString(), Project::OpenMode::OpenExisting);
        QVERIFY(project.ok());
        auto pictured = (*project)->db().prepare("SELECT post_id FROM media WHERE kind = 'image' ORDER BY id LIMIT 2");
        QVERIFY(pictured.ok() && pictured->step());
        m_postWithPicture = pictured->int64(0);
        QVERIFY(pictured->step());
        // The second pictured post loses its picture: fusion explains it from its text alone.
        m_postWithoutPicture = pictured->int64(0);
        auto drop = (*project)->db().prepare("DELETE FROM media WHERE post_id = ?");
        drop->bind(1, std::int64_t(m_postWithoutPicture));
        QVERIFY(drop->exec());
    }

    void gradCamIsAreaAveragedToAtMost64Cells()
    {
        const QJsonObject result = explain(m_imageRun, m_postWithPicture);
        QVERIFY(result.contains("grad_cam"));
        // 96 x 96 at the input, sent as 64 x 64.
        checkGradCam(result["grad_cam"].toObject(), 64, 64, 96);
        // The map explains the class predicted.
        const QJsonObject cam = result["grad_cam"].toObject();
        QCOMPARE(cam["class"].toString(), result["predicted"].toString());
        const QJsonArray classes = result["classes"].toArray();
        QCOMPARE(classes.at(cam["class_index"].toInt()).toString(), result["predicted"].toString());
    }

    void coAttentionRowsCoverTheRegionGrid()
    {
        const QJsonObject result = explain(m_fusionRun, m_postWithPicture);
        // The fusion trunk reads 64 x 64 pictures: the map is sent as it is.
        checkGradCam(result["grad_cam"].toObject(), 64, 64, 64);
        const QJsonArray rows = result["text_to_image"].toArray();
        QVERIFY(!rows.isEmpty());
        const QJsonObject grid = result["region_grid"].toObject();
        QVERIFY(grid["rows"].toInt() > 1 && grid["cols"].toInt() > 1);
        QCOMPARE(result["tokens"].toArray().size(), rows.size());
        for (const QJsonValue &row : rows) {
            const QJsonArray weights = row.toArray();
            QCOMPARE(weights.size(), grid["rows"].toInt() * grid["cols"].toInt());
            double sum = 0;
            for (const QJsonValue &w : weights)
                sum += w.toDouble();
            QVERIFY2(std::abs(sum - 1.0) < 1e-4, qPrintable(QString("a token's weights sum to %1").arg(sum)));
        }
    }

    void aPostWithoutPictureHasNoImageMaps()
    {
        const QJsonObject result = explain(m_fusionRun, m_postWithoutPicture);
        QVERIFY(result.contains("predicted"));
        QVERIFY(!result.contains("grad_cam"));
        // Its tokens attend to no region.
        for (const QJsonValue &row : result["text_to_image"].toArray())
            for (const QJsonValue &w : row.toArray())
                QCOMPARE(w.toDouble(), 0.0);
    }
};

QTEST_GUILESS_MAIN(ImageExplainCliTest)
#include "tst_imageexplaincli.moc"
