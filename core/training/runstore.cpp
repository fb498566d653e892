#include "core/training/runstore.h"

#include "core/store/project.h"

#include <filesystem>
#include <system_error>

namespace chorus {
namespace {

Status execOrError(SqliteStatement &statement, const char *what)
{
    if (!statement.exec())
        return Error{std::string("cannot record ") + what + ": " + statement.lastError()};
    return {};
}

RunSummary readSummary(SqliteStatement &s)
{
    RunSummary r;
    r.id = s.int64(0);
    r.name = s.text(1);
    r.model = s.text(2);
    r.dataset = s.text(3);
    r.status = s.text(4);
    r.device = s.text(5);
    r.message = s.text(6);
    r.config = nlohmann::json::parse(s.text(7), nullptr, false);
    if (!s.isNull(8))
        r.bestMetrics = nlohmann::json::parse(s.text(8), nullptr, false);
    r.createdAt = s.int64(9);
    r.finishedAt = s.isNull(10) ? 0 : s.int64(10);
    return r;
}

const char *kSummaryColumns = "r.id, coalesce(r.name, ''), r.model, coalesce(d.name, ''), r.status, coalesce(r.device, ''),"
                              " coalesce(r.message, ''), r.config, r.best_metrics, r.created_at, r.finished_at"
                              " FROM runs r LEFT JOIN datasets d ON d.id = r.dataset_id";

} // namespace

Result<std::int64_t> RunStore::create(const std::string &model, const std::string &dataset, const nlohmann::json &config,
                                      const std::string &device)
{
    auto insert = m_project.db().prepare(
        "INSERT INTO runs(model, dataset_id, config, status, device, started_at)"
        " VALUES (?, (SELECT id FROM datasets WHERE name = ?), ?, 'running', ?, unixepoch())");
    if (!insert)
        return insert.error();
    insert->bind(1, model).bind(2, dataset).bind(3, config.dump()).bind(4, device);
    if (Status s = execOrError(*insert, "the run"); !s.ok())
        return s.error();
    return m_project.db().lastInsertRowId();
}

Status RunStore::setStatus(std::int64_t run, const std::string &status, const std::string &message)
{
    const bool final = status == "finished" || status == "failed" || status == "stopped";
    auto update = m_project.db().prepare(
        "UPDATE runs SET status = ?2, message = coalesce(nullif(?3, ''), message),"
        " finished_at = CASE WHEN ?4 THEN unixepoch() ELSE finished_at END WHERE id = ?1");
    if (!update)
        return update.error();
    update->bind(1, run).bind(2, status).bind(3, message).bind(4, final ? 1 : 0);
    return execOrError(*update, "the run status");
}

Status RunStore::addMetrics(std::int64_t run, std::int64_t step, double epoch, const std::string &split,
                            const std::vector<std::pair<std::string, double>> &values)
{
    SqliteTransaction tx(m_project.db());
    if (!tx.begun().ok())
        return tx.begun();
    auto insert = m_project.db().prepare(
        "INSERT INTO metrics(run_id, step, epoch, split, name, value) VALUES (?, ?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    for (const auto &[name, value] : values) {
        insert->bind(1, run).bind(2, step).bind(3, epoch).bind(4, split).bind(5, name).bind(6, value);
        if (Status s = execOrError(*insert, "metrics"); !s.ok())
            return s;
    }
    return tx.commit();
}

Status RunStore::setBestMetrics(std::int64_t run, const nlohmann::json &metrics)
{
    auto update = m_project.db().prepare("UPDATE runs SET best_metrics = ? WHERE id = ?");
    if (!update)
        return update.error();
    update->bind(1, metrics.dump()).bind(2, run);
    return execOrError(*update, "the best metrics");
}

Status RunStore::addCheckpoint(std::int64_t run, std::int64_t step, const std::string &kind, const std::string &path,
                               std::optional<double> metric)
{
    SqliteTransaction tx(m_project.db());
    if (!tx.begun().ok())
        return tx.begun();
    // One row per kind of 'latest' and 'best': the file behind it is replaced atomically.
    if (kind != "periodic") {
        auto remove = m_project.db().prepare("DELETE FROM checkpoints WHERE run_id = ? AND kind = ?");
        if (!remove)
            return remove.error();
        remove->bind(1, run).bind(2, kind);
        if (Status s = execOrError(*remove, "the checkpoint"); !s.ok())
            return s;
    }
    auto insert = m_project.db().prepare("INSERT INTO checkpoints(run_id, step, kind, path, metric) VALUES (?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    insert->bind(1, run).bind(2, step).bind(3, kind).bind(4, path).bind(5, metric);
    if (Status s = execOrError(*insert, "the checkpoint"); !s.ok())
        return s;
    return tx.commit();
}

Status RunStore::addArtifact(std::int64_t run, const std::string &kind, const std::string &name, std::int64_t step,
                             const std::string &contentType, const std::string &data)
{
    auto insert = m_project.db().prepare(
        "INSERT INTO artifacts(run_id, kind, name, step, content_type, data) VALUES (?, ?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    insert->bind(1, run).bind(2, kind).bind(3, name).bind(4, step).bind(5, contentType).bindBlob(6, data.data(), data.size());
    return execOrError(*insert, "the artifact");
}

Result<std::vector<RunSummary>> RunStore::list()
{
    auto select = m_project.db().prepare(std::string("SELECT ") + kSummaryColumns + " ORDER BY r.id");
    if (!select)
        return select.error();
    std::vector<RunSummary> runs;
    while (select->step())
        runs.push_back(readSummary(*select));
    if (select->failed())
        return Error{select->lastError()};
    return runs;
}

Result<RunSummary> RunStore::get(std::int64_t run)
{
    auto select = m_project.db().prepare(std::string("SELECT ") + kSummaryColumns + " WHERE r.id = ?");
    if (!select)
        return select.error();
    select->bind(1, run);
    if (!select->step())
        return Error{"no run with id " + std::to_string(run)};
    return readSummary(*select);
}

Result<std::optional<RunSummary>> RunStore::latest()
{
    auto select = m_project.db().prepare(std::string("SELECT ") + kSummaryColumns + " ORDER BY r.id DESC LIMIT 1");
    if (!select)
        return select.error();
    if (select->step())
        return std::optional<RunSummary>(readSummary(*select));
    if (select->failed())
        return Error{select->lastError()};
    return std::optional<RunSummary>();
}

Result<std::vector<std::pair<std::int64_t, double>>> RunStore::history(std::int64_t run, const std::string &split,
                                                                      const std::string &name)
{
    auto select = m_project.db().prepare(
        "SELECT step, value FROM metrics WHERE run_id = ? AND split = ? AND name = ? ORDER BY step, rowid");
    if (!select)
        return select.error();
    select->bind(1, run).bind(2, split).bind(3, name);
    std::vector<std::pair<std::int64_t, double>> points;
    while (select->step())
        points.emplace_back(select->int64(0), select->real(1));
    if (select->failed())
        return Error{select->lastError()};
    return points;
}

Result<std::vector<std::string>> RunStore::metricNames(std::int64_t run, const std::string &split)
{
    auto select = m_project.db().prepare(
        "SELECT name FROM metrics WHERE run_id = ?1 AND split = ?2 GROUP BY name ORDER BY min(rowid)");
    if (!select)
        return select.error();
    select->bind(1, run).bind(2, split);
    std::vector<std::string> names;
    while (select->step())
        names.push_back(select->text(0));
    if (select->failed())
        return Error{select->lastError()};
    return names;
}

Status RunStore::rename(std::int64_t run, const std::string &name)
{
    auto update = m_project.db().prepare("UPDATE runs SET name = nullif(?2, '') WHERE id = ?1");
    if (!update)
        return update.error();
    update->bind(1, run).bind(2, name);
    if (Status s = execOrError(*update, "the run name"); !s.ok())
        return s;
    if (m_project.db().changes() == 0)
        return Error{"no run with id " + std::to_string(run)};
    return {};
}

Status RunStore::remove(std::int64_t run)
{
    auto summary = get(run);
    if (!summary)
        return summary.error();
    if (summary->status == "running" || summary->status == "paused")
        return Error{"run " + std::to_string(run) + " is " + summary->status + ": stop it before deleting it"};
    // Metrics, checkpoints and artifacts go with the row (ON DELETE CASCADE).
    auto remove = m_project.db().prepare("DELETE FROM runs WHERE id = ?");
    if (!remove)
        return remove.error();
    remove->bind(1, run);
    if (Status s = execOrError(*remove, "the run deletion"); !s.ok())
        return s;
    // The files last: a failure here leaves only unreferenced files behind, never rows without files.
    const std::filesystem::path dir =
        std::filesystem::path(m_project.path() + ".runs") / ("run-" + std::to_string(run));
    std::error_code error;
    std::filesystem::remove_all(dir, error);
    if (error)
        return Error{"run " + std::to_string(run) + " deleted, but its files in " + dir.string() +
                     " could not be removed: " + error.message()};
    return {};
}

Status RunStore::discardAfter(std::int64_t run, std::int64_t step)
{
    SqliteTransaction transaction(m_project.db());
    if (!transaction.begun().ok())
        return transaction.begun();
    for (const char *sql : {"DELETE FROM metrics WHERE run_id = ?1 AND (step > ?2 OR split = 'test')",
                            "DELETE FROM checkpoints WHERE run_id = ?1 AND step > ?2",
                            "DELETE FROM artifacts WHERE run_id = ?1 AND (step > ?2 OR kind = 'evaluation')"}) {
        auto statement = m_project.db().prepare(sql);
        if (!statement)
            return statement.error();
        statement->bind(1, run).bind(2, step);
        if (Status s = execOrError(*statement, "the discarded steps"); !s.ok())
            return s;
    }
    return transaction.commit();
}

Status RunStore::failStaleRuns(const std::string &message)
{
    auto update = m_project.db().prepare(
        "UPDATE runs SET status = 'failed', message = ?, finished_at = unixepoch() WHERE status IN ('running', 'paused')");
    if (!update)
        return update.error();
    update->bind(1, message);
    return execOrError(*update, "stale runs");
}

} // namespace chorus
