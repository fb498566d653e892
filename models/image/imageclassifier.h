#pragma once

#include <torch/torch.h>

#include "models/image/imageencoder.h"
#include "models/training/supervisedmodel.h"

#include <cstdint>

namespace chorus {

struct ImageClassifierOptions {
    explicit ImageClassifierOptions(std::int64_t classes) : classes_(classes) {}
    TORCH_ARG(std::int64_t, classes);
    TORCH_ARG(std::int64_t, base_channels) = 32;
    TORCH_ARG(std::int64_t, stages) = 3;
    TORCH_ARG(std::int64_t, blocks_per_stage) = 1;
    TORCH_ARG(double, dropout) = 0.2;
};

// The "image_cnn" family: the shared ResNet-style trunk (ImageEncoder) trained from scratch, global
// average pooling, dropout and a linear layer. It returns the trunk's last feature map with the
// logits, so Grad-CAM can show which regions a prediction rests on.
class ImageClassifierImpl : public SupervisedModelImpl {
public:
    explicit ImageClassifierImpl(const ImageClassifierOptions &options);

    // Reads inputs.images [B, 3, H, W]; logits [B, classes], featureMaps [B, C, h, w].
    ModelOutputs forward(const ModelInputs &inputs) override;

    // The pooled image features [B, C] before dropout and the linear layer (for models that reuse
    // this classifier per frame or per modality).
    torch::Tensor features(const torch::Tensor &images);
    std::int64_t featureSize() const { return m_encoder->outChannels(); }
    ImageEncoder &encoder() { return m_encoder; }
    const ImageClassifierOptions &options() const { return m_options; }

private:
    ImageClassifierOptions m_options;
    ImageEncoder m_encoder{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
    torch::nn::Linear m_output{nullptr};
};

TORCH_MODULE(ImageClassifier);

} // namespace chorus
