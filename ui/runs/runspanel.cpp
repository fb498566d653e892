#include "ui/runs/runspanel.h"

#include "core/store/project.h"
#include "core/training/runstore.h"
#include "ui/runs/configdiff.h"
#include "ui/runs/runstablemodel.h"
#include "ui/training/curveplot.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

RunsPanel::RunsPanel(QWidget *parent)
    : QWidget(parent), m_model(new RunsTableModel(this)), m_proxy(new QSortFilterProxyModel(this)), m_table(new QTableView),
      m_curve(new QComboBox), m_overlay(new CurvePlot(tr("step"), tr("value"))), m_diff(new QTableWidget(0, 3)),
      m_message(new QLabel), m_rename(new QPushButton(tr("Rename..."))), m_delete(new QPushButton(tr("Delete...")))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RunsTableModel::SortRole);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RunsTableModel::Id, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    // split/name pairs as RunStore::history reads them.
    const std::pair<const char *, QString> curves[] = {
        {"valid/accuracy", tr("Validation accuracy")}, {"valid/macro_f1", tr("Validation macro-F1")},
        {"valid/loss", tr("Validation loss")},         {"train/loss", tr("Training loss")},
        {"train/lr", tr("Learning rate")},             {"train/samples_per_s", tr("Throughput (samples/s)")}};
    for (const auto &[key, label] : curves)
        m_curve->addItem(label, QString::fromLatin1(key));

    m_diff->setHorizontalHeaderLabels({tr("Key"), tr("Run A"), tr("Run B")});
    m_diff->verticalHeader()->setVisible(false);
    m_diff->horizontalHeader()->setStretchLastSection(true);
    m_diff->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_message->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_rename);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    buttons->addWidget(new QLabel(tr("Curve")));
    buttons->addWidget(m_curve);

    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_table, 1);
    topLayout->addLayout(buttons);
    topLayout->addWidget(m_message);

    auto *diffBox = new QWidget;
    auto *diffLayout = new QVBoxLayout(diffBox);
    diffLayout->setContentsMargins(0, 0, 0, 0);
    diffLayout->addWidget(new QLabel(tr("Config differences (select two runs)")));
    diffLayout->addWidget(m_diff);

    auto *bottom = new QSplitter(Qt::Horizontal);
    bottom->addWidget(m_overlay);
    bottom->addWidget(diffBox);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RunsPanel::selectionChanged);
    connect(m_curve, &QComboBox::currentIndexChanged, this, &RunsPanel::updateOverlay);
    connect(m_rename, &QPushButton::clicked, this, &RunsPanel::renameClicked);
    connect(m_delete, &QPushButton::clicked, this, &RunsPanel::deleteClicked);
    selectionChanged();
}

void RunsPanel::setProject(chorus::Project *project)
{
    m_project = project;
    refresh();
}

void RunsPanel::refresh()
{
    const QList<qint64> selected = selectedRuns();
    std::vector<chorus::RunSummary> runs;
    if (m_project) {
        auto listed = chorus::RunStore(*m_project).list();
        if (listed)
            runs = std::move(*listed);
        else
            m_message->setText(QString::fromStdString(listed.message()));
    }
    m_model->setRuns(std::move(runs));
    selectRuns(selected);
    selectionChanged();
}

void RunsPanel::selectRuns(const QList<qint64> &runIds)
{
    QItemSelection selection;
    for (qint64 id : runIds) {
        const int row = m_model->rowOf(id);
        if (row < 0)
            continue;
        const QModelIndex left = m_proxy->mapFromSource(m_model->index(row, 0));
        const QModelIndex right = m_proxy->mapFromSource(m_model->index(row, RunsTableModel::ColumnCount - 1));
        selection.select(left, right);
    }
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

QList<qint64> RunsPanel::selectedRuns() const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        ids << index.data(RunsTableModel::RunIdRole).toLongLong();
    std::sort(ids.begin(), ids.end());
    return ids;
}

QString RunsPanel::runLabel(qint64 runId) const
{
    const chorus::RunSummary *run = m_model->run(m_model->rowOf(runId));
    if (run && !run->name.empty())
        return QString::fromStdString(run->name);
    return run ? tr("run %1 (%2)").arg(runId).arg(QString::fromStdString(run->model)) : tr("run %1").arg(runId);
}

void RunsPanel::selectionChanged()
{
    const QList<qint64> ids = selectedRuns();
    m_rename->setEnabled(ids.size() == 1);
    m_delete->setEnabled(!ids.isEmpty());
    updateOverlay();
    updateDiff();
}

void RunsPanel::updateOverlay()
{
    m_overlay->clear();
    if (!m_project)
        return;
    const QStringList key = m_curve->currentData().toString().split('/');
    if (key.size() != 2)
        return;
    chorus::RunStore store(*m_project);
    for (qint64 id : selectedRuns()) {
        auto points = store.history(id, key[0].toStdString(), key[1].toStdString());
        if (points && !points->empty())
            m_overlay->setSeries(runLabel(id), *points);
    }
}

void RunsPanel::updateDiff()
{
    const QList<qint64> ids = selectedRuns();
    m_diff->setRowCount(0);
    if (ids.size() != 2) {
        m_diff->setHorizontalHeaderLabels({tr("Key"), tr("Run A"), tr("Run B")});
        return;
    }
    const chorus::RunSummary *a = m_model->run(m_model->rowOf(ids[0]));
    const chorus::RunSummary *b = m_model->run(m_model->rowOf(ids[1]));
    if (!a || !b)
        return;
    m_diff->setHorizontalHeaderLabels({tr("Key"), runLabel(ids[0]), runLabel(ids[1])});
    const QVector<ConfigDifference> differences = ConfigDiff::compare(a->config, b->config);
    m_diff->setRowCount(differences.size());
    for (int i = 0; i < differences.size(); ++i) {
        m_diff->setItem(i, 0, new QTableWidgetItem(differences[i].key));
        m_diff->setItem(i, 1, new QTableWidgetItem(differences[i].left.isEmpty() ? tr("(absent)") : differences[i].left));
        m_diff->setItem(i, 2, new QTableWidgetItem(differences[i].right.isEmpty() ? tr("(absent)") : differences[i].right));
    }
    m_diff->resizeColumnsToContents();
}

QString RunsPanel::renameRun(qint64 runId, const QString &name)
{
    if (!m_project)
        return tr("No project is open.");
    if (chorus::Status s = chorus::RunStore(*m_project).rename(runId, name.trimmed().toStdString()); !s.ok())
        return QString::fromStdString(s.message());
    refresh();
    return {};
}

QString RunsPanel::deleteRun(qint64 runId)
{
    if (!m_project)
        return tr("No project is open.");
    if (chorus::Status s = chorus::RunStore(*m_project).remove(runId); !s.ok())
        return QString::fromStdString(s.message());
    refresh();
    return {};
}

void RunsPanel::renameClicked()
{
    const QList<qint64> ids = selectedRuns();
    if (ids.size() != 1)
        return;
    const chorus::RunSummary *run = m_model->run(m_model->rowOf(ids[0]));
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename run"), tr("Name of run %1:").arg(ids[0]), QLineEdit::Normal,
                                               run ? QString::fromStdString(run->name) : QString(), &ok);
    if (!ok)
        return;
    const QString error = renameRun(ids[0], name);
    m_message->setText(error);
}

void RunsPanel::deleteClicked()
{
    const QList<qint64> ids = selectedRuns();
    if (ids.isEmpty())
        return;
    if (QMessageBox::question(this, tr("Delete runs"),
                              tr("Delete %n run(s) with their metrics, checkpoints and attention snapshots?", nullptr,
                                 int(ids.size())))
        != QMessageBox::Yes)
        return;
    QStringList errors;
    for (qint64 id : ids)
        if (const QString error = deleteRun(id); !error.isEmpty())
            errors << error;
    m_message->setText(errors.join('\n'));
}
