#include "models/fusion/imageregionencoder.h"

#include <stdexcept>

namespace chorus {

ImageRegionEncoderImpl::ImageRegionEncoderImpl(const ImageRegionEncoderOptions &options) : m_options(options)
{
    if (options.dim() < 1 || options.image_size() < 1)
        throw std::invalid_argument("image regions: dim and image_size must be at least 1");
    m_trunk = register_module(
        "trunk", ImageEncoder(ImageEncoderOptions().base_channels(options.base_channels()).stages(options.stages())));
    m_projection = register_module("projection", torch::nn::Linear(m_trunk->outChannels(), options.dim()));
    m_missing = register_parameter("missing", torch::zeros({options.dim()}));
}

std::int64_t ImageRegionEncoderImpl::mapSize(std::int64_t imageSize) const
{
    // Every stage after the first opens with a 3x3, stride-2, padding-1 convolution.
    std::int64_t size = imageSize;
    for (std::int64_t stage = 1; stage < m_options.stages(); ++stage)
        size = (size - 1) / 2 + 1;
    return size;
}

torch::Tensor ImageRegionEncoderImpl::replaceMissing(const torch::Tensor &vectors, const torch::Tensor &present,
                                                     const torch::Tensor &missing)
{
    return torch::where(present.unsqueeze(1), vectors, missing.unsqueeze(0).expand_as(vectors));
}

ImageRegions ImageRegionEncoderImpl::forward(const torch::Tensor &images, const torch::Tensor &hasImage,
                                             std::int64_t batchSize, const torch::Device &device)
{
    const auto floatOptions = torch::TensorOptions().dtype(torch::kFloat).device(device);
    ImageRegions out;
    if (!images.defined())
        out.present = torch::zeros({batchSize}, torch::TensorOptions().dtype(torch::kBool).device(device));
    else if (!hasImage.defined())
        out.present = torch::ones({batchSize}, torch::TensorOptions().dtype(torch::kBool).device(device));
    else
        out.present = hasImage.to(device, torch::kBool).reshape({batchSize});

    const torch::Tensor rows = out.present.nonzero().reshape({-1});
    const std::int64_t withImage = rows.size(0);
    if (withImage == batchSize) {
        out.featureMaps = m_trunk->forward(images);
    } else {
        const std::int64_t h = images.defined() ? mapSize(images.size(2)) : mapSize(m_options.image_size());
        const std::int64_t w = images.defined() ? mapSize(images.size(3)) : h;
        out.featureMaps = torch::zeros({batchSize, m_trunk->outChannels(), h, w}, floatOptions);
        if (withImage > 0)
            out.featureMaps = out.featureMaps.index_copy(0, rows, m_trunk->forward(images.index_select(0, rows)));
    }
    out.regions = m_projection->forward(out.featureMaps.flatten(2).transpose(1, 2)); // [B, R, D]
    out.pooled = replaceMissing(out.regions.mean(1), out.present, m_missing);
    return out;
}

} // namespace chorus
