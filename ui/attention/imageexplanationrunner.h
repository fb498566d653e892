#pragma once

#include "ui/attention/imageexplanation.h"
#include "ui/common/cachedexplainrequest.h"

#include <QObject>
#include <QString>

// Runs the worker (`chorus-cli explain --json`) in the background for the Grad-CAM map and
// co-attention of one post's picture, one request at a time: a newer request replaces one still
// running (explanations only read the project, so stopping one is harmless). Results are kept
// per run and post, so going back to a post costs nothing.
class ImageExplanationRunner : public QObject {
    Q_OBJECT

public:
    explicit ImageExplanationRunner(QObject *parent = nullptr);
    ~ImageExplanationRunner() override;

    void setProgram(const QString &program) { m_requests.setProgram(program); }
    QString program() const { return m_requests.program(); }

    // Starts the worker unless the result is cached (then `finished` follows at once) or the same
    // request is already running.
    void request(const QString &projectPath, qint64 runId, qint64 postId);
    const ImageExplanation *cached(qint64 runId, qint64 postId) const;
    bool isRunning() const { return m_requests.isRunning(); }
    // Stops the request running, if any; neither `finished` nor `failed` follows for it.
    void cancel() { m_requests.cancel(); }

signals:
    void finished(const ImageExplanation &result);
    void failed(qint64 runId, qint64 postId, const QString &message);

private:
    CachedExplainRequest<ImageExplanation> m_requests;
};
