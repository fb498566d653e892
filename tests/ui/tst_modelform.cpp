// The model form: built from a parameter schema, kept in sync with the JSON tab both ways, and a
// bad value answered by a message naming the field (and marking its editor).
#include "core/store/project.h"
#include "ui/models/modelformwidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

namespace {

// Shaped like `chorus-cli models --json`'s "models".
nlohmann::json catalog()
{
    return nlohmann::json::parse(R"([
      {"name": "textcnn", "display_name": "TextCNN", "description": "Convolutions over word windows.",
       "inputs": ["text"], "explains": [], "supervised": true, "trainer": "text_classifier",
       "params": [
         {"name": "embedding_dim", "type": "int", "default": 128, "min": 8, "max": 1024, "help": "Width of the token embedding vectors."},
         {"name": "kernel_sizes", "type": "int_list", "default": [3, 4, 5], "min": 1, "max": 15, "help": "Window widths."},
         {"name": "filters", "type": "int", "default": 100, "min": 1, "max": 1024, "help": "Filters per window width."},
         {"name": "dropout", "type": "float", "default": 0.5, "min": 0.0, "max": 0.9, "help": "Fraction zeroed."}]},
      {"name": "rnn_attention", "display_name": "BiRNN + attention", "description": "Recurrent.",
       "inputs": ["text"], "explains": ["token_attention"], "supervised": true, "trainer": "text_classifier",
       "params": [
         {"name": "cell", "type": "choice", "default": "lstm", "choices": ["lstm", "gru"], "help": "Recurrent cell."},
         {"name": "bidirectional", "type": "bool", "default": true, "help": "Read both ways."}]},
      {"name": "word2vec", "display_name": "word2vec", "description": "Word vectors.", "inputs": ["text"],
       "explains": [], "supervised": false, "trainer": "word2vec",
       "params": [{"name": "dim", "type": "int", "default": 100, "min": 2, "max": 1000, "help": "Vector size."}]}
    ])");
}

} // namespace

class ModelFormTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;

    void makeForm(ModelFormWidget &form)
    {
        form.setProject(m_project.get());
        form.setCatalog(catalog());
        QVERIFY(form.selectFamily("textcnn"));
    }

private slots:
    void initTestCase()
    {
        auto project = Project::open(m_dir.filePath("form.chorus").toStdString());
        QVERIFY(project.ok());
        m_project = std::move(*project);
        SqliteDatabase &db = m_project->db();
        QVERIFY(db.exec("INSERT INTO datasets(name) VALUES ('demo');"
                        "INSERT INTO posts(dataset_id, source_id, text) VALUES (1, 'p1', 'hello'), (1, 'p2', 'bye');"
                        "INSERT INTO labels(post_id, task, value) VALUES (1, 'sentiment', 'positive'), (2, 'sentiment', 'negative');")
                    .ok());
    }

    void formIsBuiltFromTheSchema()
    {
        ModelFormWidget form;
        makeForm(form);
        QCOMPARE(form.familyCombo()->count(), 3);
        QCOMPARE(form.family(), QString("textcnn"));
        auto *embedding = qobject_cast<QSpinBox *>(form.editorFor("params.embedding_dim"));
        QVERIFY(embedding);
        QCOMPARE(embedding->minimum(), 8);
        QCOMPARE(embedding->maximum(), 1024);
        QCOMPARE(embedding->value(), 128);
        QVERIFY(embedding->toolTip().contains("Width of the token embedding vectors."));
        auto *dropout = qobject_cast<QDoubleSpinBox *>(form.editorFor("params.dropout"));
        QVERIFY(dropout);
        QCOMPARE(dropout->maximum(), 0.9);
        auto *kernels = qobject_cast<QLineEdit *>(form.editorFor("params.kernel_sizes"));
        QVERIFY(kernels);
        QCOMPARE(kernels->text(), QString("3, 4, 5"));
        // Datasets and tasks come from the project.
        QCOMPARE(form.datasetCombo()->currentText(), QString("demo"));
        QCOMPARE(form.taskCombo()->findText("sentiment") >= 0, true);
        QVERIFY2(form.isValid(), qPrintable(form.validationMessage()));

        // Another family: its own editors, the old ones gone.
        QVERIFY(form.selectFamily("rnn_attention"));
        QVERIFY(!form.editorFor("params.embedding_dim"));
        QVERIFY(qobject_cast<QComboBox *>(form.editorFor("params.cell")));
        QVERIFY(qobject_cast<QCheckBox *>(form.editorFor("params.bidirectional")));
        QCOMPARE(form.config()["model"], nlohmann::json("rnn_attention"));
        QCOMPARE(form.config()["params"], nlohmann::json({{"cell", "lstm"}, {"bidirectional", true}}));
        // An unsupervised family has no task.
        QVERIFY(form.selectFamily("word2vec"));
        QVERIFY(!form.config().contains("task"));
        QVERIFY(!form.taskCombo()->isEnabled());
        QVERIFY2(form.isValid(), qPrintable(form.validationMessage()));
    }

    void editingTheFormUpdatesTheJson()
    {
        ModelFormWidget form;
        makeForm(form);
        auto *filters = qobject_cast<QSpinBox *>(form.editorFor("params.filters"));
        QVERIFY(filters);
        filters->setValue(64);
        QCOMPARE(form.config()["params"]["filters"], nlohmann::json(64));
        nlohmann::json shown = nlohmann::json::parse(form.jsonEdit()->toPlainText().toStdString());
        QCOMPARE(shown["params"]["filters"], nlohmann::json(64));

        auto *lr = qobject_cast<QDoubleSpinBox *>(form.editorFor("optimizer.lr"));
        QVERIFY(lr);
        lr->setValue(0.0005);
        shown = nlohmann::json::parse(form.jsonEdit()->toPlainText().toStdString());
        QCOMPARE(shown["optimizer"]["lr"].get<double>(), 0.0005);

        auto *kernels = qobject_cast<QLineEdit *>(form.editorFor("params.kernel_sizes"));
        kernels->setText("2, 3");
        emit kernels->editingFinished();
        QCOMPARE(form.config()["params"]["kernel_sizes"], nlohmann::json({2, 3}));
        QVERIFY2(form.isValid(), qPrintable(form.validationMessage()));
    }

    void editingTheJsonUpdatesTheForm()
    {
        ModelFormWidget form;
        makeForm(form);
        nlohmann::json config = form.config();
        config["params"]["filters"] = 32;
        config["epochs"] = 7;
        form.jsonEdit()->setPlainText(QString::fromStdString(config.dump(2)));
        auto *filters = qobject_cast<QSpinBox *>(form.editorFor("params.filters"));
        QTRY_COMPARE(filters->value(), 32);
        QCOMPARE(qobject_cast<QSpinBox *>(form.editorFor("epochs"))->value(), 7);
        QVERIFY2(form.isValid(), qPrintable(form.validationMessage()));

        // Naming another family in the JSON rebuilds the form for it.
        config["model"] = "rnn_attention";
        config["params"] = {{"cell", "gru"}};
        form.jsonEdit()->setPlainText(QString::fromStdString(config.dump(2)));
        QTRY_COMPARE(form.family(), QString("rnn_attention"));
        auto *cell = qobject_cast<QComboBox *>(form.editorFor("params.cell"));
        QVERIFY(cell);
        QCOMPARE(cell->currentText(), QString("gru"));
    }

    void badValueNamesTheField()
    {
        ModelFormWidget form;
        makeForm(form);
        nlohmann::json config = form.config();
        config["params"]["dropout"] = 1.5;
        form.jsonEdit()->setPlainText(QString::fromStdString(config.dump(2)));
        QTRY_VERIFY(!form.isValid());
        QVERIFY2(form.validationMessage().startsWith("params.dropout:"), qPrintable(form.validationMessage()));
        QVERIFY(form.messageLabel()->text().contains("params.dropout"));
        QCOMPARE(form.invalidField(), QString("params.dropout"));
        QWidget *dropout = form.editorFor("params.dropout");
        QVERIFY(!dropout->styleSheet().isEmpty());
        QVERIFY(dropout->toolTip().contains("must be between"));
        // The JSON keeps what was typed (the spin box cannot show 1.5, the config still says it).
        QCOMPARE(form.config()["params"]["dropout"].get<double>(), 1.5);

        // A typo in a key, and broken JSON, are named too.
        config["params"]["dropout"] = 0.2;
        config["epoch"] = 3;
        form.jsonEdit()->setPlainText(QString::fromStdString(config.dump(2)));
        QTRY_VERIFY(form.validationMessage().startsWith("epoch:"));
        QVERIFY2(form.validationMessage().contains("did you mean 'epochs'"), qPrintable(form.validationMessage()));
        form.jsonEdit()->setPlainText("{\"model\": ");
        QTRY_VERIFY(form.validationMessage().startsWith("JSON:"));

        // A form edit with an impossible list: the message names the list field.
        ModelFormWidget other;
        makeForm(other);
        auto *kernels = qobject_cast<QLineEdit *>(other.editorFor("params.kernel_sizes"));
        kernels->setText("3, 40");
        emit kernels->editingFinished();
        QVERIFY2(other.validationMessage().startsWith("params.kernel_sizes[1]:"), qPrintable(other.validationMessage()));
        QCOMPARE(other.invalidField(), QString("params.kernel_sizes"));
        kernels->setText("3, 4");
        emit kernels->editingFinished();
        QVERIFY2(other.isValid(), qPrintable(other.validationMessage()));
        QVERIFY(other.editorFor("params.kernel_sizes")->styleSheet().isEmpty());
        // A dataset the project does not have.
        other.datasetCombo()->setCurrentText("nope");
        QVERIFY2(other.validationMessage().startsWith("dataset:"), qPrintable(other.validationMessage()));
    }

    void presetsLoad()
    {
        ModelFormWidget form;
        form.setPresetDirectory(QStringLiteral(CHORUS_RESOURCES "/presets"));
        makeForm(form);
        QVERIFY(form.presetCombo()->findText("textcnn-demo-topic") > 0);
        QCOMPARE(form.loadPreset(QStringLiteral(CHORUS_RESOURCES "/presets/textcnn-demo-topic.json")), QString());
        QCOMPARE(form.family(), QString("textcnn"));
        QCOMPARE(form.config()["task"], nlohmann::json("topic"));
        QCOMPARE(qobject_cast<QSpinBox *>(form.editorFor("params.filters"))->value(), 64);
        // Defaults fill what the preset leaves out, so the JSON shows every parameter.
        QCOMPARE(form.config()["params"]["dropout"].get<double>(), 0.5);
        QVERIFY(form.config().contains("early_stopping"));
    }

    void catalogFromTheWorker()
    {
        ModelFormWidget form;
        QSignalSpy loaded(&form, &ModelFormWidget::catalogLoaded);
        QSignalSpy failed(&form, &ModelFormWidget::catalogFailed);
        form.loadCatalog(QStringLiteral(CHORUS_CLI_PATH));
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() + failed.count() > 0, 60000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QVERIFY(form.familyCombo()->findData("textcnn") >= 0);
        QVERIFY(form.selectFamily("textcnn"));
        QVERIFY(form.editorFor("params.kernel_sizes"));
    }

    // A model plugin's family (the han plugin, loaded by the worker from the plugin folder) is
    // offered and its form built from its schema, exactly like a built-in family.
    void pluginFamilyIsOfferedLikeABuiltInOne()
    {
        const QByteArray before = qgetenv("CHORUS_PLUGIN_PATH");
        qputenv("CHORUS_PLUGIN_PATH", QByteArray(CHORUS_PLUGIN_BUILD_DIR)); // the worker inherits it
        ModelFormWidget form;
        QSignalSpy loaded(&form, &ModelFormWidget::catalogLoaded);
        QSignalSpy failed(&form, &ModelFormWidget::catalogFailed);
        form.loadCatalog(QStringLiteral(CHORUS_CLI_PATH));
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() + failed.count() > 0, 60000);
        if (before.isEmpty())
            qunsetenv("CHORUS_PLUGIN_PATH");
        else
            qputenv("CHORUS_PLUGIN_PATH", before);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QVERIFY(form.familyCombo()->findData("han") >= 0);
        QVERIFY(form.selectFamily("han"));
        QVERIFY(form.editorFor("params.word_hidden"));
        QVERIFY(form.editorFor("params.max_posts"));
        QCOMPARE(form.config()["model"].get<std::string>(), std::string("han"));
        QCOMPARE(form.config()["params"]["word_hidden"].get<int>(), 48);
    }
};

QTEST_MAIN(ModelFormTest)
#include "tst_modelform.moc"
