#include "ui/embeddings/projectionrunner.h"

#include "core/embeddings/projectortable.h"
#include "core/projection/pca.h"

#include <QThread>

struct ProjectionRunner::Job {
    QVector<double> coordinates;
    QString summary;
    QString error;
    bool cancelled = false;
};

ProjectionRunner::ProjectionRunner(QObject *parent) : QObject(parent) {}

ProjectionRunner::~ProjectionRunner() = default; // the threads are cancelled and waited for by m_threads

void ProjectionRunner::cancel()
{
    if (m_threads.cancel())
        emit cancelled();
}

void ProjectionRunner::start(std::shared_ptr<const chorus::ProjectorTable> table, ProjectionMethod method,
                             const chorus::TsneOptions &tsne, const chorus::UmapOptions &umap)
{
    cancel();
    const AbandonableThreads::Job started = m_threads.begin();
    const std::uint64_t generation = started.generation;
    const std::shared_ptr<std::atomic<bool>> cancelFlag = started.cancelled;
    auto job = std::make_shared<Job>();
    QThread *thread = QThread::create([this, table, method, tsne, umap, cancelFlag, job, generation] {
        // Nothing may escape the thread: every failure becomes the job's error.
        try {
            const chorus::MatrixView matrix{table->matrix.data(), table->rows, table->dimensions};
            if (method == ProjectionMethod::Pca) {
                auto pca = chorus::principalComponents(matrix, 2);
                if (!pca) {
                    job->error = QString::fromStdString(pca.message());
                } else {
                    job->coordinates.resize(int(pca->coordinates.size()));
                    std::copy(pca->coordinates.begin(), pca->coordinates.end(), job->coordinates.begin());
                    job->summary = tr("PCA: the two components explain %1% and %2% of the variance")
                                       .arg(100 * pca->explainedVarianceRatio[0], 0, 'f', 1)
                                       .arg(100 * pca->explainedVarianceRatio[1], 0, 'f', 1);
                }
            } else if (method == ProjectionMethod::Umap) {
                runUmap(matrix, umap, generation, cancelFlag, *job);
            } else {
                auto result = chorus::runTsne(matrix, tsne, [this, cancelFlag, generation, &tsne](int iteration, double) {
                    if (*cancelFlag)
                        return false;
                    QMetaObject::invokeMethod(
                        this,
                        [this, generation, iteration, total = tsne.iterations] {
                            if (m_threads.isCurrent(generation))
                                emit progress(iteration, total, tr("t-SNE iterations"));
                        },
                        Qt::QueuedConnection);
                    return true;
                });
                if (!result) {
                    job->error = QString::fromStdString(result.message());
                } else if (result->cancelled) {
                    job->cancelled = true;
                } else {
                    job->coordinates.resize(int(result->coordinates.size()));
                    std::copy(result->coordinates.begin(), result->coordinates.end(), job->coordinates.begin());
                    job->summary = tr("t-SNE: %1 iterations, KL divergence %2")
                                       .arg(result->iterationsRun)
                                       .arg(result->klDivergence, 0, 'f', 3);
                }
            }
        } catch (const std::exception &e) {
            job->error = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(this, [this, generation, job] { deliver(generation, job); }, Qt::QueuedConnection);
    });
    m_threads.launch(thread);
}

void ProjectionRunner::runUmap(const chorus::MatrixView &matrix, const chorus::UmapOptions &options,
                               std::uint64_t generation, const std::shared_ptr<std::atomic<bool>> &cancelFlag, Job &job)
{
    auto result = chorus::runUmap(matrix, options, [&](chorus::UmapStage stage, int done, int total) {
        if (*cancelFlag)
            return false;
        const QString what = stage == chorus::UmapStage::Neighbours ? tr("UMAP neighbour search") : tr("UMAP epochs");
        QMetaObject::invokeMethod(
            this,
            [this, generation, done, total, what] {
                if (m_threads.isCurrent(generation))
                    emit progress(done, total, what);
            },
            Qt::QueuedConnection);
        return true;
    });
    if (!result) {
        job.error = QString::fromStdString(result.message());
    } else if (result->cancelled) {
        job.cancelled = true;
    } else {
        job.coordinates.resize(int(result->coordinates.size()));
        std::copy(result->coordinates.begin(), result->coordinates.end(), job.coordinates.begin());
        job.summary = tr("UMAP: %1 epochs over %2 edges, %3 neighbours")
                          .arg(result->epochsRun)
                          .arg(result->edges)
                          .arg(result->exactNeighbours ? tr("exact") : tr("approximate (NN-descent)"));
    }
}

void ProjectionRunner::deliver(std::uint64_t generation, const std::shared_ptr<Job> &job)
{
    if (!m_threads.finish(generation))
        return; // cancelled or replaced while it ran
    if (job->cancelled)
        emit cancelled();
    else if (!job->error.isEmpty())
        emit failed(job->error);
    else
        emit finished(job->coordinates, job->summary);
}
