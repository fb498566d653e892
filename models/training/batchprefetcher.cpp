#include "models/training/batchprefetcher.h"

#include <exception>
#include <stdexcept>

namespace chorus {

BatchPrefetcher::BatchPrefetcher(Make make, std::size_t first, std::size_t count, std::size_t depth)
    : m_make(std::move(make)), m_next(first), m_count(count), m_depth(depth == 0 ? 1 : depth)
{
    m_thread = std::thread([this] { produce(); });
}

BatchPrefetcher::~BatchPrefetcher()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_cancelled = true;
    }
    m_changed.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void BatchPrefetcher::produce()
{
    for (std::size_t index = m_next; index < m_count; ++index) {
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_changed.wait(lock, [&] { return m_cancelled || m_ready.size() < m_depth; });
            if (m_cancelled)
                return;
        }
        try {
            SupervisedBatch batch = m_make(index);
            std::lock_guard<std::mutex> lock(m_mutex);
            m_ready.push_back(std::move(batch));
        } catch (const std::exception &e) {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_error = e.what();
            m_failed = true;
            m_changed.notify_all();
            return;
        }
        m_changed.notify_all();
    }
    std::lock_guard<std::mutex> lock(m_mutex);
    m_done = true;
    m_changed.notify_all();
}

std::optional<SupervisedBatch> BatchPrefetcher::next()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_changed.wait(lock, [&] { return !m_ready.empty() || m_failed || m_done; });
    if (!m_ready.empty()) {
        SupervisedBatch batch = std::move(m_ready.front());
        m_ready.pop_front();
        lock.unlock();
        m_changed.notify_all();
        return batch;
    }
    if (m_failed)
        throw std::runtime_error("preparing a batch failed: " + m_error);
    return std::nullopt;
}

} // namespace chorus
