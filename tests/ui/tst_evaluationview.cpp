// The evaluation view over a run's "evaluation" artifact: the confusion matrix cells hold the
// counts, the per-class metrics come from the report, the misclassified test posts are listed
// (most confident first, with their text) and a double-click asks for the post to be explained.
#include "core/metrics/classificationmetrics.h"
#include "core/store/project.h"
#include "core/training/runstore.h"
#include "ui/common/plotexporter.h"
#include "ui/attention/attentionexplorer.h"
#include "ui/main/mainwindow.h"
#include "ui/runs/evaluationview.h"
#include "ui/runs/runspanel.h"

#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QStandardPaths>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace chorus;

class EvaluationViewTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    std::int64_t m_run = 0;
    std::int64_t m_unfinishedRun = 0;
    std::vector<std::int64_t> m_posts;
    const QStringList m_classes{"neg", "neu", "pos"};
    // True and predicted class of each test post, and the predicted class's probability.
    const std::vector<std::int64_t> m_true{0, 0, 0, 1, 1, 2, 2, 2, 2};
    const std::vector<std::int64_t> m_pred{0, 2, 0, 1, 0, 2, 2, 1, 2};
    const std::vector<double> m_confidence{0.9, 0.55, 0.8, 0.6, 0.95, 0.7, 0.9, 0.4, 0.8};

    ClassificationReport m_report;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the window keeps recent projects and layout in settings
        // The main window asks the worker program for its model catalog; none is needed here.
        qputenv("CHORUS_CLI", QByteArray("/nonexistent/chorus-cli"));
        auto project = Project::open(m_dir.filePath("evaluation.chorus").toStdString());
        QVERIFY(project.ok());
        m_project = std::move(*project);
        auto dataset = m_project->ensureDataset("demo");
        QVERIFY(dataset.ok());
        for (std::size_t i = 0; i < m_true.size(); ++i) {
            auto insert = m_project->db().prepare("INSERT INTO posts(dataset_id, source_id, text) VALUES (?, ?, ?)");
            insert->bind(1, *dataset).bind(2, "t" + std::to_string(i)).bind(3, "test post number " + std::to_string(i));
            QVERIFY(insert->exec());
            m_posts.push_back(m_project->db().lastInsertRowId());
        }
        std::vector<std::vector<double>> scores;
        nlohmann::json predictions = nlohmann::json::array();
        for (std::size_t i = 0; i < m_true.size(); ++i) {
            std::vector<double> p(3, (1 - m_confidence[i]) / 2);
            p[std::size_t(m_pred[i])] = m_confidence[i];
            scores.push_back(p);
            predictions.push_back({{"post_id", m_posts[i]},
                                   {"label", m_classes[int(m_true[i])].toStdString()},
                                   {"predicted", m_classes[int(m_pred[i])].toStdString()},
                                   {"probabilities", p}});
        }
        auto report = ClassificationMetrics::evaluate(m_true, m_pred, scores, 3, {"neg", "neu", "pos"});
        QVERIFY(report.ok());
        m_report = *report;
        const nlohmann::json evaluation = {{"task", "stance"},
                                           {"regression", false},
                                           {"classes", {"neg", "neu", "pos"}},
                                           {"report", m_report.toJson()},
                                           {"predictions", predictions}};
        RunStore store(*m_project);
        auto run = store.create("textcnn", "demo", {{"model", "textcnn"}}, "cpu");
        QVERIFY(run.ok());
        m_run = *run;
        QVERIFY(store.addArtifact(m_run, "evaluation", "test", 90, "application/json", evaluation.dump()).ok());
        auto unfinished = store.create("textcnn", "demo", {{"model", "textcnn"}}, "cpu");
        QVERIFY(unfinished.ok());
        m_unfinishedRun = *unfinished;
    }

    void confusionCellsHoldTheCounts()
    {
        EvaluationView view;
        view.setProject(m_project.get());
        QCOMPARE(view.showRun(m_run), QString());
        QCOMPARE(view.classes(), m_classes);
        std::int64_t expected[3][3] = {};
        for (std::size_t i = 0; i < m_true.size(); ++i)
            ++expected[m_true[i]][m_pred[i]];
        QCOMPARE(expected[2][2], std::int64_t(3));
        for (int t = 0; t < 3; ++t)
            for (int p = 0; p < 3; ++p) {
                QCOMPARE(view.cellText(t, p), QString::number(expected[t][p]));
                QCOMPARE(view.cellValue(t, p), double(expected[t][p]));
            }
        QVERIFY(view.summaryLabel()->text().contains(QString::number(m_report.accuracy, 'f', 4)));
        QVERIFY(view.summaryLabel()->text().contains(QString::number(m_report.macroF1, 'f', 4)));
    }

    void perClassMetricsComeFromTheReport()
    {
        EvaluationView view;
        view.setProject(m_project.get());
        view.showRun(m_run);
        QTableWidget *table = view.metricsTable();
        QCOMPARE(table->rowCount(), 3);
        for (int c = 0; c < 3; ++c) {
            QCOMPARE(table->item(c, 0)->text(), m_classes[c]);
            QCOMPARE(table->item(c, 1)->text(), QString::number(m_report.perClass[std::size_t(c)].precision, 'f', 4));
            QCOMPARE(table->item(c, 2)->text(), QString::number(m_report.perClass[std::size_t(c)].recall, 'f', 4));
            QCOMPARE(table->item(c, 3)->text(), QString::number(m_report.perClass[std::size_t(c)].f1, 'f', 4));
            QCOMPARE(table->item(c, 4)->text().toLongLong(), qlonglong(m_report.perClass[std::size_t(c)].support));
        }
    }

    void listsTheMisclassifiedPostsMostConfidentFirst()
    {
        EvaluationView view;
        view.setProject(m_project.get());
        view.showRun(m_run);
        QTableWidget *table = view.mistakesTable();
        // Posts 1 (neg->pos 0.55), 4 (neu->neg 0.95), 7 (pos->neu 0.4).
        QCOMPARE(table->rowCount(), 3);
        const std::size_t order[] = {4, 1, 7};
        for (int row = 0; row < 3; ++row) {
            const std::size_t i = order[row];
            QCOMPARE(table->item(row, EvaluationView::PostColumn)->data(Qt::UserRole).toLongLong(), qlonglong(m_posts[i]));
            QCOMPARE(table->item(row, EvaluationView::TextColumn)->text(), QString("test post number %1").arg(i));
            QCOMPARE(table->item(row, EvaluationView::TrueColumn)->text(), m_classes[int(m_true[i])]);
            QCOMPARE(table->item(row, EvaluationView::PredictedColumn)->text(), m_classes[int(m_pred[i])]);
            QCOMPARE(table->item(row, EvaluationView::ConfidenceColumn)->text(), QString::number(m_confidence[i], 'f', 3));
        }
    }

    void doubleClickAsksForThePost()
    {
        EvaluationView view;
        view.resize(1000, 700);
        view.setProject(m_project.get());
        view.showRun(m_run);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy spy(&view, &EvaluationView::postActivated);
        QTableWidget *table = view.mistakesTable();
        const QRect cell = table->visualItemRect(table->item(1, EvaluationView::TextColumn));
        QVERIFY(cell.isValid());
        // A double click on a view is a press, a release, then the double-click event, as a mouse sends it.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toLongLong(), qlonglong(m_run));
        QCOMPARE(spy.at(0).at(1).toLongLong(), qlonglong(m_posts[1]));
        view.grab().save("/tmp/evaluation_view.png");
    }

    void aRunWithoutEvaluationSaysSo()
    {
        EvaluationView view;
        view.setProject(m_project.get());
        view.showRun(m_run);
        const QString message = view.showRun(m_unfinishedRun);
        QVERIFY(message.contains("no test evaluation"));
        QCOMPARE(view.mistakesTable()->rowCount(), 0);
        QCOMPARE(view.metricsTable()->rowCount(), 0);
        QVERIFY(view.confusion().isEmpty());
        QCOMPARE(view.cellText(0, 0), QString());
    }

    void exportsTheMatrixAsPngAndCsv()
    {
        EvaluationView view;
        view.setProject(m_project.get());
        view.showRun(m_run);
        const QString png = m_dir.filePath("confusion.png");
        QVERIFY(PlotExporter::savePng(view.matrixPlot(), png));
        QVERIFY(QFileInfo(png).size() > 0);
        QVERIFY(!QImage(png).isNull());
        // Vector formats hold the class names as text a reader can search and a journal can scale.
        const QString svg = m_dir.filePath("confusion.svg");
        QVERIFY(PlotExporter::save(view.matrixPlot(), svg));
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly | QIODevice::Text));
        const QByteArray svgText = svgFile.readAll();
        QVERIFY(svgText.contains("<svg"));
        QVERIFY(svgText.contains("predicted"));
        const QString pdf = m_dir.filePath("confusion.pdf");
        QVERIFY(PlotExporter::save(view.matrixPlot(), pdf));
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.read(5) == "%PDF-");
        QVERIFY(!PlotExporter::save(view.matrixPlot(), m_dir.filePath("confusion.bmp")));
        const QString csv = m_dir.filePath("confusion.csv");
        QVERIFY(PlotExporter::save(view.matrixPlot(), csv, [&view](const QString &path) { return view.saveMatrixCsv(path); }));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
        QCOMPARE(QString::fromUtf8(file.readAll()), QString("true \\ predicted,neg,neu,pos\nneg,2,0,1\nneu,1,1,0\npos,0,1,3\n"));
    }

    void theMainWindowOpensAMistakeInTheAttentionExplorer()
    {
        MainWindow window;
        QCOMPARE(window.openProject(QString::fromStdString(m_project->path())), QString());
        window.tabs()->setCurrentWidget(window.runsPanel());
        window.runsPanel()->selectRuns({m_run});
        QCOMPARE(window.evaluationView()->run(), qint64(m_run));
        QCOMPARE(window.evaluationView()->mistakesTable()->rowCount(), 3);
        window.runsPanel()->selectRuns({});
        QCOMPARE(window.evaluationView()->run(), qint64(0));
        window.runsPanel()->selectRuns({m_run});
        emit window.evaluationView()->mistakesTable()->cellDoubleClicked(0, EvaluationView::TextColumn);
        QCOMPARE(window.tabs()->currentWidget(), static_cast<QWidget *>(window.attentionExplorer()));
        // A test post is not an attention probe: the explorer shows its text and test prediction.
        QVERIFY(window.attentionExplorer()->postTextLabel()->text().contains("test post number 4"));
        window.grab().save("/tmp/mainwindow_attention_fallback.png");
    }
};

QTEST_MAIN(EvaluationViewTest)
#include "tst_evaluationview.moc"
