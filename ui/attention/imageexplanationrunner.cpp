#include "ui/attention/imageexplanationrunner.h"

ImageExplanationRunner::ImageExplanationRunner(QObject *parent)
    : QObject(parent),
      m_requests(
          this,
          CachedExplainRequest<ImageExplanation>::stamped(&ImageExplanation::fromJson),
          [this](const auto &, const ImageExplanation &result) { emit finished(result); },
          [this](const auto &request, const QString &message) { emit failed(request.runId, request.postId, message); })
{
}

ImageExplanationRunner::~ImageExplanationRunner() { cancel(); }

const ImageExplanation *ImageExplanationRunner::cached(qint64 runId, qint64 postId) const
{
    return m_requests.cached({runId, postId, {}});
}

void ImageExplanationRunner::request(const QString &projectPath, qint64 runId, qint64 postId)
{
    m_requests.request(projectPath, {runId, postId, {}});
}
