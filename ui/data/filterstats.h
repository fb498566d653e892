#pragma once

#include "core/store/postbrowser.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

// How many posts match a filter and when they were written, and how a dataset's posts are
// labelled, computed on a thread of its own with its own connection to the project: on a million
// posts these aggregates take up to a second each, which the window must not wait for. Requests
// of one kind replace each other; only the newest of each kind is answered.
class FilterStats : public QObject {
    Q_OBJECT

public:
    explicit FilterStats(QObject *parent = nullptr);
    // Waits for the query in flight (at most about a second), so no result outlives the window.
    ~FilterStats() override;

    void request(const QString &projectPath, const chorus::PostFilter &filter);
    // Every label task of the dataset (0: all) with its value counts.
    void requestLabels(const QString &projectPath, qint64 datasetId);
    // True from a request until its answer (or failure) has been delivered.
    bool busy() const { return m_busy; }

signals:
    void ready(qint64 count, const chorus::PostsOverTime &overTime);
    void labelsReady(qint64 datasetId, const std::vector<chorus::TaskLabelCounts> &tasks);
    void failed(const QString &message);

private:
    struct WorkerState;
    using Generation = std::shared_ptr<std::atomic<quint64>>;

    // Runs `compute` on the thread with the project at `projectPath`, unless a newer request of
    // its kind (counted by `latest`) is queued behind it, and hands the answer to `deliver` on the
    // window's thread, unless a newer request came meanwhile.
    template <typename Answer>
    void queue(const Generation &latest, const QString &projectPath,
               std::function<chorus::Result<Answer>(chorus::Project &)> compute,
               std::function<void(const chorus::Result<Answer> &)> deliver);

    QThread m_thread;
    QObject *m_worker;                      // lives in m_thread; the context of queued work
    std::unique_ptr<WorkerState> m_state;   // touched only on m_thread
    Generation m_latest;       // of the count requests
    Generation m_latestLabels; // of the label requests
    bool m_busy = false;
};
