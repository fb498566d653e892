#include "ui/sequences/seq2seqrunner.h"

#include "ui/training/workerprocess.h"

#include <QProcess>

QStringList Seq2seqRequest::arguments(const QString &projectPath) const
{
    QStringList args{QStringLiteral("explain"), projectPath, QStringLiteral("--run"), QString::number(runId)};
    if (postId > 0)
        args << QStringLiteral("--post") << QString::number(postId);
    else
        args << QStringLiteral("--text") << text;
    if (beamWidth > 0)
        args << QStringLiteral("--beam-width") << QString::number(beamWidth);
    if (lengthPenalty >= 0)
        args << QStringLiteral("--length-penalty") << QString::number(lengthPenalty, 'g', 6);
    args << QStringLiteral("--json");
    return args;
}

QString Seq2seqRequest::key(const QString &projectPath) const
{
    // The arguments name the request exactly; a unit separator cannot occur in them unescaped.
    return arguments(projectPath).join(QChar(0x1f));
}

Seq2seqRunner::Seq2seqRunner(QObject *parent) : QObject(parent), m_program(WorkerProcess::defaultProgram()) {}

Seq2seqRunner::~Seq2seqRunner() { cancel(); }

const Seq2seqExplanation *Seq2seqRunner::cached(const QString &projectPath, const Seq2seqRequest &request) const
{
    const auto found = m_cache.constFind(request.key(projectPath));
    return found == m_cache.constEnd() ? nullptr : &found.value();
}

bool Seq2seqRunner::isRunning() const { return m_process && m_process->state() != QProcess::NotRunning; }

void Seq2seqRunner::cancel()
{
    if (!m_process)
        return;
    QProcess *process = m_process;
    m_process = nullptr;
    m_runningKey.clear();
    process->disconnect(this);
    if (process->state() != QProcess::NotRunning) {
        process->kill();
        process->waitForFinished(2000);
    }
    process->deleteLater();
}

void Seq2seqRunner::request(const QString &projectPath, const Seq2seqRequest &request)
{
    const QString key = request.key(projectPath);
    if (isRunning() && m_runningKey == key)
        return;
    cancel();
    if (const Seq2seqExplanation *result = cached(projectPath, request)) {
        emit finished(*result);
        return;
    }
    auto *process = new QProcess(this);
    m_process = process;
    m_runningKey = key;
    const qint64 runId = request.runId;
    const qint64 postId = request.postId;
    connect(process, &QProcess::finished, this, [this, process, runId, postId, key](int code, QProcess::ExitStatus status) {
        if (process != m_process)
            return;
        m_process = nullptr;
        m_runningKey.clear();
        process->deleteLater();
        const QByteArray output = process->readAllStandardOutput();
        QString error;
        std::optional<Seq2seqExplanation> result = Seq2seqExplanation::fromJson(output, &error);
        if (status != QProcess::NormalExit || code != 0 || !result) {
            // The worker's own message when it gave one ({"error": ...} on stdout), else how it ended.
            if (status != QProcess::NormalExit || output.trimmed().isEmpty())
                error = tr("the worker ended with code %1: %2")
                            .arg(code)
                            .arg(QString::fromUtf8(process->readAllStandardError()).trimmed());
            emit failed(runId, error);
            return;
        }
        result->runId = runId;
        result->postId = postId;
        m_cache.insert(key, *result);
        emit finished(*result);
    });
    connect(process, &QProcess::errorOccurred, this, [this, process, runId](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart || process != m_process)
            return;
        m_process = nullptr;
        m_runningKey.clear();
        process->deleteLater();
        emit failed(runId, tr("cannot start %1: %2").arg(m_program, process->errorString()));
    });
    process->start(m_program, request.arguments(projectPath));
}
