#pragma once

#include "models/image/imageencoder.h"

#include <torch/torch.h>

#include <cstdint>

namespace chorus {

struct ImageRegionEncoderOptions {
    explicit ImageRegionEncoderOptions(std::int64_t dim) : dim_(dim) {}
    TORCH_ARG(std::int64_t, dim);             // width D of each region's feature (matches the text side)
    TORCH_ARG(std::int64_t, base_channels) = 32;
    TORCH_ARG(std::int64_t, stages) = 3;
    TORCH_ARG(std::int64_t, image_size) = 64; // used only to size the maps of a batch carrying no images
};

// What the image side of a multimodal model works with.
struct ImageRegions {
    torch::Tensor featureMaps; // [B, C, h, w] the trunk's last maps (zeros for posts without an image)
    torch::Tensor regions;     // [B, R, D] one feature per map cell, R = h * w
    torch::Tensor present;     // [B] bool, the post has an image
    torch::Tensor pooled;      // [B, D] mean over regions; the learned "missing" vector where there is no image
};

// The shared ResNet-style trunk read as a grid of regions, each projected to the text width. The
// trunk runs only on the posts that have an image: blank stand-ins would shift batch-norm
// statistics by however many posts in the batch happen to lack one.
class ImageRegionEncoderImpl : public torch::nn::Module {
public:
    explicit ImageRegionEncoderImpl(const ImageRegionEncoderOptions &options);

    // images: [B, 3, H, W] or undefined (no post has an image); hasImage: [B] bool or undefined
    // (every image present). batchSize is needed when images is undefined.
    ImageRegions forward(const torch::Tensor &images, const torch::Tensor &hasImage, std::int64_t batchSize,
                         const torch::Device &device);
    // Swaps `vectors` [B, width] for `missing` [width] on the rows without an image. Zeroing the
    // absent vector alone would make "no image" look like a particular (black) image.
    static torch::Tensor replaceMissing(const torch::Tensor &vectors, const torch::Tensor &present,
                                        const torch::Tensor &missing);

    std::int64_t channels() const { return m_trunk->outChannels(); }
    std::int64_t dim() const { return m_options.dim(); }

private:
    std::int64_t mapSize(std::int64_t imageSize) const;

    ImageRegionEncoderOptions m_options;
    ImageEncoder m_trunk{nullptr};
    torch::nn::Linear m_projection{nullptr};
    torch::Tensor m_missing; // [D]
};

TORCH_MODULE(ImageRegionEncoder);

} // namespace chorus
