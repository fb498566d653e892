#include "core/training/runtransfer.h"

#include "core/store/project.h"
#include "core/store/sqlitedatabase.h"

#include <filesystem>
#include <optional>
#include <system_error>
#include <vector>

namespace chorus {

namespace fs = std::filesystem;

namespace {

struct DatasetFigures {
    std::int64_t id = 0;
    std::int64_t posts = 0;
    std::int64_t lowestPost = 0;
    std::int64_t highestPost = 0;
};

Result<std::optional<DatasetFigures>> datasetFigures(SqliteDatabase &db, const std::string &name)
{
    auto query = db.prepare("SELECT d.id, count(p.id), coalesce(min(p.id), 0), coalesce(max(p.id), 0) "
                            "FROM datasets d LEFT JOIN posts p ON p.dataset_id = d.id WHERE d.name = ?1 GROUP BY d.id");
    if (!query)
        return query.error();
    query->bind(1, name);
    if (!query->step())
        return query->failed() ? Result<std::optional<DatasetFigures>>(Error{query->lastError()})
                               : Result<std::optional<DatasetFigures>>(std::optional<DatasetFigures>());
    return std::optional<DatasetFigures>(DatasetFigures{query->int64(0), query->int64(1), query->int64(2), query->int64(3)});
}

// A path inside `directory`, as a path relative to it; nothing when it lies elsewhere.
std::optional<fs::path> inside(const fs::path &path, const fs::path &directory)
{
    std::error_code error;
    const fs::path relative = fs::relative(fs::weakly_canonical(path, error), fs::weakly_canonical(directory, error), error);
    if (error || relative.empty() || *relative.begin() == "..")
        return std::nullopt;
    return relative;
}

Status stepAll(SqliteStatement &statement, const std::string &what)
{
    if (!statement.exec())
        return Error{"cannot copy " + what + ": " + statement.lastError()};
    return {};
}

} // namespace

Result<ImportedRun> RunTransfer::importRun(Project &target, const std::string &sourcePath, std::int64_t sourceRun)
{
    std::error_code sameError;
    if (fs::equivalent(sourcePath, target.path(), sameError))
        return Error{sourcePath + " is this project: a run can only be brought in from another project file"};
    // Opening it as a project checks that it is one and brings an older schema up to date.
    auto source = Project::open(sourcePath, Project::OpenMode::OpenExisting);
    if (!source)
        return source.error();
    SqliteDatabase &from = (*source)->db();
    const std::string where = "run " + std::to_string(sourceRun) + " of " + sourcePath;

    auto run = from.prepare("SELECT r.name, r.model, d.name, r.config, r.status, r.device, r.message, r.best_metrics, "
                            "r.created_at, r.started_at, r.finished_at FROM runs r "
                            "LEFT JOIN datasets d ON d.id = r.dataset_id WHERE r.id = ?1");
    if (!run)
        return run.error();
    run->bind(1, sourceRun);
    if (!run->step())
        return Error{where + ": no such run"};
    const std::string status = run->text(4);
    if (status == "running" || status == "paused" || status == "created")
        return Error{where + " is " + status + ": bring it over once it has finished, stopped or failed"};
    if (run->isNull(2))
        return Error{where + ": its dataset was deleted there, so its posts cannot be matched with this project's"};
    const std::string dataset = run->text(2);

    auto theirs = datasetFigures(from, dataset);
    if (!theirs)
        return theirs.error();
    auto ours = datasetFigures(target.db(), dataset);
    if (!ours)
        return ours.error();
    if (!*ours)
        return Error{where + ": this project has no dataset '" + dataset +
                     "'; a run can only come back into the project its data was copied from"};
    if ((*ours)->posts != (**theirs).posts || (*ours)->lowestPost != (**theirs).lowestPost ||
        (*ours)->highestPost != (**theirs).highestPost)
        return Error{where + ": dataset '" + dataset + "' differs from this project's (" +
                     std::to_string((**theirs).posts) + " posts, ids " + std::to_string((**theirs).lowestPost) + "-" +
                     std::to_string((**theirs).highestPost) + " there; " + std::to_string((*ours)->posts) + " posts, ids " +
                     std::to_string((*ours)->lowestPost) + "-" + std::to_string((*ours)->highestPost) +
                     " here): the run's post ids would point at other posts"};

    struct CheckpointRow {
        std::int64_t step;
        std::string kind;
        std::string path;
        std::optional<double> metric;
        std::int64_t createdAt;
    };
    std::vector<CheckpointRow> checkpoints;
    {
        auto rows = from.prepare("SELECT step, kind, path, metric, created_at FROM checkpoints WHERE run_id = ?1 ORDER BY id");
        if (!rows)
            return rows.error();
        rows->bind(1, sourceRun);
        while (rows->step())
            checkpoints.push_back({rows->int64(0), rows->text(1), rows->text(2),
                                   rows->isNull(3) ? std::nullopt : std::optional<double>(rows->real(3)), rows->int64(4)});
        if (rows->failed())
            return Error{where + ": cannot read its checkpoints: " + rows->lastError()};
    }
    // The trainer keeps a run's files beside its project; a path recorded on another machine is
    // found there by its place inside the run's folder.
    const fs::path sourceDirectory = fs::path(sourcePath + ".runs") / ("run-" + std::to_string(sourceRun));
    std::vector<fs::path> sourceFiles;
    std::vector<fs::path> relativeFiles;
    for (const CheckpointRow &row : checkpoints) {
        fs::path file = row.path;
        std::optional<fs::path> relative = inside(file, sourceDirectory);
        if (!relative) {
            relative = fs::path(row.path).filename();
            file = sourceDirectory / *relative;
        }
        if (!fs::exists(file))
            return Error{where + ": its " + row.kind + " checkpoint (step " + std::to_string(row.step) + ") is missing: " +
                         file.string() + " (copy the project's .runs folder along with it)"};
        sourceFiles.push_back(file);
        relativeFiles.push_back(*relative);
    }

    SqliteDatabase &to = target.db();
    SqliteTransaction transaction(to);
    if (!transaction.begun().ok())
        return transaction.begun().error();
    auto insertRun = to.prepare("INSERT INTO runs(name, model, dataset_id, config, status, device, message, best_metrics, "
                                "created_at, started_at, finished_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    if (!insertRun)
        return insertRun.error();
    const std::string name = run->isNull(0) ? "run " + std::to_string(sourceRun) + " of " + fs::path(sourcePath).filename().string()
                                            : run->text(0);
    insertRun->bind(1, name).bind(2, run->text(1)).bind(3, (*ours)->id).bind(4, run->text(3)).bind(5, status);
    insertRun->bindTextOrNull(6, run->text(5)).bindTextOrNull(7, run->text(6)).bindTextOrNull(8, run->text(7));
    insertRun->bind(9, run->int64(8));
    if (run->isNull(9))
        insertRun->bindNull(10);
    else
        insertRun->bind(10, run->int64(9));
    if (run->isNull(10))
        insertRun->bindNull(11);
    else
        insertRun->bind(11, run->int64(10));
    if (Status s = stepAll(*insertRun, "the run"); !s.ok())
        return s.error();
    ImportedRun imported;
    imported.runId = to.lastInsertRowId();

    // Metrics and artifacts row by row through this connection: the source is another file.
    {
        auto read = from.prepare("SELECT step, epoch, split, name, value, recorded_at FROM metrics WHERE run_id = ?1");
        auto write = to.prepare("INSERT INTO metrics(run_id, step, epoch, split, name, value, recorded_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        if (!read || !write)
            return !read ? read.error() : write.error();
        read->bind(1, sourceRun);
        while (read->step()) {
            write->reset();
            write->bind(1, imported.runId).bind(2, read->int64(0));
            if (read->isNull(1))
                write->bindNull(3);
            else
                write->bind(3, read->real(1));
            write->bind(4, read->text(2)).bind(5, read->text(3)).bind(6, read->real(4)).bind(7, read->int64(5));
            if (Status s = stepAll(*write, "a metric"); !s.ok())
                return s.error();
            ++imported.metrics;
        }
        if (read->failed())
            return Error{where + ": cannot read its metrics: " + read->lastError()};
    }
    {
        auto read = from.prepare("SELECT kind, name, step, content_type, data, created_at FROM artifacts WHERE run_id = ?1 ORDER BY id");
        auto write = to.prepare("INSERT INTO artifacts(run_id, kind, name, step, content_type, data, created_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        if (!read || !write)
            return !read ? read.error() : write.error();
        read->bind(1, sourceRun);
        while (read->step()) {
            write->reset();
            write->bind(1, imported.runId).bind(2, read->text(0)).bind(3, read->text(1));
            if (read->isNull(2))
                write->bindNull(4);
            else
                write->bind(4, read->int64(2));
            write->bind(5, read->text(3));
            const std::string data = read->blob(4);
            write->bindBlob(6, data.data(), data.size()).bind(7, read->int64(5));
            if (Status s = stepAll(*write, "an artifact"); !s.ok())
                return s.error();
            ++imported.artifacts;
        }
        if (read->failed())
            return Error{where + ": cannot read its artifacts: " + read->lastError()};
    }

    const fs::path targetDirectory = fs::path(target.path() + ".runs") / ("run-" + std::to_string(imported.runId));
    imported.directory = targetDirectory.string();
    auto discardFiles = [&] {
        std::error_code ignored;
        fs::remove_all(targetDirectory, ignored);
    };
    auto insertCheckpoint =
        to.prepare("INSERT INTO checkpoints(run_id, step, kind, path, metric, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insertCheckpoint)
        return insertCheckpoint.error();
    for (std::size_t i = 0; i < checkpoints.size(); ++i) {
        const fs::path destination = targetDirectory / relativeFiles[i];
        std::error_code error;
        fs::create_directories(destination.parent_path(), error);
        if (!error)
            fs::copy_file(sourceFiles[i], destination, fs::copy_options::overwrite_existing, error);
        if (error) {
            discardFiles();
            return Error{"cannot copy " + sourceFiles[i].string() + " to " + destination.string() + ": " + error.message()};
        }
        insertCheckpoint->reset();
        insertCheckpoint->bind(1, imported.runId).bind(2, checkpoints[i].step).bind(3, checkpoints[i].kind);
        insertCheckpoint->bind(4, destination.string()).bind(5, checkpoints[i].metric).bind(6, checkpoints[i].createdAt);
        if (Status s = stepAll(*insertCheckpoint, "a checkpoint"); !s.ok()) {
            discardFiles();
            return s.error();
        }
        ++imported.checkpoints;
    }
    if (Status s = transaction.commit(); !s.ok()) {
        discardFiles();
        return Error{"cannot record the imported run: " + s.message()};
    }
    return imported;
}

} // namespace chorus
