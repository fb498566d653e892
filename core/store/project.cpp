#include "core/store/project.h"

#include "core/store/schema.h"

#include <fstream>
#include <random>
#include <sys/stat.h>

namespace chorus {
namespace {

bool fileExists(const std::string &path)
{
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

std::string randomHex(std::size_t bytes)
{
    std::string out;
    std::ifstream urandom("/dev/urandom", std::ios::binary);
    std::random_device fallback;
    static const char digits[] = "0123456789abcdef";
    for (std::size_t i = 0; i < bytes; ++i) {
        unsigned char byte = 0;
        if (!urandom.read(reinterpret_cast<char *>(&byte), 1))
            byte = static_cast<unsigned char>(fallback());
        out.push_back(digits[byte >> 4]);
        out.push_back(digits[byte & 15]);
    }
    return out;
}

} // namespace

Result<std::unique_ptr<Project>> Project::open(const std::string &path, OpenMode mode)
{
    const bool exists = fileExists(path);
    if (mode == OpenMode::OpenExisting && !exists)
        return Error{"project '" + path + "' does not exist"};
    if (mode == OpenMode::CreateNew && exists)
        return Error{"project '" + path + "' already exists"};

    std::unique_ptr<Project> project(new Project());
    if (Status s = project->m_db.open(path, SqliteDatabase::Mode::ReadWriteCreate); !s.ok())
        return s.error();
    SqliteDatabase &db = project->m_db;
    // A file that is not SQLite fails here, on the first read, with SQLite's own words.
    if (auto check = db.queryInt("SELECT count(*) FROM sqlite_master"); !check)
        return Error{"'" + path + "' is not a Chorus project: " + check.message()};
    if (auto appId = db.queryInt("PRAGMA application_id"); appId && *appId != 0 && *appId != 0x43484f52)
        return Error{"'" + path + "' is a SQLite file of another application"};
    for (const char *pragma : {"PRAGMA journal_mode = WAL", "PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL",
                               "PRAGMA temp_store = MEMORY", "PRAGMA cache_size = -65536",
                               "PRAGMA application_id = 0x43484f52"}) {
        if (Status s = db.exec(pragma); !s.ok())
            return Error{"cannot set up project '" + path + "': " + s.message()};
    }
    if (Status s = Schema::migrate(db); !s.ok())
        return s.error();
    return project;
}

Result<std::int64_t> Project::ensureDataset(const std::string &name, const std::string &kind)
{
    if (name.empty())
        return Error{"dataset name must not be empty"};
    if (auto id = datasetId(name))
        return *id;
    auto insert = m_db.prepare("INSERT INTO datasets(name, kind) VALUES (?, ?)");
    if (!insert)
        return insert.error();
    insert->bind(1, name).bind(2, kind);
    if (!insert->exec())
        return Error{"cannot create dataset '" + name + "': " + insert->lastError()};
    return m_db.lastInsertRowId();
}

std::optional<std::int64_t> Project::datasetId(const std::string &name)
{
    auto select = m_db.prepare("SELECT id FROM datasets WHERE name = ?");
    if (!select)
        return std::nullopt;
    select->bind(1, name);
    if (select->step())
        return select->int64(0);
    return std::nullopt;
}

Result<std::vector<DatasetInfo>> Project::datasets()
{
    auto select = m_db.prepare(
        "SELECT d.id, d.name, d.kind, (SELECT count(*) FROM posts p WHERE p.dataset_id = d.id),"
        " (SELECT count(*) FROM interactions i WHERE i.dataset_id = d.id) FROM datasets d ORDER BY d.id");
    if (!select)
        return select.error();
    std::vector<DatasetInfo> out;
    while (select->step())
        out.push_back({select->int64(0), select->text(1), select->text(2), select->int64(3), select->int64(4)});
    if (select->failed())
        return Error{select->lastError()};
    return out;
}

Result<ProjectSummary> Project::summary()
{
    ProjectSummary s;
    auto version = Schema::version(m_db);
    if (!version)
        return version.error();
    s.schemaVersion = *version;
    struct Count {
        std::int64_t *target;
        const char *sql;
    };
    const Count counts[] = {
        {&s.datasets, "SELECT count(*) FROM datasets"},   {&s.posts, "SELECT count(*) FROM posts"},
        {&s.users, "SELECT count(*) FROM users"},         {&s.media, "SELECT count(*) FROM media"},
        {&s.labels, "SELECT count(*) FROM labels"},       {&s.interactions, "SELECT count(*) FROM interactions"},
        {&s.splits, "SELECT count(*) FROM splits"},       {&s.importErrors, "SELECT count(*) FROM import_log"},
        {&s.runs, "SELECT count(*) FROM runs"},
    };
    for (const Count &c : counts) {
        auto value = m_db.queryInt(c.sql);
        if (!value)
            return value.error();
        *c.target = *value;
    }
    return s;
}

Result<std::vector<SearchHit>> Project::search(const std::string &query, int limit, std::int64_t datasetId)
{
    auto select = m_db.prepare(
        "SELECT p.id, d.name, p.text FROM posts_fts f JOIN posts p ON p.id = f.rowid"
        " JOIN datasets d ON d.id = p.dataset_id"
        " WHERE posts_fts MATCH ?1 AND (?2 = 0 OR p.dataset_id = ?2) ORDER BY f.rank LIMIT ?3");
    if (!select)
        return select.error();
    select->bind(1, query).bind(2, datasetId).bind(3, limit);
    std::vector<SearchHit> hits;
    while (select->step())
        hits.push_back({select->int64(0), select->text(1), select->text(2)});
    if (select->failed())
        return Error{"search '" + query + "' failed: " + select->lastError()};
    return hits;
}

Result<std::string> Project::meta(const std::string &key)
{
    auto select = m_db.prepare("SELECT value FROM meta WHERE key = ?");
    if (!select)
        return select.error();
    select->bind(1, key);
    if (select->step())
        return select->text(0);
    if (select->failed())
        return Error{select->lastError()};
    return std::string();
}

Status Project::setMeta(const std::string &key, const std::string &value)
{
    auto upsert = m_db.prepare("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!upsert)
        return upsert.error();
    upsert->bind(1, key).bind(2, value);
    if (!upsert->exec())
        return Error{upsert->lastError()};
    return {};
}

Result<std::string> Project::secret()
{
    auto existing = meta("privacy_secret");
    if (!existing)
        return existing;
    if (!existing->empty())
        return existing;
    std::string fresh = randomHex(32);
    if (Status s = setMeta("privacy_secret", fresh); !s.ok())
        return s.error();
    return fresh;
}

} // namespace chorus
