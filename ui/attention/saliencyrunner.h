#pragma once

#include "ui/common/cachedexplainrequest.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

// Gradient x input and integrated gradients for one post of a text classifier run, as
// `chorus-cli explain --saliency --json` computes them (the GUI cannot run a model itself).
struct TokenSaliencyResult {
    qint64 runId = 0;
    qint64 postId = 0;
    QStringList tokens;
    QVector<double> gradientTimesInput;
    QVector<double> integratedGradients;
    QString target;          // the class explained
    double completenessGap = 0; // sum of integrated gradients - (logit(post) - logit(baseline))
    int steps = 0;
    QString baseline;

    // Parses the worker's JSON; an empty optional with *error set when it is not an explanation
    // with saliency (or the worker reported an error).
    static std::optional<TokenSaliencyResult> fromJson(const QByteArray &json, QString *error);
};

// Runs the worker for saliency in the background, one request at a time: a newer request
// replaces one still running (explanations only read the project, so stopping one is harmless).
// Results are kept per run, post, steps and baseline, so going back to a post costs nothing.
class SaliencyRunner : public QObject {
    Q_OBJECT

public:
    explicit SaliencyRunner(QObject *parent = nullptr);
    ~SaliencyRunner() override;

    void setProgram(const QString &program) { m_requests.setProgram(program); }
    QString program() const { return m_requests.program(); }

    // Starts the worker unless the result is cached (then `finished` follows at once) or the same
    // request is already running.
    void request(const QString &projectPath, qint64 runId, qint64 postId, int steps, const QString &baseline);
    const TokenSaliencyResult *cached(qint64 runId, qint64 postId, int steps, const QString &baseline) const;
    bool isRunning() const { return m_requests.isRunning(); }
    void cancel() { m_requests.cancel(); }

signals:
    void finished(const TokenSaliencyResult &result);
    void failed(qint64 runId, qint64 postId, const QString &message);

private:
    using Requests = CachedExplainRequest<TokenSaliencyResult>;
    static Requests::Request describe(qint64 runId, qint64 postId, int steps, const QString &baseline);

    Requests m_requests;
};
