#pragma once

#include "core/training/runstore.h"

#include <QAbstractTableModel>

#include <vector>

// The project's training runs as table rows: status, model, dataset, key hyperparameters and the
// best validation metrics. Sorting is left to a QSortFilterProxyModel, which sorts by SortRole
// (numbers as numbers, not as text).
class RunsTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Id, Name, Status, Model, Dataset, Task, Epochs, BatchSize, LearningRate, Accuracy, MacroF1,
                  ValidLoss, Created, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int RunIdRole = Qt::UserRole + 2;

    explicit RunsTableModel(QObject *parent = nullptr);

    void setRuns(std::vector<chorus::RunSummary> runs);
    const chorus::RunSummary *run(int row) const;
    int rowOf(std::int64_t runId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant value(const chorus::RunSummary &run, int column) const;

    std::vector<chorus::RunSummary> m_runs;
};
