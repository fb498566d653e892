#pragma once

#include "core/util/result.h"

#include <cstdint>
#include <vector>

namespace chorus {

// Decoded video frames: `frames` real frames of 3 x size x size floats each, CHW, one after another.
struct FrameTensors {
    std::vector<float> data;
    int frames = 0;
};

// Turns a post's stored media (a media row: file path or blob) into normalised float tensors for
// the trainer, without the trainer knowing about OpenCV or FFmpeg. Implementations must be safe to
// call from the trainer's prefetch thread; errors name the media row and the file.
class MediaTensorReader {
public:
    virtual ~MediaTensorReader() = default;
    // 3 x size x size floats (RGB, CHW). `augment` asks for the training-time random flip and crop,
    // drawn from `seed` so a run is reproducible whatever thread decodes it.
    virtual Result<std::vector<float>> image(std::int64_t mediaId, int size, bool augment, std::uint64_t seed) = 0;
    // Up to `frames` frames sampled uniformly over the clip.
    virtual Result<FrameTensors> video(std::int64_t mediaId, int frames, int size) = 0;
};

} // namespace chorus
