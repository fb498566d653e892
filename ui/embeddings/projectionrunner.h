#pragma once

#include "core/projection/tsne.h"
#include "core/projection/umap.h"

#include "ui/common/abandonablethreads.h"

#include <QObject>
#include <QString>
#include <QVector>

#include <atomic>
#include <memory>
#include <vector>

namespace chorus {
struct ProjectorTable;
}

class QThread;

enum class ProjectionMethod { Pca, Tsne, Umap };

// Computes a 2-D projection (PCA, or core's Barnes-Hut t-SNE or UMAP) of a table's vectors on a
// thread of its own, so the window never waits for it. Progress and the result come back as
// signals on the GUI thread. Starting again, or cancel(), abandons the run in flight: its thread
// stops at t-SNE's or UMAP's next progress check and whatever it computed is dropped.
class ProjectionRunner : public QObject {
    Q_OBJECT

public:
    explicit ProjectionRunner(QObject *parent = nullptr);
    // Cancels and waits for every thread still running.
    ~ProjectionRunner() override;

    void start(std::shared_ptr<const chorus::ProjectorTable> table, ProjectionMethod method,
               const chorus::TsneOptions &tsne = {}, const chorus::UmapOptions &umap = {});
    void cancel();
    bool isRunning() const { return m_threads.isRunning(); }

signals:
    // t-SNE: iterations done of `total` (0 of total once the affinities are ready); UMAP: rounds
    // of its neighbour search, then epochs; `stage` says which, in words. PCA reports none.
    void progress(int done, int total, const QString &stage);
    // rows x 2, row-major, and a line describing the result (explained variance, KL divergence).
    void finished(const QVector<double> &coordinates, const QString &summary);
    void failed(const QString &message);
    void cancelled();

private:
    struct Job;
    // Runs on the runner's thread: UMAP with its two progress stages, into `job`.
    void runUmap(const chorus::MatrixView &matrix, const chorus::UmapOptions &options, std::uint64_t generation,
                 const std::shared_ptr<std::atomic<bool>> &cancelFlag, Job &job);
    void deliver(std::uint64_t generation, const std::shared_ptr<Job> &job);

    AbandonableThreads m_threads;
};
