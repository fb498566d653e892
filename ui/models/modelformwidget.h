#pragma once

#include <QHash>
#include <QWidget>

#include <nlohmann/json.hpp>

namespace chorus {
class Project;
}

class ArchitectureView;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QProcess;
class QTabWidget;
class QTimer;

// Configures one training run: a model family from the registry, a form generated from the
// family's parameter schema (ranges, choices, help text as tooltips), the dataset, task and
// optimiser settings, presets from resources/presets, and the same config as editable JSON. The
// form and the JSON tab stay in sync both ways; every change is validated with core's RunConfig,
// and the message names the offending field, which is marked in the form.
class ModelFormWidget : public QWidget {
    Q_OBJECT

public:
    explicit ModelFormWidget(QWidget *parent = nullptr);
    ~ModelFormWidget() override;

    // The registry as `chorus-cli models --json` prints it: the array under "models".
    void setCatalog(const nlohmann::json &models);
    // Asks `program models --json` for the catalog without blocking; catalogLoaded or catalogFailed follow.
    void loadCatalog(const QString &program);
    // Datasets and label tasks come from here; nullptr empties the pickers.
    void setProject(chorus::Project *project);
    // $CHORUS_RESOURCES/presets, else the installed share/chorus/presets beside bin/, else the
    // source tree's resources/presets seen from a build directory inside it.
    static QString defaultPresetDirectory();
    void setPresetDirectory(const QString &dir);

    bool selectFamily(const QString &name);
    QString family() const;
    // Loads a preset file (a run config) into the form.
    QString loadPreset(const QString &path);

    nlohmann::json config() const { return m_config; }
    // Empty when the config is valid; else the message, starting with the field's path.
    QString validationMessage() const { return m_message; }
    bool isValid() const { return m_message.isEmpty(); }
    // The field the last message is about ("params.dropout", "epochs"), empty when valid.
    QString invalidField() const { return m_invalidField; }

    // For tests and scripting.
    QComboBox *familyCombo() const { return m_family; }
    QComboBox *presetCombo() const { return m_presets; }
    QComboBox *datasetCombo() const { return m_dataset; }
    QComboBox *taskCombo() const { return m_task; }
    QPlainTextEdit *jsonEdit() const { return m_json; }
    QLabel *messageLabel() const { return m_messageLabel; }
    QTabWidget *tabs() const { return m_tabs; }
    // The "Architecture" tab: the configured model's layers, shapes and parameter counts.
    ArchitectureView *architectureView() const { return m_architecture; }
    // The editor of a config path ("params.filters", "optimizer.lr"), nullptr when none.
    QWidget *editorFor(const QString &path) const { return m_editors.value(path); }

signals:
    void configChanged();
    void catalogLoaded();
    void catalogFailed(const QString &message);

private:
    void familyPicked();
    void presetPicked();
    void datasetPicked();
    void rebuildParamForm();
    void editorChanged(const QString &path);
    void jsonEdited();
    void applyJsonText();
    void showConfig();
    void updateEditors();
    void validate();
    const nlohmann::json *familyEntry(const QString &name) const;
    void fillDefaults();
    void refreshTasks();
    QWidget *makeEditor(const nlohmann::json &spec, const QString &path);
    nlohmann::json editorValue(const QString &path) const;
    void setEditorValue(QWidget *editor, const nlohmann::json &value);

    nlohmann::json m_catalog = nlohmann::json::array();
    nlohmann::json m_config = nlohmann::json::object();
    chorus::Project *m_project = nullptr;
    QString m_message;
    QString m_invalidField;
    bool m_syncing = false;

    QComboBox *m_family;
    QLabel *m_description;
    QComboBox *m_presets;
    QComboBox *m_dataset;
    QComboBox *m_task;
    QTabWidget *m_tabs;
    QWidget *m_paramsBox;
    QFormLayout *m_paramsForm;
    QPlainTextEdit *m_json;
    QLabel *m_messageLabel;
    QTimer *m_jsonDelay;
    QProcess *m_catalogProcess = nullptr;
    ArchitectureView *m_architecture = nullptr;
    QHash<QString, QWidget *> m_editors;
};
