#pragma once

#include <string>
#include <vector>

namespace chorus {

struct ComputeDevice {
    std::string id;   // "cpu", "cuda:0", ...
    std::string name; // human-readable
};

// What this machine can train on, and the CPU thread policy the trainer applies.
class DeviceInfo {
public:
    static std::vector<ComputeDevice> available();
    static bool cudaAvailable();
    // LibTorch defaults to one intra-op thread on some builds; use every core present. Also keeps
    // freed tensor memory in the process (glibc), so training steps do not refault their pages.
    static int configureCpuThreads(int requested = 0);
    static std::string torchVersion();
};

} // namespace chorus
