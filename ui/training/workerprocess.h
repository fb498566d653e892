#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QVariantMap>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>

class QTemporaryFile;

// One training run in its own process: `chorus-cli train PROJECT --config C.json --events -`.
// The GUI never links LibTorch and survives whatever happens to the worker. Events arrive as JSON
// lines on the worker's stdout and become typed signals; commands go to its stdin. When the worker
// ends without a finished or failed event (a crash, a kill, an abort), failed() carries the exit
// code or signal and the last lines it wrote to stderr, and the run is marked failed in the project.
class WorkerProcess : public QObject {
    Q_OBJECT

public:
    explicit WorkerProcess(QObject *parent = nullptr);
    // A worker still running is asked to stop, then killed; its run is marked failed.
    ~WorkerProcess() override;

    // $CHORUS_CLI when set, else chorus-cli next to the running executable.
    static QString defaultProgram();
    void setProgram(const QString &program) { m_program = program; }
    QString program() const { return m_program; }

    // Writes the config to a temporary file and starts the worker. Returns the reason it could
    // not start (empty on success); failures after the start arrive as failed().
    QString start(const QString &projectPath, const nlohmann::json &config);
    bool isRunning() const;
    std::int64_t runId() const { return m_runId; }
    qint64 processId() const;
    QStringList stderrTail() const { return m_stderrTail; }

    void pause();
    // A learning rate > 0 is sent with the command as {"command": "resume", "lr": X}. Workers up
    // to now read only "command" and ignore the rest, so the rate is a recorded wish until the
    // trainer learns to apply it.
    void resume(double learningRate = 0);
    void step();
    void stop();
    void sendCommand(const nlohmann::json &command);

signals:
    void started(qint64 runId, const QString &device, qint64 totalSteps);
    void stepReported(qint64 step, double epoch, double loss, double learningRate, double samplesPerSecond,
                      qint64 totalSteps);
    // Metric name -> value (loss, accuracy, macro_f1, ...), as the evaluation event lists them.
    void evaluated(qint64 step, double epoch, const QVariantMap &metrics);
    void checkpointSaved(const QString &kind, qint64 step, const QString &path);
    void attentionRecorded(int epoch, qint64 step);
    void paused(qint64 step);
    void resumed(qint64 step);
    void finished(const QString &status, qint64 steps, const QVariantMap &test);
    void failed(const QString &message);
    // Non-fatal notes from the worker (an unknown command, a media file it could not read).
    void notice(const QString &message);
    // The process is gone; after finished() or failed().
    void exited();

private:
    void readOutput();
    void readErrors();
    void handleLine(const QByteArray &line);
    void processEnded(int exitCode, QProcess::ExitStatus status);
    void processError(QProcess::ProcessError error);
    void fail(const QString &message);
    void markRunFailed(const QString &message);

    QString m_program;
    QString m_projectPath;
    QProcess *m_process = nullptr;
    std::unique_ptr<QTemporaryFile> m_configFile;
    QByteArray m_pending;  // a partial stdout line
    QByteArray m_pendingErr;
    QStringList m_stderrTail;
    QString m_errorLine;   // {"error": ...} the worker printed before exiting
    std::int64_t m_runId = 0;
    bool m_ended = false;  // finished or failed reported
};
