#include "core/analytics/userembeddingtable.h"

#include "core/analytics/lsa.h"
#include "core/analytics/userprofile.h"
#include "core/analytics/usersimilarity.h"
#include "core/store/project.h"

#include <map>
#include <unordered_map>

namespace chorus {
namespace {

std::string postBand(std::int64_t posts)
{
    if (posts >= 50)
        return "50+";
    if (posts >= 10)
        return "10-49";
    if (posts >= 5)
        return "5-9";
    if (posts >= 2)
        return "2-4";
    return "1";
}

} // namespace

Result<ProjectorTable> userEmbeddingTable(Project &project, const std::string &dataset,
                                          const UserEmbeddingTableOptions &options)
{
    const std::optional<std::int64_t> datasetId = project.datasetId(dataset);
    if (!datasetId)
        return Error{"no dataset '" + dataset + "' in " + project.path()};
    UserVectorOptions vectorOptions;
    vectorOptions.datasetId = *datasetId;
    auto similarity = UserSimilarity::build(project, vectorOptions);
    if (!similarity)
        return similarity.error();
    const std::vector<std::int64_t> &userIds = similarity->userIds();
    if (userIds.size() < 2)
        return Error{"dataset '" + dataset + "': fewer than two users with words to place"};

    std::vector<std::vector<std::pair<int, double>>> rows;
    rows.reserve(userIds.size());
    for (std::int64_t id : userIds)
        rows.push_back(*similarity->vector(id));
    LsaOptions lsaOptions;
    lsaOptions.dimensions = options.dimensions;
    lsaOptions.seed = options.seed;
    auto lsa = reduceWeightedRows(rows, similarity->vocabularySize(), lsaOptions);
    if (!lsa)
        return lsa.error();
    rows.clear();

    std::unordered_map<std::int64_t, std::size_t> rowOf;
    for (std::size_t i = 0; i < userIds.size(); ++i)
        rowOf.emplace(userIds[i], i);

    ProjectorTable table;
    table.rows = lsa->embedding.rows;
    table.dimensions = lsa->embedding.dimensions;
    table.matrix = std::move(lsa->embedding.values);
    table.columns = {"user", "posts"};
    table.values.assign(2, std::vector<std::string>(table.rows));

    std::string secret;
    if (options.privacy) {
        auto s = project.secret();
        if (!s)
            return s.error();
        secret = *s;
    }
    auto users = project.db().prepare(
        "SELECT u.id, u.source_id, coalesce(u.pseudonym, ''), coalesce(u.name, ''), count(*)"
        " FROM posts p JOIN users u ON u.id = p.author_id WHERE p.dataset_id = ?1 GROUP BY u.id");
    if (!users)
        return users.error();
    users->bind(1, *datasetId);
    while (users->step()) {
        auto found = rowOf.find(users->int64(0));
        if (found == rowOf.end())
            continue;
        const UserIdentity who = UserProfiler::makeIdentity(users->int64(0), users->text(1), users->text(2),
                                                            users->text(3), options.privacy, secret);
        table.values[0][found->second] = who.display;
        table.values[1][found->second] = postBand(users->int64(4));
    }
    if (users->failed())
        return Error{"cannot read the users: " + users->lastError()};

    // Each user's most frequent value per label task (ties: the first value in sort order).
    std::map<std::string, std::vector<std::pair<std::string, std::int64_t>>> dominant;
    auto labels = project.db().prepare("SELECT p.author_id, l.task, l.value, count(*) FROM labels l"
                                       " JOIN posts p ON p.id = l.post_id WHERE p.dataset_id = ?1"
                                       " AND p.author_id IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 2, 3");
    if (!labels)
        return labels.error();
    labels->bind(1, *datasetId);
    while (labels->step()) {
        auto found = rowOf.find(labels->int64(0));
        if (found == rowOf.end())
            continue;
        auto &column = dominant[labels->text(1)];
        column.resize(table.rows);
        auto &best = column[found->second];
        if (labels->int64(3) > best.second)
            best = {labels->text(2), labels->int64(3)};
    }
    if (labels->failed())
        return Error{"cannot read the labels: " + labels->lastError()};
    for (auto &[task, values] : dominant) {
        table.columns.push_back(task);
        std::vector<std::string> column(table.rows);
        for (std::size_t i = 0; i < table.rows; ++i)
            column[i] = std::move(values[i].first);
        table.values.push_back(std::move(column));
    }

    table.columns.emplace_back("user_id");
    table.values.emplace_back(table.rows);
    for (std::size_t i = 0; i < userIds.size(); ++i)
        table.values.back()[i] = std::to_string(userIds[i]);
    return table;
}

} // namespace chorus
