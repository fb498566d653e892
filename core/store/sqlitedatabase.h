#pragma once

#include "core/store/sqlitestatement.h"
#include "core/util/result.h"

#include <cstdint>
#include <string>

struct sqlite3;

namespace chorus {

// One SQLite connection. Not shared between threads: each thread opens its own.
class SqliteDatabase {
public:
    enum class Mode { ReadWriteCreate, ReadWrite, ReadOnly };

    SqliteDatabase() = default;
    ~SqliteDatabase();
    SqliteDatabase(SqliteDatabase &&other) noexcept;
    SqliteDatabase &operator=(SqliteDatabase &&other) noexcept;
    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    Status open(const std::string &path, Mode mode = Mode::ReadWriteCreate);
    void close();
    bool isOpen() const { return m_db != nullptr; }
    const std::string &path() const { return m_path; }
    sqlite3 *handle() const { return m_db; }

    // Runs one or more statements that take no parameters (schema, pragmas, BEGIN/COMMIT).
    Status exec(const std::string &sql);
    Result<SqliteStatement> prepare(const std::string &sql);

    // Convenience for single-value queries; returns fallback when the query yields no row.
    Result<std::int64_t> queryInt(const std::string &sql, std::int64_t fallback = 0);
    Result<std::string> queryText(const std::string &sql, const std::string &fallback = {});

    std::int64_t lastInsertRowId() const;
    int changes() const;
    std::string lastErrorMessage() const;
    // SQLite's extended result code of the last failed call (SQLITE_BUSY, SQLITE_READONLY, ...).
    int lastErrorCode() const;
    // True when SQLite could only open the file for reading (its permissions, a read-only mount).
    bool isReadOnly() const;

private:
    sqlite3 *m_db = nullptr;
    std::string m_path;
};

// Commits on commit(), rolls back in the destructor otherwise.
class SqliteTransaction {
public:
    explicit SqliteTransaction(SqliteDatabase &db);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction &) = delete;
    SqliteTransaction &operator=(const SqliteTransaction &) = delete;

    const Status &begun() const { return m_begun; }
    Status commit();

private:
    SqliteDatabase &m_db;
    Status m_begun;
    bool m_open = false;
};

} // namespace chorus
