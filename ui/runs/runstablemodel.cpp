#include "ui/runs/runstablemodel.h"

#include "ui/common/runstatus.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

namespace {

QVariant number(const nlohmann::json &object, const char *key)
{
    if (object.is_object() && object.contains(key) && object[key].is_number())
        return object[key].get<double>();
    return {};
}

QVariant nested(const nlohmann::json &object, const char *outer, const char *key)
{
    if (object.is_object() && object.contains(outer))
        return number(object[outer], key);
    return {};
}

} // namespace

RunsTableModel::RunsTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void RunsTableModel::setRuns(std::vector<chorus::RunSummary> runs)
{
    beginResetModel();
    m_runs = std::move(runs);
    endResetModel();
}

const chorus::RunSummary *RunsTableModel::run(int row) const
{
    return row >= 0 && row < static_cast<int>(m_runs.size()) ? &m_runs[static_cast<std::size_t>(row)] : nullptr;
}

int RunsTableModel::rowOf(std::int64_t runId) const
{
    for (std::size_t i = 0; i < m_runs.size(); ++i)
        if (m_runs[i].id == runId)
            return static_cast<int>(i);
    return -1;
}

int RunsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

int RunsTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RunsTableModel::value(const chorus::RunSummary &r, int column) const
{
    switch (column) {
    case Id: return QVariant::fromValue<qlonglong>(r.id);
    case Name: return QString::fromStdString(r.name);
    case Status: return RunStatus::label(QString::fromStdString(r.status));
    case Model: return QString::fromStdString(r.model);
    case Dataset: return QString::fromStdString(r.dataset);
    case Task:
        return r.config.is_object() && r.config.contains("task") && r.config["task"].is_string()
                   ? QString::fromStdString(r.config["task"].get<std::string>())
                   : QString();
    case Epochs: return number(r.config, "epochs");
    case BatchSize: return number(r.config, "batch_size");
    case LearningRate: return nested(r.config, "optimizer", "lr");
    case Accuracy: return number(r.bestMetrics, "accuracy");
    case MacroF1: return number(r.bestMetrics, "macro_f1");
    case ValidLoss: return number(r.bestMetrics, "loss");
    case Created: return QVariant::fromValue<qlonglong>(r.createdAt);
    }
    return {};
}

QVariant RunsTableModel::data(const QModelIndex &index, int role) const
{
    const chorus::RunSummary *r = run(index.row());
    if (!r || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    if (role == RunIdRole)
        return QVariant::fromValue<qlonglong>(r->id);
    if (role == SortRole)
        return value(*r, index.column());
    if (role == Qt::ToolTipRole && (index.column() == Status || index.column() == Name) && !r->message.empty())
        return QString::fromStdString(r->message);
    if (role == Qt::ForegroundRole && index.column() == Status) {
        if (r->status == "failed")
            return QBrush(QColor(192, 57, 43));
        if (r->status == "running" || r->status == "paused")
            return QBrush(QColor(41, 128, 185));
        return {};
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Epochs && index.column() <= ValidLoss)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const QVariant v = value(*r, index.column());
    switch (index.column()) {
    case Accuracy:
    case MacroF1:
    case ValidLoss: return v.isValid() ? QString::number(v.toDouble(), 'f', 4) : QString();
    case LearningRate: return v.isValid() ? QString::number(v.toDouble(), 'g', 4) : QString();
    case Created: return QDateTime::fromSecsSinceEpoch(r->createdAt).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    default: return v;
    }
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id: return tr("Run");
    case Name: return tr("Name");
    case Status: return tr("Status");
    case Model: return tr("Model");
    case Dataset: return tr("Dataset");
    case Task: return tr("Task");
    case Epochs: return tr("Epochs");
    case BatchSize: return tr("Batch");
    case LearningRate: return tr("LR");
    case Accuracy: return tr("Best accuracy");
    case MacroF1: return tr("Best macro-F1");
    case ValidLoss: return tr("Valid loss");
    case Created: return tr("Created");
    }
    return {};
}
