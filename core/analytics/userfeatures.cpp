#include "core/analytics/userfeatures.h"

#include "core/store/project.h"
#include "core/util/csvescape.h"
#include "core/util/timeparse.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <unordered_map>

namespace chorus {
namespace {

std::string formatNumber(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

} // namespace

std::vector<std::string> UserFeatureTable::header() const
{
    std::vector<std::string> out = {"user"};
    if (!privacy)
        out.emplace_back("source_id");
    out.insert(out.end(), {"user_id", "first_post", "last_post"});
    out.insert(out.end(), columns.begin(), columns.end());
    return out;
}

Result<UserFeatureTable> UserFeatures::build(Project &project, const UserFeatureOptions &options)
{
    UserFeatureTable table;
    table.privacy = options.privacy;
    table.columns = {"posts", "active_days", "posts_per_active_day", "mean_likes", "mean_shares", "mean_replies",
                     "interactions"};
    // Parameter ?2 in every query that filters on it (bound only when set).
    const std::string dataset = options.datasetId != 0 ? " AND p.dataset_id = ?2" : "";

    std::string secret;
    if (options.privacy) {
        auto s = project.secret();
        if (!s)
            return s.error();
        secret = *s;
    }
    std::unordered_map<std::int64_t, std::size_t> rowOf;
    const std::string day = TimeBucket::sqlExpression("p.created_at", TimeResolution::Day);
    auto activity = project.db().prepare(
        "SELECT p.author_id, u.source_id, coalesce(u.pseudonym, ''), coalesce(u.name, ''), count(*), count(DISTINCT " + day +
        "), min(p.created_at), max(p.created_at), avg(coalesce(p.likes, 0)), avg(coalesce(p.shares, 0)),"
        " avg(coalesce(p.replies, 0)) FROM posts p JOIN users u ON u.id = p.author_id WHERE 1 = 1" + dataset +
        " GROUP BY p.author_id HAVING count(*) >= ?1 ORDER BY count(*) DESC, p.author_id");
    if (!activity)
        return activity.error();
    activity->bind(1, std::max(options.minPosts, 1));
    if (options.datasetId != 0)
        activity->bind(2, options.datasetId);
    while (activity->step()) {
        UserFeatureTable::Row row;
        row.user = UserProfiler::makeIdentity(activity->int64(0), activity->text(1), activity->text(2), activity->text(3),
                                              options.privacy, secret);
        if (!activity->isNull(6)) {
            row.firstPost = formatIsoUtc(activity->int64(6));
            row.lastPost = formatIsoUtc(activity->int64(7));
        }
        const auto posts = static_cast<double>(activity->int64(4));
        const auto days = static_cast<double>(activity->int64(5));
        row.values = {posts, days, days > 0 ? posts / days : 0.0, activity->real(8), activity->real(9),
                      activity->real(10), 0.0};
        rowOf[row.user.userId] = table.rows.size();
        table.rows.push_back(std::move(row));
    }
    if (activity->failed())
        return Error{"summarising users' posts: " + activity->lastError()};

    auto interactions = project.db().prepare("SELECT user_id, count(*) FROM interactions GROUP BY user_id");
    if (!interactions)
        return interactions.error();
    while (interactions->step())
        if (auto it = rowOf.find(interactions->int64(0)); it != rowOf.end())
            table.rows[it->second].values[6] = static_cast<double>(interactions->int64(1));
    if (interactions->failed())
        return Error{"counting interactions: " + interactions->lastError()};

    for (const std::string &task : options.tasks) {
        auto mix = project.db().prepare("SELECT p.author_id, l.value, count(*) FROM labels l JOIN posts p ON p.id = l.post_id"
                                        " WHERE l.task = ?1 AND p.author_id IS NOT NULL" + dataset + " GROUP BY 1, 2");
        if (!mix)
            return mix.error();
        mix->bind(1, task);
        if (options.datasetId != 0)
            mix->bind(2, options.datasetId);
        std::map<std::string, std::vector<std::pair<std::size_t, std::int64_t>>> byValue;
        std::vector<std::int64_t> labelled(table.rows.size(), 0);
        while (mix->step()) {
            auto it = rowOf.find(mix->int64(0));
            if (it == rowOf.end())
                continue;
            byValue[mix->text(1)].emplace_back(it->second, mix->int64(2));
            labelled[it->second] += mix->int64(2);
        }
        if (mix->failed())
            return Error{"counting labels of task '" + task + "': " + mix->lastError()};
        if (byValue.empty()) {
            auto known = project.db().prepare("SELECT 1 FROM labels WHERE task = ? LIMIT 1");
            if (!known)
                return known.error();
            known->bind(1, task);
            if (!known->step())
                return Error{"no post has a label of task '" + task + "'"};
        }
        const std::size_t labelledColumn = table.columns.size();
        table.columns.push_back(task + "_labelled");
        for (std::size_t r = 0; r < table.rows.size(); ++r)
            table.rows[r].values.push_back(static_cast<double>(labelled[r]));
        for (const auto &[value, entries] : byValue) {
            const std::size_t column = table.columns.size();
            table.columns.push_back(std::string(task).append("=").append(value));
            for (auto &row : table.rows)
                row.values.push_back(0.0);
            for (const auto &[rowIndex, count] : entries)
                table.rows[rowIndex].values[column] =
                    static_cast<double>(count) / table.rows[rowIndex].values[labelledColumn];
        }
    }
    return table;
}

Status UserFeatures::writeCsv(const UserFeatureTable &table, const std::string &path)
{
    const std::string temporary = path + ".part";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out)
            return Error{"cannot write '" + temporary + "'"};
        const std::vector<std::string> header = table.header();
        for (std::size_t i = 0; i < header.size(); ++i)
            out << (i ? "," : "") << csvEscape(header[i]);
        out << "\n";
        for (const UserFeatureTable::Row &row : table.rows) {
            out << csvEscape(row.user.display);
            if (!table.privacy)
                out << ',' << csvEscape(row.user.sourceId);
            out << ',' << row.user.userId << ',' << row.firstPost << ',' << row.lastPost;
            for (double v : row.values)
                out << ',' << formatNumber(v);
            out << "\n";
        }
        out.flush();
        if (!out)
            return Error{"writing '" + temporary + "' failed (disk full?)"};
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::remove(temporary.c_str());
        return Error{"cannot replace '" + path + "' with the new table"};
    }
    return {};
}

} // namespace chorus
