#pragma once

#include "ui/common/workerrequest.h"
#include "ui/training/workerprocess.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// What the explain runners (live attention, saliency, image explanations) share: one
// `chorus-cli explain PROJECT --run R --post P [options] --json` at a time, a newer request
// replacing one still running (explaining only reads the project, so stopping one is harmless),
// and the answers parsed into a Result kept per run, post and options, so going back to a post
// costs nothing. The runner owning it keeps its own signals; this calls them through `finished`
// and `failed`. (A template, so not a QObject: the owner gives the context of its connections.)
template <typename Result>
class CachedExplainRequest {
public:
    struct Request {
        qint64 runId = 0;
        qint64 postId = 0;
        QStringList options; // between --post P and --json
    };
    // The worker's answer as a Result; an empty optional with *error set when it is not one.
    using Parse = std::function<std::optional<Result>(const QByteArray &output, const Request &request, QString *error)>;
    using Finished = std::function<void(const Request &request, const Result &result)>;
    using Failed = std::function<void(const Request &request, const QString &message)>;

    // A Parse for results that carry runId and postId: `fromJson`, then the request's run and post.
    static Parse stamped(std::optional<Result> (*fromJson)(const QByteArray &json, QString *error))
    {
        return [fromJson](const QByteArray &output, const Request &request, QString *error) {
            std::optional<Result> result = fromJson(output, error);
            if (result) {
                result->runId = request.runId;
                result->postId = request.postId;
            }
            return result;
        };
    }

    CachedExplainRequest(QObject *owner, Parse parse, Finished finished, Failed failed)
        : m_program(WorkerProcess::defaultProgram()), m_worker(new WorkerRequest(owner)), m_parse(std::move(parse)),
          m_finished(std::move(finished)), m_failed(std::move(failed))
    {
        QObject::connect(m_worker, &WorkerRequest::answered, owner,
                         [this](const QByteArray &output, const QByteArray &errors, int code) {
                             const Request request = m_running;
                             QString error;
                             std::optional<Result> result = m_parse(output, request, &error);
                             if (code != 0 || !result) {
                                 m_failed(request, output.trimmed().isEmpty() || error.isEmpty()
                                                       ? WorkerRequest::endedWithoutAnswer(code, errors)
                                                       : error);
                                 return;
                             }
                             m_cache.insert(key(request), *result);
                             m_finished(request, *result);
                         });
        QObject::connect(m_worker, &WorkerRequest::failed, owner,
                         [this](const QString &message) { m_failed(m_running, message); });
    }
    CachedExplainRequest(const CachedExplainRequest &) = delete;
    CachedExplainRequest &operator=(const CachedExplainRequest &) = delete;

    void setProgram(const QString &program) { m_program = program; }
    QString program() const { return m_program; }

    // Starts the worker unless the answer is cached (then `finished` is called at once) or the same
    // request is already running.
    void request(const QString &projectPath, const Request &request)
    {
        if (isRunning() && key(m_running) == key(request))
            return;
        cancel();
        if (const Result *result = cached(request)) {
            m_finished(request, *result);
            return;
        }
        m_running = request;
        QStringList arguments{QStringLiteral("explain"), projectPath, QStringLiteral("--run"), QString::number(request.runId),
                              QStringLiteral("--post"), QString::number(request.postId)};
        arguments << request.options << QStringLiteral("--json");
        m_worker->start(m_program, arguments);
    }
    const Result *cached(const Request &request) const
    {
        const auto found = m_cache.constFind(key(request));
        return found == m_cache.constEnd() ? nullptr : &found.value();
    }
    bool isRunning() const { return m_worker->isRunning(); }
    // Stops the request running, if any; neither `finished` nor `failed` follows for it.
    void cancel() { m_worker->cancel(); }

private:
    static QString key(const Request &request)
    {
        return QStringLiteral("%1/%2/").arg(request.runId).arg(request.postId) + request.options.join(QChar(0x1f));
    }

    QString m_program;
    WorkerRequest *m_worker;
    Parse m_parse;
    Finished m_finished;
    Failed m_failed;
    Request m_running;
    QHash<QString, Result> m_cache;
};
