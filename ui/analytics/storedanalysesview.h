#pragma once

#include <QWidget>

#include <cstdint>

namespace chorus {
class Project;
}

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

// The analyses stored in the project (trends, opinion, profiles, topic runs; AnalysisStore),
// newest first, whoever computed them: this window or chorus-cli. Open shows one again in its
// view without recomputing; it can be renamed, deleted, or exported as the JSON it is stored as.
// Under privacy a profile stored without it is listed by the user's number, not its name.
class StoredAnalysesView : public QWidget {
    Q_OBJECT

public:
    enum Column { IdColumn, KindColumn, NameColumn, DatasetColumn, CreatedColumn, ColumnCount };

    explicit StoredAnalysesView(QWidget *parent = nullptr);

    void setProject(chorus::Project *project);
    void setPrivacy(bool on);
    // Re-reads the list, keeping the selection where it can.
    void refresh();

    // The id of the selected analysis; 0 when none.
    std::int64_t selectedId() const;
    bool select(std::int64_t id);
    bool renameAnalysis(std::int64_t id, const QString &name);
    bool deleteAnalysis(std::int64_t id);
    // The stored result as indented JSON.
    bool exportJson(std::int64_t id, const QString &path);

    QTableWidget *table() const { return m_table; }
    QComboBox *kindFilter() const { return m_kind; }
    QLabel *statusLabel() const { return m_status; }

signals:
    void openRequested(qint64 id);

private:
    void updateButtons();

    chorus::Project *m_project = nullptr;
    bool m_privacy = false;
    QComboBox *m_kind;
    QTableWidget *m_table;
    QPushButton *m_open;
    QPushButton *m_rename;
    QPushButton *m_delete;
    QPushButton *m_export;
    QLabel *m_status;
};
