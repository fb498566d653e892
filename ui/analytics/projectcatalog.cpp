#include "ui/analytics/projectcatalog.h"

#include "core/analytics/topicstore.h"
#include "core/analytics/userprofile.h"
#include "core/store/postbrowser.h"
#include "core/store/project.h"
#include "core/training/runstore.h"

QVector<ProjectCatalog::Dataset> ProjectCatalog::postDatasets(chorus::Project &project)
{
    QVector<Dataset> out;
    auto datasets = project.datasets();
    if (!datasets)
        return out;
    for (const chorus::DatasetInfo &d : *datasets)
        if (d.posts > 0)
            out.push_back({d.id, QString::fromStdString(d.name)});
    return out;
}

QStringList ProjectCatalog::labelTasks(chorus::Project &project, std::int64_t datasetId)
{
    QStringList out;
    if (auto tasks = chorus::PostBrowser(project).labelTasks(datasetId))
        for (const std::string &task : *tasks)
            out << QString::fromStdString(task);
    return out;
}

QStringList ProjectCatalog::topicTasks(chorus::Project &project, std::int64_t datasetId)
{
    QStringList out;
    const std::string prefix = chorus::TopicStore::metaKey(datasetId, "");
    auto query = project.db().prepare("SELECT key FROM meta WHERE substr(key, 1, length(?1)) = ?1 ORDER BY key");
    if (!query)
        return out;
    query->bind(1, prefix);
    while (query->step())
        out << QString::fromStdString(query->text(0).substr(prefix.size()));
    return out;
}

QVector<ProjectCatalog::Run> ProjectCatalog::word2vecRuns(chorus::Project &project)
{
    QVector<Run> out;
    auto runs = chorus::RunStore(project).list();
    if (!runs)
        return out;
    for (const chorus::RunSummary &run : *runs)
        if (run.model == "word2vec" && run.status == "finished")
            out.push_back({run.id, QStringLiteral("#%1 %2").arg(run.id).arg(QString::fromStdString(
                                                                   run.name.empty() ? run.dataset : run.name))});
    return out;
}

QVector<ProjectCatalog::Author> ProjectCatalog::authors(chorus::Project &project, std::int64_t datasetId, bool privacy)
{
    QVector<Author> out;
    std::string secret;
    if (privacy) {
        auto s = project.secret();
        if (!s)
            return out;
        secret = *s;
    }
    auto query = project.db().prepare(
        "SELECT u.id, u.source_id, COALESCE(u.pseudonym, ''), COALESCE(u.name, '') FROM users u"
        " WHERE EXISTS (SELECT 1 FROM posts p WHERE p.author_id = u.id AND (?1 = 0 OR p.dataset_id = ?1)) ORDER BY u.id");
    if (!query)
        return out;
    query->bind(1, datasetId);
    while (query->step()) {
        const chorus::UserIdentity who = chorus::UserProfiler::makeIdentity(query->int64(0), query->text(1), query->text(2),
                                                                            query->text(3), privacy, secret);
        out.push_back({who.userId, QString::fromStdString(who.display)});
    }
    return out;
}

QString ProjectCatalog::postText(chorus::Project &project, std::int64_t postId)
{
    auto query = project.db().prepare("SELECT COALESCE(text, '') FROM posts WHERE id = ?");
    if (!query)
        return {};
    query->bind(1, postId);
    return query->step() ? QString::fromStdString(query->text(0)) : QString();
}
