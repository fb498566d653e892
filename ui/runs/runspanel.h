#pragma once

#include <QWidget>

#include <cstdint>

namespace chorus {
class Project;
}

class CurvePlot;
class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTableWidget;
class RunsTableModel;

// The project's runs: a sortable table (status, model, key hyperparameters, best metrics), the
// curves of every selected run overlaid, the config diff of two selected runs, rename and delete.
// Everything is read from and written through core's RunStore.
class RunsPanel : public QWidget {
    Q_OBJECT

public:
    explicit RunsPanel(QWidget *parent = nullptr);

    void setProject(chorus::Project *project);
    // Reloads the table, keeping the selection where the runs still exist.
    void refresh();

    // Select runs by id (replacing the selection), as a user would in the table.
    void selectRuns(const QList<qint64> &runIds);
    QList<qint64> selectedRuns() const;
    // What the Rename and Delete buttons do after asking; return the error, empty on success.
    QString renameRun(qint64 runId, const QString &name);
    QString deleteRun(qint64 runId);

    RunsTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    CurvePlot *overlay() const { return m_overlay; }
    QComboBox *curveCombo() const { return m_curve; }
    QTableWidget *diffTable() const { return m_diff; }
    QLabel *messageLabel() const { return m_message; }

private:
    void selectionChanged();
    void updateOverlay();
    void updateDiff();
    void renameClicked();
    void deleteClicked();
    QString runLabel(qint64 runId) const;

    chorus::Project *m_project = nullptr;
    RunsTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QComboBox *m_curve;
    CurvePlot *m_overlay;
    QTableWidget *m_diff;
    QLabel *m_message;
    QPushButton *m_rename;
    QPushButton *m_delete;
};
