#include "core/store/schema.h"

#include "core/store/sqlitedatabase.h"

#include <string>
#include <vector>

namespace chorus {
namespace {

// Never edit a released migration: add a new one. Tests migrate from every older version.
const std::vector<const char *> &migrations()
{
    static const std::vector<const char *> steps = {
        // 1: the data model.
        R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE datasets(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL DEFAULT 'posts',
    description TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL DEFAULT (unixepoch()));
CREATE TABLE users(
    id INTEGER PRIMARY KEY,
    source_id TEXT NOT NULL UNIQUE,
    pseudonym TEXT,
    name TEXT,
    extras TEXT);
CREATE TABLE posts(
    id INTEGER PRIMARY KEY,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    source_id TEXT NOT NULL,
    author_id INTEGER REFERENCES users(id),
    created_at INTEGER,
    text TEXT NOT NULL DEFAULT '',
    language TEXT,
    reply_to TEXT,
    thread_id TEXT,
    likes INTEGER,
    shares INTEGER,
    replies INTEGER,
    client_app TEXT,
    extras TEXT,
    UNIQUE(dataset_id, source_id));
CREATE INDEX posts_author ON posts(author_id);
CREATE INDEX posts_time ON posts(dataset_id, created_at);
CREATE INDEX posts_reply ON posts(dataset_id, reply_to);
CREATE TABLE media(
    id INTEGER PRIMARY KEY,
    post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('image', 'video')),
    path TEXT,
    blob BLOB,
    sha256 TEXT,
    width INTEGER,
    height INTEGER,
    duration REAL,
    frame_count INTEGER);
CREATE INDEX media_post ON media(post_id);
CREATE TABLE labels(
    post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    task TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (post_id, task)) WITHOUT ROWID;
CREATE INDEX labels_task ON labels(task, value);
CREATE TABLE items(
    id INTEGER PRIMARY KEY,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    source_id TEXT NOT NULL,
    title TEXT,
    extras TEXT,
    UNIQUE(dataset_id, source_id));
CREATE TABLE interactions(
    id INTEGER PRIMARY KEY,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id),
    item TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'rating',
    weight REAL NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL DEFAULT 0,
    UNIQUE(dataset_id, user_id, item, kind, created_at));
CREATE INDEX interactions_item ON interactions(dataset_id, item);
CREATE TABLE splits(
    id INTEGER PRIMARY KEY,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    method TEXT NOT NULL,
    params TEXT NOT NULL,
    created_at INTEGER NOT NULL DEFAULT (unixepoch()));
CREATE TABLE split_assignments(
    split_id INTEGER NOT NULL REFERENCES splits(id) ON DELETE CASCADE,
    post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    part TEXT NOT NULL CHECK (part IN ('train', 'valid', 'test')),
    PRIMARY KEY (split_id, post_id)) WITHOUT ROWID;
CREATE TABLE import_log(
    id INTEGER PRIMARY KEY,
    dataset_id INTEGER REFERENCES datasets(id) ON DELETE CASCADE,
    file TEXT NOT NULL,
    line INTEGER NOT NULL,
    reason TEXT NOT NULL,
    logged_at INTEGER NOT NULL DEFAULT (unixepoch()),
    UNIQUE(dataset_id, file, line, reason));
)sql",
        // 2: full-text search over post text, kept in step with posts by triggers.
        R"sql(
CREATE VIRTUAL TABLE posts_fts USING fts5(text, content='posts', content_rowid='id',
                                          tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER posts_fts_insert AFTER INSERT ON posts BEGIN
    INSERT INTO posts_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER posts_fts_delete AFTER DELETE ON posts BEGIN
    INSERT INTO posts_fts(posts_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER posts_fts_update AFTER UPDATE OF text ON posts BEGIN
    INSERT INTO posts_fts(posts_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO posts_fts(rowid, text) VALUES (new.id, new.text);
END;
INSERT INTO posts_fts(posts_fts) VALUES ('rebuild');
)sql",
        // 3: training runs and what they leave behind.
        R"sql(
CREATE TABLE runs(
    id INTEGER PRIMARY KEY,
    name TEXT,
    model TEXT NOT NULL,
    dataset_id INTEGER REFERENCES datasets(id) ON DELETE SET NULL,
    config TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'created'
        CHECK (status IN ('created', 'running', 'paused', 'finished', 'failed', 'stopped')),
    device TEXT,
    message TEXT,
    best_metrics TEXT,
    created_at INTEGER NOT NULL DEFAULT (unixepoch()),
    started_at INTEGER,
    finished_at INTEGER);
CREATE TABLE metrics(
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    step INTEGER NOT NULL,
    epoch REAL,
    split TEXT NOT NULL,
    name TEXT NOT NULL,
    value REAL NOT NULL,
    recorded_at INTEGER NOT NULL DEFAULT (unixepoch()));
CREATE INDEX metrics_run ON metrics(run_id, name, step);
CREATE TABLE checkpoints(
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    step INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('latest', 'best', 'periodic')),
    path TEXT NOT NULL,
    metric REAL,
    created_at INTEGER NOT NULL DEFAULT (unixepoch()));
CREATE TABLE artifacts(
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    step INTEGER,
    content_type TEXT NOT NULL DEFAULT 'application/json',
    data BLOB,
    created_at INTEGER NOT NULL DEFAULT (unixepoch()));
CREATE INDEX artifacts_run ON artifacts(run_id, kind);
)sql",
        // 4: bulk imports index text per batch instead of per row. FTS5 flushes its pending terms at
        // every statement savepoint, so a trigger firing per inserted row writes one tiny segment
        // per post (measured: ~6x slower). The flag row exists only inside an import's own
        // transaction, so every other writer still gets the trigger and a crash cannot leave it set.
        R"sql(
DROP TRIGGER posts_fts_insert;
CREATE TRIGGER posts_fts_insert AFTER INSERT ON posts
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'fts_deferred') BEGIN
    INSERT INTO posts_fts(rowid, text) VALUES (new.id, new.text);
END;
)sql",
        // 5: analyses (trends, opinion, user profiles, topic runs) kept with their parameters and
        // result as JSON, so a view can show one again without recomputing it (AnalysisStore).
        // AUTOINCREMENT: an id names one result for good, never a later one after a delete.
        R"sql(
CREATE TABLE analyses(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    dataset_id INTEGER REFERENCES datasets(id) ON DELETE CASCADE,
    params TEXT NOT NULL DEFAULT '{}',
    result TEXT NOT NULL,
    created_at INTEGER NOT NULL DEFAULT (unixepoch()));
CREATE INDEX analyses_kind ON analyses(kind, dataset_id, id);
)sql",
    };
    return steps;
}

} // namespace

int Schema::latestVersion() { return static_cast<int>(migrations().size()); }

Result<int> Schema::version(SqliteDatabase &db)
{
    auto v = db.queryInt("PRAGMA user_version");
    if (!v)
        return v.error();
    return static_cast<int>(*v);
}

Status Schema::migrate(SqliteDatabase &db, int target)
{
    if (target < 0)
        target = latestVersion();
    auto current = version(db);
    if (!current)
        return current.error();
    if (*current > latestVersion())
        return Error{"project '" + db.path() + "' has schema version " + std::to_string(*current) +
                     ", newer than this Chorus knows (" + std::to_string(latestVersion()) +
                     "); open it with a newer Chorus"};
    for (int v = *current + 1; v <= target; ++v) {
        SqliteTransaction tx(db);
        if (!tx.begun().ok())
            return tx.begun();
        if (Status s = db.exec(migrations()[static_cast<std::size_t>(v - 1)]); !s.ok())
            return Error{"migration to schema version " + std::to_string(v) + " failed: " + s.message()};
        if (Status s = db.exec("PRAGMA user_version = " + std::to_string(v)); !s.ok())
            return s;
        if (Status s = tx.commit(); !s.ok())
            return s;
    }
    return {};
}

} // namespace chorus
