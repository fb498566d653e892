#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace chorus {

// A prepared statement (RAII). Binding indexes are 1-based, column indexes 0-based, as in SQLite.
class SqliteStatement {
public:
    SqliteStatement() = default;
    SqliteStatement(sqlite3 *db, sqlite3_stmt *stmt) : m_db(db), m_stmt(stmt) {}
    ~SqliteStatement();
    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement &operator=(SqliteStatement &&other) noexcept;
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool valid() const { return m_stmt != nullptr; }

    SqliteStatement &bind(int index, std::int64_t value);
    SqliteStatement &bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    SqliteStatement &bind(int index, double value);
    SqliteStatement &bind(int index, std::string_view text);
    SqliteStatement &bind(int index, const char *text) { return bind(index, std::string_view(text)); }
    SqliteStatement &bind(int index, const std::string &text) { return bind(index, std::string_view(text)); }
    SqliteStatement &bindBlob(int index, const void *data, std::size_t size);
    SqliteStatement &bindNull(int index);
    template <typename T>
    SqliteStatement &bind(int index, const std::optional<T> &value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }
    // Binds NULL for an empty string: optional text columns stay NULL rather than ''.
    SqliteStatement &bindTextOrNull(int index, std::string_view text);

    // Advances: true when a row is available, false when done. On error returns false and
    // sets lastError(); check failed().
    bool step();
    // Runs a statement that returns no rows; false on error (see lastError()).
    bool exec();
    void reset();

    bool failed() const { return !m_error.empty(); }
    const std::string &lastError() const { return m_error; }

    int columnCount() const;
    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::string_view textView(int column) const;
    std::string blob(int column) const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    std::string m_error;
};

} // namespace chorus
