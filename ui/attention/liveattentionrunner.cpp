#include "ui/attention/liveattentionrunner.h"

#include "ui/common/workerrequest.h"
#include "ui/training/workerprocess.h"

#include <nlohmann/json.hpp>

LiveAttentionRunner::LiveAttentionRunner(QObject *parent)
    : QObject(parent), m_program(WorkerProcess::defaultProgram()), m_worker(new WorkerRequest(this))
{
    connect(m_worker, &WorkerRequest::answered, this, [this](const QByteArray &output, const QByteArray &errors, int code) {
        QString error;
        std::optional<AttentionSnapshot> snapshot = fromExplainJson(output, m_runningPost, &error);
        if (code != 0 || !snapshot) {
            emit failed(m_runningRun, m_runningPost,
                        output.trimmed().isEmpty() ? WorkerRequest::endedWithoutAnswer(code, errors) : error);
            return;
        }
        m_cache.insert(key(m_runningRun, m_runningPost), *snapshot);
        emit finished(m_runningRun, m_runningPost, *snapshot);
    });
    connect(m_worker, &WorkerRequest::failed, this,
            [this](const QString &message) { emit failed(m_runningRun, m_runningPost, message); });
}

LiveAttentionRunner::~LiveAttentionRunner() { cancel(); }

QString LiveAttentionRunner::key(qint64 runId, qint64 postId) { return QStringLiteral("%1/%2").arg(runId).arg(postId); }

const AttentionSnapshot *LiveAttentionRunner::cached(qint64 runId, qint64 postId) const
{
    const auto found = m_cache.constFind(key(runId, postId));
    return found == m_cache.constEnd() ? nullptr : &found.value();
}

bool LiveAttentionRunner::isRunning() const { return m_worker->isRunning(); }

void LiveAttentionRunner::cancel() { m_worker->cancel(); }

void LiveAttentionRunner::request(const QString &projectPath, qint64 runId, qint64 postId)
{
    if (isRunning() && m_runningRun == runId && m_runningPost == postId)
        return;
    cancel();
    if (const AttentionSnapshot *snapshot = cached(runId, postId)) {
        emit finished(runId, postId, *snapshot);
        return;
    }
    m_runningRun = runId;
    m_runningPost = postId;
    m_worker->start(m_program, {QStringLiteral("explain"), projectPath, QStringLiteral("--run"), QString::number(runId),
                                QStringLiteral("--post"), QString::number(postId), QStringLiteral("--json")});
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
