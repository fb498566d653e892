#include "models/image/residualblock.h"

namespace chorus {

ResidualBlockImpl::ResidualBlockImpl(std::int64_t inChannels, std::int64_t outChannels, std::int64_t stride)
{
    using namespace torch::nn;
    m_conv1 = register_module("conv1", Conv2d(Conv2dOptions(inChannels, outChannels, 3).stride(stride).padding(1).bias(false)));
    m_norm1 = register_module("norm1", BatchNorm2d(outChannels));
    m_conv2 = register_module("conv2", Conv2d(Conv2dOptions(outChannels, outChannels, 3).padding(1).bias(false)));
    m_norm2 = register_module("norm2", BatchNorm2d(outChannels));
    if (stride != 1 || inChannels != outChannels) {
        m_shortcut = register_module(
            "shortcut", Sequential(Conv2d(Conv2dOptions(inChannels, outChannels, 1).stride(stride).bias(false)),
                                   BatchNorm2d(outChannels)));
    }
}

torch::Tensor ResidualBlockImpl::forward(const torch::Tensor &input)
{
    torch::Tensor out = torch::relu(m_norm1->forward(m_conv1->forward(input)));
    out = m_norm2->forward(m_conv2->forward(out));
    const torch::Tensor identity = m_shortcut ? m_shortcut->forward(input) : input;
    return torch::relu(out + identity);
}

} // namespace chorus
