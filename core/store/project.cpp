#include "core/store/project.h"

#include "core/store/schema.h"

#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

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

std::string folderOf(const std::string &path)
{
    const std::size_t slash = path.find_last_of('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? std::string("/") : path.substr(0, slash);
}

// Another connection holds the file (an exclusive lock, or a write that outlasted the busy timeout).
bool isLockedCode(int code)
{
    return (code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED;
}

Error lockedError(const std::string &path, const std::string &detail)
{
    return Error{"project '" + path + "' is locked by another program (" + detail +
                 "): another Chorus or a SQLite tool holds it exclusively. Close it there or let it finish, then "
                 "try again"};
}

Error readOnlyError(const std::string &path, const std::string &why)
{
    return Error{"project '" + path + "' is read-only (" + why +
                 "): Chorus records imports, labels and runs in it. Make it writable, or copy it to a folder you "
                 "can write to"};
}

// Why SQLite could not write the project: its own message, named after the cause where one is known.
Error setupError(SqliteDatabase &db, const std::string &path, const std::string &message)
{
    const int code = db.lastErrorCode();
    if (isLockedCode(code))
        return lockedError(path, message);
    if ((code & 0xff) == SQLITE_READONLY)
        return readOnlyError(path, message);
    return Error{"cannot set up project '" + path + "': " + message};
}

} // namespace

Result<std::unique_ptr<Project>> Project::open(const std::string &path, OpenMode mode)
{
    const bool exists = fileExists(path);
    if (mode == OpenMode::OpenExisting && !exists)
        return Error{"project '" + path + "' does not exist"};
    if (mode == OpenMode::CreateNew && exists)
        return Error{"project '" + path + "' already exists"};

    // SQLite would open an unwritable file read-only without a word, and fail later on the first
    // write; a project in a folder it cannot write to cannot keep its write-ahead log (-wal, -shm)
    // beside it. Both are said up front, naming the cause.
    // (AT_EACCESS: with the rights this process really has, its effective ids and capabilities.)
    const std::string folder = folderOf(path);
    if (exists && ::faccessat(AT_FDCWD, path.c_str(), W_OK, AT_EACCESS) != 0)
        return readOnlyError(path, std::strerror(errno));
    if (::faccessat(AT_FDCWD, folder.c_str(), W_OK, AT_EACCESS) != 0) {
        const std::string why = std::strerror(errno);
        if (!exists)
            return Error{"cannot create project '" + path + "': its folder '" + folder + "' is not writable (" + why + ")"};
        return Error{"cannot open project '" + path + "': its folder '" + folder + "' is not writable (" + why +
                     "), and Chorus keeps the project's write-ahead log beside it. Copy the project to a folder "
                     "you can write to"};
    }

    std::unique_ptr<Project> project(new Project());
    if (Status s = project->m_db.open(path, SqliteDatabase::Mode::ReadWriteCreate); !s.ok())
        return s.error();
    SqliteDatabase &db = project->m_db;
    if (db.isReadOnly())
        return readOnlyError(path, "SQLite could open it for reading only");
    // A file that is not SQLite fails here, on the first read, with SQLite's own words.
    auto check = db.queryInt("SELECT count(*) FROM sqlite_master");
    if (!check) {
        if (isLockedCode(db.lastErrorCode()))
            return lockedError(path, check.message());
        if ((db.lastErrorCode() & 0xff) == SQLITE_NOTADB)
            return Error{"'" + path + "' is not a Chorus project: " + check.message()};
        return Error{"cannot read project '" + path + "': " + check.message()};
    }
    auto appId = db.queryInt("PRAGMA application_id");
    if (appId && *appId != 0 && *appId != 0x43484f52)
        return Error{"'" + path + "' is a SQLite file of another application"};
    for (const char *pragma : {"PRAGMA journal_mode = WAL", "PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL",
                               "PRAGMA temp_store = MEMORY", "PRAGMA cache_size = -65536"}) {
        if (Status s = db.exec(pragma); !s.ok())
            return setupError(db, path, s.message());
    }
    // Writing the header takes the write lock: only when it is not set yet, so opening a project
    // another instance is writing to never waits for that writer.
    if (!appId || *appId == 0) {
        if (Status s = db.exec("PRAGMA application_id = 0x43484f52"); !s.ok())
            return setupError(db, path, s.message());
    }
    if (Status s = Schema::migrate(db); !s.ok()) {
        if (isLockedCode(db.lastErrorCode()))
            return lockedError(path, s.message());
        return s.error();
    }
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
