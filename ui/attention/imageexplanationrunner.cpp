#include "ui/attention/imageexplanationrunner.h"

#include "ui/common/workerrequest.h"
#include "ui/training/workerprocess.h"

ImageExplanationRunner::ImageExplanationRunner(QObject *parent)
    : QObject(parent), m_program(WorkerProcess::defaultProgram()), m_worker(new WorkerRequest(this))
{
    connect(m_worker, &WorkerRequest::answered, this, [this](const QByteArray &output, const QByteArray &errors, int code) {
        const Key key = m_runningKey;
        QString error;
        std::optional<ImageExplanation> result = ImageExplanation::fromJson(output, &error);
        if (!result) {
            emit failed(key.first, key.second, output.trimmed().isEmpty() ? WorkerRequest::endedWithoutAnswer(code, errors) : error);
            return;
        }
        result->runId = key.first;
        result->postId = key.second;
        m_cache.insert(key, *result);
        emit finished(*result);
    });
    connect(m_worker, &WorkerRequest::failed, this,
            [this](const QString &message) { emit failed(m_runningKey.first, m_runningKey.second, message); });
}

ImageExplanationRunner::~ImageExplanationRunner() { cancel(); }

const ImageExplanation *ImageExplanationRunner::cached(qint64 runId, qint64 postId) const
{
    const auto found = m_cache.constFind(Key(runId, postId));
    return found == m_cache.constEnd() ? nullptr : &found.value();
}

bool ImageExplanationRunner::isRunning() const { return m_worker->isRunning(); }

void ImageExplanationRunner::cancel() { m_worker->cancel(); }

void ImageExplanationRunner::request(const QString &projectPath, qint64 runId, qint64 postId)
{
    const Key key(runId, postId);
    if (isRunning() && m_runningKey == key)
        return;
    cancel();
    if (const ImageExplanation *result = cached(runId, postId)) {
        emit finished(*result);
        return;
    }
    m_runningKey = key;
    m_worker->start(m_program, {QStringLiteral("explain"), projectPath, QStringLiteral("--run"), QString::number(runId),
                                QStringLiteral("--post"), QString::number(postId), QStringLiteral("--json")});
}
