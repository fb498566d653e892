#include "core/import/importwriter.h"

#include "core/import/privacy.h"
#include "core/store/sqlitedatabase.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace chorus {
namespace {

constexpr std::size_t kUserCacheLimit = 200000;
constexpr std::size_t kMaxQueuedBatches = 2;
// Rows per INSERT statement. SQLite opens a statement journal and a savepoint on every virtual
// table of the transaction for each statement on posts (the FTS triggers), so one row per statement
// spent more time in statement set-up and tear-down than in storing the row (perf: ~20% in
// sqlite3VdbeHalt/VtabSavepoint). 64 posts x 13 parameters stays far below SQLite's parameter limit.
constexpr std::size_t kPostsPerStatement = 64;
constexpr std::size_t kLabelsPerStatement = 256;

// The literal statement `sql`, whose VALUES list holds one row "(...)", with that row repeated
// `rows` times: the SQL stays made of literals, only the number of rows varies.
std::string withRows(const char *sql, std::size_t rows)
{
    const std::string text = sql;
    const std::size_t open = text.find("VALUES (") + 7;
    const std::size_t close = text.find(')', open) + 1;
    const std::string row = text.substr(open, close - open);
    std::string out = text.substr(0, close);
    out.reserve(text.size() + (row.size() + 2) * rows);
    for (std::size_t i = 1; i < rows; ++i)
        out.append(", ").append(row);
    out.append(text, close, std::string::npos);
    return out;
}

const char *const kInsertPostsSql =
    "INSERT INTO posts(dataset_id, source_id, author_id, created_at, text, language, reply_to, thread_id,"
    " likes, shares, replies, client_app, extras) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT(dataset_id, source_id) DO NOTHING RETURNING id, source_id";
constexpr int kPostColumns = 13;
const char *const kInsertLabelsSql = "INSERT OR REPLACE INTO labels(post_id, task, value) VALUES (?, ?, ?)";

// FNV-1a over the text with ASCII letters lower-cased and runs of white space as one space, ends
// trimmed: "RT  Hello World " and "rt hello world" count as the same text. Stable across runs and
// machines (std::hash is neither promised).
std::uint64_t normalisedTextHash(const std::string &text)
{
    std::uint64_t hash = 1469598103934665603ULL;
    bool pendingSpace = false, started = false;
    for (unsigned char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            pendingSpace = started;
            continue;
        }
        if (pendingSpace) {
            hash = (hash ^ ' ') * 1099511628211ULL;
            pendingSpace = false;
        }
        started = true;
        hash = (hash ^ ((c >= 'A' && c <= 'Z') ? c + 32 : c)) * 1099511628211ULL;
    }
    return hash;
}

bool blank(const std::string &text)
{
    return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

std::string jsonOrEmpty(const nlohmann::json &value)
{
    if (value.is_null() || (value.is_object() && value.empty()))
        return {};
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace

class ImportWriter::Statements {
public:
    SqliteStatement findUser, insertUser, insertMedia, insertInteraction, upsertItem, insertLog, deferFts, lastPostId,
        indexFts, undeferFts;
    // Multi-row inserts, keyed by their number of rows: the full size, and the sizes of batch tails.
    std::unordered_map<std::size_t, SqliteStatement> insertPosts, insertLabels;

    static Result<SqliteStatement *> rows(SqliteDatabase &db, std::unordered_map<std::size_t, SqliteStatement> &cache,
                                          const char *sql, std::size_t count)
    {
        if (auto it = cache.find(count); it != cache.end())
            return &it->second;
        auto stmt = db.prepare(withRows(sql, count));
        if (!stmt)
            return stmt.error();
        return &cache.emplace(count, std::move(*stmt)).first->second;
    }

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
            {&s->insertMedia, "INSERT INTO media(post_id, kind, path, blob, sha256, width, height, duration, frame_count)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"},
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
    if (m_options.skipDuplicateText) {
        if (Status loaded = loadTextHashes(); !loaded.ok()) {
            m_storageError = loaded;
            m_failed = true;
            return;
        }
    }
    // During an import the WAL is checkpointed every 16384 pages (64 MiB) instead of every 1000: each
    // checkpoint syncs the database file, and with the default the commits of a large import spent
    // more time checkpointing than writing (1M posts: 11 s of 44). finish() restores the default.
    // A failure here only costs speed.
    (void)m_db.exec("PRAGMA wal_autocheckpoint = 16384");
    m_thread = std::thread([this] { writerLoop(); });
}

ImportWriter::~ImportWriter() { finish(); }

Status ImportWriter::loadTextHashes()
{
    // Read before the writer thread starts, on the same connection.
    auto select = m_db.prepare("SELECT text FROM posts WHERE dataset_id = ?");
    if (!select)
        return Error{"cannot read the dataset's posts: " + select.message()};
    select->bind(1, m_datasetId);
    while (select->step()) {
        const std::string text = select->text(0);
        if (!blank(text))
            m_textHashes.insert(normalisedTextHash(text));
    }
    if (select->failed())
        return Error{"cannot read the dataset's posts: " + select->lastError()};
    return {};
}

bool ImportWriter::repeatsText(const std::string &text)
{
    return !blank(text) && !m_textHashes.insert(normalisedTextHash(text)).second;
}

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
    if (m_options.skipDuplicateText && repeatsText(record.text)) {
        ++m_duplicates;
        return accepting();
    }
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

    // Labels of the stored posts, written kLabelsPerStatement at a time.
    struct PendingLabel {
        std::int64_t postId;
        const LabelRecord *label;
        const std::string *postSourceId;
    };
    std::vector<PendingLabel> labels;
    auto flushLabels = [&](bool all) -> Status {
        std::size_t done = 0;
        while (labels.size() - done >= kLabelsPerStatement || (all && done < labels.size())) {
            const std::size_t n = std::min(kLabelsPerStatement, labels.size() - done);
            auto insert = Statements::rows(m_db, s.insertLabels, kInsertLabelsSql, n);
            if (!insert)
                return Error{"cannot store labels: " + insert.message()};
            SqliteStatement &stmt = **insert;
            for (std::size_t i = 0; i < n; ++i) {
                const PendingLabel &l = labels[done + i];
                const int at = static_cast<int>(3 * i);
                stmt.bind(at + 1, l.postId).bind(at + 2, l.label->task).bind(at + 3, l.label->value);
            }
            if (!stmt.exec())
                return Error{"cannot store label of post '" + *labels[done].postSourceId + "': " + stmt.lastError()};
            done += n;
        }
        labels.erase(labels.begin(), labels.begin() + static_cast<std::ptrdiff_t>(done));
        return {};
    };

    std::vector<std::optional<std::int64_t>> authors;
    std::vector<std::string> extras;
    std::unordered_map<std::string, std::int64_t> storedIds; // source id -> new post id, per statement
    for (std::size_t first = 0; first < batch.posts.size(); first += kPostsPerStatement) {
        const std::size_t n = std::min(kPostsPerStatement, batch.posts.size() - first);
        authors.assign(n, std::nullopt);
        extras.assign(n, std::string());
        for (std::size_t i = 0; i < n; ++i) {
            const PostRecord &post = batch.posts[first + i];
            if (post.author.sourceId.empty())
                continue;
            auto id = userId(post.author.sourceId, pseudonymised ? post.author.sourceId.substr(0, 16) : std::string(),
                             post.author.name, jsonOrEmpty(post.author.extras));
            if (!id)
                return Error{"cannot store user '" + post.author.sourceId + "': " + id.message()};
            authors[i] = *id;
        }
        auto insert = Statements::rows(m_db, s.insertPosts, kInsertPostsSql, n);
        if (!insert)
            return Error{"cannot store posts: " + insert.message()};
        SqliteStatement &stmt = **insert;
        for (std::size_t i = 0; i < n; ++i) {
            const PostRecord &post = batch.posts[first + i];
            extras[i] = jsonOrEmpty(post.extras);
            const int at = static_cast<int>(kPostColumns * i);
            stmt.bind(at + 1, m_datasetId)
                .bind(at + 2, post.sourceId)
                .bind(at + 3, authors[i])
                .bind(at + 4, post.createdAt)
                .bind(at + 5, post.text)
                .bindTextOrNull(at + 6, post.language)
                .bindTextOrNull(at + 7, post.replyTo)
                .bindTextOrNull(at + 8, post.threadId)
                .bind(at + 9, post.likes)
                .bind(at + 10, post.shares)
                .bind(at + 11, post.replies)
                .bindTextOrNull(at + 12, post.clientApp)
                .bindTextOrNull(at + 13, extras[i]);
        }
        // RETURNING names the rows stored, in no promised order; a post whose source id is already in
        // the dataset (or earlier in this statement) is not among them.
        storedIds.clear();
        while (stmt.step())
            storedIds.emplace(stmt.text(1), stmt.int64(0));
        const bool failed = stmt.failed();
        const std::string error = stmt.lastError();
        stmt.reset();
        if (failed)
            return Error{"cannot store post '" + batch.posts[first].sourceId + "' or the " + std::to_string(n - 1) +
                         " after it: " + error};

        for (std::size_t i = 0; i < n; ++i) {
            const PostRecord &post = batch.posts[first + i];
            auto stored = storedIds.find(post.sourceId);
            if (stored == storedIds.end()) {
                ++duplicates;
                continue;
            }
            const std::int64_t postId = stored->second;
            storedIds.erase(stored); // a later post with the same source id is a duplicate
            ++imported;
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
            for (const LabelRecord &label : post.labels)
                labels.push_back({postId, &label, &post.sourceId});
        }
        if (Status status = flushLabels(false); !status.ok())
            return status;
    }
    if (Status status = flushLabels(true); !status.ok())
        return status;

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
    // Back to the default for this connection's later writers, and one checkpoint now (PASSIVE:
    // it never waits for readers, so a second Chorus reading the project does not stall the import).
    (void)m_db.exec("PRAGMA wal_autocheckpoint = 1000");
    (void)m_db.exec("PRAGMA wal_checkpoint(PASSIVE)");
    return m_storageError;
}

} // namespace chorus
