#pragma once

#include "ui/common/abandonablethreads.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace chorus {
class Project;
}

class QThread;

// Runs one analytics computation (topics, trends, opinion, a profile) on a thread of its own with
// its own connection to the project, so the window never waits on SQLite or the numerics and never
// shares a connection across threads. The work writes its result into whatever it captured (a
// shared_ptr the caller keeps) and reports success by returning no message; finished() then arrives
// on the GUI thread. Starting again, or cancel(), abandons the run in flight: its progress callback
// starts returning false and whatever it produced is dropped.
class AnalyticsRunner : public QObject {
    Q_OBJECT

public:
    // Reports a stage and how far it got (0..1); returns false once the run is cancelled, which
    // the work passes on to core (TopicProgress has the same shape).
    using Progress = std::function<bool(const std::string &stage, double fraction)>;
    // Returns an error message, empty on success. Runs on the worker thread: it may touch only
    // what it captured by value and the project it is handed.
    using Work = std::function<std::string(chorus::Project &project, const Progress &progress)>;

    explicit AnalyticsRunner(QObject *parent = nullptr);
    // Cancels and waits for every thread still running.
    ~AnalyticsRunner() override;

    void start(const QString &projectPath, Work work);
    void cancel();
    bool isRunning() const { return m_threads.isRunning(); }

signals:
    void progress(const QString &stage, double fraction);
    void finished();
    void failed(const QString &message);
    void cancelled();

private:
    struct Outcome;
    void deliver(std::uint64_t generation, const std::shared_ptr<Outcome> &outcome);

    AbandonableThreads m_threads;
};
