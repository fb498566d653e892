#include "models/runtime/deviceinfo.h"

#include <torch/torch.h>

#include <mutex>
#include <thread>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace chorus {
namespace {

// Every training step allocates and frees tensors of the same sizes (activations, gradients,
// optimiser temporaries; a few MB each). With glibc's defaults many of those blocks go back to
// the kernel when freed (mmap above a moving threshold, heap trimming) and return on the next
// step as fresh zero-filled pages: one TextCNN epoch (bench/run_all.py, 2 cores) took 1.4 M page
// faults and about 10% of its CPU time in the kernel; with blocks up to 32 MB kept in the heap
// and up to 256 MB of freed memory kept mapped, 47 K faults and 9% more samples/s.
void keepFreedTensorMemory()
{
#if defined(__GLIBC__)
    static std::once_flag once;
    std::call_once(once, [] {
        mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
        mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
    });
#endif
}

} // namespace

bool DeviceInfo::cudaAvailable()
{
    try {
        return torch::cuda::is_available();
    } catch (const std::exception &) {
        return false;
    }
}

std::vector<ComputeDevice> DeviceInfo::available()
{
    std::vector<ComputeDevice> devices{{"cpu", "CPU (" + std::to_string(std::thread::hardware_concurrency()) + " threads)"}};
    if (!cudaAvailable())
        return devices;
    const auto count = torch::cuda::device_count();
    for (std::size_t i = 0; i < count; ++i)
        devices.push_back({"cuda:" + std::to_string(i), "CUDA device " + std::to_string(i)});
    return devices;
}

int DeviceInfo::configureCpuThreads(int requested)
{
    int threads = requested > 0 ? requested : static_cast<int>(std::thread::hardware_concurrency());
    if (threads < 1)
        threads = 1;
    torch::set_num_threads(threads);
    keepFreedTensorMemory();
    return threads;
}

std::string DeviceInfo::torchVersion()
{
#ifdef TORCH_VERSION
    return TORCH_VERSION;
#else
    return std::to_string(TORCH_VERSION_MAJOR) + "." + std::to_string(TORCH_VERSION_MINOR) + "." +
           std::to_string(TORCH_VERSION_PATCH);
#endif
}

} // namespace chorus
