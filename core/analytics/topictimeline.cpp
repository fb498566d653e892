#include "core/analytics/topictimeline.h"

#include "core/analytics/topicmodelresult.h"
#include "core/analytics/topicstore.h"
#include "core/store/project.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace chorus {

TopicTimeSeries TopicTimeline::build(const std::vector<std::string> &topics, const std::vector<std::string> &labels,
                                     const std::vector<std::optional<std::int64_t>> &times, TimeResolution resolution)
{
    TopicTimeSeries series;
    series.resolution = resolution;
    series.topics = topics;
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t t = 0; t < topics.size(); ++t)
        index.emplace(topics[t], t);
    std::optional<std::int64_t> first;
    std::optional<std::int64_t> last;
    const std::size_t n = std::min(labels.size(), times.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (!index.count(labels[i]))
            continue;
        if (!times[i]) {
            ++series.undated;
            continue;
        }
        const std::int64_t start = TimeBucket::start(*times[i], resolution);
        first = first ? std::min(*first, start) : start;
        last = last ? std::max(*last, start) : start;
    }
    series.counts.assign(topics.size(), {});
    if (!first)
        return series;
    series.bucketStarts = TimeBucket::range(*first, *last, resolution);
    std::unordered_map<std::int64_t, std::size_t> column;
    for (std::size_t b = 0; b < series.bucketStarts.size(); ++b)
        column.emplace(series.bucketStarts[b], b);
    for (auto &row : series.counts)
        row.assign(series.bucketStarts.size(), 0);
    for (std::size_t i = 0; i < n; ++i) {
        auto it = index.find(labels[i]);
        if (it == index.end() || !times[i])
            continue;
        ++series.counts[it->second][column.at(TimeBucket::start(*times[i], resolution))];
    }
    return series;
}

TopicTimeSeries TopicTimeline::fromResult(const TopicModelResult &result, const std::vector<std::optional<std::int64_t>> &times,
                                          TimeResolution resolution)
{
    std::vector<std::string> topics;
    for (const TopicDescription &t : result.topics)
        topics.push_back(t.label);
    std::vector<std::string> labels;
    labels.reserve(result.assignments.size());
    for (int a : result.assignments)
        labels.push_back(a < 0 ? std::string() : result.labelOf(a));
    return build(topics, labels, times, resolution);
}

Result<TopicTimeSeries> TopicTimeline::fromProject(Project &project, std::int64_t datasetId, const std::string &task,
                                                   TimeResolution resolution)
{
    auto select = project.db().prepare("SELECT labels.value, posts.created_at FROM labels JOIN posts ON posts.id = labels.post_id "
                                       "WHERE labels.task = ? AND posts.dataset_id = ? ORDER BY posts.id");
    if (!select)
        return select.error();
    select->bind(1, task).bind(2, datasetId);
    std::vector<std::string> labels;
    std::vector<std::optional<std::int64_t>> times;
    std::set<std::string> seen;
    while (select->step()) {
        labels.push_back(select->text(0));
        seen.insert(labels.back());
        times.push_back(select->isNull(1) ? std::nullopt : std::optional<std::int64_t>(select->int64(1)));
    }
    if (select->failed())
        return Error{"reading the labels of task '" + task + "': " + select->lastError()};
    std::vector<std::string> topics;
    auto stored = TopicStore::load(project, datasetId, task);
    if (stored && stored->has_value()) {
        for (const TopicDescription &t : (*stored)->topics)
            topics.push_back(t.label);
    } else {
        topics.assign(seen.begin(), seen.end());
        topics.erase(std::remove(topics.begin(), topics.end(), "outlier"), topics.end());
    }
    return build(topics, labels, times, resolution);
}

} // namespace chorus
