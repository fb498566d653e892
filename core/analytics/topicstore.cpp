#include "core/analytics/topicstore.h"

#include "core/analytics/analysisstore.h"
#include "core/store/project.h"

namespace chorus {

std::string TopicStore::metaKey(std::int64_t datasetId, const std::string &task)
{
    return "topic_model:" + std::to_string(datasetId) + ":" + task;
}

Status TopicStore::save(Project &project, const TopicModelResult &result, const TopicStoreOptions &options)
{
    if (result.task.empty())
        return Error{"topics: no label task name to store the topics under"};
    if (result.postIds.size() != result.assignments.size())
        return Error{"topics: " + std::to_string(result.assignments.size()) + " assignments for " +
                     std::to_string(result.postIds.size()) + " posts"};
    SqliteDatabase &db = project.db();
    const std::string key = metaKey(result.datasetId, result.task);
    SqliteTransaction tx(db);
    if (!tx.begun().ok())
        return tx.begun();

    auto previous = project.meta(key);
    if (!previous)
        return previous.error();
    if (previous->empty() && !options.replaceForeignLabels) {
        auto existing = db.prepare("SELECT count(*) FROM labels JOIN posts ON posts.id = labels.post_id "
                                   "WHERE labels.task = ? AND posts.dataset_id = ?");
        if (!existing)
            return existing.error();
        existing->bind(1, result.task).bind(2, result.datasetId);
        const std::int64_t count = existing->step() ? existing->int64(0) : 0;
        if (existing->failed())
            return Error{existing->lastError()};
        if (count > 0)
            return Error{"label task '" + result.task + "' already holds " + std::to_string(count) +
                         " labels that topic discovery did not write; choose another task name or replace them "
                         "explicitly"};
    }

    auto remove = db.prepare("DELETE FROM labels WHERE task = ? AND post_id IN (SELECT id FROM posts WHERE dataset_id = ?)");
    if (!remove)
        return remove.error();
    remove->bind(1, result.task).bind(2, result.datasetId);
    if (!remove->exec())
        return Error{"removing the previous topics of '" + result.task + "': " + remove->lastError()};

    auto insert = db.prepare("INSERT INTO labels(post_id, task, value) VALUES (?, ?, ?)");
    if (!insert)
        return insert.error();
    for (std::size_t i = 0; i < result.postIds.size(); ++i) {
        const int topic = result.assignments[i];
        if (topic < 0 && !options.labelOutliers)
            continue;
        insert->reset();
        insert->bind(1, result.postIds[i]).bind(2, result.task).bind(3, result.labelOf(topic));
        if (!insert->exec())
            return Error{"storing the topic of post " + std::to_string(result.postIds[i]) + ": " + insert->lastError()};
    }
    if (Status s = project.setMeta(key, result.toJson().dump()); !s.ok())
        return s;
    return tx.commit();
}

Result<std::optional<TopicModelResult>> TopicStore::load(Project &project, std::int64_t datasetId, const std::string &task)
{
    auto text = project.meta(metaKey(datasetId, task));
    if (!text)
        return text.error();
    if (text->empty())
        return std::optional<TopicModelResult>();
    const nlohmann::json json = nlohmann::json::parse(*text, nullptr, false);
    if (json.is_discarded())
        return Error{"the stored topic model of task '" + task + "' is not valid JSON"};
    auto result = TopicModelResult::fromJson(json);
    if (!result)
        return result.error();
    return std::optional<TopicModelResult>(std::move(*result));
}

Result<std::int64_t> TopicStore::recordAnalysis(Project &project, const TopicModelResult &result, const std::string &name)
{
    const std::string title = !name.empty() ? name
                                            : result.task + ": " + std::to_string(result.topics.size()) + " topics by " +
                                                  result.method;
    const nlohmann::json params = {{"dataset_id", result.datasetId}, {"method", result.method},
                                   {"embedding", result.embedding},  {"task", result.task},
                                   {"seed", result.seed},            {"details", result.details}};
    return AnalysisStore(project).save("topics", title, result.datasetId, params, result.toJson());
}

} // namespace chorus
