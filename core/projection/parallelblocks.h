#pragma once

#include <cstddef>
#include <functional>

namespace chorus {

// Runs body(begin, end) over [0, count) cut into contiguous blocks, on up to `threads` threads
// (the calling thread takes one block). Bodies must write only to their own rows so that the
// result is the same whatever the thread count. threads <= 1 runs everything on the caller.
void parallelBlocks(std::size_t count, int threads, const std::function<void(std::size_t, std::size_t)> &body);

// The thread count to use when an option says 0 ("as many as the machine has").
int resolvedThreadCount(int requested);

} // namespace chorus
