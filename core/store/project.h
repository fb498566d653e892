#pragma once

#include "core/store/sqlitedatabase.h"
#include "core/util/result.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace chorus {

struct DatasetInfo {
    std::int64_t id = 0;
    std::string name;
    std::string kind;
    std::int64_t posts = 0;
    std::int64_t interactions = 0;
};

struct ProjectSummary {
    int schemaVersion = 0;
    std::int64_t datasets = 0;
    std::int64_t posts = 0;
    std::int64_t users = 0;
    std::int64_t media = 0;
    std::int64_t labels = 0;
    std::int64_t interactions = 0;
    std::int64_t splits = 0;
    std::int64_t importErrors = 0;
    std::int64_t runs = 0;
};

struct SearchHit {
    std::int64_t postId = 0;
    std::string datasetName;
    std::string text;
};

// A project file (*.chorus): one SQLite database, opened with WAL and foreign keys on and migrated
// to the latest schema. One Project per thread; open a second one for another thread.
class Project {
public:
    enum class OpenMode { OpenOrCreate, OpenExisting, CreateNew };

    static Result<std::unique_ptr<Project>> open(const std::string &path, OpenMode mode = OpenMode::OpenOrCreate);

    SqliteDatabase &db() { return m_db; }
    const std::string &path() const { return m_db.path(); }

    Result<std::int64_t> ensureDataset(const std::string &name, const std::string &kind = "posts");
    std::optional<std::int64_t> datasetId(const std::string &name);
    Result<std::vector<DatasetInfo>> datasets();
    Result<ProjectSummary> summary();

    // Full-text search (FTS5 syntax; plain words are ANDed). datasetId 0 searches every dataset.
    Result<std::vector<SearchHit>> search(const std::string &query, int limit = 50, std::int64_t datasetId = 0);

    // The per-project secret that keys pseudonyms; created on first use and never leaves the file.
    Result<std::string> secret();

    Result<std::string> meta(const std::string &key);
    Status setMeta(const std::string &key, const std::string &value);

private:
    Project() = default;
    SqliteDatabase m_db;
};

} // namespace chorus
