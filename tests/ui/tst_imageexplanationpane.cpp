// The attention explorer's image pane on a real co-attention fusion run (trained by chorus-cli for
// one tiny epoch): the run is listed although it records no attention, its test posts show their
// picture with the Grad-CAM map the worker computes in the background, the opacity slider blends
// the map in (0 % is the picture itself), and in co-attention mode the map follows the selected
// tokens' rows of "text_to_image". A post without a picture and a worker that cannot start are
// said in the pane.
#include "core/store/project.h"
#include "core/util/heatcolourramp.h"
#include "tests/core/clirun.h"
#include "ui/attention/attentionexplorer.h"
#include "ui/attention/imageexplanationpane.h"
#include "ui/attention/imageexplanationrunner.h"
#include "ui/attention/tokenchip.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QLabel>
#include <QSlider>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace chorus;

class ImageExplanationPaneTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Project> m_project;
    qint64 m_run = 0;
    qint64 m_postWithPicture = 0;
    qint64 m_postWithoutPicture = 0;

    // The pane's colour for value v blended over a picture pixel, as the pane computes it.
    static QRgb blended(QRgb picture, double value, double opacity)
    {
        std::uint8_t rgb[3];
        HeatColourRamp::colour(float(value), rgb);
        const auto mix = [opacity](int p, int m) { return int(std::lround((1 - opacity) * p + opacity * m)); };
        return qRgb(mix(qRed(picture), rgb[0]), mix(qGreen(picture), rgb[1]), mix(qBlue(picture), rgb[2]));
    }

    static int argmax(const QVector<double> &values)
    {
        return int(std::max_element(values.begin(), values.end()) - values.begin());
    }

    // The explorer on the run's post, with the worker under test, once the explanation is in.
    bool openExplained(AttentionExplorer &explorer, qint64 postId)
    {
        explorer.show();
        explorer.imagePane()->runner()->setProgram(QStringLiteral(CHORUS_CLI_PATH));
        explorer.setProject(m_project.get());
        explorer.openPost(m_run, postId);
        return QTest::qWaitFor([&] { return explorer.imagePane()->explanation() != nullptr; }, 120000);
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
        QFile config(m_dir.filePath("fusion.json"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(R"({"model": "fusion", "dataset": "demo", "task": "sentiment", "seed": 3, "epochs": 1, "batch_size": 32,
                         "params": {"fusion": "coattention", "embedding_dim": 8, "text_hidden": 8, "image_channels": 4,
                                    "image_stages": 2, "attention_dim": 8, "head_hidden": 8}})");
        config.close();
        const CliRun trained = runCli({"train", m_path, "--config", config.fileName(), "--json"}, 300000);
        QVERIFY2(trained.code == 0, trained.err.constData());
        m_run = trained.json()["run_id"].toInteger();
        QVERIFY(m_run > 0);

        auto project = Project::open(m_path.toStdString(), Project::OpenMode::OpenExisting);
        QVERIFY(project.ok());
        m_project = std::move(*project);
        // Two test posts: the first keeps its picture, the second loses it.
        AttentionExplorer explorer;
        explorer.setProject(m_project.get());
        QCOMPARE(explorer.currentRun(), m_run);
        QVERIFY(explorer.postCombo()->count() >= 2);
        // An image run without snapshots lists its test posts, and says so.
        QCOMPARE(explorer.postPickerLabel()->text(), QString("Test post"));
        m_postWithPicture = explorer.postCombo()->itemData(0).toLongLong();
        m_postWithoutPicture = explorer.postCombo()->itemData(1).toLongLong();
        auto drop = m_project->db().prepare("DELETE FROM media WHERE post_id = ?");
        drop->bind(1, std::int64_t(m_postWithoutPicture));
        QVERIFY(drop->exec());
    }

    void gradCamOverlayFollowsTheOpacitySlider()
    {
        AttentionExplorer explorer;
        explorer.resize(1200, 900);
        explorer.show();
        explorer.imagePane()->runner()->setProgram(QStringLiteral(CHORUS_CLI_PATH));
        explorer.setProject(m_project.get());
        // The run recorded no attention but reads images: listed, with its test posts.
        QCOMPARE(explorer.snapshotCount(), 0);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(explorer.openPost(m_run, m_postWithPicture));
        QCOMPARE(explorer.classTable()->rowCount(), 0);
        QVERIFY2(explorer.classHeading()->text().contains(QLatin1String("this run recorded no token attention")),
                 qPrintable(explorer.classHeading()->text()));
        ImageExplanationPane *pane = explorer.imagePane();
        // The worker runs in the background: the explorer answers at once with the bare picture.
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(pane->runner()->isRunning());
        QVERIFY(!pane->isHidden());
        QVERIFY(explorer.imageLabel()->isHidden());
        QVERIFY(!pane->picture().isNull());
        QCOMPARE(pane->shownImage(), pane->picture());
        QTRY_VERIFY_WITH_TIMEOUT(pane->explanation() != nullptr, 120000);

        QCOMPARE(pane->mode(), ImageExplanationPane::GradCamMode);
        QCOMPARE(pane->heatRows(), 64);
        QCOMPARE(pane->heatColumns(), 64);
        QCOMPARE(pane->heat(), pane->explanation()->gradCam);
        QVERIFY(pane->messageLabel()->text().contains(pane->explanation()->explainedClass));

        QSlider *opacity = pane->opacitySlider();
        opacity->setValue(0);
        QCOMPARE(pane->shownImage(), pane->picture());
        QCOMPARE(pane->imageLabel()->pixmap().toImage().convertToFormat(QImage::Format_RGB32), pane->picture());
        opacity->setValue(40);
        const QImage forty = pane->shownImage();
        QVERIFY(forty != pane->picture());
        opacity->setValue(100);
        const QImage full = pane->shownImage();
        QVERIFY(full != forty);
        // At 100 % the map alone: the hottest cell of a 64 x 64 map over the square is red-ish, the
        // coolest blue-ish, and the cell's centre pixel has exactly the ramp's colour of its value.
        const QRect area = pane->mapArea();
        QCOMPARE(area.width(), std::min(pane->picture().width(), pane->picture().height()));
        const int hottest = argmax(pane->heat());
        const QPoint centre(area.left() + int((hottest % 64 + 0.5) * area.width() / 64),
                            area.top() + int((hottest / 64 + 0.5) * area.height() / 64));
        const QRgb hot = full.pixel(centre);
        QVERIFY2(qRed(hot) > qBlue(hot), qPrintable(QColor(hot).name()));
        // Outside the square the model saw, the picture is left alone (a no-op for square pictures).
        for (int x = 0; x < area.left(); ++x)
            QCOMPARE(full.pixel(x, 0), pane->picture().pixel(x, 0));
        explorer.grab().save("/tmp/attention_explorer_gradcam.png");
    }

    void coAttentionFollowsTheSelectedTokens()
    {
        AttentionExplorer explorer;
        explorer.resize(1200, 900);
        explorer.show();
        QVERIFY(openExplained(explorer, m_postWithPicture));
        ImageExplanationPane *pane = explorer.imagePane();
        const ImageExplanation *explanation = pane->explanation();
        QVERIFY(explanation->hasCoAttention());
        // The run records no token attention: the chips are the explanation's tokens.
        QCOMPARE(explorer.tokenChips().size(), explanation->tokens.size());
        QCOMPARE(explorer.tokenChips().first()->token(), explanation->tokens.first());

        // The worker's answer, read independently of the pane.
        const CliRun cli = runCli({"explain", m_path, "--run", QString::number(m_run), "--post",
                                   QString::number(m_postWithPicture), "--json"});
        QVERIFY2(cli.code == 0, qPrintable(QStringLiteral("exit %1: %2").arg(cli.code).arg(QString::fromUtf8(cli.err))));
        const QJsonObject json = cli.json();
        const int rows = json["region_grid"].toObject()["rows"].toInt();
        const int columns = json["region_grid"].toObject()["cols"].toInt();
        const QJsonArray textToImage = json["text_to_image"].toArray();
        QCOMPARE(textToImage.size(), explorer.tokenChips().size());
        const auto row = [&](int token) {
            QVector<double> values;
            for (const QJsonValue &v : textToImage.at(token).toArray())
                values << v.toDouble();
            return values;
        };

        pane->opacitySlider()->setValue(70);
        pane->setMode(ImageExplanationPane::CoAttentionMode);
        // Nothing selected: the picture alone and a message saying what to do.
        QVERIFY(pane->heat().isEmpty());
        QCOMPARE(pane->shownImage(), pane->picture());
        QVERIFY(pane->messageLabel()->text().contains("No token selected"));

        // The token whose attention is most concentrated makes the clearest test.
        int token = 0;
        double sharpest = 0;
        for (int t = 0; t < textToImage.size(); ++t) {
            const QVector<double> weights = row(t);
            if (weights[argmax(weights)] > sharpest) {
                sharpest = weights[argmax(weights)];
                token = t;
            }
        }
        explorer.tokenChips()[token]->click();
        QCOMPARE(pane->heatRows(), rows);
        QCOMPARE(pane->heatColumns(), columns);
        const QVector<double> expected = row(token);
        QCOMPARE(argmax(pane->heat()), argmax(expected));
        QCOMPARE(pane->heat()[argmax(expected)], 1.0);
        // The brightest cell is drawn where that region lies over the picture.
        const QRect area = pane->mapArea();
        const int cell = argmax(expected);
        const QPoint centre(area.left() + int((cell % columns + 0.5) * area.width() / columns),
                            area.top() + int((cell / columns + 0.5) * area.height() / rows));
        QCOMPARE(pane->shownImage().pixel(centre), blended(pane->picture().pixel(centre), 1.0, 0.7));
        QVERIFY(pane->messageLabel()->text().contains(QStringLiteral("%1 x %2").arg(rows).arg(columns)));

        // A second token adds its row: the map is the normalised sum.
        const int other = token == 0 ? 1 : 0;
        explorer.tokenChips()[other]->click();
        QVector<double> sum = expected;
        const QVector<double> second = row(other);
        for (int r = 0; r < sum.size(); ++r)
            sum[r] += second[r];
        QCOMPARE(argmax(pane->heat()), argmax(sum));
        const double peak = sum[argmax(sum)];
        for (int r = 0; r < sum.size(); ++r)
            QVERIFY(std::abs(pane->heat()[r] - sum[r] / peak) < 1e-9);

        // Back to Grad-CAM: the selection no longer matters.
        pane->setMode(ImageExplanationPane::GradCamMode);
        QCOMPARE(pane->heat(), explanation->gradCam);
        explorer.grab().save("/tmp/attention_explorer_coattention.png");
    }

    void aPostWithoutPictureSaysSo()
    {
        AttentionExplorer explorer;
        explorer.imagePane()->runner()->setProgram(QStringLiteral(CHORUS_CLI_PATH));
        explorer.setProject(m_project.get());
        ImageExplanationPane *pane = explorer.imagePane();
        // A hidden explorer starts no worker, even for the first listed post (which has a picture).
        QCOMPARE(explorer.currentPost(), m_postWithPicture);
        QVERIFY(pane->explanation() == nullptr);
        QVERIFY(!pane->runner()->isRunning());
        explorer.show();
        QVERIFY(pane->runner()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!pane->runner()->isRunning(), 120000);
        QVERIFY(pane->explanation() != nullptr);
        QVERIFY(explorer.openPost(m_run, m_postWithoutPicture));
        QVERIFY(!pane->isHidden());
        QVERIFY(pane->picture().isNull());
        QVERIFY(pane->shownImage().isNull());
        QVERIFY(pane->messageLabel()->text().contains("no picture"));
        // Nothing to explain: no worker started.
        QVERIFY(!pane->runner()->isRunning());
        QVERIFY(pane->explanation() == nullptr);
    }

    void aWorkerFailureIsShownInThePane()
    {
        AttentionExplorer explorer;
        explorer.imagePane()->runner()->setProgram(m_dir.filePath("no-such-chorus-cli"));
        explorer.show();
        explorer.setProject(m_project.get());
        QVERIFY(explorer.openPost(m_run, m_postWithPicture));
        ImageExplanationPane *pane = explorer.imagePane();
        QTRY_VERIFY_WITH_TIMEOUT(pane->messageLabel()->text().contains("could not explain"), 10000);
        QVERIFY(pane->explanation() == nullptr);
        // The picture is still shown, without a map.
        QCOMPARE(pane->shownImage(), pane->picture());

        // A worker that answers with an error (a post the run cannot read) is a message too.
        ImageExplanationRunner runner;
        runner.setProgram(QStringLiteral(CHORUS_CLI_PATH));
        QSignalSpy failed(&runner, &ImageExplanationRunner::failed);
        runner.request(m_path, m_run, 999999);
        QVERIFY(failed.wait(60000));
        QVERIFY(!failed.first().at(2).toString().isEmpty());
        // A request cancelled emits nothing.
        QSignalSpy finished(&runner, &ImageExplanationRunner::finished);
        runner.request(m_path, m_run, m_postWithPicture);
        runner.cancel();
        QVERIFY(!runner.isRunning());
        QTest::qWait(200);
        QCOMPARE(finished.size(), 0);
        QCOMPARE(failed.size(), 1);
    }
};

QTEST_MAIN(ImageExplanationPaneTest)
#include "tst_imageexplanationpane.moc"
