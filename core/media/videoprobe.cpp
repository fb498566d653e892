#include "core/media/videoprobe.h"

#include "core/media/ffmpeghandles.h"
#include "core/media/imagedecoder.h"
#include "core/media/localvideoinput.h"

extern "C" {
#include <libavutil/imgutils.h>
}

#include <cmath>
#include <memory>
#include <vector>

namespace chorus {
namespace {

// Enough to get past leading non-key or undecodable packets, small enough that a file that never
// yields a frame is given up quickly.
constexpr int kMaxPacketsForFirstFrame = 2000;

using namespace ffmpeg;

double toSeconds(std::int64_t value, AVRational base) { return double(value) * av_q2d(base); }

Result<std::string> thumbnailOf(const AVFrame &frame, int maxSide)
{
    int width = 0, height = 0;
    ImageDecoder::thumbnailSize(frame.width, frame.height, maxSide, width, height);
    Scaler scaler(sws_getContext(frame.width, frame.height, static_cast<AVPixelFormat>(frame.format), width, height,
                                 AV_PIX_FMT_BGR24, SWS_AREA, nullptr, nullptr, nullptr));
    if (!scaler)
        return Error{"cannot convert the frame's pixel format"};
    // swscale's SIMD paths write whole vectors: rows aligned to 64 bytes and slack after the last
    // one, or it overwrites the heap behind the buffer (found by fuzz_video).
    const int lineSize = FFALIGN(width * 3, 64);
    std::vector<std::uint8_t> bgr(std::size_t(lineSize) * std::size_t(height) + 64);
    std::uint8_t *planes[4] = {bgr.data(), nullptr, nullptr, nullptr};
    int lineSizes[4] = {lineSize, 0, 0, 0};
    if (sws_scale(scaler.get(), frame.data, frame.linesize, 0, frame.height, planes, lineSizes) != height)
        return Error{"cannot convert the first frame"};
    return ImageDecoder::encodePngThumbnail(bgr.data(), width, height, std::size_t(lineSize), maxSide);
}

// Decodes until the first frame of the stream comes out.
Result<std::string> firstFrameThumbnail(AVFormatContext &format, int streamIndex, const AVCodec &decoder, int maxSide)
{
    CodecContext codec(avcodec_alloc_context3(&decoder));
    if (!codec)
        return Error{"out of memory"};
    int rc = avcodec_parameters_to_context(codec.get(), format.streams[streamIndex]->codecpar);
    if (rc < 0)
        return Error{"cannot set up the decoder: " + errorText(rc)};
    codec->thread_count = 1; // one frame is wanted: threads would only add latency
    rc = avcodec_open2(codec.get(), &decoder, nullptr);
    if (rc < 0)
        return Error{"cannot open the " + std::string(decoder.name) + " decoder: " + errorText(rc)};

    Packet packet(av_packet_alloc());
    Frame frame(av_frame_alloc());
    if (!packet || !frame)
        return Error{"out of memory"};
    std::string lastError = "the video stream holds no frame";
    bool draining = false;
    for (int packets = 0; packets < kMaxPacketsForFirstFrame; ++packets) {
        if (!draining) {
            rc = av_read_frame(&format, packet.get());
            if (rc < 0) {
                if (rc != AVERROR_EOF)
                    lastError = "cannot read the video: " + errorText(rc);
                draining = true;
                // Flush what the decoder holds; a failure shows in avcodec_receive_frame below.
                avcodec_send_packet(codec.get(), nullptr);
            } else if (packet->stream_index != streamIndex) {
                av_packet_unref(packet.get());
                continue;
            } else {
                rc = avcodec_send_packet(codec.get(), packet.get());
                av_packet_unref(packet.get());
                if (rc < 0 && rc != AVERROR(EAGAIN)) {
                    lastError = "cannot decode the video: " + errorText(rc);
                    continue; // a damaged packet; a later key frame may still decode
                }
            }
        }
        rc = avcodec_receive_frame(codec.get(), frame.get());
        if (rc == 0)
            return thumbnailOf(*frame, maxSide);
        if (rc == AVERROR_EOF)
            break;
        if (rc != AVERROR(EAGAIN))
            lastError = "cannot decode the video: " + errorText(rc);
        else if (draining)
            break;
    }
    return Error{lastError};
}

} // namespace

Result<VideoInfo> VideoProbe::probe(const std::string &path, int thumbnailMaxSide)
{
    quietLogging();
    AVFormatContext *rawFormat = nullptr;
    int rc = LocalVideoInput::open(&rawFormat, path);
    if (rc < 0)
        return Error{"cannot open video '" + path + "': " + errorText(rc)};
    FormatContext format(rawFormat);
    rc = avformat_find_stream_info(format.get(), nullptr);
    if (rc < 0)
        return Error{"cannot read video '" + path + "': " + errorText(rc)};

    const AVCodec *decoder = nullptr;
    const int streamIndex = av_find_best_stream(format.get(), AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0);
    if (streamIndex < 0)
        return Error{"no video stream in '" + path + "': " + errorText(streamIndex)};
    AVStream *stream = format->streams[streamIndex];
    const AVCodecParameters &parameters = *stream->codecpar;

    VideoInfo info;
    info.width = parameters.width;
    info.height = parameters.height;
    if (info.width <= 0 || info.height <= 0)
        return Error{"video '" + path + "' has no frame size"};
    info.codec = avcodec_get_name(parameters.codec_id);

    AVRational rate = av_guess_frame_rate(format.get(), stream, nullptr);
    if (rate.num > 0 && rate.den > 0)
        info.fps = av_q2d(rate);
    if (stream->duration != AV_NOPTS_VALUE && stream->duration > 0)
        info.durationSeconds = toSeconds(stream->duration, stream->time_base);
    else if (format->duration != AV_NOPTS_VALUE && format->duration > 0)
        info.durationSeconds = double(format->duration) / AV_TIME_BASE;
    if (stream->nb_frames > 0)
        info.frameCount = stream->nb_frames;
    else if (info.durationSeconds > 0 && info.fps > 0)
        info.frameCount = std::llround(info.durationSeconds * info.fps);

    if (decoder == nullptr)
        return Error{"no decoder for the " + info.codec + " video in '" + path + "'"};
    auto thumbnail = firstFrameThumbnail(*format, streamIndex, *decoder, thumbnailMaxSide);
    if (!thumbnail)
        return Error{"video '" + path + "': " + thumbnail.message()};
    info.thumbnailPng = std::move(*thumbnail);
    return info;
}

} // namespace chorus
