#include "ui/common/abandonablethreads.h"

#include <QThread>

AbandonableThreads::~AbandonableThreads()
{
    if (m_cancel)
        *m_cancel = true;
    for (QThread *thread : m_threads) {
        thread->wait();
        delete thread;
    }
}

bool AbandonableThreads::cancel()
{
    if (!m_running)
        return false;
    *m_cancel = true;
    ++m_generation;
    m_running = false;
    return true;
}

AbandonableThreads::Job AbandonableThreads::begin()
{
    reap();
    Job job;
    job.generation = ++m_generation;
    job.cancelled = std::make_shared<std::atomic<bool>>(false);
    m_cancel = job.cancelled;
    m_running = true;
    return job;
}

void AbandonableThreads::launch(QThread *thread)
{
    m_threads.push_back(thread);
    thread->start(QThread::LowPriority);
}

bool AbandonableThreads::finish(std::uint64_t generation)
{
    reap();
    if (generation != m_generation || !m_running)
        return false; // cancelled or replaced while it ran
    m_running = false;
    return true;
}

void AbandonableThreads::reap()
{
    for (auto it = m_threads.begin(); it != m_threads.end();) {
        if ((*it)->isFinished()) {
            (*it)->wait();
            delete *it;
            it = m_threads.erase(it);
        } else {
            ++it;
        }
    }
}
