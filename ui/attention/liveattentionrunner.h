#pragma once

#include "ui/attention/attentionsnapshot.h"
#include "ui/common/cachedexplainrequest.h"

#include <QObject>
#include <QString>

#include <optional>

// The attention of a trained run over any stored post, not only the probe posts the trainer
// recorded: `chorus-cli explain --run R --post P --json` runs the final model on it in the worker
// (the GUI cannot run a model itself). The answer is shaped as a one-post snapshot, so the explorer
// shows it with the same chips, heads and heatmap as a recorded one. One request at a time; a newer
// one replaces one still running; answers are kept per run and post.
class LiveAttentionRunner : public QObject {
    Q_OBJECT

public:
    explicit LiveAttentionRunner(QObject *parent = nullptr);
    ~LiveAttentionRunner() override;

    void setProgram(const QString &program) { m_requests.setProgram(program); }
    QString program() const { return m_requests.program(); }

    // Starts the worker unless the answer is cached (then `finished` follows at once).
    void request(const QString &projectPath, qint64 runId, qint64 postId);
    const AttentionSnapshot *cached(qint64 runId, qint64 postId) const;
    bool isRunning() const { return m_requests.isRunning(); }
    void cancel() { m_requests.cancel(); }

    // The worker's explain JSON as a snapshot of the one post (epoch 0: the final model); an
    // empty optional with *error set when it is not a token-attention explanation.
    static std::optional<AttentionSnapshot> fromExplainJson(const QByteArray &json, qint64 postId, QString *error);

signals:
    void finished(qint64 runId, qint64 postId, const AttentionSnapshot &snapshot);
    void failed(qint64 runId, qint64 postId, const QString &message);

private:
    CachedExplainRequest<AttentionSnapshot> m_requests;
};
