#include "ui/attention/attentionsnapshot.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace {

QVector<double> numbers(const nlohmann::json &array)
{
    QVector<double> values;
    values.reserve(static_cast<int>(array.size()));
    for (const nlohmann::json &v : array)
        values.append(v.get<double>());
    return values;
}

QStringList strings(const nlohmann::json &array)
{
    QStringList values;
    for (const nlohmann::json &v : array)
        values.append(QString::fromStdString(v.get<std::string>()));
    return values;
}

} // namespace

const AttentionPost *AttentionSnapshot::post(qint64 postId) const
{
    for (const AttentionPost &p : posts)
        if (p.postId == postId)
            return &p;
    return nullptr;
}

std::optional<AttentionSnapshot> AttentionSnapshot::fromJson(const std::string &json, QString *error)
{
    const nlohmann::json root = nlohmann::json::parse(json, nullptr, false);
    if (root.is_discarded() || !root.is_object()) {
        if (error)
            *error = QCoreApplication::translate("AttentionSnapshot", "The attention snapshot is not a JSON object.");
        return std::nullopt;
    }
    // get<>() throws on a value of the wrong type; that becomes the error message here, never escapes.
    try {
        AttentionSnapshot snapshot;
        snapshot.epoch = root.value("epoch", 0);
        snapshot.step = root.value("step", std::int64_t(0));
        if (root.contains("classes"))
            snapshot.classes = strings(root.at("classes"));
        for (const nlohmann::json &p : root.value("posts", nlohmann::json::array())) {
            AttentionPost post;
            post.postId = p.at("post_id").get<std::int64_t>();
            if (p.contains("tokens"))
                post.tokens = strings(p.at("tokens"));
            if (p.contains("weights"))
                post.weights = numbers(p.at("weights"));
            if (post.weights.size() != post.tokens.size()) {
                if (error)
                    *error = QCoreApplication::translate("AttentionSnapshot", "Post %1 has %2 tokens but %3 weights.")
                                 .arg(post.postId)
                                 .arg(post.tokens.size())
                                 .arg(post.weights.size());
                return std::nullopt;
            }
            if (p.contains("frame_weights"))
                post.frameWeights = numbers(p.at("frame_weights"));
            if (p.contains("modality_weights"))
                for (const auto &[name, weight] : p.at("modality_weights").items())
                    post.modalityWeights.append({QString::fromStdString(name), weight.get<double>()});
            // Keep the model's own modality order (JSON objects come back sorted by name).
            if (root.contains("modalities") && !post.modalityWeights.isEmpty()) {
                const QStringList order = strings(root.at("modalities"));
                std::stable_sort(post.modalityWeights.begin(), post.modalityWeights.end(),
                                 [&order](const auto &a, const auto &b) {
                                     return order.indexOf(a.first) < order.indexOf(b.first);
                                 });
            }
            if (p.contains("label"))
                post.label = p.at("label").is_string() ? QString::fromStdString(p.at("label").get<std::string>())
                                                       : QString::number(p.at("label").get<double>());
            if (p.contains("probabilities"))
                post.probabilities = numbers(p.at("probabilities"));
            snapshot.posts.append(post);
        }
        return snapshot;
    } catch (const nlohmann::json::exception &e) {
        if (error)
            *error = QCoreApplication::translate("AttentionSnapshot", "The attention snapshot is malformed: %1")
                         .arg(QString::fromUtf8(e.what()));
        return std::nullopt;
    }
}
