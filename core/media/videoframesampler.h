#pragma once

#include "core/util/result.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace chorus {

struct VideoFrameSamplerOptions {
    int frames = 8;  // frames wanted per clip
    int size = 64;   // each frame becomes size x size
    // Per-channel normalisation, RGB order: value = (x / 255 - mean) / std. ImageNet's statistics,
    // the same convention as the image pipeline, so image and video trunks see alike inputs.
    std::array<float, 3> mean = {0.485f, 0.456f, 0.406f};
    std::array<float, 3> std = {0.229f, 0.224f, 0.225f};
};

// The frames taken from one clip, in presentation order.
struct SampledFrames {
    int size = 0;      // each frame is 3 x size x size
    int requested = 0; // options.frames
    // One entry per frame actually taken: 3 * size * size floats, channel-major (CHW, RGB),
    // normalised. Never more than `requested`; fewer when the clip has fewer distinct frames.
    std::vector<std::vector<float>> frames;
    std::vector<std::int64_t> frameIndices; // position of each taken frame among the stream's frames
    std::vector<double> timestamps;         // its presentation time in seconds from the first frame
    std::int64_t streamFrames = 0;          // frames the stream holds (counted, not the header's claim)
    double durationSeconds = 0;             // span of those frames, last frame's display time included

    int realFrames() const { return int(frames.size()); }
};

// Decodes a video file with FFmpeg and takes `frames` frames spread uniformly over its duration:
// sample i is the frame on screen at time (i + 0.5) * duration / frames, so each frame stands for
// the middle of an equal slice of the clip.
//
// The clip's frames are first listed by demuxing alone (no decoding), so duration and frame count
// come from the stream itself: a container that does not state them, or states them wrongly (a
// truncated file), is still sampled over what it really holds. The chosen frames are then decoded
// in order, seeking to the key frame before a chosen frame when that skips work, and decoding on
// sequentially where a seek is unavailable or lands wrongly.
//
// Each frame is taken at most once. When several sample times fall on the same frame (a clip with
// fewer frames than requested), the result holds fewer frames than requested, every frame of the
// clip once, and realFrames() says how many: nothing is duplicated or padded, the caller masks the
// missing slots. A listed frame that does not decode (the cut-off last packet of a truncated file)
// is left out the same way. Frames are converted to RGB, the shorter side scaled to `size` and the centre
// cropped to a square.
class VideoFrameSampler {
public:
    explicit VideoFrameSampler(const VideoFrameSamplerOptions &options = VideoFrameSamplerOptions());

    // Fails naming the file and the reason: missing or unreadable, not a video, no video stream,
    // no decoder, or a stream of which no frame decodes. Options out of range (frames < 1,
    // size < 1) are reported the same way.
    Result<SampledFrames> sample(const std::string &path) const;

    const VideoFrameSamplerOptions &options() const { return m_options; }

private:
    VideoFrameSamplerOptions m_options;
};

} // namespace chorus
