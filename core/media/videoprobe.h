#pragma once

#include "core/util/result.h"

#include <cstdint>
#include <string>

namespace chorus {

struct VideoInfo {
    int width = 0;
    int height = 0;
    double durationSeconds = 0;  // 0 when the container does not tell
    std::int64_t frameCount = 0; // from the container, else estimated as duration x frame rate
    double fps = 0;
    std::string codec;
    std::string thumbnailPng; // the first decodable frame, longer side at most the requested size
};

// Reads a video's properties and its first frame with FFmpeg (libavformat, libavcodec, libswscale).
// Also reads animated GIFs. Shared by the video importer, the demo generator and models that
// sample frames.
class VideoProbe {
public:
    // Fails, naming the file and FFmpeg's reason, when the file is missing, not a video, or no
    // frame of its video stream can be decoded.
    static Result<VideoInfo> probe(const std::string &path, int thumbnailMaxSide = 256);
};

} // namespace chorus
