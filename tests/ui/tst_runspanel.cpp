// The runs panel over RunStore: rows with hyperparameters and best metrics, numeric sorting,
// rename, delete (refused while a run trains), the config diff of two runs and overlaid curves.
#include "core/store/project.h"
#include "core/training/runstore.h"
#include "ui/runs/configdiff.h"
#include "ui/runs/runspanel.h"
#include "ui/runs/runstablemodel.h"
#include "ui/training/curveplot.h"

#include <QComboBox>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

class RunsPanelTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    std::int64_t m_runs[3] = {};

    static nlohmann::json config(double lr, int epochs)
    {
        return {{"model", "textcnn"}, {"dataset", "demo"}, {"task", "sentiment"}, {"seed", 7}, {"epochs", epochs},
                {"batch_size", 64}, {"optimizer", {{"name", "adamw"}, {"lr", lr}}}, {"params", {{"filters", 100}}}};
    }

    int proxyRowOf(RunsPanel &panel, std::int64_t id)
    {
        for (int r = 0; r < panel.proxy()->rowCount(); ++r)
            if (panel.proxy()->index(r, 0).data(RunsTableModel::RunIdRole).toLongLong() == id)
                return r;
        return -1;
    }

private slots:
    void initTestCase()
    {
        auto project = Project::open(m_dir.filePath("runs.chorus").toStdString());
        QVERIFY(project.ok());
        m_project = std::move(*project);
        QVERIFY(m_project->ensureDataset("demo").ok());
        RunStore store(*m_project);
        // Best accuracies in an order unlike the ids.
        const double accuracy[] = {0.85, 0.9, 0.605};
        const double lr[] = {0.002, 0.01, 0.002};
        for (int i = 0; i < 3; ++i) {
            auto run = store.create("textcnn", "demo", config(lr[i], i + 1), "cpu");
            QVERIFY(run.ok());
            m_runs[i] = *run;
            for (int step = 10; step <= 30; step += 10)
                QVERIFY(store.addMetrics(*run, step, step / 30.0, "valid", {{"accuracy", accuracy[i] * step / 30}, {"loss", 1.0 / step}})
                            .ok());
            QVERIFY(store.setBestMetrics(*run, {{"accuracy", accuracy[i]}, {"macro_f1", accuracy[i] - 0.1}, {"loss", 0.5}}).ok());
            if (i < 2)
                QVERIFY(store.setStatus(*run, "finished").ok());
        }
    }

    void listsRunsWithHyperparameters()
    {
        RunsPanel panel;
        panel.setProject(m_project.get());
        QCOMPARE(panel.model()->rowCount(), 3);
        RunsTableModel *model = panel.model();
        const int row = model->rowOf(m_runs[1]);
        QCOMPARE(model->index(row, RunsTableModel::Model).data().toString(), QString("textcnn"));
        QCOMPARE(model->index(row, RunsTableModel::Status).data().toString(), QString("finished"));
        QCOMPARE(model->index(row, RunsTableModel::Dataset).data().toString(), QString("demo"));
        QCOMPARE(model->index(row, RunsTableModel::Task).data().toString(), QString("sentiment"));
        QCOMPARE(model->index(row, RunsTableModel::LearningRate).data().toString(), QString("0.01"));
        QCOMPARE(model->index(row, RunsTableModel::Epochs).data().toInt(), 2);
        QCOMPARE(model->index(row, RunsTableModel::Accuracy).data().toString(), QString("0.9000"));
        QCOMPARE(model->index(model->rowOf(m_runs[2]), RunsTableModel::Status).data().toString(), QString("running"));
    }

    void sortsNumerically()
    {
        RunsPanel panel;
        panel.setProject(m_project.get());
        panel.table()->sortByColumn(RunsTableModel::Accuracy, Qt::DescendingOrder);
        QCOMPARE(panel.proxy()->index(0, 0).data(RunsTableModel::RunIdRole).toLongLong(), m_runs[1]);
        QCOMPARE(panel.proxy()->index(1, 0).data(RunsTableModel::RunIdRole).toLongLong(), m_runs[0]);
        QCOMPARE(panel.proxy()->index(2, 0).data(RunsTableModel::RunIdRole).toLongLong(), m_runs[2]);
        panel.table()->sortByColumn(RunsTableModel::Epochs, Qt::AscendingOrder);
        QCOMPARE(panel.proxy()->index(0, 0).data(RunsTableModel::RunIdRole).toLongLong(), m_runs[0]);
        panel.table()->sortByColumn(RunsTableModel::Id, Qt::DescendingOrder);
        QCOMPARE(panel.proxy()->index(0, 0).data(RunsTableModel::RunIdRole).toLongLong(), m_runs[2]);
    }

    void diffsTwoRunsAndOverlaysCurves()
    {
        RunsPanel panel;
        panel.setProject(m_project.get());
        panel.selectRuns({m_runs[0], m_runs[1]});
        QCOMPARE(panel.selectedRuns(), QList<qint64>({m_runs[0], m_runs[1]}));
        QTableWidget *diff = panel.diffTable();
        QStringList keys;
        for (int r = 0; r < diff->rowCount(); ++r)
            keys << diff->item(r, 0)->text();
        QCOMPARE(keys, QStringList({"epochs", "optimizer.lr"}));
        const int lrRow = keys.indexOf("optimizer.lr");
        QCOMPARE(diff->item(lrRow, 1)->text(), QString("0.002"));
        QCOMPARE(diff->item(lrRow, 2)->text(), QString("0.01"));

        // Validation accuracy is the first curve: one series per selected run, every point.
        QCOMPARE(panel.curveCombo()->currentData().toString(), QString("valid/accuracy"));
        QCOMPARE(panel.overlay()->seriesNames().size(), 2);
        QCOMPARE(panel.overlay()->totalPoints(), 6);
        panel.selectRuns({m_runs[0], m_runs[1], m_runs[2]});
        QCOMPARE(panel.overlay()->seriesNames().size(), 3);
        QCOMPARE(diff->rowCount(), 0); // a diff needs exactly two runs

        // The pure diff: missing keys on one side, nested objects by path.
        const auto d = ConfigDiff::compare({{"a", 1}, {"o", {{"x", 1}, {"y", 2}}}}, {{"a", 1.0}, {"o", {{"x", 3}}}, {"b", true}});
        QCOMPARE(d.size(), 3);
        QCOMPARE(d[0].key, QString("b"));
        QCOMPARE(d[0].left, QString());
        QCOMPARE(d[1].key, QString("o.x"));
        QCOMPARE(d[2].key, QString("o.y"));
        QCOMPARE(d[2].right, QString());
    }

    void renamesAndDeletes()
    {
        RunsPanel panel;
        panel.setProject(m_project.get());
        QCOMPARE(panel.renameRun(m_runs[0], "  baseline  "), QString());
        QCOMPARE(panel.model()->index(panel.model()->rowOf(m_runs[0]), RunsTableModel::Name).data().toString(),
                 QString("baseline"));
        QCOMPARE(QString::fromStdString(RunStore(*m_project).get(m_runs[0])->name), QString("baseline"));
        // The diff header uses the name.
        panel.selectRuns({m_runs[0], m_runs[1]});
        QCOMPARE(panel.diffTable()->horizontalHeaderItem(1)->text(), QString("baseline"));

        // A run still training cannot be deleted; a finished one can, with its metrics.
        const QString refused = panel.deleteRun(m_runs[2]);
        QVERIFY2(refused.contains("running"), qPrintable(refused));
        QCOMPARE(panel.model()->rowCount(), 3);
        QCOMPARE(panel.deleteRun(m_runs[1]), QString());
        QCOMPARE(panel.model()->rowCount(), 2);
        QCOMPARE(panel.model()->rowOf(m_runs[1]), -1);
        QVERIFY(!RunStore(*m_project).get(m_runs[1]).ok());
        // The surviving selection is kept.
        QCOMPARE(panel.selectedRuns(), QList<qint64>({m_runs[0]}));
        QCOMPARE(proxyRowOf(panel, m_runs[1]), -1);
    }
};

QTEST_MAIN(RunsPanelTest)
#include "tst_runspanel.moc"
