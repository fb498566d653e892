// The attention explorer over recorded "attention" artifacts: token chips coloured by the weights
// of the chosen epoch, selection sums, modality and frame charts beside the post's image, the
// per-class token ranking, a test post opened from the evaluation, and plot export.
#include "core/store/project.h"
#include "core/training/runstore.h"
#include "ui/attention/attentionexplorer.h"
#include "ui/attention/barchart.h"
#include "ui/attention/tokenchip.h"
#include "ui/common/plotexporter.h"

#include <QBuffer>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QSlider>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace chorus;

class AttentionExplorerTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    std::int64_t m_run = 0;
    std::int64_t m_plainRun = 0;
    std::int64_t m_posts[5] = {}; // great movie, cat photo, great fun, awful plot, a test post

    std::int64_t addPost(std::int64_t dataset, const std::string &sourceId, const std::string &text)
    {
        auto insert = m_project->db().prepare("INSERT INTO posts(dataset_id, source_id, text) VALUES (?, ?, ?)");
        insert->bind(1, dataset).bind(2, sourceId).bind(3, text);
        if (!insert->exec())
            return 0;
        return m_project->db().lastInsertRowId();
    }

    nlohmann::json snapshot(int epoch, const std::vector<double> &movieWeights)
    {
        nlohmann::json posts = nlohmann::json::array();
        posts.push_back({{"post_id", m_posts[0]},
                         {"tokens", {"the", "movie", "was", "great"}},
                         {"weights", movieWeights},
                         {"label", "positive"},
                         {"probabilities", {0.2, 0.8}}});
        posts.push_back({{"post_id", m_posts[1]},
                         {"tokens", {"cat", "photo"}},
                         {"weights", {0.3, 0.7}},
                         {"frame_weights", {0.1, 0.6, 0.3}},
                         {"modality_weights", {{"text", 0.35}, {"image", 0.65}}},
                         {"label", "positive"},
                         {"probabilities", {0.6, 0.4}}});
        posts.push_back({{"post_id", m_posts[2]},
                         {"tokens", {"great", "fun"}},
                         {"weights", {0.7, 0.3}},
                         {"label", "positive"},
                         {"probabilities", {0.1, 0.9}}});
        posts.push_back({{"post_id", m_posts[3]},
                         {"tokens", {"awful", "plot"}},
                         {"weights", {0.9, 0.1}},
                         {"label", "negative"},
                         {"probabilities", {0.7, 0.3}}});
        return {{"epoch", epoch}, {"step", epoch * 10}, {"classes", {"negative", "positive"}},
                {"modalities", {"text", "image"}}, {"posts", posts}};
    }

    TokenChip *chip(AttentionExplorer &explorer, const QString &token)
    {
        for (TokenChip *c : explorer.tokenChips())
            if (c->token() == token)
                return c;
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        auto project = Project::open(m_dir.filePath("attention.chorus").toStdString());
        QVERIFY(project.ok());
        m_project = std::move(*project);
        auto dataset = m_project->ensureDataset("demo");
        QVERIFY(dataset.ok());
        const char *texts[] = {"The movie was great!", "Cat photo", "Great fun", "Awful plot", "A test post about nothing"};
        for (int i = 0; i < 5; ++i) {
            m_posts[i] = addPost(*dataset, "p" + std::to_string(i), texts[i]);
            QVERIFY(m_posts[i] > 0);
        }
        // The multimodal post has an image kept in the project.
        QImage image(40, 30, QImage::Format_RGB32);
        image.fill(QColor(20, 160, 60));
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(image.save(&buffer, "PNG"));
        auto media = m_project->db().prepare("INSERT INTO media(post_id, kind, blob, width, height) VALUES (?, 'image', ?, 40, 30)");
        media->bind(1, m_posts[1]).bindBlob(2, png.constData(), std::size_t(png.size()));
        QVERIFY(media->exec());

        RunStore store(*m_project);
        auto run = store.create("rnn_attention", "demo", {{"model", "rnn_attention"}}, "cpu");
        QVERIFY(run.ok());
        m_run = *run;
        // Epoch 1 spreads attention evenly over the movie review; epoch 2 focuses on "great".
        QVERIFY(store.addArtifact(m_run, "attention", "epoch-1", 10, "application/json", snapshot(1, {0.25, 0.25, 0.25, 0.25}).dump()).ok());
        QVERIFY(store.addArtifact(m_run, "attention", "epoch-2", 20, "application/json", snapshot(2, {0.05, 0.1, 0.05, 0.8}).dump()).ok());
        const nlohmann::json evaluation = {
            {"task", "sentiment"},
            {"classes", {"negative", "positive"}},
            {"report", {{"accuracy", 0.0}}},
            {"predictions", {{{"post_id", m_posts[4]}, {"label", "negative"}, {"predicted", "positive"}, {"probabilities", {0.15, 0.85}}}}}};
        QVERIFY(store.addArtifact(m_run, "evaluation", "test", 20, "application/json", evaluation.dump()).ok());
        auto plain = store.create("textcnn", "demo", {{"model", "textcnn"}}, "cpu");
        QVERIFY(plain.ok());
        m_plainRun = *plain; // records no attention: not offered
    }

    void listsRunsWithAttentionAndTheirProbePosts()
    {
        AttentionExplorer explorer;
        explorer.setProject(m_project.get());
        QCOMPARE(explorer.runCombo()->count(), 1);
        QCOMPARE(explorer.currentRun(), qint64(m_run));
        QCOMPARE(explorer.snapshotCount(), 2);
        QCOMPARE(explorer.epochSlider()->value(), 1); // the latest epoch
        QCOMPARE(explorer.postCombo()->count(), 4);
        QCOMPARE(explorer.postPickerLabel()->text(), QString("Probe post"));
        QVERIFY(explorer.postCombo()->itemText(0).contains("The movie was great!"));
    }

    void chipColoursFollowTheRecordedWeights()
    {
        AttentionExplorer explorer;
        explorer.setProject(m_project.get());
        QVERIFY(explorer.openPost(m_run, m_posts[0]));
        QCOMPARE(explorer.tokenChips().size(), 4);
        TokenChip *great = chip(explorer, "great");
        TokenChip *the = chip(explorer, "the");
        QVERIFY(great && the);
        QCOMPARE(great->weight(), 0.8);
        // The post's strongest weight over all epochs is the full colour; a small one stays pale.
        QCOMPARE(great->colour(), TokenChip::colourFor(1, 1));
        QVERIFY(great->colour().lightnessF() < the->colour().lightnessF() - 0.3);
        QVERIFY(the->colour().lightnessF() > 0.85);
        QVERIFY(great->toolTip().contains("0.8000"));
        const QColor greatAtEpoch2 = great->colour();

        explorer.setEpochIndex(0);
        QCOMPARE(explorer.currentSnapshot()->epoch, 1);
        great = chip(explorer, "great");
        the = chip(explorer, "the");
        QVERIFY(great && the);
        QCOMPARE(great->weight(), 0.25);
        QVERIFY(great->colour() != greatAtEpoch2);
        QCOMPARE(great->colour(), the->colour()); // even attention, even colour
        QCOMPARE(great->colour(), TokenChip::colourFor(0.25, 0.8));
    }

    void selectedTokensAddUp()
    {
        AttentionExplorer explorer;
        explorer.resize(1000, 700);
        explorer.show();
        explorer.setProject(m_project.get());
        QVERIFY(explorer.openPost(m_run, m_posts[0]));
        QVERIFY(QTest::qWaitForWindowExposed(&explorer));
        QTest::mouseClick(chip(explorer, "movie"), Qt::LeftButton);
        QTest::mouseClick(chip(explorer, "great"), Qt::LeftButton);
        QVERIFY(chip(explorer, "great")->isChecked());
        QVERIFY(qAbs(explorer.selectedWeight() - 0.9) < 1e-9);
        QVERIFY(explorer.selectionLabel()->text().contains("0.9000"));
        QVERIFY(explorer.selectionLabel()->text().contains("2"));
        QTest::mouseClick(chip(explorer, "movie"), Qt::LeftButton);
        QVERIFY(qAbs(explorer.selectedWeight() - 0.8) < 1e-9);
        QCOMPARE(explorer.probabilityChart()->values(), (QVector<double>{0.2, 0.8}));
        QCOMPARE(explorer.probabilityChart()->highlighted(), 1);
        QVERIFY(explorer.predictionLabel()->text().contains("positive"));
        // A text-only post has neither modality weights nor frames.
        QVERIFY(explorer.modalityChart()->isHidden());
        QVERIFY(explorer.frameStrip()->isHidden());
        // With no media the chart reaches the bottom of the post's column: the empty media row
        // and the colouring row without a heatmap leave no blank band.
        QWidget *column = explorer.probabilityChart()->parentWidget();
        const int chartBottom = explorer.probabilityChart()->geometry().bottom();
        QVERIFY2(column->height() - chartBottom < 20,
                 qPrintable(QStringLiteral("chart ends at %1 of %2").arg(chartBottom).arg(column->height())));
        explorer.grab().save("/tmp/attention_explorer_text.png");
    }

    void modalityBarsFrameStripAndImage()
    {
        AttentionExplorer explorer;
        explorer.resize(1100, 750);
        explorer.show();
        explorer.setProject(m_project.get());
        QVERIFY(explorer.openPost(m_run, m_posts[1]));
        QVERIFY(!explorer.modalityChart()->isHidden());
        QCOMPARE(explorer.modalityChart()->labels(), (QStringList{"text", "image"})); // the model's order
        QCOMPARE(explorer.modalityChart()->values(), (QVector<double>{0.35, 0.65}));
        QVERIFY(!explorer.frameStrip()->isHidden());
        QCOMPARE(explorer.frameStrip()->values(), (QVector<double>{0.1, 0.6, 0.3}));
        QCOMPARE(explorer.frameStrip()->labels(), (QStringList{"1", "2", "3"}));
        QCOMPARE(explorer.frameStrip()->highlighted(), 1);
        QVERIFY(!explorer.imageLabel()->isHidden());
        const QImage shown = explorer.imageLabel()->pixmap().toImage();
        QVERIFY(!shown.isNull());
        QCOMPARE(shown.pixelColor(shown.width() / 2, shown.height() / 2), QColor(20, 160, 60));
        QVERIFY(QTest::qWaitForWindowExposed(&explorer));
        explorer.grab().save("/tmp/attention_explorer_multimodal.png");
    }

    void classViewRanksThePlantedTokenFirst()
    {
        AttentionExplorer explorer;
        explorer.setProject(m_project.get());
        // Predicted positive: the movie review ("great" 0.8) and "great fun" ("great" 0.7).
        const QStringList positive = explorer.classTopTokens("positive");
        QVERIFY(!positive.isEmpty());
        QCOMPARE(positive.first(), QString("great"));
        QCOMPARE(positive.size(), 5); // the, movie, was, great, fun
        // Predicted negative: "awful plot" and the cat photo (predicted negative at 0.6).
        const QStringList negative = explorer.classTopTokens("negative");
        QCOMPARE(negative, (QStringList{"awful", "photo", "cat", "plot"}));
    }

    void aTestPostShowsItsTextAndTestPrediction()
    {
        AttentionExplorer explorer;
        explorer.setProject(m_project.get());
        QVERIFY(!explorer.openPost(m_run, m_posts[4]));
        QVERIFY(explorer.postTextLabel()->text().contains("A test post about nothing"));
        QVERIFY(explorer.tokenChips().isEmpty());
        QCOMPARE(explorer.probabilityChart()->values(), (QVector<double>{0.15, 0.85}));
        QVERIFY(explorer.predictionLabel()->text().contains("negative"));
        QVERIFY(explorer.messageLabel()->text().contains(QString::number(m_posts[4])));
        // Picking a probe post again shows its attention.
        explorer.postCombo()->setCurrentIndex(0);
        QCOMPARE(explorer.tokenChips().size(), 4);
    }

    void malformedSnapshotsAreSkippedWithAMessage()
    {
        RunStore store(*m_project);
        auto run = store.create("rnn_attention", "demo", {{"model", "rnn_attention"}}, "cpu");
        QVERIFY(run.ok());
        QVERIFY(store.addArtifact(*run, "attention", "epoch-1", 5, "application/json", "{not json").ok());
        QVERIFY(store.addArtifact(*run, "attention", "epoch-2", 10, "application/json",
                                  R"({"epoch":2,"posts":[{"post_id":1,"tokens":["a","b"],"weights":[1.0]}]})")
                    .ok());
        QVERIFY(store.addArtifact(*run, "attention", "epoch-3", 15, "application/json", snapshot(3, {0.1, 0.2, 0.3, 0.4}).dump()).ok());
        AttentionExplorer explorer;
        explorer.setProject(m_project.get());
        QCOMPARE(explorer.runCombo()->count(), 2);
        explorer.runCombo()->setCurrentIndex(explorer.runCombo()->findData(QVariant::fromValue<qlonglong>(*run)));
        QCOMPARE(explorer.snapshotCount(), 1);
        QVERIFY(explorer.messageLabel()->text().contains("epoch-1"));
        QVERIFY(explorer.messageLabel()->text().contains("2 tokens but 1 weights"));
        QVERIFY(store.setStatus(*run, "finished").ok());
        QVERIFY(store.remove(*run).ok());
    }

    void exportsPlotsAsPngAndCsv()
    {
        AttentionExplorer explorer;
        explorer.setProject(m_project.get());
        QVERIFY(explorer.openPost(m_run, m_posts[1]));
        const QString png = m_dir.filePath("frames.png");
        QVERIFY(PlotExporter::save(explorer.frameStrip()->plot(), png));
        QVERIFY(QFileInfo(png).size() > 0);
        QImage image(png);
        QVERIFY(!image.isNull());
        const QString csv = m_dir.filePath("modalities.csv");
        QVERIFY(explorer.modalityChart()->saveCsv(csv));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
        QCOMPARE(QString::fromUtf8(file.readAll()), QString("label,value\ntext,0.34999999999999998\nimage,0.65000000000000002\n"));
    }
};

QTEST_MAIN(AttentionExplorerTest)
#include "tst_attentionexplorer.moc"
