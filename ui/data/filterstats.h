#pragma once

#include "core/store/postbrowser.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

// How many posts match a filter and when they were written, computed on a thread of its own with
// its own connection to the project: on a million posts these aggregates take up to a second,
// which the window must not wait for. Requests replace each other; only the newest is answered.
class FilterStats : public QObject {
    Q_OBJECT

public:
    explicit FilterStats(QObject *parent = nullptr);
    // Waits for the query in flight (at most about a second), so no result outlives the window.
    ~FilterStats() override;

    void request(const QString &projectPath, const chorus::PostFilter &filter);
    // True from a request until its answer (or failure) has been delivered.
    bool busy() const { return m_busy; }

signals:
    void ready(qint64 count, const chorus::PostsOverTime &overTime);
    void failed(const QString &message);

private:
    struct WorkerState;

    QThread m_thread;
    QObject *m_worker;                      // lives in m_thread; the context of queued work
    std::unique_ptr<WorkerState> m_state;   // touched only on m_thread
    std::shared_ptr<std::atomic<quint64>> m_latest;
    bool m_busy = false;
};
