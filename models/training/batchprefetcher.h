#pragma once

#include "models/training/supervisedbatch.h"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace chorus {

// Builds the batches of one epoch on a separate thread, a few ahead of the training loop, so the
// model does not wait on SQLite or on image decoding in steady state. Batches come out in order.
// An exception in the producer is caught there and raised again, as std::runtime_error, by next()
// in the consumer's thread: nothing crosses the thread boundary uncaught.
class BatchPrefetcher {
public:
    using Make = std::function<SupervisedBatch(std::size_t batchIndex)>;

    // Produces batches first..count-1.
    BatchPrefetcher(Make make, std::size_t first, std::size_t count, std::size_t depth = 3);
    ~BatchPrefetcher();
    BatchPrefetcher(const BatchPrefetcher &) = delete;
    BatchPrefetcher &operator=(const BatchPrefetcher &) = delete;

    // The next batch in order; nullopt after the last one.
    std::optional<SupervisedBatch> next();

private:
    void produce();

    Make m_make;
    std::size_t m_next;
    std::size_t m_count;
    std::size_t m_depth;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<SupervisedBatch> m_ready;
    std::string m_error;
    bool m_failed = false;
    bool m_done = false;
    bool m_cancelled = false;
    std::thread m_thread;
};

} // namespace chorus
