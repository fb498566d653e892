#include "ui/sequences/seq2seqrunner.h"

#include "ui/common/workerrequest.h"
#include "ui/training/workerprocess.h"

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

Seq2seqRunner::Seq2seqRunner(QObject *parent)
    : QObject(parent), m_program(WorkerProcess::defaultProgram()), m_worker(new WorkerRequest(this))
{
    connect(m_worker, &WorkerRequest::answered, this, [this](const QByteArray &output, const QByteArray &errors, int code) {
        const QString key = m_runningKey;
        m_runningKey.clear();
        QString error;
        std::optional<Seq2seqExplanation> result = Seq2seqExplanation::fromJson(output, &error);
        if (code != 0 || !result) {
            // The worker's own message when it gave one ({"error": ...} on stdout), else how it ended.
            emit failed(m_runningRun, output.trimmed().isEmpty() ? WorkerRequest::endedWithoutAnswer(code, errors) : error);
            return;
        }
        result->runId = m_runningRun;
        result->postId = m_runningPost;
        m_cache.insert(key, *result);
        emit finished(*result);
    });
    connect(m_worker, &WorkerRequest::failed, this, [this](const QString &message) {
        m_runningKey.clear();
        emit failed(m_runningRun, message);
    });
}

Seq2seqRunner::~Seq2seqRunner() { cancel(); }

const Seq2seqExplanation *Seq2seqRunner::cached(const QString &projectPath, const Seq2seqRequest &request) const
{
    const auto found = m_cache.constFind(request.key(projectPath));
    return found == m_cache.constEnd() ? nullptr : &found.value();
}

bool Seq2seqRunner::isRunning() const { return m_worker->isRunning(); }

void Seq2seqRunner::cancel()
{
    m_worker->cancel();
    m_runningKey.clear();
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
    m_runningKey = key;
    m_runningRun = request.runId;
    m_runningPost = request.postId;
    m_worker->start(m_program, request.arguments(projectPath));
}
