#pragma once

// Owning handles for the FFmpeg objects Chorus's video code opens, and the two helpers every
// FFmpeg caller needs (an error code as text, FFmpeg's console quieted). Include only from .cpp
// files: it brings FFmpeg's C headers.

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libswscale/swscale.h>
}

#include <memory>
#include <string>

namespace chorus {
namespace ffmpeg {

struct FormatCloser {
    void operator()(AVFormatContext *context) const { avformat_close_input(&context); }
};
struct CodecFreer {
    void operator()(AVCodecContext *context) const { avcodec_free_context(&context); }
};
struct FrameFreer {
    void operator()(AVFrame *frame) const { av_frame_free(&frame); }
};
struct PacketFreer {
    void operator()(AVPacket *packet) const { av_packet_free(&packet); }
};
struct ScalerFreer {
    void operator()(SwsContext *context) const { sws_freeContext(context); }
};
using FormatContext = std::unique_ptr<AVFormatContext, FormatCloser>;
using CodecContext = std::unique_ptr<AVCodecContext, CodecFreer>;
using Frame = std::unique_ptr<AVFrame, FrameFreer>;
using Packet = std::unique_ptr<AVPacket, PacketFreer>;
using Scaler = std::unique_ptr<SwsContext, ScalerFreer>;

// FFmpeg's message for an AVERROR code.
std::string errorText(int code);

// Failures come back as values naming the file; FFmpeg's own console messages about damaged input
// would only repeat them, so they are silenced (once per process) unless someone asked for more.
void quietLogging();

} // namespace ffmpeg
} // namespace chorus
