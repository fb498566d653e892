#include "models/runtime/devicechoice.h"

#include "models/runtime/deviceinfo.h"

#include <stdexcept>

namespace chorus {

torch::Device chooseTrainingDevice(const std::string &requested)
{
    if (requested == "cpu")
        return torch::kCPU;
    if (requested == "auto")
        return DeviceInfo::cudaAvailable() ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
    if (!DeviceInfo::cudaAvailable())
        throw std::runtime_error("device: \"" + requested + "\" was asked for, but no CUDA device is available");
    return requested == "cuda" ? torch::Device(torch::kCUDA, 0) : torch::Device(requested);
}

} // namespace chorus
