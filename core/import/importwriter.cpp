#include "core/import/importwriter.h"

#include "core/import/privacy.h"
#include "core/store/sqlitedatabase.h"

#include <utility>

namespace chorus {
namespace {

constexpr std::size_t kUserCacheLimit = 200000;
constexpr std::size_t kMaxQueuedBatches = 2;

std::string jsonOrEmpty(const nlohmann::json &value)
{
    if (value.is_null() || (value.is_object() && value.empty()))
        return {};
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace

class ImportWriter::Statements {
public:
    SqliteStatement findUser, insertUser, insertPost, insertMedia, insertLabel, insertInteraction, upsertItem,
        insertLog, deferFts, lastPostId, indexFts, undeferFts;

    static Result<std::unique_ptr<Statements>> prepare(SqliteDatabase &db)
    {
        auto s = std::make_unique<Statements>();
        struct Entry {
            SqliteStatement *target;
            const char *sql;
        };
        const Entry entries[] = {
            {&s->findUser, "SELECT id FROM users WHERE source_id = ?"},
            {&s->insertUser, "INSERT INTO users(source_id, pseudonym, name, extras) VALUES (?, ?, ?, ?)"},
            {&s->insertPost,
             "INSERT INTO posts(dataset_id, source_id, author_id, created_at, text, language, reply_to, thread_id,"
             " likes, shares, replies, client_app, extras) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
             " ON CONFLICT(dataset_id, source_id) DO NOTHING"},
            {&s->insertMedia, "INSERT INTO media(post_id, kind, path, blob, sha256, width, height, duration, frame_count)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"},
            {&s->insertLabel, "INSERT OR REPLACE INTO labels(post_id, task, value) VALUES (?, ?, ?)"},
            {&s->insertInteraction,
             "INSERT INTO interactions(dataset_id, user_id, item, kind, weight, created_at) VALUES (?, ?, ?, ?, ?, ?)"
             " ON CONFLICT DO NOTHING"},
            {&s->upsertItem, "INSERT INTO items(dataset_id, source_id, title, extras) VALUES (?, ?, ?, ?)"
                             " ON CONFLICT(dataset_id, source_id) DO UPDATE SET"
                             " title = coalesce(excluded.title, title), extras = coalesce(excluded.extras, extras)"},
            {&s->insertLog, "INSERT OR IGNORE INTO import_log(dataset_id, file, line, reason) VALUES (?, ?, ?, ?)"},
            {&s->deferFts, "INSERT OR REPLACE INTO meta(key, value) VALUES ('fts_deferred', '1')"},
            {&s->lastPostId, "SELECT coalesce(max(id), 0) FROM posts"},
            {&s->indexFts, "INSERT INTO posts_fts(rowid, text) SELECT id, text FROM posts WHERE id > ?"},
            {&s->undeferFts, "DELETE FROM meta WHERE key = 'fts_deferred'"},
        };
        for (const Entry &e : entries) {
            auto stmt = db.prepare(e.sql);
            if (!stmt)
                return stmt.error();
            *e.target = std::move(*stmt);
        }
        return s;
    }
};

ImportWriter::ImportWriter(SqliteDatabase &db, std::int64_t datasetId, const ImportOptions &options, std::string secret)
    : m_db(db), m_datasetId(datasetId), m_options(options), m_secret(std::move(secret))
{
    if (m_options.batchSize == 0)
        m_options.batchSize = 1;
    auto statements = Statements::prepare(m_db);
    if (!statements) {
        m_storageError = statements.error();
        m_failed = true;
        return;
    }
    m_statements = std::move(*statements);
    m_thread = std::thread([this] { writerLoop(); });
}

ImportWriter::~ImportWriter() { finish(); }

bool ImportWriter::post(PostRecord &&record)
{
    if (!accepting())
        return false;
    ++m_rowsSeen;
    if (m_options.privacy.pseudonymizeUsers && !record.author.sourceId.empty()) {
        record.author.sourceId = Privacy::pseudonym(m_secret, record.author.sourceId);
        record.author.name.clear();
        record.author.extras = nullptr;
    }
    if (m_options.privacy.maskContacts)
        record.text = Privacy::maskContacts(record.text);
    m_current.posts.push_back(std::move(record));
    return submitIfFull();
}

bool ImportWriter::interaction(InteractionRecord &&record)
{
    if (!accepting())
        return false;
    ++m_rowsSeen;
    if (m_options.privacy.pseudonymizeUsers)
        record.userSourceId = Privacy::pseudonym(m_secret, record.userSourceId);
    m_current.interactions.push_back(std::move(record));
    return submitIfFull();
}

bool ImportWriter::item(ItemRecord &&record)
{
    if (!accepting())
        return false;
    m_current.items.push_back(std::move(record));
    return submitIfFull();
}

bool ImportWriter::reject(const std::string &file, std::uint64_t line, const std::string &reason)
{
    if (!accepting())
        return false;
    ++m_rowsSeen;
    ++m_rejected;
    ImportError error{file, line, reason};
    if (m_errors.size() < m_options.maxReportedErrors)
        m_errors.push_back(error);
    m_current.rejects.push_back(std::move(error));
    return submitIfFull();
}

bool ImportWriter::progress(std::uint64_t bytesRead)
{
    if (m_progress && !m_progress(bytesRead))
        m_cancelled = true;
    return accepting();
}

bool ImportWriter::submitIfFull()
{
    if (m_current.size() >= m_options.batchSize)
        submit();
    return accepting();
}

void ImportWriter::submit()
{
    if (m_current.size() == 0 || m_failed)
        return;
    std::unique_lock<std::mutex> lock(m_mutex);
    m_changed.wait(lock, [this] { return m_queue.size() < kMaxQueuedBatches || m_failed; });
    if (m_failed)
        return;
    m_queue.push_back(std::move(m_current));
    m_current = Batch();
    m_changed.notify_all();
}

void ImportWriter::writerLoop()
{
    for (;;) {
        Batch batch;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_changed.wait(lock, [this] { return !m_queue.empty() || m_stopping; });
            if (m_queue.empty())
                return;
            batch = std::move(m_queue.front());
        }
        Status status = writeBatch(batch);
        std::lock_guard<std::mutex> lock(m_mutex);
        m_queue.pop_front();
        if (!status.ok()) {
            m_storageError = status;
            m_failed = true;
            m_queue.clear();
        }
        m_changed.notify_all();
        if (m_failed)
            return;
    }
}

Result<std::int64_t> ImportWriter::userId(const std::string &sourceId, const std::string &pseudonym,
                                          const std::string &name, const std::string &extras)
{
    if (auto it = m_userIds.find(sourceId); it != m_userIds.end())
        return it->second;
    SqliteStatement &find = m_statements->findUser;
    find.reset();
    find.bind(1, sourceId);
    std::int64_t id = 0;
    if (find.step()) {
        id = find.int64(0);
        find.reset();
    } else {
        if (find.failed())
            return Error{find.lastError()};
        find.reset();
        SqliteStatement &insert = m_statements->insertUser;
        insert.bind(1, sourceId).bindTextOrNull(2, pseudonym).bindTextOrNull(3, name).bindTextOrNull(4, extras);
        if (!insert.exec())
            return Error{insert.lastError()};
        id = m_db.lastInsertRowId();
    }
    if (m_userIds.size() >= kUserCacheLimit)
        m_userIds.clear();
    m_userIds.emplace(sourceId, id);
    return id;
}

Status ImportWriter::writeBatch(Batch &batch)
{
    Statements &s = *m_statements;
    SqliteTransaction tx(m_db);
    if (!tx.begun().ok())
        return Error{"cannot write to the project: " + tx.begun().message()};
    const bool pseudonymised = m_options.privacy.pseudonymizeUsers;
    std::int64_t imported = 0, duplicates = 0;

    // Posts of this batch get ids above the current maximum (INTEGER PRIMARY KEY without
    // AUTOINCREMENT, and this connection is the only writer inside the transaction); they are
    // indexed for full-text search in one statement before the commit (see schema migration 4).
    std::int64_t lastIdBefore = 0;
    if (!batch.posts.empty()) {
        if (!s.deferFts.exec())
            return Error{"cannot write to the project: " + s.deferFts.lastError()};
        s.lastPostId.reset();
        if (!s.lastPostId.step())
            return Error{"cannot read the project: " + s.lastPostId.lastError()};
        lastIdBefore = s.lastPostId.int64(0);
        s.lastPostId.reset();
    }

    for (PostRecord &post : batch.posts) {
        std::optional<std::int64_t> author;
        if (!post.author.sourceId.empty()) {
            auto id = userId(post.author.sourceId, pseudonymised ? post.author.sourceId.substr(0, 16) : std::string(),
                             post.author.name, jsonOrEmpty(post.author.extras));
            if (!id)
                return Error{"cannot store user '" + post.author.sourceId + "': " + id.message()};
            author = *id;
        }
        s.insertPost.bind(1, m_datasetId)
            .bind(2, post.sourceId)
            .bind(3, author)
            .bind(4, post.createdAt)
            .bind(5, post.text)
            .bindTextOrNull(6, post.language)
            .bindTextOrNull(7, post.replyTo)
            .bindTextOrNull(8, post.threadId)
            .bind(9, post.likes)
            .bind(10, post.shares)
            .bind(11, post.replies)
            .bindTextOrNull(12, post.clientApp)
            .bindTextOrNull(13, jsonOrEmpty(post.extras));
        if (!s.insertPost.exec())
            return Error{"cannot store post '" + post.sourceId + "': " + s.insertPost.lastError()};
        if (m_db.changes() == 0) {
            ++duplicates;
            continue;
        }
        ++imported;
        const std::int64_t postId = m_db.lastInsertRowId();
        for (const MediaRecord &m : post.media) {
            s.insertMedia.bind(1, postId)
                .bind(2, m.kind == MediaKind::Image ? "image" : "video")
                .bindTextOrNull(3, m.path)
                .bindTextOrNull(5, m.sha256)
                .bind(6, m.width)
                .bind(7, m.height)
                .bind(8, m.durationSeconds)
                .bind(9, m.frameCount);
            if (m.blob.empty())
                s.insertMedia.bindNull(4);
            else
                s.insertMedia.bindBlob(4, m.blob.data(), m.blob.size());
            if (!s.insertMedia.exec())
                return Error{"cannot store media of post '" + post.sourceId + "': " + s.insertMedia.lastError()};
        }
        for (const LabelRecord &label : post.labels) {
            s.insertLabel.bind(1, postId).bind(2, label.task).bind(3, label.value);
            if (!s.insertLabel.exec())
                return Error{"cannot store label of post '" + post.sourceId + "': " + s.insertLabel.lastError()};
        }
    }

    if (!batch.posts.empty()) {
        s.indexFts.bind(1, lastIdBefore);
        if (!s.indexFts.exec())
            return Error{"cannot index post text: " + s.indexFts.lastError()};
        if (!s.undeferFts.exec())
            return Error{"cannot write to the project: " + s.undeferFts.lastError()};
    }

    for (const ItemRecord &item : batch.items) {
        s.upsertItem.bind(1, m_datasetId).bind(2, item.sourceId).bindTextOrNull(3, item.title).bindTextOrNull(
            4, jsonOrEmpty(item.extras));
        if (!s.upsertItem.exec())
            return Error{"cannot store item '" + item.sourceId + "': " + s.upsertItem.lastError()};
    }

    for (const InteractionRecord &interaction : batch.interactions) {
        auto user = userId(interaction.userSourceId, pseudonymised ? interaction.userSourceId.substr(0, 16) : "", "", "");
        if (!user)
            return Error{"cannot store user '" + interaction.userSourceId + "': " + user.message()};
        s.insertInteraction.bind(1, m_datasetId)
            .bind(2, *user)
            .bind(3, interaction.item)
            .bind(4, interaction.kind)
            .bind(5, interaction.weight)
            .bind(6, interaction.createdAt);
        if (!s.insertInteraction.exec())
            return Error{"cannot store interaction: " + s.insertInteraction.lastError()};
        if (m_db.changes() == 0)
            ++duplicates;
        else
            ++imported;
    }

    for (const ImportError &reject : batch.rejects) {
        s.insertLog.bind(1, m_datasetId)
            .bind(2, reject.file)
            .bind(3, static_cast<std::int64_t>(reject.line))
            .bind(4, reject.reason);
        if (!s.insertLog.exec())
            return Error{"cannot log rejected row: " + s.insertLog.lastError()};
    }

    if (Status status = tx.commit(); !status.ok()) {
        // The rolled-back batch may have cached ids of users that no longer exist.
        m_userIds.clear();
        return Error{"cannot commit to the project: " + status.message()};
    }
    m_imported += imported;
    m_duplicates += duplicates;
    return {};
}

Status ImportWriter::finish()
{
    if (m_finished)
        return m_storageError;
    m_finished = true;
    if (m_thread.joinable()) {
        submit();
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stopping = true;
        }
        m_changed.notify_all();
        m_thread.join();
    }
    return m_storageError;
}

} // namespace chorus
