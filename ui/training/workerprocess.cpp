#include "ui/training/workerprocess.h"

#include "core/store/project.h"
#include "core/training/runstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryFile>

namespace {

constexpr int kStderrLines = 12;

QVariantMap numbersOf(const nlohmann::json &object, std::initializer_list<const char *> skip)
{
    QVariantMap out;
    if (!object.is_object())
        return out;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it->is_number())
            continue;
        bool skipped = false;
        for (const char *s : skip)
            skipped = skipped || it.key() == s;
        if (!skipped)
            out.insert(QString::fromStdString(it.key()), it->get<double>());
    }
    return out;
}

QString text(const nlohmann::json &event, const char *key)
{
    return event.contains(key) && event[key].is_string() ? QString::fromStdString(event[key].get<std::string>())
                                                         : QString();
}

qint64 integer(const nlohmann::json &event, const char *key)
{
    return event.contains(key) && event[key].is_number() ? event[key].get<qint64>() : 0;
}

double real(const nlohmann::json &event, const char *key)
{
    return event.contains(key) && event[key].is_number() ? event[key].get<double>() : 0.0;
}

} // namespace

WorkerProcess::WorkerProcess(QObject *parent) : QObject(parent), m_program(defaultProgram()) {}

WorkerProcess::~WorkerProcess()
{
    if (!isRunning())
        return;
    m_process->disconnect(this);
    sendCommand({{"command", "stop"}});
    if (!m_process->waitForFinished(3000)) {
        m_process->kill();
        m_process->waitForFinished(3000);
        if (!m_ended)
            markRunFailed(tr("the workbench closed while the run was training"));
    }
}

QString WorkerProcess::defaultProgram()
{
    const QString fromEnv = qEnvironmentVariable("CHORUS_CLI");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("chorus-cli"));
}

QString WorkerProcess::start(const QString &projectPath, const nlohmann::json &config)
{
    if (isRunning())
        return tr("a run is already training");
    m_configFile = std::make_unique<QTemporaryFile>(QDir::temp().filePath(QStringLiteral("chorus-run-XXXXXX.json")));
    if (!m_configFile->open())
        return tr("cannot write the run config: %1").arg(m_configFile->errorString());
    m_configFile->write(QByteArray::fromStdString(config.dump(2)));
    m_configFile->flush();
    m_configFile->close();

    m_projectPath = projectPath;
    m_pending.clear();
    m_pendingErr.clear();
    m_stderrTail.clear();
    m_errorLine.clear();
    m_runId = 0;
    m_ended = false;
    if (m_process)
        m_process->deleteLater();
    m_process = new QProcess(this);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &WorkerProcess::readOutput);
    connect(m_process, &QProcess::readyReadStandardError, this, &WorkerProcess::readErrors);
    connect(m_process, &QProcess::finished, this, &WorkerProcess::processEnded);
    connect(m_process, &QProcess::errorOccurred, this, &WorkerProcess::processError);
    m_process->start(m_program, {QStringLiteral("train"), projectPath, QStringLiteral("--config"),
                                 m_configFile->fileName(), QStringLiteral("--events"), QStringLiteral("-")});
    if (!m_process->waitForStarted(10000)) {
        const QString reason = tr("cannot start the worker %1: %2").arg(m_program, m_process->errorString());
        m_ended = true;
        return reason;
    }
    return {};
}

bool WorkerProcess::isRunning() const { return m_process && m_process->state() != QProcess::NotRunning; }

qint64 WorkerProcess::processId() const { return m_process ? m_process->processId() : 0; }

void WorkerProcess::sendCommand(const nlohmann::json &command)
{
    if (!isRunning())
        return;
    m_process->write(QByteArray::fromStdString(command.dump()) + '\n');
}

void WorkerProcess::pause() { sendCommand({{"command", "pause"}}); }

void WorkerProcess::resume(double learningRate)
{
    nlohmann::json command = {{"command", "resume"}};
    if (learningRate > 0)
        command["lr"] = learningRate;
    sendCommand(command);
}

void WorkerProcess::step() { sendCommand({{"command", "step"}}); }

void WorkerProcess::stop() { sendCommand({{"command", "stop"}}); }

void WorkerProcess::readOutput()
{
    m_pending += m_process->readAllStandardOutput();
    // Only whole lines are events; the rest waits for the next read.
    int newline;
    while ((newline = m_pending.indexOf('\n')) >= 0) {
        const QByteArray line = m_pending.left(newline).trimmed();
        m_pending.remove(0, newline + 1);
        if (!line.isEmpty())
            handleLine(line);
    }
}

void WorkerProcess::readErrors()
{
    m_pendingErr += m_process->readAllStandardError();
    int newline;
    while ((newline = m_pendingErr.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_pendingErr.left(newline)).trimmed();
        m_pendingErr.remove(0, newline + 1);
        if (line.isEmpty())
            continue;
        m_stderrTail << line;
        while (m_stderrTail.size() > kStderrLines)
            m_stderrTail.removeFirst();
    }
}

void WorkerProcess::handleLine(const QByteArray &line)
{
    const nlohmann::json event = nlohmann::json::parse(line.constData(), line.constData() + line.size(), nullptr, false);
    if (event.is_discarded() || !event.is_object())
        return; // stray output is not an event
    if (!event.contains("event")) {
        // The closing result object, or {"error": ...} when the worker refused the config.
        if (event.contains("error") && event["error"].is_string())
            m_errorLine = QString::fromStdString(event["error"].get<std::string>());
        return;
    }
    const std::string kind = event.value("event", std::string());
    if (kind == "started") {
        m_runId = integer(event, "run_id");
        emit started(m_runId, text(event, "device"), integer(event, "steps"));
    } else if (kind == "step") {
        emit stepReported(integer(event, "step"), real(event, "epoch"), real(event, "loss"), real(event, "lr"),
                          real(event, "samples_per_s"), integer(event, "steps"));
    } else if (kind == "evaluation") {
        emit evaluated(integer(event, "step"), real(event, "epoch"), numbersOf(event, {"step", "epoch"}));
    } else if (kind == "checkpoint") {
        emit checkpointSaved(text(event, "kind"), integer(event, "step"), text(event, "path"));
    } else if (kind == "attention") {
        emit attentionRecorded(static_cast<int>(integer(event, "epoch")), integer(event, "step"));
    } else if (kind == "paused") {
        emit paused(integer(event, "step"));
    } else if (kind == "resumed") {
        emit resumed(integer(event, "step"));
    } else if (kind == "finished") {
        m_ended = true;
        emit finished(text(event, "status"), integer(event, "steps"),
                      numbersOf(event.contains("test") ? event["test"] : nlohmann::json(), {}));
    } else if (kind == "failed") {
        m_ended = true;
        if (!m_runId)
            m_runId = integer(event, "run_id");
        emit failed(text(event, "message"));
    } else if (kind == "error" || kind == "warning") {
        emit notice(text(event, "message"));
    }
}

void WorkerProcess::processEnded(int exitCode, QProcess::ExitStatus status)
{
    // Whatever is left in the pipes belongs to this run.
    readOutput();
    readErrors();
    if (!m_pending.trimmed().isEmpty()) {
        handleLine(m_pending.trimmed());
        m_pending.clear();
    }
    if (!m_pendingErr.trimmed().isEmpty()) {
        m_stderrTail << QString::fromUtf8(m_pendingErr).trimmed();
        m_pendingErr.clear();
    }
    if (!m_ended) {
        QString message;
        if (!m_errorLine.isEmpty())
            message = m_errorLine;
        else if (status == QProcess::CrashExit)
            message = tr("the worker crashed");
        else
            message = tr("the worker exited with code %1 without finishing the run").arg(exitCode);
        if (m_errorLine.isEmpty() && !m_stderrTail.isEmpty())
            message += QStringLiteral(":\n") + m_stderrTail.join('\n');
        fail(message);
    }
    m_configFile.reset();
    emit exited();
}

void WorkerProcess::processError(QProcess::ProcessError error)
{
    // Start failures are answered by start(); a crash arrives through finished().
    if (error == QProcess::FailedToStart)
        m_ended = true;
}

void WorkerProcess::fail(const QString &message)
{
    m_ended = true;
    markRunFailed(message);
    emit failed(message);
}

void WorkerProcess::markRunFailed(const QString &message)
{
    if (m_runId <= 0 || m_projectPath.isEmpty())
        return;
    // A connection of our own: the worker's is gone, and the GUI's may belong to another project by now.
    auto project = chorus::Project::open(m_projectPath.toStdString(), chorus::Project::OpenMode::OpenExisting);
    if (!project)
        return;
    chorus::RunStore(**project).setStatus(m_runId, "failed", message.toStdString());
}
