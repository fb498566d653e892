#pragma once

#include <string>

struct AVFormatContext;

namespace chorus {

// Opens a video file with FFmpeg as a local file only. avformat_open_input() alone treats
// "proto:rest" as a protocol and lets demuxers (HLS, concat) open further URLs that a file names,
// so a clip in a scraped dataset could make Chorus read from the network or wherever the playlist
// points. Here the path is always a file, and "file" is the only protocol any demuxer may use.
// Returns avformat_open_input()'s code (negative AVERROR on failure).
class LocalVideoInput {
public:
    static int open(AVFormatContext **format, const std::string &path);
};

} // namespace chorus
