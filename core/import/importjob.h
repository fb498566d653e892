#pragma once

#include "core/import/importoptions.h"
#include "core/import/importwriter.h"
#include "core/util/result.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace chorus {

class Project;

struct ImportProgress {
    std::string file;
    std::size_t fileIndex = 0;
    std::size_t fileCount = 0;
    std::uint64_t rows = 0;        // rows seen so far, stored or rejected
    std::uint64_t bytes = 0;       // bytes consumed over all files
    std::uint64_t totalBytes = 0;  // sum of the input sizes on disk (folders count as 0)
    double elapsedSeconds = 0;
    double rowsPerSecond = 0;
};

// Return false to cancel; what was read before the cancel is kept.
using ImportProgressCallback = std::function<bool(const ImportProgress &)>;

struct ImportReport {
    std::string dataset;
    std::int64_t imported = 0;
    std::int64_t duplicates = 0;
    std::int64_t rejected = 0;
    std::vector<ImportError> errors; // the first ImportOptions::maxReportedErrors; all are in import_log
    bool cancelled = false;
    double seconds = 0;
    std::uint64_t bytes = 0;
};

// Runs an import: params in, report out, progress and cancel on the way (the torrent-creator shape).
// Nothing thrown escapes run().
class ImportJob {
public:
    ImportJob(Project &project, ImportOptions options);

    // Fails (without storing anything of that file) when a file cannot be used at all: missing,
    // unreadable, unknown format. Rejected rows are not failures: they are in the report.
    Result<ImportReport> run(const std::vector<std::string> &files, const ImportProgressCallback &progress = {});
    // Safe from any thread.
    void cancel() { m_cancelRequested = true; }

private:
    Project &m_project;
    ImportOptions m_options;
    std::atomic<bool> m_cancelRequested{false};
};

} // namespace chorus
