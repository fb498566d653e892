#include "core/import/importjob.h"

#include "core/import/recordsource.h"
#include "core/store/project.h"

#include <chrono>
#include <exception>
#include <memory>

#include <sys/stat.h>

namespace chorus {
namespace {

std::uint64_t fileSize(const std::string &path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || S_ISDIR(st.st_mode))
        return 0;
    return static_cast<std::uint64_t>(st.st_size);
}

} // namespace

ImportJob::ImportJob(Project &project, ImportOptions options) : m_project(project), m_options(std::move(options))
{
    for (const LabelSpec &label : m_options.labels)
        m_options.mapping.labels.push_back(label);
}

Result<ImportReport> ImportJob::run(const std::vector<std::string> &files, const ImportProgressCallback &progress)
{
    try {
        if (files.empty())
            return Error{"no input files given"};
        if (m_options.dataset.empty())
            return Error{"no dataset name given"};
        std::unique_ptr<RecordSource> source = makeRecordSource(m_options.format);
        if (!source)
            return Error{"unknown import format '" + m_options.format + "'"};
        // Every file must at least exist before anything is stored.
        for (const std::string &file : files) {
            struct stat st {};
            if (::stat(file.c_str(), &st) != 0)
                return Error{"cannot open '" + file + "': no such file or folder"};
        }

        const std::string kind = m_options.format == "interactions" ? "interactions" : "posts";
        auto datasetId = m_project.ensureDataset(m_options.dataset, kind);
        if (!datasetId)
            return datasetId.error();
        std::string secret;
        if (m_options.privacy.pseudonymizeUsers) {
            auto s = m_project.secret();
            if (!s)
                return s.error();
            secret = *s;
        }

        ImportProgress state;
        state.fileCount = files.size();
        for (const std::string &file : files)
            state.totalBytes += fileSize(file);

        ImportWriter writer(m_project.db(), *datasetId, m_options, secret);
        const auto start = std::chrono::steady_clock::now();
        std::uint64_t bytesBefore = 0;
        auto lastReport = start - std::chrono::seconds(1);
        writer.setProgressHandler([&](std::uint64_t bytesRead) {
            if (m_cancelRequested)
                return false;
            const auto now = std::chrono::steady_clock::now();
            // Reporting costs little, but callers redraw on it: at most ~10 times per second.
            if (now - lastReport < std::chrono::milliseconds(100))
                return true;
            lastReport = now;
            state.bytes = bytesBefore + bytesRead;
            state.rows = writer.rowsSeen();
            state.elapsedSeconds = std::chrono::duration<double>(now - start).count();
            state.rowsPerSecond = state.elapsedSeconds > 0 ? state.rows / state.elapsedSeconds : 0;
            return !progress || progress(state);
        });

        Status failure;
        for (std::size_t i = 0; i < files.size() && !writer.cancelled(); ++i) {
            state.file = files[i];
            state.fileIndex = i;
            Status status = source->read(files[i], m_options, writer);
            if (!status.ok()) {
                failure = status;
                break;
            }
            bytesBefore += fileSize(files[i]);
        }
        Status stored = writer.finish();

        ImportReport report;
        report.dataset = m_options.dataset;
        report.imported = writer.imported();
        report.duplicates = writer.duplicates();
        report.rejected = writer.rejected();
        report.errors = writer.errors();
        report.cancelled = writer.cancelled();
        report.bytes = state.totalBytes;
        report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!stored.ok())
            return Error{stored.message() + " (" + std::to_string(report.imported) +
                         " rows were stored before the failure and are kept)"};
        if (!failure.ok())
            return failure.error();
        if (progress) {
            state.bytes = state.totalBytes;
            state.rows = writer.rowsSeen();
            state.elapsedSeconds = report.seconds;
            state.rowsPerSecond = report.seconds > 0 ? state.rows / report.seconds : 0;
            progress(state);
        }
        return report;
    } catch (const std::exception &e) {
        return Error{std::string("import failed: ") + e.what()};
    }
}

} // namespace chorus
