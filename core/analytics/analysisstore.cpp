#include "core/analytics/analysisstore.h"

#include "core/store/project.h"

namespace chorus {
namespace {

constexpr const char *kKinds[] = {"trends", "opinion", "profile", "topics"};

std::string dumpJson(const nlohmann::json &json)
{
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

const char *kColumns = "a.id, a.kind, a.name, coalesce(a.dataset_id, 0), coalesce(d.name, ''), a.params, a.created_at";

StoredAnalysis readRow(const SqliteStatement &s)
{
    StoredAnalysis a;
    a.id = s.int64(0);
    a.kind = s.text(1);
    a.name = s.text(2);
    a.datasetId = s.int64(3);
    a.dataset = s.text(4);
    a.params = nlohmann::json::parse(s.text(5), nullptr, false);
    if (a.params.is_discarded())
        a.params = nlohmann::json::object();
    a.createdAt = s.int64(6);
    return a;
}

Status changeOne(Project &project, const std::string &sql, std::int64_t id, const std::string *text, const char *what)
{
    auto statement = project.db().prepare(sql);
    if (!statement)
        return statement.error();
    statement->bind(1, id);
    if (text)
        statement->bind(2, *text);
    if (!statement->exec())
        return Error{std::string("cannot ") + what + " analysis " + std::to_string(id) + ": " + statement->lastError()};
    if (project.db().changes() == 0)
        return Error{"no stored analysis with id " + std::to_string(id)};
    return {};
}

} // namespace

bool AnalysisStore::isKnownKind(const std::string &kind)
{
    for (const char *k : kKinds)
        if (kind == k)
            return true;
    return false;
}

Result<std::int64_t> AnalysisStore::save(const std::string &kind, const std::string &name, std::int64_t datasetId,
                                         const nlohmann::json &params, const nlohmann::json &result)
{
    if (!isKnownKind(kind))
        return Error{"unknown analysis kind '" + kind + "' (trends, opinion, profile or topics)"};
    const std::string paramsText = dumpJson(params);
    SqliteTransaction tx(m_project.db());
    if (!tx.begun().ok())
        return tx.begun().error();
    // nlohmann::json writes object keys sorted, so equal parameters are equal text.
    auto replace = m_project.db().prepare("DELETE FROM analyses WHERE kind = ? AND coalesce(dataset_id, 0) = ?"
                                          " AND name = ? AND params = ?");
    if (!replace)
        return replace.error();
    replace->bind(1, kind).bind(2, datasetId).bind(3, name).bind(4, paramsText);
    if (!replace->exec())
        return Error{"cannot replace the previous " + kind + " analysis: " + replace->lastError()};
    auto insert = m_project.db().prepare(
        "INSERT INTO analyses(kind, name, dataset_id, params, result) VALUES (?, ?, nullif(?, 0), ?, ?)");
    if (!insert)
        return insert.error();
    insert->bind(1, kind).bind(2, name).bind(3, datasetId).bind(4, paramsText).bind(5, dumpJson(result));
    if (!insert->exec())
        return Error{"cannot store the " + kind + " analysis: " + insert->lastError()};
    const std::int64_t id = m_project.db().lastInsertRowId();
    if (Status s = tx.commit(); !s.ok())
        return s.error();
    return id;
}

Result<std::vector<StoredAnalysis>> AnalysisStore::list(const std::string &kind, std::int64_t datasetId)
{
    auto select = m_project.db().prepare(std::string("SELECT ") + kColumns +
                                         " FROM analyses a LEFT JOIN datasets d ON d.id = a.dataset_id"
                                         " WHERE (?1 = '' OR a.kind = ?1) AND (?2 = 0 OR a.dataset_id = ?2)"
                                         " ORDER BY a.id DESC");
    if (!select)
        return select.error();
    select->bind(1, kind).bind(2, datasetId);
    std::vector<StoredAnalysis> out;
    while (select->step())
        out.push_back(readRow(*select));
    if (select->failed())
        return Error{"cannot list the stored analyses: " + select->lastError()};
    return out;
}

Result<StoredAnalysis> AnalysisStore::load(std::int64_t id)
{
    auto select = m_project.db().prepare(std::string("SELECT ") + kColumns +
                                         ", a.result FROM analyses a LEFT JOIN datasets d ON d.id = a.dataset_id"
                                         " WHERE a.id = ?");
    if (!select)
        return select.error();
    select->bind(1, id);
    if (!select->step())
        return Error{select->failed() ? "cannot read analysis " + std::to_string(id) + ": " + select->lastError()
                                      : "no stored analysis with id " + std::to_string(id)};
    StoredAnalysis a = readRow(*select);
    a.result = nlohmann::json::parse(select->text(7), nullptr, false);
    if (a.result.is_discarded())
        return Error{"the stored result of analysis " + std::to_string(id) + " is not valid JSON"};
    return a;
}

Status AnalysisStore::rename(std::int64_t id, const std::string &name)
{
    return changeOne(m_project, "UPDATE analyses SET name = ?2 WHERE id = ?1", id, &name, "rename");
}

Status AnalysisStore::remove(std::int64_t id)
{
    return changeOne(m_project, "DELETE FROM analyses WHERE id = ?1", id, nullptr, "delete");
}

} // namespace chorus
