#include "models/image/imageencoder.h"

#include <stdexcept>

namespace chorus {

ImageEncoderImpl::ImageEncoderImpl(const ImageEncoderOptions &options)
{
    using namespace torch::nn;
    if (options.stages() < 1 || options.base_channels() < 1 || options.blocks_per_stage() < 1)
        throw std::invalid_argument("image encoder: stages, base_channels and blocks_per_stage must be at least 1");
    m_stem = register_module("stem", Conv2d(Conv2dOptions(3, options.base_channels(), 3).padding(1).bias(false)));
    m_stemNorm = register_module("stem_norm", BatchNorm2d(options.base_channels()));
    m_stages = Sequential();
    std::int64_t channels = options.base_channels();
    for (std::int64_t stage = 0; stage < options.stages(); ++stage) {
        const std::int64_t width = options.base_channels() << stage;
        for (std::int64_t block = 0; block < options.blocks_per_stage(); ++block) {
            const std::int64_t stride = (stage > 0 && block == 0) ? 2 : 1;
            m_stages->push_back(ResidualBlock(channels, width, stride));
            channels = width;
        }
    }
    m_stages = register_module("stages", m_stages);
    m_outChannels = channels;
}

torch::Tensor ImageEncoderImpl::forward(const torch::Tensor &images)
{
    return m_stages->forward(torch::relu(m_stemNorm->forward(m_stem->forward(images))));
}

} // namespace chorus
