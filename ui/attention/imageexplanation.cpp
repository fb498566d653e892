#include "ui/attention/imageexplanation.h"

#include <nlohmann/json.hpp>

namespace {

QVector<double> numbers(const nlohmann::json &array)
{
    QVector<double> values;
    values.reserve(int(array.size()));
    for (const nlohmann::json &v : array)
        values.append(v.get<double>());
    return values;
}

} // namespace

std::optional<ImageExplanation> ImageExplanation::fromJson(const QByteArray &json, QString *error)
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
        ImageExplanation result;
        result.runId = root.value("run_id", std::int64_t(0));
        result.postId = root.value("post_id", std::int64_t(0));
        for (const nlohmann::json &problem : root.value("media_problems", nlohmann::json::array()))
            if (problem.is_string())
                result.mediaProblems << QString::fromStdString(problem.get<std::string>());
        if (root.contains("grad_cam")) {
            const nlohmann::json &cam = root.at("grad_cam");
            if (!cam.contains("values"))
                return fail(tr("The worker sent a Grad-CAM map without values (an older chorus-cli?)."));
            result.gradCamHeight = cam.at("height").get<int>();
            result.gradCamWidth = cam.at("width").get<int>();
            result.gradCam = numbers(cam.at("values"));
            result.explainedClass = QString::fromStdString(cam.value("class", std::string()));
            if (result.gradCamHeight < 1 || result.gradCamWidth < 1 ||
                result.gradCam.size() != qint64(result.gradCamHeight) * result.gradCamWidth)
                return fail(tr("The Grad-CAM map's size does not match its values."));
        }
        if (root.contains("text_to_image")) {
            for (const nlohmann::json &row : root.at("text_to_image"))
                result.textToImage.append(numbers(row));
            for (const nlohmann::json &token : root.value("tokens", nlohmann::json::array()))
                result.tokens << QString::fromStdString(token.get<std::string>());
            if (root.contains("region_grid")) {
                result.regionRows = root["region_grid"].at("rows").get<int>();
                result.regionColumns = root["region_grid"].at("cols").get<int>();
            }
            const qint64 regions = qint64(result.regionRows) * result.regionColumns;
            for (const QVector<double> &row : result.textToImage)
                if (row.size() != regions)
                    return fail(tr("The co-attention rows do not match the grid of image regions."));
            if (result.tokens.size() != result.textToImage.size())
                return fail(tr("The co-attention rows do not match the post's tokens."));
        }
        return result;
    } catch (const nlohmann::json::exception &e) {
        return fail(tr("The worker's explanation is malformed: %1").arg(QString::fromUtf8(e.what())));
    }
}
