#include "ui/attention/liveattentionrunner.h"

#include <nlohmann/json.hpp>

LiveAttentionRunner::LiveAttentionRunner(QObject *parent)
    : QObject(parent),
      m_requests(
          this,
          [](const QByteArray &output, const CachedExplainRequest<AttentionSnapshot>::Request &request, QString *error) {
              return fromExplainJson(output, request.postId, error);
          },
          [this](const auto &request, const AttentionSnapshot &snapshot) {
              emit finished(request.runId, request.postId, snapshot);
          },
          [this](const auto &request, const QString &message) { emit failed(request.runId, request.postId, message); })
{
}

LiveAttentionRunner::~LiveAttentionRunner() { cancel(); }

const AttentionSnapshot *LiveAttentionRunner::cached(qint64 runId, qint64 postId) const
{
    return m_requests.cached({runId, postId, {}});
}

void LiveAttentionRunner::request(const QString &projectPath, qint64 runId, qint64 postId)
{
    m_requests.request(projectPath, {runId, postId, {}});
}

std::optional<AttentionSnapshot> LiveAttentionRunner::fromExplainJson(const QByteArray &output, qint64 postId, QString *error)
{
    const nlohmann::json json = nlohmann::json::parse(output.toStdString(), nullptr, false);
    if (!json.is_object()) {
        *error = tr("the worker's answer is not JSON");
        return std::nullopt;
    }
    if (json.contains("error") && json["error"].is_string()) {
        *error = QString::fromStdString(json["error"].get<std::string>());
        return std::nullopt;
    }
    if (!json.contains("tokens") || !json.contains("weights") || !json["weights"].is_array() || json["weights"].empty()) {
        *error = tr("the model reports no attention over tokens for this post");
        return std::nullopt;
    }
    // The explain answer names the parts as a snapshot's post does, except the matrices per layer.
    nlohmann::json post = {{"post_id", postId}, {"tokens", json["tokens"]}, {"weights", json["weights"]}};
    for (const char *part : {"probabilities", "head_weights"})
        if (json.contains(part))
            post[part] = json[part];
    if (json.contains("layers"))
        post["layer_matrices"] = json["layers"];
    const nlohmann::json snapshot = {{"epoch", 0}, {"step", 0}, {"classes", json.value("classes", nlohmann::json::array())},
                                     {"posts", nlohmann::json::array({post})}};
    return AttentionSnapshot::fromJson(snapshot.dump(), error);
}
