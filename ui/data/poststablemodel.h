#pragma once

#include "core/store/postbrowser.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace chorus {
class Project;
}

// Posts of one dataset (optionally filtered by a full-text query) for a QTableView. Rows are fetched
// a page at a time as the view scrolls (canFetchMore/fetchMore), so a million-row dataset opens at
// once and memory grows only with what was scrolled through.
class PostsTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { IdColumn, AuthorColumn, TimeColumn, TextColumn, LabelsColumn, LikesColumn, MediaColumn, ColumnCount };

    explicit PostsTableModel(QObject *parent = nullptr);

    void setProject(chorus::Project *project);
    // Resets the rows; returns an error message for a bad search query, empty on success.
    QString setFilter(const chorus::PostFilter &filter);
    std::int64_t postId(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    static constexpr int kPageSize = 256;

private:
    QString fetchPage();

    chorus::Project *m_project = nullptr;
    std::unique_ptr<chorus::PostBrowser> m_browser;
    chorus::PostFilter m_filter;
    std::vector<chorus::PostRow> m_rows;
    bool m_exhausted = true;
};
