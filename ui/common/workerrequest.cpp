#include "ui/common/workerrequest.h"

#include <QProcess>

WorkerRequest::WorkerRequest(QObject *parent) : QObject(parent) {}

WorkerRequest::~WorkerRequest() { cancel(); }

bool WorkerRequest::isRunning() const { return m_process && m_process->state() != QProcess::NotRunning; }

QString WorkerRequest::endedWithoutAnswer(int exitCode, const QByteArray &errors)
{
    return tr("the worker ended with code %1: %2").arg(exitCode).arg(QString::fromUtf8(errors).trimmed());
}

void WorkerRequest::cancel()
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

void WorkerRequest::start(const QString &program, const QStringList &arguments, const QByteArray &input)
{
    cancel();
    auto *process = new QProcess(this);
    m_process = process;
    connect(process, &QProcess::finished, this, [this, process](int code, QProcess::ExitStatus status) {
        if (process != m_process)
            return;
        m_process = nullptr;
        process->deleteLater();
        const QByteArray errors = process->readAllStandardError();
        if (status != QProcess::NormalExit) {
            emit failed(endedWithoutAnswer(code, errors));
            return;
        }
        emit answered(process->readAllStandardOutput(), errors, code);
    });
    connect(process, &QProcess::errorOccurred, this, [this, process, program](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart || process != m_process)
            return;
        m_process = nullptr;
        process->deleteLater();
        emit failed(tr("cannot start %1: %2").arg(program, process->errorString()));
    });
    process->start(program, arguments);
    if (process != m_process)
        return; // it failed to start (reported above)
    if (!input.isEmpty())
        process->write(input);
    process->closeWriteChannel();
}
