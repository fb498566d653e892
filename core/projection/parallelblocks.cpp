#include "core/projection/parallelblocks.h"

#include <algorithm>
#include <thread>
#include <vector>

namespace chorus {

void parallelBlocks(std::size_t count, int threads, const std::function<void(std::size_t, std::size_t)> &body)
{
    if (count == 0)
        return;
    const std::size_t workers = std::min<std::size_t>(std::max(threads, 1), count);
    if (workers <= 1) {
        body(0, count);
        return;
    }
    const std::size_t block = (count + workers - 1) / workers;
    std::vector<std::thread> pool;
    pool.reserve(workers - 1);
    for (std::size_t w = 1; w < workers; ++w) {
        const std::size_t begin = w * block;
        const std::size_t end = std::min(count, begin + block);
        if (begin < end)
            pool.emplace_back([&body, begin, end] { body(begin, end); });
    }
    body(0, std::min(count, block));
    for (std::thread &t : pool)
        t.join();
}

int resolvedThreadCount(int requested)
{
    if (requested > 0)
        return requested;
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

} // namespace chorus
