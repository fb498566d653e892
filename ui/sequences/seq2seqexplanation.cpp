#include "ui/sequences/seq2seqexplanation.h"

#include <nlohmann/json.hpp>

namespace {

QStringList strings(const nlohmann::json &array)
{
    QStringList out;
    for (const nlohmann::json &s : array)
        out << QString::fromStdString(s.get<std::string>());
    return out;
}

} // namespace

std::optional<Seq2seqExplanation> Seq2seqExplanation::fromJson(const QByteArray &json, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const nlohmann::json root = nlohmann::json::parse(json.toStdString(), nullptr, false);
    if (root.is_discarded() || !root.is_object())
        return fail(tr("The worker's answer is not JSON."));
    if (root.contains("error") && root["error"].is_string())
        return fail(QString::fromStdString(root["error"].get<std::string>()));
    try {
        if (root.value("model", std::string()) != "seq2seq" || !root.contains("candidates"))
            return fail(tr("The worker's answer is not a seq2seq beam."));
        Seq2seqExplanation result;
        result.runId = root.value("run_id", std::int64_t(0));
        result.postId = root.value("post_id", std::int64_t(0));
        result.sequenceSource = QString::fromStdString(root.value("source", std::string("replies")));
        result.beamWidth = root.value("beam_width", 0);
        result.lengthPenalty = root.value("length_penalty", 0.0);
        result.sourceTokens = strings(root.at("source_tokens"));
        for (const nlohmann::json &c : root.at("candidates")) {
            Seq2seqCandidate candidate;
            candidate.tokens = strings(c.at("tokens"));
            candidate.text = QString::fromStdString(c.at("text").get<std::string>());
            candidate.score = c.at("score").get<double>();
            candidate.logProbability = c.value("log_probability", 0.0);
            candidate.finished = c.value("finished", false);
            candidate.decodedTokens = strings(c.at("decoded_tokens"));
            for (const nlohmann::json &row : c.at("attention")) {
                QVector<double> values;
                for (const nlohmann::json &v : row)
                    values << v.get<double>();
                // A row per step over the real source tokens; an empty source has empty rows.
                if (values.size() != result.sourceTokens.size())
                    return fail(tr("A candidate's cross-attention does not match the source tokens."));
                candidate.attention << values;
            }
            if (candidate.attention.size() != candidate.decodedTokens.size())
                return fail(tr("A candidate's cross-attention does not match its decoded tokens."));
            result.candidates << candidate;
        }
        if (result.candidates.isEmpty())
            return fail(tr("The beam returned no candidate."));
        return result;
    } catch (const nlohmann::json::exception &e) {
        return fail(tr("The worker's beam is malformed: %1").arg(QString::fromUtf8(e.what())));
    }
}
