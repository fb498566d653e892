#include "ui/attention/attentionsnapshot.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace {

QVector<double> numbers(const nlohmann::json &array)
{
    QVector<double> values;
    values.reserve(static_cast<int>(array.size()));
    for (const nlohmann::json &v : array)
        values.append(v.get<double>());
    return values;
}

QStringList strings(const nlohmann::json &array)
{
    QStringList values;
    for (const nlohmann::json &v : array)
        values.append(QString::fromStdString(v.get<std::string>()));
    return values;
}

QVector<QVector<double>> squareMatrix(const nlohmann::json &rows, int size, bool *ok)
{
    QVector<QVector<double>> matrix;
    for (const nlohmann::json &row : rows) {
        matrix.append(numbers(row));
        if (matrix.back().size() != size)
            *ok = false;
    }
    if (matrix.size() != size)
        *ok = false;
    return matrix;
}

// A Transformer's per-layer, per-head attention (HeadAttention in models/training): every layer
// with the same heads, one weight per token, square matrices of the post's tokens.
bool readHeads(const nlohmann::json &p, AttentionPost &post, QString *error)
{
    const int tokens = int(post.tokens.size());
    bool ok = true;
    for (const nlohmann::json &layer : p.value("head_weights", nlohmann::json::array())) {
        QVector<QVector<double>> heads;
        for (const nlohmann::json &head : layer) {
            heads.append(numbers(head));
            ok = ok && heads.back().size() == tokens;
        }
        ok = ok && !heads.isEmpty() && (post.headWeights.isEmpty() || heads.size() == post.headWeights.front().size());
        post.headWeights.append(heads);
    }
    for (const nlohmann::json &layer : p.value("head_matrices", nlohmann::json::array())) {
        QVector<QVector<QVector<double>>> heads;
        for (const nlohmann::json &head : layer)
            heads.append(squareMatrix(head, tokens, &ok));
        post.headMatrices.append(heads);
    }
    for (const nlohmann::json &layer : p.value("layer_matrices", nlohmann::json::array()))
        post.layerMatrices.append(squareMatrix(layer, tokens, &ok));
    const int layers = int(post.headWeights.size());
    const int heads = layers > 0 ? int(post.headWeights.front().size()) : 0;
    if (!post.headMatrices.isEmpty()) {
        ok = ok && post.headMatrices.size() == layers;
        for (const auto &layer : post.headMatrices)
            ok = ok && layer.size() == heads;
    }
    if (!post.layerMatrices.isEmpty())
        ok = ok && post.layerMatrices.size() == layers;
    if (!ok && error)
        *error = QCoreApplication::translate("AttentionSnapshot",
                                             "Post %1: the per-head attention does not match its %2 tokens.")
                     .arg(post.postId)
                     .arg(tokens);
    return ok;
}

} // namespace

const AttentionPost *AttentionSnapshot::post(qint64 postId) const
{
    for (const AttentionPost &p : posts)
        if (p.postId == postId)
            return &p;
    return nullptr;
}

std::optional<AttentionSnapshot> AttentionSnapshot::fromJson(const std::string &json, QString *error)
{
    const nlohmann::json root = nlohmann::json::parse(json, nullptr, false);
    if (root.is_discarded() || !root.is_object()) {
        if (error)
            *error = QCoreApplication::translate("AttentionSnapshot", "The attention snapshot is not a JSON object.");
        return std::nullopt;
    }
    // get<>() throws on a value of the wrong type; that becomes the error message here, never escapes.
    try {
        AttentionSnapshot snapshot;
        snapshot.epoch = root.value("epoch", 0);
        snapshot.step = root.value("step", std::int64_t(0));
        if (root.contains("classes"))
            snapshot.classes = strings(root.at("classes"));
        for (const nlohmann::json &p : root.value("posts", nlohmann::json::array())) {
            AttentionPost post;
            post.postId = p.at("post_id").get<std::int64_t>();
            if (p.contains("tokens"))
                post.tokens = strings(p.at("tokens"));
            if (p.contains("weights"))
                post.weights = numbers(p.at("weights"));
            if (post.weights.size() != post.tokens.size()) {
                if (error)
                    *error = QCoreApplication::translate("AttentionSnapshot", "Post %1 has %2 tokens but %3 weights.")
                                 .arg(post.postId)
                                 .arg(post.tokens.size())
                                 .arg(post.weights.size());
                return std::nullopt;
            }
            if (!readHeads(p, post, error))
                return std::nullopt;
            for (const nlohmann::json &t : p.value("thread", nlohmann::json::array())) {
                AttentionThreadPost member;
                member.postId = t.at("post_id").get<std::int64_t>();
                member.weight = t.at("weight").get<double>();
                member.tokens = strings(t.value("tokens", nlohmann::json::array()));
                member.weights = numbers(t.value("weights", nlohmann::json::array()));
                if (member.weights.size() != member.tokens.size()) {
                    if (error)
                        *error = QCoreApplication::translate("AttentionSnapshot",
                                                             "Post %1 of the thread of post %2 has %3 tokens but %4 weights.")
                                     .arg(member.postId)
                                     .arg(post.postId)
                                     .arg(member.tokens.size())
                                     .arg(member.weights.size());
                    return std::nullopt;
                }
                post.thread.append(member);
            }
            if (p.contains("frame_weights"))
                post.frameWeights = numbers(p.at("frame_weights"));
            if (p.contains("modality_weights"))
                for (const auto &[name, weight] : p.at("modality_weights").items())
                    post.modalityWeights.append({QString::fromStdString(name), weight.get<double>()});
            // Keep the model's own modality order (JSON objects come back sorted by name).
            if (root.contains("modalities") && !post.modalityWeights.isEmpty()) {
                const QStringList order = strings(root.at("modalities"));
                std::stable_sort(post.modalityWeights.begin(), post.modalityWeights.end(),
                                 [&order](const auto &a, const auto &b) {
                                     return order.indexOf(a.first) < order.indexOf(b.first);
                                 });
            }
            if (p.contains("label"))
                post.label = p.at("label").is_string() ? QString::fromStdString(p.at("label").get<std::string>())
                                                       : QString::number(p.at("label").get<double>());
            if (p.contains("probabilities"))
                post.probabilities = numbers(p.at("probabilities"));
            snapshot.posts.append(post);
        }
        return snapshot;
    } catch (const nlohmann::json::exception &e) {
        if (error)
            *error = QCoreApplication::translate("AttentionSnapshot", "The attention snapshot is malformed: %1")
                         .arg(QString::fromUtf8(e.what()));
        return std::nullopt;
    }
}
