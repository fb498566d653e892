#include "ui/models/modelformwidget.h"

#include "ui/models/architectureview.h"
#include "ui/models/modelschematext.h"

#include "core/store/postbrowser.h"
#include "core/store/project.h"
#include "core/training/paramspec.h"
#include "core/training/runconfig.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFontDatabase>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <iterator>

namespace {

const char *kHelpProperty = "chorusHelp";

QString qs(const std::string &text) { return QString::fromStdString(text); }

// "optimizer.lr" -> config["optimizer"]["lr"]; missing levels read as null.
nlohmann::json valueAt(const nlohmann::json &config, const QString &path)
{
    const nlohmann::json *node = &config;
    for (const QString &part : path.split('.')) {
        if (!node->is_object() || !node->contains(part.toStdString()))
            return nullptr;
        node = &(*node)[part.toStdString()];
    }
    return *node;
}

void setValueAt(nlohmann::json &config, const QString &path, const nlohmann::json &value)
{
    nlohmann::json *node = &config;
    const QStringList parts = path.split('.');
    for (int i = 0; i + 1 < parts.size(); ++i) {
        nlohmann::json &next = (*node)[parts[i].toStdString()];
        if (!next.is_object())
            next = nlohmann::json::object();
        node = &next;
    }
    (*node)[parts.last().toStdString()] = value;
}

int clampToInt(double value) { return static_cast<int>(std::clamp(value, double(INT_MIN), double(INT_MAX))); }

} // namespace

// A catalog query still running when the window closes is ended, not left to Qt's warning.
ModelFormWidget::~ModelFormWidget()
{
    if (m_catalogProcess && m_catalogProcess->state() != QProcess::NotRunning) {
        m_catalogProcess->disconnect(this);
        m_catalogProcess->kill();
        m_catalogProcess->waitForFinished(1000);
    }
}

ModelFormWidget::ModelFormWidget(QWidget *parent)
    : QWidget(parent), m_family(new QComboBox), m_description(new QLabel), m_presets(new QComboBox),
      m_dataset(new QComboBox), m_task(new QComboBox), m_tabs(new QTabWidget), m_paramsBox(new QGroupBox(tr("Model parameters"))),
      m_paramsForm(new QFormLayout), m_json(new QPlainTextEdit), m_messageLabel(new QLabel), m_jsonDelay(new QTimer(this))
{
    m_description->setWordWrap(true);
    m_dataset->setEditable(true);
    m_task->setEditable(true);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_paramsBox->setLayout(m_paramsForm);

    auto *top = new QFormLayout;
    top->addRow(tr("Model family"), m_family);
    top->addRow(QString(), m_description);
    top->addRow(tr("Preset"), m_presets);

    auto *dataBox = new QGroupBox(tr("Data and training"));
    auto *dataForm = new QFormLayout(dataBox);
    m_editors.insert(QStringLiteral("dataset"), m_dataset);
    m_editors.insert(QStringLiteral("task"), m_task);
    dataForm->addRow(tr("Dataset"), m_dataset);
    dataForm->addRow(tr("Task"), m_task);
    m_dataset->setToolTip(tr("The dataset to train on; its latest stored split is used."));
    m_task->setToolTip(tr("The label task the model learns to predict."));
    m_dataset->setProperty(kHelpProperty, m_dataset->toolTip());
    m_task->setProperty(kHelpProperty, m_task->toolTip());
    const nlohmann::json general[] = {
        {{"name", "epochs"}, {"type", "int"}, {"min", 1}, {"max", 100000}, {"help", tr("Passes over the training data.").toStdString()}},
        {{"name", "batch_size"}, {"type", "int"}, {"min", 1}, {"max", 1 << 20}, {"help", tr("Posts per optimisation step.").toStdString()}},
        {{"name", "seed"}, {"type", "int"}, {"min", 0}, {"max", INT_MAX}, {"help", tr("Seed of every random choice: same seed, same run.").toStdString()}},
        {{"name", "optimizer.name"}, {"type", "choice"}, {"choices", {"adamw", "sgd"}}, {"help", tr("AdamW, or SGD with momentum.").toStdString()}},
        {{"name", "optimizer.lr"}, {"type", "float"}, {"min", 1e-6}, {"max", 10}, {"help", tr("Learning rate (the peak, when scheduled).").toStdString()}},
        {{"name", "schedule.name"}, {"type", "choice"}, {"choices", {"constant", "cosine", "step"}}, {"help", tr("How the learning rate changes over the run.").toStdString()}},
        {{"name", "schedule.warmup_steps"}, {"type", "int"}, {"min", 0}, {"max", INT_MAX}, {"help", tr("Steps of linear warm-up before the schedule.").toStdString()}},
    };
    const QString labels[] = {tr("Epochs"), tr("Batch size"), tr("Seed"), tr("Optimizer"), tr("Learning rate"),
                              tr("Schedule"), tr("Warm-up steps")};
    for (std::size_t i = 0; i < std::size(general); ++i) {
        const QString path = qs(general[i]["name"].get<std::string>());
        dataForm->addRow(labels[i], makeEditor(general[i], path));
    }

    auto *formPage = new QWidget;
    auto *formLayout = new QVBoxLayout(formPage);
    formLayout->addWidget(dataBox);
    formLayout->addWidget(m_paramsBox);
    formLayout->addStretch(1);
    auto *scroll = new QScrollArea;
    scroll->setWidget(formPage);
    scroll->setWidgetResizable(true);
    m_tabs->addTab(scroll, tr("Form"));
    m_tabs->addTab(m_json, tr("JSON"));
    m_architecture = new ArchitectureView;
    m_tabs->addTab(m_architecture, tr("Architecture"));
    connect(this, &ModelFormWidget::configChanged, this, [this] { m_architecture->setConfig(m_config); });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_messageLabel);

    m_jsonDelay->setSingleShot(true);
    m_jsonDelay->setInterval(300);
    connect(m_jsonDelay, &QTimer::timeout, this, &ModelFormWidget::applyJsonText);
    connect(m_json, &QPlainTextEdit::textChanged, this, &ModelFormWidget::jsonEdited);
    connect(m_family, &QComboBox::currentIndexChanged, this, &ModelFormWidget::familyPicked);
    connect(m_presets, &QComboBox::activated, this, &ModelFormWidget::presetPicked);
    connect(m_dataset, &QComboBox::currentTextChanged, this, &ModelFormWidget::datasetPicked);
    connect(m_task, &QComboBox::currentTextChanged, this, [this] { editorChanged(QStringLiteral("task")); });

    setPresetDirectory(defaultPresetDirectory());
    validate();
}

QString ModelFormWidget::defaultPresetDirectory()
{
    QStringList candidates;
    const QString fromEnv = qEnvironmentVariable("CHORUS_RESOURCES");
    if (!fromEnv.isEmpty())
        candidates << QDir(fromEnv).filePath(QStringLiteral("presets"));
    const QDir app(QCoreApplication::applicationDirPath());
    candidates << app.filePath(QStringLiteral("../share/chorus/presets")) << app.filePath(QStringLiteral("../resources/presets"))
               << app.filePath(QStringLiteral("../../resources/presets"));
    for (const QString &dir : candidates)
        if (QFileInfo(dir).isDir())
            return QDir(dir).absolutePath();
    return {};
}

void ModelFormWidget::setPresetDirectory(const QString &dir)
{
    m_presets->clear();
    m_presets->addItem(tr("(none)"));
    if (dir.isEmpty())
        return;
    const QFileInfoList files = QDir(dir).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QFileInfo &file : files)
        m_presets->addItem(file.completeBaseName(), file.absoluteFilePath());
}

void ModelFormWidget::loadCatalog(const QString &program)
{
    m_architecture->setProgram(program);
    if (m_catalogProcess)
        return;
    m_catalogProcess = new QProcess(this);
    connect(m_catalogProcess, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        const QByteArray out = m_catalogProcess->readAllStandardOutput();
        const QString err = QString::fromUtf8(m_catalogProcess->readAllStandardError()).trimmed();
        m_catalogProcess->deleteLater();
        m_catalogProcess = nullptr;
        const nlohmann::json json = nlohmann::json::parse(out.constData(), out.constData() + out.size(), nullptr, false);
        if (status != QProcess::NormalExit || code != 0 || !json.is_object() || !json.contains("models")) {
            emit catalogFailed(tr("cannot list the model families: %1").arg(err.isEmpty() ? tr("no answer") : err));
            return;
        }
        setCatalog(json["models"]);
        emit catalogLoaded();
    });
    connect(m_catalogProcess, &QProcess::errorOccurred, this, [this, program](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart || !m_catalogProcess)
            return;
        m_catalogProcess->deleteLater();
        m_catalogProcess = nullptr;
        emit catalogFailed(tr("cannot start %1 to list the model families").arg(program));
    });
    m_catalogProcess->start(program, {QStringLiteral("models"), QStringLiteral("--json")});
}

void ModelFormWidget::setCatalog(const nlohmann::json &models)
{
    m_catalog = models.is_array() ? models : nlohmann::json::array();
    const QString previous = family();
    m_syncing = true;
    m_family->clear();
    for (const nlohmann::json &m : m_catalog)
        m_family->addItem(ModelSchemaText::translated(m.value("display_name", m.value("name", std::string()))),
                          qs(m.value("name", "")));
    m_syncing = false;
    if (m_config.empty() || !m_config.contains("model")) {
        m_config = {{"model", ""},
                    {"dataset", m_dataset->currentText().isEmpty() ? "demo" : m_dataset->currentText().toStdString()},
                    {"seed", 7},
                    {"epochs", 3},
                    {"batch_size", 64},
                    {"optimizer", {{"name", "adamw"}, {"lr", 0.002}}},
                    {"params", nlohmann::json::object()}};
    }
    const QString wanted = previous.isEmpty() ? (m_catalog.empty() ? QString() : qs(m_catalog[0].value("name", "")))
                                              : previous;
    if (!selectFamily(wanted) && m_family->count() > 0)
        m_family->setCurrentIndex(0);
    familyPicked();
}

const nlohmann::json *ModelFormWidget::familyEntry(const QString &name) const
{
    for (const nlohmann::json &m : m_catalog)
        if (qs(m.value("name", "")) == name)
            return &m;
    return nullptr;
}

bool ModelFormWidget::selectFamily(const QString &name)
{
    const int index = m_family->findData(name);
    if (index < 0)
        return false;
    m_family->setCurrentIndex(index);
    return true;
}

QString ModelFormWidget::family() const { return m_family->currentData().toString(); }

void ModelFormWidget::setProject(chorus::Project *project)
{
    m_project = project;
    m_architecture->setProjectPath(project ? QString::fromStdString(project->path()) : QString());
    m_syncing = true;
    const QString current = m_dataset->currentText();
    m_dataset->clear();
    if (m_project)
        if (auto datasets = m_project->datasets())
            for (const chorus::DatasetInfo &d : *datasets)
                if (d.posts > 0)
                    m_dataset->addItem(qs(d.name));
    const QString wanted = m_config.contains("dataset") && m_config["dataset"].is_string()
                               ? qs(m_config["dataset"].get<std::string>())
                               : current;
    if (!wanted.isEmpty())
        m_dataset->setCurrentText(wanted);
    m_syncing = false;
    refreshTasks();
    validate();
}

void ModelFormWidget::refreshTasks()
{
    m_syncing = true;
    m_task->clear();
    if (m_project) {
        if (auto id = m_project->datasetId(m_dataset->currentText().toStdString())) {
            chorus::PostBrowser browser(*m_project);
            if (auto tasks = browser.labelTasks(*id))
                for (const std::string &t : *tasks)
                    m_task->addItem(qs(t));
        }
    }
    if (m_config.contains("task") && m_config["task"].is_string())
        m_task->setCurrentText(qs(m_config["task"].get<std::string>()));
    m_syncing = false;
}

void ModelFormWidget::datasetPicked()
{
    if (m_syncing)
        return;
    editorChanged(QStringLiteral("dataset"));
    refreshTasks();
}

void ModelFormWidget::familyPicked()
{
    if (m_syncing)
        return;
    const QString name = family();
    const nlohmann::json *entry = familyEntry(name);
    m_description->setText(entry ? ModelSchemaText::translated(entry->value("description", std::string())) : QString());
    if (entry && qs(m_config.value("model", "")) != name) {
        // Another family: its own parameters, at their defaults.
        m_config["model"] = name.toStdString();
        m_config["params"] = nlohmann::json::object();
    }
    if (entry && !entry->value("supervised", true))
        m_config.erase("task");
    else if (entry && !m_config.contains("task") && !m_task->currentText().isEmpty())
        m_config["task"] = m_task->currentText().toStdString();
    m_task->setEnabled(!entry || entry->value("supervised", true));
    fillDefaults();
    rebuildParamForm();
    showConfig();
    validate();
}

void ModelFormWidget::fillDefaults()
{
    const nlohmann::json *entry = familyEntry(qs(m_config.value("model", "")));
    if (!entry)
        return;
    if (!m_config.contains("params") || !m_config["params"].is_object())
        m_config["params"] = nlohmann::json::object();
    for (const nlohmann::json &spec : (*entry)["params"])
        if (!m_config["params"].contains(spec.value("name", "")))
            m_config["params"][spec.value("name", "")] = spec.value("default", nlohmann::json());
}

QString ModelFormWidget::loadPreset(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("cannot open the preset %1").arg(path);
    const QByteArray bytes = file.readAll();
    const nlohmann::json json = nlohmann::json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
    if (!json.is_object())
        return tr("the preset %1 is not a JSON object").arg(path);
    m_config = json;
    m_syncing = true;
    selectFamily(qs(m_config.value("model", "")));
    m_syncing = false;
    familyPicked();
    refreshTasks();
    return {};
}

void ModelFormWidget::presetPicked()
{
    const QString path = m_presets->currentData().toString();
    if (path.isEmpty())
        return;
    if (const QString error = loadPreset(path); !error.isEmpty())
        m_messageLabel->setText(error);
}

QWidget *ModelFormWidget::makeEditor(const nlohmann::json &spec, const QString &path)
{
    const std::string type = spec.value("type", "");
    const bool bounded = spec.contains("min") && spec.contains("max");
    QWidget *editor = nullptr;
    if (type == "int") {
        auto *box = new QSpinBox;
        box->setRange(bounded ? clampToInt(spec["min"].get<double>()) : INT_MIN,
                      bounded ? clampToInt(spec["max"].get<double>()) : INT_MAX);
        box->setKeyboardTracking(false);
        connect(box, &QSpinBox::valueChanged, this, [this, path] { editorChanged(path); });
        editor = box;
    } else if (type == "float") {
        auto *box = new QDoubleSpinBox;
        const double max = bounded ? spec["max"].get<double>() : 1e9;
        box->setDecimals(path.endsWith(QLatin1String(".lr")) ? 6 : 4);
        box->setRange(bounded ? spec["min"].get<double>() : -1e9, max);
        box->setSingleStep(path.endsWith(QLatin1String(".lr")) ? 0.0001 : max <= 1 ? 0.05 : 0.1);
        box->setKeyboardTracking(false);
        connect(box, &QDoubleSpinBox::valueChanged, this, [this, path] { editorChanged(path); });
        editor = box;
    } else if (type == "bool") {
        auto *box = new QCheckBox;
        connect(box, &QCheckBox::toggled, this, [this, path] { editorChanged(path); });
        editor = box;
    } else if (type == "choice") {
        auto *box = new QComboBox;
        for (const nlohmann::json &c : spec.value("choices", nlohmann::json::array()))
            if (c.is_string())
                box->addItem(qs(c.get<std::string>()));
        connect(box, &QComboBox::currentTextChanged, this, [this, path] { editorChanged(path); });
        editor = box;
    } else {
        auto *line = new QLineEdit;
        if (type == "int_list")
            line->setPlaceholderText(tr("comma-separated integers, e.g. 3, 4, 5"));
        connect(line, &QLineEdit::editingFinished, this, [this, path] { editorChanged(path); });
        editor = line;
    }
    QString help = ModelSchemaText::translated(spec.value("help", std::string()));
    if (bounded)
        help += tr(" (%1 to %2)").arg(spec["min"].get<double>()).arg(spec["max"].get<double>());
    editor->setToolTip(help);
    editor->setProperty(kHelpProperty, help);
    editor->setProperty("chorusType", qs(type));
    editor->setObjectName(path);
    m_editors.insert(path, editor);
    return editor;
}

void ModelFormWidget::rebuildParamForm()
{
    for (auto it = m_editors.begin(); it != m_editors.end();) {
        if (it.key().startsWith(QLatin1String("params.")))
            it = m_editors.erase(it);
        else
            ++it;
    }
    while (m_paramsForm->rowCount() > 0)
        m_paramsForm->removeRow(0);
    const nlohmann::json *entry = familyEntry(qs(m_config.value("model", "")));
    if (entry) {
        for (const nlohmann::json &spec : (*entry)["params"]) {
            const QString name = qs(spec.value("name", ""));
            QString label = name;
            label.replace('_', ' ');
            m_paramsForm->addRow(label, makeEditor(spec, QStringLiteral("params.") + name));
        }
    }
    m_paramsBox->setVisible(entry && !(*entry)["params"].empty());
    updateEditors();
}

nlohmann::json ModelFormWidget::editorValue(const QString &path) const
{
    QWidget *editor = m_editors.value(path);
    if (auto *box = qobject_cast<QSpinBox *>(editor))
        return box->value();
    if (auto *box = qobject_cast<QDoubleSpinBox *>(editor))
        return box->value();
    if (auto *box = qobject_cast<QCheckBox *>(editor))
        return box->isChecked();
    if (auto *box = qobject_cast<QComboBox *>(editor))
        return box->currentText().toStdString();
    if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        if (line->property("chorusType").toString() != QLatin1String("int_list"))
            return line->text().toStdString();
        nlohmann::json list = nlohmann::json::array();
        for (const QString &part : line->text().split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts)) {
            bool ok = false;
            const long long value = part.toLongLong(&ok);
            if (!ok)
                return line->text().toStdString(); // left as typed: validation names the field
            list.push_back(value);
        }
        return list;
    }
    return nullptr;
}

void ModelFormWidget::setEditorValue(QWidget *editor, const nlohmann::json &value)
{
    // Values outside an editor's range stay in the JSON as written (the message says what is wrong);
    // the editor shows the nearest value it can.
    if (auto *box = qobject_cast<QSpinBox *>(editor)) {
        if (value.is_number())
            box->setValue(clampToInt(value.get<double>()));
    } else if (auto *box = qobject_cast<QDoubleSpinBox *>(editor)) {
        if (value.is_number())
            box->setValue(value.get<double>());
    } else if (auto *box = qobject_cast<QCheckBox *>(editor)) {
        if (value.is_boolean())
            box->setChecked(value.get<bool>());
    } else if (auto *box = qobject_cast<QComboBox *>(editor)) {
        if (value.is_string()) {
            if (box->isEditable())
                box->setCurrentText(qs(value.get<std::string>()));
            else
                box->setCurrentIndex(box->findText(qs(value.get<std::string>())));
        }
    } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        if (value.is_array()) {
            QStringList parts;
            for (const nlohmann::json &v : value)
                parts << qs(v.dump());
            line->setText(parts.join(QStringLiteral(", ")));
        } else if (value.is_string()) {
            line->setText(qs(value.get<std::string>()));
        } else if (!value.is_null()) {
            line->setText(qs(value.dump()));
        }
    }
}

void ModelFormWidget::updateEditors()
{
    const bool wasSyncing = m_syncing;
    m_syncing = true;
    for (auto it = m_editors.begin(); it != m_editors.end(); ++it) {
        const nlohmann::json value = valueAt(m_config, it.key());
        if (!value.is_null())
            setEditorValue(it.value(), value);
    }
    m_syncing = wasSyncing;
}

void ModelFormWidget::editorChanged(const QString &path)
{
    if (m_syncing)
        return;
    const nlohmann::json value = editorValue(path);
    if (valueAt(m_config, path) == value)
        return;
    setValueAt(m_config, path, value);
    showConfig();
    validate();
}

void ModelFormWidget::showConfig()
{
    m_syncing = true;
    m_json->setPlainText(qs(m_config.dump(2)));
    m_syncing = false;
    m_jsonDelay->stop();
}

void ModelFormWidget::jsonEdited()
{
    if (!m_syncing)
        m_jsonDelay->start();
}

void ModelFormWidget::applyJsonText()
{
    const QByteArray text = m_json->toPlainText().toUtf8();
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text.constData(), text.constData() + text.size());
    } catch (const nlohmann::json::parse_error &e) {
        m_message = tr("JSON: %1").arg(QString::fromUtf8(e.what()));
        m_invalidField = QStringLiteral("JSON");
        m_messageLabel->setText(m_message);
        m_messageLabel->setStyleSheet(QStringLiteral("color: #c0392b"));
        emit configChanged();
        return;
    }
    if (!json.is_object()) {
        m_message = tr("config: expected a JSON object");
        m_invalidField = QStringLiteral("config");
        m_messageLabel->setText(m_message);
        emit configChanged();
        return;
    }
    const QString previousFamily = qs(m_config.value("model", ""));
    m_config = json;
    const QString newFamily = qs(m_config.value("model", ""));
    if (newFamily != previousFamily && familyEntry(newFamily)) {
        m_syncing = true;
        selectFamily(newFamily);
        m_syncing = false;
        const nlohmann::json *entry = familyEntry(newFamily);
        m_description->setText(ModelSchemaText::translated(entry->value("description", std::string())));
        m_task->setEnabled(entry->value("supervised", true));
        rebuildParamForm();
    } else {
        updateEditors();
    }
    validate();
}

void ModelFormWidget::validate()
{
    QString message;
    const nlohmann::json *entry = familyEntry(qs(m_config.value("model", "")));
    if (m_catalog.empty()) {
        message = tr("model: the model families are not loaded yet");
    } else if (!entry) {
        QStringList known;
        for (const nlohmann::json &m : m_catalog)
            known << qs(m.value("name", ""));
        message = tr("model: unknown model family \"%1\" (known: %2)")
                      .arg(qs(m_config.value("model", "")), known.join(QStringLiteral(", ")));
    } else {
        auto schema = chorus::ParamSchema::fromJson((*entry)["params"]);
        if (!schema) {
            message = qs(schema.message());
        } else {
            auto parsed = chorus::RunConfig::parse(m_config, &*schema, entry->value("supervised", true));
            if (!parsed)
                message = qs(parsed.message());
            else if (m_project && !m_project->datasetId(parsed->dataset))
                message = tr("dataset: this project has no dataset named \"%1\"").arg(qs(parsed->dataset));
        }
    }
    m_message = message;
    // "params.kernel_sizes[1]: must be ..." is about the editor "params.kernel_sizes".
    m_invalidField = message.section(QStringLiteral(": "), 0, 0).remove(QRegularExpression(QStringLiteral("\\[\\d+\\]$")));
    if (message.isEmpty())
        m_invalidField.clear();
    for (auto it = m_editors.begin(); it != m_editors.end(); ++it) {
        const bool bad = it.key() == m_invalidField;
        it.value()->setStyleSheet(bad ? QStringLiteral("background: #fde2e0") : QString());
        const QString help = it.value()->property(kHelpProperty).toString();
        it.value()->setToolTip(bad ? message + QStringLiteral("\n\n") + help : help);
    }
    m_messageLabel->setText(message.isEmpty() ? tr("The configuration is valid.") : message);
    m_messageLabel->setStyleSheet(message.isEmpty() ? QStringLiteral("color: #2e7d32") : QStringLiteral("color: #c0392b"));
    emit configChanged();
}
