#pragma once

#include <torch/torch.h>

#include <string>

namespace chorus {

// The device a run config's "device" names: "cpu", "cuda", "cuda:N", or "auto" (the first CUDA
// device when there is one, the CPU otherwise). Throws, naming the field, when CUDA is asked for
// and absent; the trainers catch at their edge.
torch::Device chooseTrainingDevice(const std::string &requested);

} // namespace chorus
