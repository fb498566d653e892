#include "core/store/sqlitedatabase.h"

#include "core/store/fulldiskvfs.h"
#include "core/util/faultinjection.h"

#include <sqlite3.h>

#include <utility>

namespace chorus {

SqliteDatabase::~SqliteDatabase() { close(); }

SqliteDatabase::SqliteDatabase(SqliteDatabase &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path))
{
}

SqliteDatabase &SqliteDatabase::operator=(SqliteDatabase &&other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

Status SqliteDatabase::open(const std::string &path, Mode mode)
{
    // Fault-injection tests make a whole process see a full disk (CHORUS_FAULT_DISK_FULL_AFTER).
    static const Status faultVfs = [] {
        if (auto allowed = FaultInjection::sqliteBytesAllowed())
            return FullDiskVfs::install(*allowed);
        return Status();
    }();
    if (!faultVfs.ok())
        return faultVfs.error();
    close();
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case Mode::ReadWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    case Mode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
    case Mode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
    }
    sqlite3 *db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close(db);
        return Error{"cannot open project '" + path + "': " + message};
    }
    m_db = db;
    m_path = path;
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 5000);
    return {};
}

void SqliteDatabase::close()
{
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

Status SqliteDatabase::exec(const std::string &sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string text = message ? message : "unknown SQLite error";
        sqlite3_free(message);
        return Error{text};
    }
    return {};
}

Result<SqliteStatement> SqliteDatabase::prepare(const std::string &sql)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v3(m_db, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                           nullptr) != SQLITE_OK)
        return Error{std::string("SQL error: ") + sqlite3_errmsg(m_db) + " in: " + sql};
    return SqliteStatement(m_db, stmt);
}

Result<std::int64_t> SqliteDatabase::queryInt(const std::string &sql, std::int64_t fallback)
{
    auto stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    if (stmt->step())
        return stmt->isNull(0) ? fallback : stmt->int64(0);
    if (stmt->failed())
        return Error{stmt->lastError()};
    return fallback;
}

Result<std::string> SqliteDatabase::queryText(const std::string &sql, const std::string &fallback)
{
    auto stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    if (stmt->step())
        return stmt->isNull(0) ? fallback : stmt->text(0);
    if (stmt->failed())
        return Error{stmt->lastError()};
    return fallback;
}

std::int64_t SqliteDatabase::lastInsertRowId() const { return sqlite3_last_insert_rowid(m_db); }
int SqliteDatabase::changes() const { return sqlite3_changes(m_db); }
int SqliteDatabase::lastErrorCode() const { return m_db ? sqlite3_extended_errcode(m_db) : SQLITE_MISUSE; }
bool SqliteDatabase::isReadOnly() const { return m_db && sqlite3_db_readonly(m_db, "main") == 1; }
std::string SqliteDatabase::lastErrorMessage() const { return m_db ? sqlite3_errmsg(m_db) : "database not open"; }

SqliteTransaction::SqliteTransaction(SqliteDatabase &db) : m_db(db)
{
    m_begun = m_db.exec("BEGIN IMMEDIATE");
    m_open = m_begun.ok();
}

SqliteTransaction::~SqliteTransaction()
{
    if (m_open)
        m_db.exec("ROLLBACK");
}

Status SqliteTransaction::commit()
{
    if (!m_open)
        return m_begun.ok() ? Status(Error{"transaction already finished"}) : m_begun;
    Status status = m_db.exec("COMMIT");
    if (status.ok())
        m_open = false;
    return status;
}

} // namespace chorus
