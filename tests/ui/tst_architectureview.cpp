// The Models tab's architecture view: for the demo project's TextCNN the real worker
// (chorus-cli describe) fills the layer tree with output shapes and parameter counts, sized by the
// demo data; a hyperparameter change is described again from the remembered data sizes; a
// description fills the tree and the totals; a worker error is shown, not fatal.
#include "core/demo/demogenerator.h"
#include "core/split/datasetsplitter.h"
#include "core/store/project.h"
#include "ui/models/architectureview.h"
#include "ui/models/modelformwidget.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using namespace chorus;

namespace {

QStandardItem *child(QStandardItem *parent, const QString &name)
{
    for (int r = 0; r < parent->rowCount(); ++r)
        if (parent->child(r, 0)->text() == name)
            return parent->child(r, 0);
    return nullptr;
}

qint64 number(QStandardItemModel *model, QStandardItem *item, int column)
{
    const QModelIndex index = item->index().siblingAtColumn(column);
    return model->data(index, Qt::UserRole).toLongLong();
}

} // namespace

class ArchitectureViewTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;

private slots:
    void initTestCase()
    {
        auto project = Project::open(m_dir.filePath("demo.chorus").toStdString());
        QVERIFY(project.ok());
        m_project = std::move(*project);
        DemoOptions options;
        options.posts = 300;
        options.users = 30;
        options.items = 20;
        options.withMedia = false;
        QVERIFY(DemoGenerator(options).generate(*m_project).ok());
        SplitOptions split;
        split.seed = 1;
        split.stratifyTask = "sentiment";
        QVERIFY(DatasetSplitter::create(*m_project, DemoGenerator::kPostsDataset, split).ok());
    }

    void fillsInForTheDemoTextCnn()
    {
        ModelFormWidget form;
        QSignalSpy catalog(&form, &ModelFormWidget::catalogLoaded);
        form.loadCatalog(QStringLiteral(CHORUS_CLI_PATH));
        QVERIFY(catalog.wait(60000));
        form.setProject(m_project.get());
        QVERIFY(form.selectFamily("textcnn"));
        form.datasetCombo()->setCurrentText("demo");
        form.taskCombo()->setCurrentText("sentiment");
        QVERIFY2(form.isValid(), qPrintable(form.validationMessage()));
        ArchitectureView *view = form.architectureView();
        QSignalSpy described(view, &ArchitectureView::described);
        QSignalSpy failed(view, &ArchitectureView::failed);
        form.resize(900, 700);
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        // Nothing is described while the tab is hidden; showing it starts the worker.
        QCOMPARE(view->model()->rowCount(), 0);
        form.tabs()->setCurrentWidget(view);
        QVERIFY2(described.wait(120000), qPrintable(view->statusLabel()->text()));
        QCOMPARE(failed.count(), 0);

        QStandardItemModel *model = view->model();
        QCOMPARE(model->rowCount(), 1);
        QStandardItem *root = model->item(0, 0);
        QCOMPARE(root->text(), QString("textcnn"));
        QCOMPARE(model->item(0, ArchitectureView::TypeColumn)->text(), QString("TextCnn"));
        QVERIFY(view->totalParameters() > 0);
        QCOMPARE(number(model, root, ArchitectureView::ParametersColumn), view->totalParameters());
        QCOMPARE(view->trainableParameters(), view->totalParameters());
        // The defaults: 128-wide embeddings, kernels 3/4/5 with 100 filters each.
        QStandardItem *embedding = child(root, "embedding");
        QStandardItem *conv0 = child(root, "conv0");
        QStandardItem *output = child(root, "output");
        QVERIFY(embedding && conv0 && output && child(root, "conv2") && child(root, "dropout"));
        const qint64 vocabulary = number(model, embedding, ArchitectureView::ParametersColumn) / 128;
        QVERIFY(vocabulary > 20);
        QCOMPARE(number(model, embedding, ArchitectureView::ParametersColumn), vocabulary * 128);
        QCOMPARE(number(model, conv0, ArchitectureView::ParametersColumn), qint64(128 * 100 * 3 + 100));
        QCOMPARE(number(model, output, ArchitectureView::ParametersColumn), qint64(300 * 3 + 3));
        QCOMPARE(view->totalParameters(), vocabulary * 128 + (128 * 100 * 3 + 100) + (128 * 100 * 4 + 100) +
                                              (128 * 100 * 5 + 100) + 300 * 3 + 3);
        // Shapes from the dry run: a batch of 2 posts of the demo's length.
        QCOMPARE(model->itemFromIndex(root->index().siblingAtColumn(ArchitectureView::ShapeColumn))->text(),
                 QString("2 × 3"));
#ifdef NDEBUG
        QVERIFY(model->itemFromIndex(conv0->index().siblingAtColumn(ArchitectureView::ShapeColumn))->text().startsWith("2 × 100 × "));
#endif
        QVERIFY(view->totalsLabel()->text().contains(QLocale().toString(view->totalParameters())));
        QVERIFY(view->statusLabel()->text().contains("vocabulary"));

        // A hyperparameter change is described again, from the data sizes already read.
        auto *filters = qobject_cast<QSpinBox *>(form.editorFor("params.filters"));
        QVERIFY(filters);
        filters->setValue(10);
        QVERIFY(described.wait(60000));
        QCOMPARE(number(model, child(model->item(0, 0), "conv0"), ArchitectureView::ParametersColumn), qint64(128 * 10 * 3 + 10));
        QCOMPARE(number(model, child(model->item(0, 0), "embedding"), ArchitectureView::ParametersColumn), vocabulary * 128);
    }

    void descriptionFillsTheTree()
    {
        ArchitectureView view;
        const nlohmann::json description = nlohmann::json::parse(R"({
            "model": "word2vec", "parameters": 6000, "trainable": 6000, "batch": 2, "shape": {"vocabulary": 300},
            "tree": {"name": "word2vec", "path": "", "type": "Word2Vec", "output_shape": null, "parameters": 6000,
                     "trainable": 6000, "own_parameters": 0, "children": [
                {"name": "input_vectors", "path": "input_vectors", "type": "EmbeddingTable", "output_shape": [300, 10],
                 "parameters": 3000, "trainable": 3000, "own_parameters": 3000, "children": []},
                {"name": "output_vectors", "path": "output_vectors", "type": "EmbeddingTable", "output_shape": [300, 10],
                 "parameters": 3000, "trainable": 3000, "own_parameters": 3000, "children": []}]}})");
        QSignalSpy described(&view, &ArchitectureView::described);
        view.setDescription(description);
        QCOMPARE(described.count(), 1);
        QCOMPARE(view.totalParameters(), qint64(6000));
        QStandardItem *root = view.model()->item(0, 0);
        QCOMPARE(root->rowCount(), 2);
        QCOMPARE(view.model()->itemFromIndex(root->child(0)->index().siblingAtColumn(ArchitectureView::ShapeColumn))->text(),
                 QString("300 × 10"));
        QVERIFY(view.totalsLabel()->text().contains("Parameter tables"));
    }

    void workerErrorsAreShown()
    {
        ArchitectureView view;
        view.setProgram(QStringLiteral(CHORUS_CLI_PATH));
        QSignalSpy failed(&view, &ArchitectureView::failed);
        view.setConfig({{"model", "textcnn"}, {"params", {{"filters", 0}}}});
        view.describeNow();
        QVERIFY(failed.wait(60000));
        QVERIFY2(view.statusLabel()->text().contains("filters"), qPrintable(view.statusLabel()->text()));
        view.setProgram(m_dir.filePath("no-such-program"));
        view.describeNow();
        QVERIFY(failed.count() == 2 || failed.wait(10000));
        QVERIFY(view.statusLabel()->text().contains("no-such-program"));
    }
};

QTEST_MAIN(ArchitectureViewTest)
#include "tst_architectureview.moc"
