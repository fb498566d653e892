#include "core/analytics/topicmodelresult.h"

namespace chorus {

std::string TopicModelResult::labelOf(int topic) const
{
    if (topic < 0 || static_cast<std::size_t>(topic) >= topics.size())
        return "outlier";
    return topics[static_cast<std::size_t>(topic)].label;
}

nlohmann::json TopicModelResult::toJson() const
{
    nlohmann::json list = nlohmann::json::array();
    for (const TopicDescription &t : topics)
        list.push_back({{"id", t.id},
                        {"label", t.label},
                        {"size", t.size},
                        {"terms", t.terms},
                        {"weights", t.weights},
                        {"coherence", t.coherence},
                        {"representative_posts", t.representativePosts}});
    return {{"dataset", dataset},
            {"dataset_id", datasetId},
            {"method", method},
            {"embedding", embedding},
            {"task", task},
            {"seed", seed},
            {"posts", postIds.size()},
            {"outliers", outliers},
            {"mean_coherence", meanCoherence},
            {"details", details},
            {"topics", list}};
}

Result<TopicModelResult> TopicModelResult::fromJson(const nlohmann::json &json)
{
    try {
        TopicModelResult r;
        r.dataset = json.at("dataset").get<std::string>();
        r.datasetId = json.at("dataset_id").get<std::int64_t>();
        r.method = json.at("method").get<std::string>();
        r.embedding = json.value("embedding", std::string());
        r.task = json.at("task").get<std::string>();
        r.seed = json.value("seed", std::uint64_t{0});
        r.outliers = json.value("outliers", std::int64_t{0});
        r.meanCoherence = json.value("mean_coherence", 0.0);
        r.details = json.value("details", nlohmann::json::object());
        for (const nlohmann::json &t : json.at("topics")) {
            TopicDescription d;
            d.id = t.at("id").get<int>();
            d.label = t.at("label").get<std::string>();
            d.size = t.at("size").get<std::int64_t>();
            d.terms = t.at("terms").get<std::vector<std::string>>();
            d.weights = t.value("weights", std::vector<double>());
            d.coherence = t.value("coherence", 0.0);
            d.representativePosts = t.value("representative_posts", std::vector<std::int64_t>());
            r.topics.push_back(std::move(d));
        }
        return r;
    } catch (const nlohmann::json::exception &e) {
        return Error{std::string("stored topic model is malformed: ") + e.what()};
    }
}

} // namespace chorus
