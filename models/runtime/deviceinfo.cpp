#include "models/runtime/deviceinfo.h"

#include <torch/torch.h>

#include <thread>

namespace chorus {

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
