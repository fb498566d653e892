#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

class QProcess;

// One `chorus-cli ... --json` call at a time for a view that waits for its answer (an explanation,
// saliency): a newer call replaces one still running, and a cancelled call says nothing more. The
// caller reads the answer (or its absence) and keeps its own cache.
class WorkerRequest : public QObject {
    Q_OBJECT

public:
    explicit WorkerRequest(QObject *parent = nullptr);
    ~WorkerRequest() override;

    // Starts `program` with `arguments`, stopping a call still running first (without a signal);
    // `input`, when given, is written to its standard input, which is then closed.
    void start(const QString &program, const QStringList &arguments, const QByteArray &input = {});
    bool isRunning() const;
    // Stops the call running, if any; neither `answered` nor `failed` follows for it.
    void cancel();

    // What to say when the worker ended without an answer to read.
    static QString endedWithoutAnswer(int exitCode, const QByteArray &errors);

signals:
    // The worker ran to its end (whatever its exit code): what it printed.
    void answered(const QByteArray &output, const QByteArray &errors, int exitCode);
    // It crashed or could not be started: a message saying so.
    void failed(const QString &message);

private:
    QProcess *m_process = nullptr;
};
