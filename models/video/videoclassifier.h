#pragma once

#include "models/image/imageencoder.h"
#include "models/training/supervisedmodel.h"

#include <torch/torch.h>

#include <cstdint>
#include <string>

namespace chorus {

struct VideoClassifierOptions {
    explicit VideoClassifierOptions(std::int64_t classes) : classes_(classes) {}
    TORCH_ARG(std::int64_t, classes);
    TORCH_ARG(std::int64_t, frames) = 8;      // frames per clip the model is built for (at most this many)
    TORCH_ARG(std::int64_t, image_size) = 64; // frame side; checked against the trunk's downsampling
    TORCH_ARG(std::int64_t, base_channels) = 16;
    TORCH_ARG(std::int64_t, stages) = 3;
    TORCH_ARG(std::string, temporal) = "gru"; // gru | attention
    TORCH_ARG(std::int64_t, hidden) = 128;    // width of the per-frame temporal states
    TORCH_ARG(std::int64_t, attention_dim) = 64;
    TORCH_ARG(double, dropout) = 0.3;
    // Frame features average the trunk's last maps over a grid x grid layout: 1 is a global average
    // (blind to where things are); more keeps the coarse layout that motion is made of.
    TORCH_ARG(std::int64_t, spatial_grid) = 3;
};

// Classifies a clip of uniformly sampled frames. Every real frame goes through the same image
// trunk (ImageEncoder) and global average pooling; a temporal model then turns the sequence of
// frame features into one state per frame:
//   gru:       a unidirectional GRU, so each state summarises the clip up to that frame;
//   attention: a projection of each frame's features plus a learned embedding of its position.
// Additive attention over those states (masked to the real frames) gives the clip summary, then
// dropout and a linear layer give the logits.
//
// Reads ModelInputs.frames [B, F, 3, H, W] and frameMask [B, F] (and hasVideo [B] when defined:
// a post without video has no real frame whatever its mask says). Short clips put their real
// frames first, as the sampler returns them. Missing frames never reach the trunk, so they leave
// BatchNorm statistics alone.
// Outputs: logits [B, classes]; frameAttention [B, F], summing to 1 over each clip's real frames
// and 0 on missing ones (all 0 for a post without video, whose logits are then the output bias
// alone, never NaN); featureMaps [B*F, C, h, w], the trunk's last maps of frame f of post b at row
// b*F + f (zeros for missing frames), part of the graph for per-frame Grad-CAM.
class VideoClassifierImpl : public SupervisedModelImpl {
public:
    explicit VideoClassifierImpl(const VideoClassifierOptions &options);

    ModelOutputs forward(const ModelInputs &inputs) override;

    const VideoClassifierOptions &options() const { return m_options; }

private:
    VideoClassifierOptions m_options;
    ImageEncoder m_encoder{nullptr};
    torch::nn::GRU m_gru{nullptr};             // temporal == "gru"
    torch::nn::Linear m_projection{nullptr};   // temporal == "attention"
    torch::Tensor m_positions;                 // [frames, hidden], temporal == "attention"
    torch::nn::Linear m_attentionProjection{nullptr};
    torch::nn::Linear m_attentionScore{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
    torch::nn::Linear m_output{nullptr};
};

TORCH_MODULE(VideoClassifier);

} // namespace chorus
