// The attention explorer's colouring panel: a Transformer's recorded per-layer, per-head weights
// colour the tokens when a layer and head are chosen (one scale across epochs), the heatmap draws
// the recorded matrix of that layer and head (or the heads' average), and saliency computed by the
// worker colours the tokens red and blue. The worker here is a script that answers like
// `chorus-cli explain --saliency --json`, so the test runs no model; tests/models covers the real one.
#include "core/store/project.h"
#include "core/training/runstore.h"
#include "ui/attention/attentionexplorer.h"
#include "ui/attention/attentionheatmap.h"
#include "ui/attention/attentionsnapshot.h"
#include "ui/attention/tokenchip.h"
#include "ui/attention/tokencolouringpanel.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace chorus;
using json = nlohmann::json;

class AttentionHeadsTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    std::int64_t m_run = 0;
    std::int64_t m_probe = 0;
    std::int64_t m_testPost = 0;
    QString m_script;

    // [layer][head][token]: layer 0 head 1 puts everything on "plot", the other heads differ.
    static json headWeights(double shift)
    {
        return {{{0.25, 0.25, 0.25, 0.25}, {0.05, 0.05, 0.1 - shift, 0.8 + shift}},
                {{0.4, 0.3, 0.2, 0.1}, {0.1, 0.1, 0.2, 0.6}}};
    }
    // [layer][head][query][key]
    static json headMatrices()
    {
        json layer0 = {{{0.25, 0.25, 0.25, 0.25}, {0.25, 0.25, 0.25, 0.25}, {0.25, 0.25, 0.25, 0.25}, {0.25, 0.25, 0.25, 0.25}},
                       {{0.1, 0.0, 0.0, 0.9}, {0.0, 0.2, 0.0, 0.8}, {0.0, 0.0, 0.3, 0.7}, {0.2, 0.0, 0.0, 0.8}}};
        json layer1 = {{{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}}, {{0, 0, 0, 1}, {0, 0, 1, 0}, {0, 1, 0, 0}, {1, 0, 0, 0}}};
        return {layer0, layer1};
    }
    json snapshot(int epoch, double shift) const
    {
        const json heads = headWeights(shift);
        std::vector<double> weights;
        for (int t = 0; t < 4; ++t)
            weights.push_back((heads[1][0][t].get<double>() + heads[1][1][t].get<double>()) / 2);
        json post = {{"post_id", m_probe},     {"tokens", {"what", "an", "awful", "plot"}},
                     {"weights", weights},     {"head_weights", heads},
                     {"head_matrices", headMatrices()}, {"label", "negative"},
                     {"probabilities", {0.8, 0.2}}};
        return {{"epoch", epoch}, {"step", epoch * 5}, {"classes", {"negative", "positive"}}, {"posts", {post}}};
    }

    static QColor expectedColour(double weight, double scale) { return TokenChip::colourFor(weight, scale); }

private slots:
    void initTestCase()
    {
        auto project = Project::open(m_dir.filePath("heads.chorus").toStdString());
        QVERIFY(project.ok());
        m_project = std::move(*project);
        auto dataset = m_project->ensureDataset("demo");
        QVERIFY(dataset.ok());
        auto insert = m_project->db().prepare("INSERT INTO posts(dataset_id, source_id, text) VALUES (?, ?, ?)");
        insert->bind(1, *dataset).bind(2, std::string("p1")).bind(3, std::string("What an awful plot"));
        QVERIFY(insert->exec());
        m_probe = m_project->db().lastInsertRowId();
        auto second = m_project->db().prepare("INSERT INTO posts(dataset_id, source_id, text) VALUES (?, ?, ?)");
        second->bind(1, *dataset).bind(2, std::string("p2")).bind(3, std::string("Lovely cast"));
        QVERIFY(second->exec());
        m_testPost = m_project->db().lastInsertRowId();
        RunStore store(*m_project);
        auto run = store.create("transformer", "demo", {{"model", "transformer"}}, "cpu");
        QVERIFY(run.ok());
        m_run = *run;
        QVERIFY(store.addArtifact(m_run, "attention", "epoch-1", 5, "application/json", snapshot(1, 0.05).dump()).ok());
        QVERIFY(store.addArtifact(m_run, "attention", "epoch-2", 10, "application/json", snapshot(2, 0.0).dump()).ok());

        // A stand-in worker: answers explain --saliency for either post, records its arguments, and
        // fails for post 0 like the real one does for a bad request.
        m_script = m_dir.filePath("fake-cli.sh");
        QFile script(m_script);
        QVERIFY(script.open(QIODevice::WriteOnly));
        const QString probeAnswer = QString::fromStdString(
            json{{"run_id", m_run}, {"post_id", m_probe}, {"tokens", {"what", "an", "awful", "plot"}}, {"predicted", "negative"},
                 {"saliency", {{"gradient_x_input", {0.1, -0.05, 0.9, 0.3}}, {"integrated_gradients", {0.2, -0.4, 1.6, 0.4}},
                               {"target", "negative"}, {"score", 2.0}, {"baseline_score", 0.2}, {"completeness_gap", 0.001},
                               {"steps", 50}, {"baseline", "zero"}}}}
                .dump());
        const QString testAnswer = QString::fromStdString(
            json{{"run_id", m_run}, {"post_id", m_testPost}, {"tokens", {"lovely", "cast"}}, {"predicted", "positive"},
                 {"saliency", {{"gradient_x_input", {0.5, 0.1}}, {"integrated_gradients", {0.7, -0.2}}, {"target", "positive"},
                               {"score", 1.0}, {"baseline_score", 0.5}, {"completeness_gap", 0.0}, {"steps", 50},
                               {"baseline", "zero"}}}}
                .dump());
        script.write(QStringLiteral("#!/bin/sh\n"
                                    "echo \"$@\" >> '%1'\n"
                                    "case \"$6\" in\n"
                                    "  %2) echo '%3' ;;\n"
                                    "  %4) echo '%5' ;;\n"
                                    "  *) echo '{\"error\": \"no post with id '$6'\"}'; exit 1 ;;\n"
                                    "esac\n")
                         .arg(m_dir.filePath("arguments.txt"))
                         .arg(m_probe)
                         .arg(probeAnswer)
                         .arg(m_testPost)
                         .arg(testAnswer)
                         .toUtf8());
        script.close();
        QVERIFY(QFile::setPermissions(m_script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    }

    void snapshotsKeepTheHeads()
    {
        QString error;
        auto parsed = AttentionSnapshot::fromJson(snapshot(2, 0.0).dump(), &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->posts[0].headWeights.size(), 2);
        QCOMPARE(parsed->posts[0].headWeights[0][1], (QVector<double>{0.05, 0.05, 0.1, 0.8}));
        QCOMPARE(parsed->posts[0].headMatrices[0][1][2], (QVector<double>{0.0, 0.0, 0.3, 0.7}));
        // Heads that do not match the tokens make the snapshot unusable, not misleading.
        json bad = snapshot(2, 0.0);
        bad["posts"][0]["head_weights"][1][0] = {0.5, 0.5};
        QVERIFY(!AttentionSnapshot::fromJson(bad.dump(), &error));
        QVERIFY(error.contains("per-head"));
    }

    void headSelectionRecolours()
    {
        AttentionExplorer explorer;
        explorer.setProject(m_project.get());
        QVERIFY(explorer.openPost(m_run, m_probe));
        TokenColouringPanel *panel = explorer.colouringPanel();
        QCOMPARE(panel->layerCombo()->count(), 2);
        QCOMPARE(panel->headCombo()->count(), 3); // the average, then heads 1 and 2
        QCOMPARE(panel->layer(), 1);              // the last layer, as the recorded weights
        QCOMPARE(panel->head(), -1);
        QList<TokenChip *> chips = explorer.tokenChips();
        QCOMPARE(chips.size(), 4);
        // The default shows the recorded weights: the last layer's heads averaged.
        QCOMPARE(chips[0]->weight(), 0.25);
        QCOMPARE(chips[3]->colour(), expectedColour(0.35, 0.35));

        // Layer 1, head 2: its own weights, on its own scale across both epochs (0.85 at epoch 1).
        panel->layerCombo()->setCurrentIndex(0);
        panel->headCombo()->setCurrentIndex(2);
        chips = explorer.tokenChips();
        const json heads = headWeights(0.0);
        for (int t = 0; t < 4; ++t) {
            const double w = heads[0][1][t].get<double>();
            QCOMPARE(chips[t]->weight(), w);
            QCOMPARE(chips[t]->colour(), expectedColour(w, 0.85));
        }
        QVERIFY(chips[3]->toolTip().contains("head 2"));
        // The heatmap draws that head's matrix, the tokens on both axes.
        AttentionHeatmap *heatmap = panel->heatmap();
        QVERIFY(!heatmap->isHidden());
        QCOMPARE(heatmap->tokens(), (QStringList{"what", "an", "awful", "plot"}));
        QCOMPARE(heatmap->cell(2, 3), 0.7);
        QCOMPARE(heatmap->cell(1, 1), 0.2);

        // Head 1 of the same layer spreads evenly: one colour for every token.
        panel->headCombo()->setCurrentIndex(1);
        chips = explorer.tokenChips();
        QCOMPARE(chips[0]->colour(), chips[3]->colour());
        QCOMPARE(heatmap->cell(2, 3), 0.25);
        // The average of the heads, for the heatmap too.
        panel->headCombo()->setCurrentIndex(0);
        QVERIFY(qAbs(explorer.tokenChips()[3]->weight() - (0.25 + 0.8) / 2) < 1e-12);
        QVERIFY(qAbs(heatmap->cell(2, 3) - (0.25 + 0.7) / 2) < 1e-12);

        // The choice stays while moving through the epochs; the scale does not move.
        panel->headCombo()->setCurrentIndex(2);
        explorer.setEpochIndex(0);
        QCOMPARE(panel->layer(), 0);
        QCOMPARE(panel->head(), 1);
        chips = explorer.tokenChips();
        QCOMPARE(chips[3]->weight(), 0.85);
        QCOMPARE(chips[3]->colour(), expectedColour(0.85, 0.85));
        QCOMPARE(heatmap->cell(2, 3), 0.7);
    }

    void saliencyIsASecondColouring()
    {
        QFile::remove(m_dir.filePath("arguments.txt"));
        AttentionExplorer explorer;
        explorer.colouringPanel()->saliencyRunner()->setProgram(m_script);
        explorer.setProject(m_project.get());
        QVERIFY(explorer.openPost(m_run, m_probe));
        TokenColouringPanel *panel = explorer.colouringPanel();
        panel->measureCombo()->setCurrentIndex(TokenColouringPanel::IntegratedGradients);
        QVERIFY(!panel->stepsSpin()->isHidden());
        QTRY_VERIFY_WITH_TIMEOUT(panel->showsSaliency(), 20000);
        QList<TokenChip *> chips = explorer.tokenChips();
        const QVector<double> ig{0.2, -0.4, 1.6, 0.4};
        for (int t = 0; t < 4; ++t) {
            QCOMPARE(chips[t]->weight(), ig[t]);
            QCOMPARE(chips[t]->colour(), TokenChip::signedColourFor(ig[t], 1.6));
        }
        // Tokens that lower the class's score are blue, those that raise it red.
        QVERIFY(chips[1]->colour().blue() > chips[1]->colour().red());
        QVERIFY(chips[2]->colour().red() > chips[2]->colour().blue());
        QVERIFY(panel->statusLabel()->text().contains("negative"));
        // The worker was asked for this run and post.
        QFile arguments(m_dir.filePath("arguments.txt"));
        QVERIFY(arguments.open(QIODevice::ReadOnly));
        const QString asked = QString::fromUtf8(arguments.readAll());
        QVERIFY2(asked.contains(QStringLiteral("explain %1 --run %2 --post %3 --saliency --steps 50 --baseline zero --json")
                                    .arg(m_dir.filePath("heads.chorus"))
                                    .arg(m_run)
                                    .arg(m_probe)),
                 qPrintable(asked));
        // Selections now add up attributions.
        chips[2]->setChecked(true);
        chips[3]->setChecked(true);
        QVERIFY(qAbs(explorer.selectedWeight() - 2.0) < 1e-9);
        QVERIFY(explorer.selectionLabel()->text().contains("attribution"));
        // Gradient x input comes from the same answer, without asking again.
        panel->measureCombo()->setCurrentIndex(TokenColouringPanel::GradientTimesInput);
        QCOMPARE(explorer.tokenChips()[2]->weight(), 0.9);
        QCOMPARE(explorer.tokenChips()[2]->colour(), TokenChip::signedColourFor(0.9, 0.9));
        // Back to attention: the recorded weights again.
        panel->measureCombo()->setCurrentIndex(TokenColouringPanel::Attention);
        QCOMPARE(explorer.tokenChips()[0]->weight(), 0.25);
        QVERIFY(!panel->showsSaliency());
    }

    void saliencyOfAPostWithoutRecordedAttention()
    {
        AttentionExplorer explorer;
        explorer.colouringPanel()->saliencyRunner()->setProgram(m_script);
        explorer.setProject(m_project.get());
        explorer.colouringPanel()->measureCombo()->setCurrentIndex(TokenColouringPanel::IntegratedGradients);
        // Not a probe post: its text only, until the saliency gives it tokens.
        QVERIFY(!explorer.openPost(m_run, m_testPost));
        QTRY_COMPARE_WITH_TIMEOUT(explorer.tokenChips().size(), 2, 20000);
        QCOMPARE(explorer.tokenChips()[0]->token(), QString("lovely"));
        QCOMPARE(explorer.tokenChips()[1]->colour(), TokenChip::signedColourFor(-0.2, 0.7));
        explorer.colouringPanel()->measureCombo()->setCurrentIndex(TokenColouringPanel::Attention);
        QVERIFY(explorer.tokenChips().isEmpty());
    }

    void workerFailureIsShown()
    {
        TokenColouringPanel panel;
        panel.saliencyRunner()->setProgram(m_script);
        panel.setProjectPath(m_dir.filePath("heads.chorus"));
        panel.measureCombo()->setCurrentIndex(TokenColouringPanel::GradientTimesInput);
        panel.setPost(m_run, 987654, nullptr, {});
        QTRY_VERIFY_WITH_TIMEOUT(panel.statusLabel()->text().contains("no post with id 987654"), 20000);
        QVERIFY(!panel.showsSaliency());
    }
};

QTEST_MAIN(AttentionHeadsTest)
#include "tst_attentionheads.moc"
