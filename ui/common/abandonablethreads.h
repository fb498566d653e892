#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

class QThread;

// The threads of a runner that never waits for work it no longer wants: each job gets a new
// generation and its own cancel flag, a cancelled or replaced job keeps running until it notices
// the flag and its result is then dropped, finished threads are reclaimed as new jobs start or
// results arrive, and destruction cancels everything and waits. Used from the GUI thread only.
class AbandonableThreads {
public:
    struct Job {
        std::uint64_t generation = 0;
        std::shared_ptr<std::atomic<bool>> cancelled;
    };

    AbandonableThreads() = default;
    AbandonableThreads(const AbandonableThreads &) = delete;
    AbandonableThreads &operator=(const AbandonableThreads &) = delete;
    ~AbandonableThreads();

    // Abandons the current job, if any; true when there was one (the runner then says so).
    bool cancel();
    // A new current job (the previous one abandoned first).
    Job begin();
    // Starts a job's thread at low priority; the thread is owned from here on.
    void launch(QThread *thread);
    // Whether the job is still the one wanted (for progress reports).
    bool isCurrent(std::uint64_t generation) const { return m_running && generation == m_generation; }
    // Called when a job's thread has delivered: reclaims finished threads and returns whether the
    // job was still wanted, in which case it is no longer running.
    bool finish(std::uint64_t generation);
    bool isRunning() const { return m_running; }

private:
    void reap();

    std::vector<QThread *> m_threads;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::uint64_t m_generation = 0;
    bool m_running = false;
};
