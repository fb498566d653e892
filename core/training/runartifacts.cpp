#include "core/training/runartifacts.h"

#include "core/store/project.h"

#include <algorithm>

namespace chorus {
namespace {

constexpr const char *kColumns = "SELECT id, run_id, kind, name, COALESCE(step, 0), content_type, data FROM artifacts ";

RunArtifact artifactAt(const SqliteStatement &row)
{
    RunArtifact a;
    a.id = row.int64(0);
    a.runId = row.int64(1);
    a.kind = row.text(2);
    a.name = row.text(3);
    a.step = row.int64(4);
    a.contentType = row.text(5);
    a.data = row.blob(6);
    return a;
}

} // namespace

Result<std::vector<RunArtifact>> RunArtifacts::list(std::int64_t run, const std::string &kind)
{
    auto select = m_project.db().prepare(std::string(kColumns) + "WHERE run_id = ? AND kind = ? ORDER BY step, id");
    if (!select)
        return select.error();
    select->bind(1, run).bind(2, kind);
    std::vector<RunArtifact> artifacts;
    while (select->step())
        artifacts.push_back(artifactAt(*select));
    if (select->failed())
        return Error{"Cannot read the artifacts of run " + std::to_string(run) + ": " + select->lastError()};
    return artifacts;
}

Result<RunArtifact> RunArtifacts::latest(std::int64_t run, const std::string &kind, const std::string &name)
{
    auto select = m_project.db().prepare(std::string(kColumns) +
                                         "WHERE run_id = ? AND kind = ? AND name = ? ORDER BY step DESC, id DESC LIMIT 1");
    if (!select)
        return select.error();
    select->bind(1, run).bind(2, kind).bind(3, name);
    if (select->step())
        return artifactAt(*select);
    if (select->failed())
        return Error{"Cannot read the artifacts of run " + std::to_string(run) + ": " + select->lastError()};
    return Error{"Run " + std::to_string(run) + " has no " + kind + " artifact named \"" + name + "\""};
}

Result<std::vector<std::int64_t>> RunArtifacts::runsWith(const std::string &kind)
{
    auto select = m_project.db().prepare("SELECT DISTINCT run_id FROM artifacts WHERE kind = ? ORDER BY run_id DESC");
    if (!select)
        return select.error();
    select->bind(1, kind);
    std::vector<std::int64_t> runs;
    while (select->step())
        runs.push_back(select->int64(0));
    if (select->failed())
        return Error{"Cannot list the runs with " + kind + " artifacts: " + select->lastError()};
    return runs;
}

Result<std::vector<std::int64_t>> RunArtifacts::runsReading(const std::string &input)
{
    if (input.empty() || !std::all_of(input.begin(), input.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        return Error{"not an input name: '" + input + "'"};
    // The encoding is stored as a BLOB: read as text, so newer SQLite does not take it for JSONB.
    auto select = m_project.db().prepare(
        "SELECT DISTINCT run_id FROM artifacts WHERE kind = 'encoding'"
        " AND CASE WHEN json_valid(CAST(data AS TEXT)) THEN json_extract(CAST(data AS TEXT), '$.inputs.' || ?1) END = 1"
        " ORDER BY run_id DESC");
    if (!select)
        return select.error();
    select->bind(1, input);
    std::vector<std::int64_t> runs;
    while (select->step())
        runs.push_back(select->int64(0));
    if (select->failed())
        return Error{"Cannot list the runs reading " + input + ": " + select->lastError()};
    return runs;
}

} // namespace chorus
