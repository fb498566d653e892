#pragma once

#include "core/import/importoptions.h"
#include "core/import/recordsink.h"
#include "core/util/result.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace chorus {

class SqliteDatabase;

struct ImportError {
    std::string file;
    std::uint64_t line = 0;
    std::string reason;
};

// Stores what sources read. Records are gathered into batches that a writer thread commits, one
// transaction each, while the caller goes on parsing: parsing and SQLite work overlap on two cores,
// and at most two batches wait, so memory stays constant. Posts already in the dataset (same source
// id) are counted as duplicates and left untouched, which makes a re-run after a crash or a cancel
// complete the import without storing anything twice.
class ImportWriter : public RecordSink {
public:
    // db must stay open and unused by others until finish() returns.
    ImportWriter(SqliteDatabase &db, std::int64_t datasetId, const ImportOptions &options, std::string secret);
    ~ImportWriter() override;

    // Returns false to stop reading (cancel).
    void setProgressHandler(std::function<bool(std::uint64_t bytesRead)> handler) { m_progress = std::move(handler); }
    void cancel() { m_cancelled = true; }

    bool post(PostRecord &&record) override;
    bool interaction(InteractionRecord &&record) override;
    bool item(ItemRecord &&record) override;
    bool reject(const std::string &file, std::uint64_t line, const std::string &reason) override;
    bool progress(std::uint64_t bytesRead) override;

    // Commits what is pending and stops the writer thread; the first storage error, if any.
    Status finish();

    std::int64_t imported() const { return m_imported; }
    std::int64_t duplicates() const { return m_duplicates; }
    std::int64_t rejected() const { return m_rejected; }
    std::uint64_t rowsSeen() const { return m_rowsSeen; }
    bool cancelled() const { return m_cancelled; }
    const std::vector<ImportError> &errors() const { return m_errors; }

private:
    struct Batch {
        std::vector<PostRecord> posts;
        std::vector<InteractionRecord> interactions;
        std::vector<ItemRecord> items;
        std::vector<ImportError> rejects;
        std::size_t size() const { return posts.size() + interactions.size() + items.size() + rejects.size(); }
    };
    class Statements;

    bool accepting() const { return !m_cancelled && !m_failed; }
    bool submitIfFull();
    void submit();
    void writerLoop();
    Status writeBatch(Batch &batch);
    Result<std::int64_t> userId(const std::string &sourceId, const std::string &pseudonym, const std::string &name,
                                const std::string &extras);

    SqliteDatabase &m_db;
    std::int64_t m_datasetId;
    ImportOptions m_options;
    std::string m_secret;
    std::function<bool(std::uint64_t)> m_progress;
    std::unique_ptr<Statements> m_statements;

    Batch m_current;
    std::deque<Batch> m_queue;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_stopping = false;
    std::thread m_thread;
    Status m_storageError; // set by the writer thread, read after join or under m_mutex

    // With ImportOptions::skipDuplicateText: hashes of the normalised texts seen (the dataset's and
    // this import's). A 64-bit hash: two different texts collide with odds of about n^2 / 2^65.
    Status loadTextHashes();
    bool repeatsText(const std::string &text);
    std::unordered_set<std::uint64_t> m_textHashes;

    // The user-id cache is bounded so a dump with millions of authors cannot grow memory without limit.
    std::unordered_map<std::string, std::int64_t> m_userIds;

    std::atomic<bool> m_cancelled{false};
    std::atomic<bool> m_failed{false};
    std::atomic<std::int64_t> m_imported{0};
    std::atomic<std::int64_t> m_duplicates{0};
    std::int64_t m_rejected = 0;
    std::uint64_t m_rowsSeen = 0;
    std::vector<ImportError> m_errors;
    bool m_finished = false;
};

} // namespace chorus
