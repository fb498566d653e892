#include "ui/attention/saliencyrunner.h"

#include <nlohmann/json.hpp>

namespace {

QVector<double> numbers(const nlohmann::json &array)
{
    QVector<double> values;
    for (const nlohmann::json &v : array)
        values.append(v.get<double>());
    return values;
}

} // namespace

std::optional<TokenSaliencyResult> TokenSaliencyResult::fromJson(const QByteArray &json, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const nlohmann::json root = nlohmann::json::parse(json.toStdString(), nullptr, false);
    if (root.is_discarded() || !root.is_object())
        return fail(SaliencyRunner::tr("The worker's answer is not JSON."));
    if (root.contains("error") && root["error"].is_string())
        return fail(QString::fromStdString(root["error"].get<std::string>()));
    try {
        if (!root.contains("saliency") || !root["saliency"].is_object())
            return fail(SaliencyRunner::tr("The worker's answer has no saliency."));
        const nlohmann::json &s = root["saliency"];
        TokenSaliencyResult result;
        result.runId = root.value("run_id", std::int64_t(0));
        result.postId = root.value("post_id", std::int64_t(0));
        for (const nlohmann::json &t : root.at("tokens"))
            result.tokens << QString::fromStdString(t.get<std::string>());
        result.gradientTimesInput = numbers(s.at("gradient_x_input"));
        result.integratedGradients = numbers(s.at("integrated_gradients"));
        result.target = QString::fromStdString(s.value("target", std::string()));
        result.completenessGap = s.value("completeness_gap", 0.0);
        result.steps = s.value("steps", 0);
        result.baseline = QString::fromStdString(s.value("baseline", std::string()));
        if (result.gradientTimesInput.size() != result.tokens.size() ||
            result.integratedGradients.size() != result.tokens.size())
            return fail(SaliencyRunner::tr("The saliency does not match the post's tokens."));
        return result;
    } catch (const nlohmann::json::exception &e) {
        return fail(SaliencyRunner::tr("The worker's saliency is malformed: %1").arg(QString::fromUtf8(e.what())));
    }
}

SaliencyRunner::SaliencyRunner(QObject *parent)
    : QObject(parent),
      m_requests(
          this,
          Requests::stamped(&TokenSaliencyResult::fromJson),
          [this](const auto &, const TokenSaliencyResult &result) { emit finished(result); },
          [this](const auto &request, const QString &message) { emit failed(request.runId, request.postId, message); })
{
}

SaliencyRunner::~SaliencyRunner() { cancel(); }

SaliencyRunner::Requests::Request SaliencyRunner::describe(qint64 runId, qint64 postId, int steps, const QString &baseline)
{
    return {runId, postId,
            {QStringLiteral("--saliency"), QStringLiteral("--steps"), QString::number(steps), QStringLiteral("--baseline"),
             baseline}};
}

const TokenSaliencyResult *SaliencyRunner::cached(qint64 runId, qint64 postId, int steps, const QString &baseline) const
{
    return m_requests.cached(describe(runId, postId, steps, baseline));
}

void SaliencyRunner::request(const QString &projectPath, qint64 runId, qint64 postId, int steps, const QString &baseline)
{
    m_requests.request(projectPath, describe(runId, postId, steps, baseline));
}
