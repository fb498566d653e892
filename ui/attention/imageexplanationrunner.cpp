#include "ui/attention/imageexplanationrunner.h"

#include "ui/training/workerprocess.h"

#include <QProcess>

ImageExplanationRunner::ImageExplanationRunner(QObject *parent)
    : QObject(parent), m_program(WorkerProcess::defaultProgram())
{
}

ImageExplanationRunner::~ImageExplanationRunner() { cancel(); }

const ImageExplanation *ImageExplanationRunner::cached(qint64 runId, qint64 postId) const
{
    const auto found = m_cache.constFind(Key(runId, postId));
    return found == m_cache.constEnd() ? nullptr : &found.value();
}

bool ImageExplanationRunner::isRunning() const { return m_process && m_process->state() != QProcess::NotRunning; }

void ImageExplanationRunner::cancel()
{
    if (!m_process)
        return;
    QProcess *process = m_process;
    m_process = nullptr;
    process->disconnect(this);
    if (process->state() != QProcess::NotRunning) {
        process->kill();
        process->waitForFinished(2000);
    }
    process->deleteLater();
}

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
    auto *process = new QProcess(this);
    m_process = process;
    m_runningKey = key;
    connect(process, &QProcess::finished, this, [this, process, key](int code, QProcess::ExitStatus status) {
        if (process != m_process)
            return;
        m_process = nullptr;
        process->deleteLater();
        const QByteArray output = process->readAllStandardOutput();
        QString error;
        std::optional<ImageExplanation> result = ImageExplanation::fromJson(output, &error);
        if (status != QProcess::NormalExit || !result) {
            if (status != QProcess::NormalExit || output.trimmed().isEmpty())
                error = tr("the worker ended with code %1: %2")
                            .arg(code)
                            .arg(QString::fromUtf8(process->readAllStandardError()).trimmed());
            emit failed(key.first, key.second, error);
            return;
        }
        result->runId = key.first;
        result->postId = key.second;
        m_cache.insert(key, *result);
        emit finished(*result);
    });
    connect(process, &QProcess::errorOccurred, this, [this, process, key](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart || process != m_process)
            return;
        m_process = nullptr;
        process->deleteLater();
        emit failed(key.first, key.second, tr("cannot start %1: %2").arg(m_program, process->errorString()));
    });
    process->start(m_program, {QStringLiteral("explain"), projectPath, QStringLiteral("--run"), QString::number(runId),
                               QStringLiteral("--post"), QString::number(postId), QStringLiteral("--json")});
}
