#include "ui/data/poststablemodel.h"

#include "core/store/project.h"

PostsTableModel::PostsTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void PostsTableModel::setProject(chorus::Project *project)
{
    beginResetModel();
    m_project = project;
    m_browser = project ? std::make_unique<chorus::PostBrowser>(*project) : nullptr;
    m_rows.clear();
    m_exhausted = project == nullptr;
    endResetModel();
}

QString PostsTableModel::setFilter(const chorus::PostFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    m_rows.clear();
    m_exhausted = m_browser == nullptr;
    const QString error = m_exhausted ? QString() : fetchPage();
    endResetModel();
    return error;
}

QString PostsTableModel::fetchPage()
{
    const std::int64_t after = m_rows.empty() ? 0 : m_rows.back().id;
    auto page = m_browser->page(m_filter, after, kPageSize);
    if (!page) {
        m_exhausted = true;
        return QString::fromStdString(page.message());
    }
    m_exhausted = page->size() < static_cast<std::size_t>(kPageSize);
    for (chorus::PostRow &row : *page)
        m_rows.push_back(std::move(row));
    return {};
}

std::int64_t PostsTableModel::postId(int row) const
{
    return row >= 0 && row < static_cast<int>(m_rows.size()) ? m_rows[static_cast<std::size_t>(row)].id : 0;
}

int PostsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PostsTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant PostsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(m_rows.size()))
        return {};
    const chorus::PostRow &row = m_rows[static_cast<std::size_t>(index.row())];
    if (role == Qt::ToolTipRole && index.column() == TextColumn)
        return QString::fromStdString(row.text);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case IdColumn: return QString::fromStdString(row.sourceId);
    case AuthorColumn: return QString::fromStdString(row.author);
    case TimeColumn: return QString::fromStdString(row.createdAt);
    case TextColumn: return QString::fromStdString(row.text).simplified();
    case LabelsColumn: return QString::fromStdString(row.labels);
    case LikesColumn: return QVariant::fromValue<qlonglong>(row.likes);
    case MediaColumn: {
        QStringList parts;
        if (row.images)
            parts << tr("%n image(s)", nullptr, row.images);
        if (row.videos)
            parts << tr("%n video(s)", nullptr, row.videos);
        return parts.join(QStringLiteral(", "));
    }
    default: return {};
    }
}

QVariant PostsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("Id");
    case AuthorColumn: return tr("Author");
    case TimeColumn: return tr("Time (UTC)");
    case TextColumn: return tr("Text");
    case LabelsColumn: return tr("Labels");
    case LikesColumn: return tr("Likes");
    case MediaColumn: return tr("Media");
    default: return {};
    }
}

bool PostsTableModel::canFetchMore(const QModelIndex &parent) const { return !parent.isValid() && !m_exhausted; }

void PostsTableModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_exhausted)
        return;
    const int first = static_cast<int>(m_rows.size());
    const std::int64_t after = m_rows.empty() ? 0 : m_rows.back().id;
    auto page = m_browser->page(m_filter, after, kPageSize);
    if (!page || page->empty()) {
        m_exhausted = true;
        return;
    }
    m_exhausted = page->size() < static_cast<std::size_t>(kPageSize);
    beginInsertRows({}, first, first + static_cast<int>(page->size()) - 1);
    for (chorus::PostRow &row : *page)
        m_rows.push_back(std::move(row));
    endInsertRows();
}
