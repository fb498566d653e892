#include "core/store/postbrowser.h"

#include "core/store/project.h"
#include "core/util/timeparse.h"

namespace chorus {
namespace {

const char *kRowColumns =
    "p.id, p.source_id, coalesce(u.name, u.pseudonym, u.source_id, ''), p.created_at, p.text,"
    " (SELECT group_concat(l.task || '=' || l.value, '; ') FROM labels l WHERE l.post_id = p.id),"
    " coalesce(p.likes, 0),"
    " (SELECT count(*) FROM media m WHERE m.post_id = p.id AND m.kind = 'image'),"
    " (SELECT count(*) FROM media m WHERE m.post_id = p.id AND m.kind = 'video')";

PostRow readRow(SqliteStatement &s)
{
    PostRow row;
    row.id = s.int64(0);
    row.sourceId = s.text(1);
    row.author = s.text(2);
    if (!s.isNull(3))
        row.createdAt = formatIsoUtc(s.int64(3));
    row.text = s.text(4);
    row.labels = s.text(5);
    row.likes = s.int64(6);
    row.images = static_cast<int>(s.int64(7));
    row.videos = static_cast<int>(s.int64(8));
    return row;
}

} // namespace

Result<std::vector<PostRow>> PostBrowser::page(const PostFilter &filter, std::int64_t afterId, int limit)
{
    std::string sql = std::string("SELECT ") + kRowColumns + " FROM posts p LEFT JOIN users u ON u.id = p.author_id";
    if (!filter.search.empty())
        sql += " JOIN posts_fts f ON f.rowid = p.id AND posts_fts MATCH ?3";
    sql += " WHERE p.id > ?1 AND (?2 = 0 OR p.dataset_id = ?2) ORDER BY p.id LIMIT ?4";
    auto select = m_project.db().prepare(sql);
    if (!select)
        return select.error();
    select->bind(1, afterId).bind(2, filter.datasetId).bind(4, limit);
    if (!filter.search.empty())
        select->bind(3, filter.search);
    std::vector<PostRow> rows;
    while (select->step())
        rows.push_back(readRow(*select));
    if (select->failed())
        return Error{"cannot list posts: " + select->lastError()};
    return rows;
}

Result<PostDetail> PostBrowser::detail(std::int64_t postId)
{
    auto select = m_project.db().prepare(std::string("SELECT ") + kRowColumns +
                                         ", d.name, p.language, p.reply_to, p.client_app, coalesce(p.shares, 0),"
                                         " coalesce(p.replies, 0) FROM posts p LEFT JOIN users u ON u.id = p.author_id"
                                         " JOIN datasets d ON d.id = p.dataset_id WHERE p.id = ?");
    if (!select)
        return select.error();
    select->bind(1, postId);
    if (!select->step())
        return Error{select->failed() ? select->lastError() : "no post with id " + std::to_string(postId)};
    PostDetail detail;
    detail.row = readRow(*select);
    detail.dataset = select->text(9);
    detail.language = select->text(10);
    detail.replyTo = select->text(11);
    detail.clientApp = select->text(12);
    detail.shares = select->int64(13);
    detail.replies = select->int64(14);

    auto labels = m_project.db().prepare("SELECT task, value FROM labels WHERE post_id = ? ORDER BY task");
    if (!labels)
        return labels.error();
    labels->bind(1, postId);
    while (labels->step())
        detail.labels.emplace_back(labels->text(0), labels->text(1));

    auto media = m_project.db().prepare(
        "SELECT kind, coalesce(path, ''), blob, coalesce(width, 0), coalesce(height, 0), coalesce(duration, 0)"
        " FROM media WHERE post_id = ? ORDER BY id");
    if (!media)
        return media.error();
    media->bind(1, postId);
    while (media->step())
        detail.media.push_back({media->text(0), media->text(1), media->blob(2), static_cast<int>(media->int64(3)),
                                static_cast<int>(media->int64(4)), media->real(5)});
    return detail;
}

Result<std::vector<std::string>> PostBrowser::labelTasks(std::int64_t datasetId)
{
    auto select = m_project.db().prepare("SELECT DISTINCT l.task FROM labels l JOIN posts p ON p.id = l.post_id"
                                         " WHERE ?1 = 0 OR p.dataset_id = ?1 ORDER BY l.task");
    if (!select)
        return select.error();
    select->bind(1, datasetId);
    std::vector<std::string> tasks;
    while (select->step())
        tasks.push_back(select->text(0));
    return tasks;
}

Result<std::vector<std::pair<std::string, std::int64_t>>> PostBrowser::labelCounts(std::int64_t datasetId,
                                                                                  const std::string &task)
{
    auto select = m_project.db().prepare("SELECT l.value, count(*) FROM labels l JOIN posts p ON p.id = l.post_id"
                                         " WHERE (?1 = 0 OR p.dataset_id = ?1) AND l.task = ?2"
                                         " GROUP BY l.value ORDER BY count(*) DESC, l.value");
    if (!select)
        return select.error();
    select->bind(1, datasetId).bind(2, task);
    std::vector<std::pair<std::string, std::int64_t>> counts;
    while (select->step())
        counts.emplace_back(select->text(0), select->int64(1));
    return counts;
}

} // namespace chorus
