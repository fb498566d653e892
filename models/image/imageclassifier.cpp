#include "models/image/imageclassifier.h"

#include <stdexcept>
#include <string>

namespace chorus {

ImageClassifierImpl::ImageClassifierImpl(const ImageClassifierOptions &options) : m_options(options)
{
    if (options.classes() < 1)
        throw std::invalid_argument("image classifier: classes must be at least 1, got " +
                                    std::to_string(options.classes()));
    if (options.dropout() < 0.0 || options.dropout() >= 1.0)
        throw std::invalid_argument("image classifier: dropout must be in [0, 1), got " +
                                    std::to_string(options.dropout()));
    m_encoder = register_module("encoder", ImageEncoder(ImageEncoderOptions()
                                                            .base_channels(options.base_channels())
                                                            .stages(options.stages())
                                                            .blocks_per_stage(options.blocks_per_stage())));
    m_dropout = register_module("dropout", torch::nn::Dropout(options.dropout()));
    m_output = register_module("output", torch::nn::Linear(m_encoder->outChannels(), options.classes()));
}

namespace {

void checkImages(const torch::Tensor &images)
{
    if (!images.defined())
        throw std::invalid_argument("image classifier: the batch carries no images");
    if (images.dim() != 4 || images.size(1) != 3)
        throw std::invalid_argument("image classifier: images must be [batch, 3, height, width]");
}

} // namespace

torch::Tensor ImageClassifierImpl::features(const torch::Tensor &images)
{
    checkImages(images);
    return m_encoder->forward(images).mean({2, 3});
}

ModelOutputs ImageClassifierImpl::forward(const ModelInputs &inputs)
{
    checkImages(inputs.images);
    ModelOutputs outputs;
    outputs.featureMaps = m_encoder->forward(inputs.images);
    outputs.representation = outputs.featureMaps.mean({2, 3});
    outputs.logits = m_output->forward(m_dropout->forward(outputs.representation));
    return outputs;
}

} // namespace chorus
