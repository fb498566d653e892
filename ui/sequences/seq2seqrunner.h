#pragma once

#include "ui/sequences/seq2seqexplanation.h"

#include <QHash>
#include <QObject>
#include <QString>

class WorkerRequest;

// What to decode: a run and one source, a stored post (replies runs) or typed input (a text, or
// "kind:item kind:item ..." actions for behaviour runs), with optional decoding settings.
struct Seq2seqRequest {
    qint64 runId = 0;
    qint64 postId = 0; // > 0: the post's text is the source; otherwise `text`
    QString text;
    int beamWidth = 0;          // 0: the run's
    double lengthPenalty = -1;  // negative: the run's

    QStringList arguments(const QString &projectPath) const; // for `chorus-cli`
    QString key(const QString &projectPath) const;
};

// Runs `chorus-cli explain --json` for seq2seq runs in the background (the GUI cannot run a model
// itself), one request at a time: a newer request replaces one still running (explaining only
// reads the project, so stopping one is harmless). Results are kept per project and request, so
// going back to an input costs nothing.
class Seq2seqRunner : public QObject {
    Q_OBJECT

public:
    explicit Seq2seqRunner(QObject *parent = nullptr);
    ~Seq2seqRunner() override;

    void setProgram(const QString &program) { m_program = program; }
    QString program() const { return m_program; }

    // Starts the worker unless the result is cached (then `finished` follows at once) or the same
    // request is already running.
    void request(const QString &projectPath, const Seq2seqRequest &request);
    const Seq2seqExplanation *cached(const QString &projectPath, const Seq2seqRequest &request) const;
    bool isRunning() const;
    // Stops a running request; neither `finished` nor `failed` follows for it.
    void cancel();
    void clearCache() { m_cache.clear(); }

signals:
    void finished(const Seq2seqExplanation &result);
    void failed(qint64 runId, const QString &message);

private:
    QString m_program;
    WorkerRequest *m_worker;
    // The request the worker is answering: its cache key and what the result is about.
    QString m_runningKey;
    qint64 m_runningRun = 0;
    qint64 m_runningPost = 0;
    QHash<QString, Seq2seqExplanation> m_cache;
};
