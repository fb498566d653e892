#pragma once

#include "core/demo/demolabels.h"
#include "core/import/records.h"
#include "core/util/result.h"

#include <cstdint>
#include <string>

namespace chorus {

// The demo's pictures and clips, drawn with OpenCV behind a header free of OpenCV types (the demo
// generator itself builds without OpenCV). Every pixel follows from the seed; positions and sizes
// use integer geometry only, so no platform maths library can move a pixel.
class DemoMedia {
public:
    static constexpr int kImageSide = 64;
    static constexpr int kClipSide = 64;
    static constexpr int kClipFrames = 16;
    static constexpr double kClipFps = 8.0;

    // A 64x64 PNG whose shape and colour follow the sentiment: positive a warm (red to yellow)
    // circle, negative a cool (blue) triangle, neutral a grey square; on a pale, barely coloured
    // background, at a random place and size, with pixel noise and now and then a small dot of
    // any colour. Creates missing folders. The record carries path, size and SHA-256.
    static Result<MediaRecord> writeSentimentImage(const std::string &path, DemoSentiment sentiment,
                                                   std::uint64_t seed);

    // A 16-frame 64x64 MJPG .avi (8 fps) of a bright square on a dark background moving left to
    // right, right to left, or staying put (jittering by a pixel), with pixel noise. The record
    // carries path, size, duration, frame count, SHA-256 and a PNG of the first frame as blob.
    static Result<MediaRecord> writeMotionClip(const std::string &path, DemoMotion motion, std::uint64_t seed);
};

} // namespace chorus
