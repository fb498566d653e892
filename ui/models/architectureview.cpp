#include "ui/models/architectureview.h"

#include "ui/common/workerrequest.h"
#include "ui/training/workerprocess.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QStandardItemModel>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <functional>

namespace {

// Run config members and parameters that change the data's sizes (vocabulary, classes, lengths,
// users and items); any other edit reuses the sizes read before.
const char *const kDataKeys[] = {"model", "dataset", "task", "tasks", "split"};
const char *const kDataParams[] = {"max_length", "min_count", "max_posts", "image_size", "frames", "use_images",
                                   "source", "context", "horizon", "max_source_length", "max_target_length",
                                   "kinds", "aggregation"};

QString shapeText(const nlohmann::json &shape)
{
    if (!shape.is_array())
        return QString();
    QStringList dims;
    for (const nlohmann::json &d : shape)
        dims << QString::fromStdString(d.dump());
    return dims.join(QStringLiteral(" × "));
}

QStandardItem *numberItem(qint64 value)
{
    auto *item = new QStandardItem(QLocale().toString(value));
    item->setData(value, Qt::UserRole);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

ArchitectureView::ArchitectureView(QWidget *parent)
    : QWidget(parent), m_program(WorkerProcess::defaultProgram()), m_worker(new WorkerRequest(this)), m_delay(new QTimer(this)),
      m_tree(new QTreeView), m_model(new QStandardItemModel(0, ColumnCount, this)), m_totals(new QLabel), m_status(new QLabel)
{
    connect(m_worker, &WorkerRequest::answered, this, &ArchitectureView::workerAnswered);
    connect(m_worker, &WorkerRequest::failed, this, &ArchitectureView::showFailure);
    m_model->setHorizontalHeaderLabels({tr("Layer"), tr("Type"), tr("Output shape"), tr("Parameters"), tr("Trainable")});
    m_tree->setModel(m_model);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_totals->setWordWrap(true);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_totals);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_status);
    m_delay->setSingleShot(true);
    m_delay->setInterval(400);
    connect(m_delay, &QTimer::timeout, this, &ArchitectureView::describeNow);
    m_status->setText(tr("The layers appear here once a model family is chosen."));
}

ArchitectureView::~ArchitectureView() { m_worker->cancel(); }

bool ArchitectureView::isDescribing() const { return m_worker->isRunning() || m_delay->isActive(); }

void ArchitectureView::setProjectPath(const QString &path)
{
    if (path == m_projectPath)
        return;
    m_projectPath = path;
    m_shapes.clear();
    scheduleDescribe();
}

void ArchitectureView::setConfig(const nlohmann::json &config)
{
    if (config == m_config)
        return;
    m_config = config;
    scheduleDescribe();
}

void ArchitectureView::scheduleDescribe()
{
    if (!m_config.is_object() || !m_config.contains("model"))
        return;
    if (isVisible())
        m_delay->start();
    else
        m_stale = true;
}

void ArchitectureView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        m_delay->start();
}

QString ArchitectureView::shapeKey() const
{
    nlohmann::json key = nlohmann::json::object();
    for (const char *name : kDataKeys)
        if (m_config.contains(name))
            key[name] = m_config[name];
    const nlohmann::json params = m_config.value("params", nlohmann::json::object());
    if (params.is_object())
        for (const char *name : kDataParams)
            if (params.contains(name))
                key["params"][name] = params[name];
    return QString::fromStdString(key.dump());
}

void ArchitectureView::describeNow()
{
    m_delay->stop();
    m_stale = false;
    if (!m_config.is_object() || !m_config.contains("model") || !m_config["model"].is_string())
        return;
    m_worker->cancel();
    const QString key = shapeKey();
    QStringList arguments{QStringLiteral("describe"), QStringLiteral("--config"), QStringLiteral("-"), QStringLiteral("--json")};
    m_runningKey.clear();
    if (m_shapes.contains(key)) {
        arguments << QStringLiteral("--shape") << QString::fromStdString(m_shapes.value(key).dump());
    } else if (!m_projectPath.isEmpty()) {
        arguments << m_projectPath;
        m_runningKey = key;
    } else {
        arguments << QStringLiteral("--shape") << QStringLiteral("{}");
    }
    m_status->setText(m_runningKey.isEmpty() ? tr("Building the model…")
                                             : tr("Reading the data's sizes and building the model…"));
    m_worker->start(m_program, arguments, QByteArray::fromStdString(m_config.dump()));
}

void ArchitectureView::showFailure(const QString &message)
{
    m_status->setText(tr("Cannot describe this model: %1").arg(message));
    emit failed(message);
}

void ArchitectureView::workerAnswered(const QByteArray &output, const QByteArray &errors, int exitCode)
{
    const nlohmann::json json = nlohmann::json::parse(output.toStdString(), nullptr, false);
    if (json.is_object() && json.contains("error") && json["error"].is_string())
        return showFailure(QString::fromStdString(json["error"].get<std::string>()));
    if (exitCode != 0 || !json.is_object() || !json.contains("tree"))
        return showFailure(WorkerRequest::endedWithoutAnswer(exitCode, errors));
    if (!m_runningKey.isEmpty() && json.contains("shape"))
        m_shapes.insert(m_runningKey, json["shape"]);
    setDescription(json);
}

void ArchitectureView::setDescription(const nlohmann::json &description)
{
    m_model->removeRows(0, m_model->rowCount());
    const nlohmann::json tree = description.value("tree", nlohmann::json::object());
    std::function<void(QStandardItem *, const nlohmann::json &)> add = [&](QStandardItem *parent, const nlohmann::json &node) {
        auto *name = new QStandardItem(QString::fromStdString(node.value("name", std::string())));
        auto *type = new QStandardItem(QString::fromStdString(node.value("type", std::string())));
        auto *shape = new QStandardItem(shapeText(node.value("output_shape", nlohmann::json())));
        QString tip = QString::fromStdString(node.value("details", std::string()));
        if (node.contains("output_from") && node["output_from"].is_string())
            tip += (tip.isEmpty() ? QString() : QStringLiteral("\n")) +
                   tr("Output shape of its last layer with parameters, %1").arg(QString::fromStdString(node["output_from"].get<std::string>()));
        else if (!node.value("output_shape", nlohmann::json()).is_array())
            tip += (tip.isEmpty() ? QString() : QStringLiteral("\n")) + tr("No parameters: its output is not traced");
        name->setToolTip(QString::fromStdString(node.value("path", std::string())));
        type->setToolTip(tip);
        shape->setToolTip(tip);
        QList<QStandardItem *> row{name, type, shape, numberItem(node.value("parameters", qint64(0))),
                                   numberItem(node.value("trainable", qint64(0)))};
        if (parent)
            parent->appendRow(row);
        else
            m_model->appendRow(row);
        for (const nlohmann::json &child : node.value("children", nlohmann::json::array()))
            add(name, child);
    };
    if (tree.is_object() && !tree.empty())
        add(nullptr, tree);
    m_tree->expandToDepth(1);
    for (int c = TypeColumn; c < ColumnCount; ++c)
        m_tree->resizeColumnToContents(c);
    m_parameters = description.value("parameters", qint64(0));
    m_trainable = description.value("trainable", qint64(0));
    // value() returns a copy: kept in a local, since items() only refers to the object it walks.
    const nlohmann::json inputShapes = description.value("inputs", nlohmann::json::object());
    QStringList inputs;
    for (const auto &[name, shape] : inputShapes.items())
        inputs << tr("%1 %2").arg(QString::fromStdString(name), shapeText(shape));
    QString totals = tr("<b>%1</b> parameters, %2 trainable.").arg(QLocale().toString(m_parameters), QLocale().toString(m_trainable));
    if (!inputs.isEmpty())
        totals += QLatin1Char(' ') + tr("Shapes from a dry run on a dummy batch of %1 (%2).")
                                         .arg(description.value("batch", 0))
                                         .arg(inputs.join(QStringLiteral(", ")));
    else
        totals += QLatin1Char(' ') + tr("Parameter tables: this family has no layers to run.");
    m_totals->setText(totals);
    QStringList sizes;
    const nlohmann::json dataSizes = description.value("shape", nlohmann::json::object());
    for (const auto &[name, value] : dataSizes.items())
        if (value.is_number())
            sizes << tr("%1 %2").arg(QString::fromStdString(name), QString::fromStdString(value.dump()));
    m_status->setText(sizes.isEmpty() ? QString() : tr("Sized for: %1").arg(sizes.join(QStringLiteral(", "))));
    emit described();
}
