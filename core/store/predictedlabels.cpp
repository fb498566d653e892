#include "core/store/predictedlabels.h"

#include "core/store/project.h"

namespace chorus {
namespace {

std::string metaKey(std::int64_t datasetId, const std::string &task)
{
    return "predicted_labels:" + std::to_string(datasetId) + ":" + task;
}

} // namespace

Result<std::int64_t> PredictedLabels::sourceRun(Project &project, const std::string &dataset, const std::string &task)
{
    const auto datasetId = project.datasetId(dataset);
    if (!datasetId)
        return Error{"dataset: no dataset named '" + dataset + "'"};
    auto value = project.meta(metaKey(*datasetId, task));
    if (!value)
        return value.error();
    return value->empty() ? std::int64_t(0) : std::stoll(*value);
}

Status PredictedLabels::store(Project &project, const std::string &dataset, const std::string &task, std::int64_t runId,
                              const std::vector<std::pair<std::int64_t, std::string>> &labels, const Options &options)
{
    if (task.empty())
        return Error{"store-as: a label task name is needed"};
    const auto datasetId = project.datasetId(dataset);
    if (!datasetId)
        return Error{"dataset: no dataset named '" + dataset + "'"};
    SqliteDatabase &db = project.db();
    SqliteTransaction tx(db);
    if (!tx.begun().ok())
        return tx.begun();

    const std::string key = metaKey(*datasetId, task);
    auto previous = project.meta(key);
    if (!previous)
        return previous.error();
    if (previous->empty() && !options.replaceForeignLabels) {
        auto existing = db.prepare("SELECT count(*) FROM labels JOIN posts ON posts.id = labels.post_id"
                                   " WHERE labels.task = ?1 AND posts.dataset_id = ?2");
        if (!existing)
            return existing.error();
        existing->bind(1, task).bind(2, *datasetId);
        const std::int64_t count = existing->step() ? existing->int64(0) : 0;
        if (existing->failed())
            return Error{existing->lastError()};
        if (count > 0)
            return Error{"store-as: label task '" + task + "' already holds " + std::to_string(count) +
                         " labels that no prediction wrote; choose another name (e.g. 'predicted_" + task +
                         "') or replace them explicitly"};
    }
    auto remove = db.prepare("DELETE FROM labels WHERE task = ?1 AND post_id IN"
                             " (SELECT id FROM posts WHERE dataset_id = ?2)");
    if (!remove)
        return remove.error();
    remove->bind(1, task).bind(2, *datasetId);
    remove->step();
    if (remove->failed())
        return Error{"cannot replace the labels of '" + task + "': " + remove->lastError()};
    auto insert = db.prepare("INSERT INTO labels(post_id, task, value) SELECT id, ?2, ?3 FROM posts"
                             " WHERE id = ?1 AND dataset_id = ?4");
    if (!insert)
        return insert.error();
    for (const auto &[postId, value] : labels) {
        insert->reset();
        insert->bind(1, postId).bind(2, task).bind(3, value).bind(4, *datasetId);
        insert->step();
        if (insert->failed())
            return Error{"cannot store the prediction for post " + std::to_string(postId) + ": " + insert->lastError()};
    }
    if (Status s = project.setMeta(key, std::to_string(runId)); !s.ok())
        return s;
    return tx.commit();
}

} // namespace chorus
