#include "core/media/videoframesampler.h"

#include "core/media/ffmpeghandles.h"
#include "core/media/localvideoinput.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <utility>

namespace chorus {
namespace {

using namespace ffmpeg;

std::string quoted(const std::string &path) { return "'" + path + "'"; }

// An opened file positioned at its start, with the best video stream chosen.
struct OpenVideo {
    FormatContext format;
    int stream = -1;
    const AVCodec *decoder = nullptr;
};

Result<OpenVideo> openVideo(const std::string &path)
{
    AVFormatContext *raw = nullptr;
    int rc = LocalVideoInput::open(&raw, path);
    if (rc < 0)
        return Error{"cannot open video " + quoted(path) + ": " + errorText(rc)};
    OpenVideo video;
    video.format.reset(raw);
    rc = avformat_find_stream_info(video.format.get(), nullptr);
    if (rc < 0)
        return Error{"cannot read video " + quoted(path) + ": " + errorText(rc)};
    video.stream = av_find_best_stream(video.format.get(), AVMEDIA_TYPE_VIDEO, -1, -1, &video.decoder, 0);
    if (video.stream < 0)
        return Error{"no video stream in " + quoted(path) + ": " + errorText(video.stream)};
    if (video.decoder == nullptr)
        return Error{"no decoder for the " +
                     std::string(avcodec_get_name(video.format->streams[video.stream]->codecpar->codec_id)) +
                     " video in " + quoted(path)};
    return video;
}

// The stream's frames as the demuxer lists them, gathered without decoding.
struct FrameList {
    std::int64_t count = 0;
    // Presentation times (stream time base), ascending, one per frame; empty when the stream does
    // not time every frame uniquely, and frames are then told apart by their order alone.
    std::vector<std::int64_t> times;
    std::vector<std::int64_t> keyTimes; // times of key frames, ascending (timed streams only)
    std::int64_t lastFrameDuration = 0; // how long the last frame is shown (stream time base)
    double secondsPerTick = 0;
    double fps = 0;
};

std::int64_t packetTime(const AVPacket &packet)
{
    return packet.pts != AV_NOPTS_VALUE ? packet.pts : packet.dts;
}

Result<FrameList> listFrames(OpenVideo &video, const std::string &path)
{
    AVStream *stream = video.format->streams[video.stream];
    FrameList list;
    list.secondsPerTick = av_q2d(stream->time_base);
    const AVRational rate = av_guess_frame_rate(video.format.get(), stream, nullptr);
    if (rate.num > 0 && rate.den > 0)
        list.fps = av_q2d(rate);

    Packet packet(av_packet_alloc());
    if (!packet)
        return Error{"out of memory reading " + quoted(path)};
    bool timed = true;
    std::vector<std::pair<std::int64_t, bool>> stamps; // time, key
    std::int64_t lastDuration = 0;
    // A read error part-way (a truncated or damaged tail) ends the list: what came before is real.
    while (av_read_frame(video.format.get(), packet.get()) >= 0) {
        if (packet->stream_index == video.stream && packet->size > 0 && !(packet->flags & AV_PKT_FLAG_DISCARD)) {
            ++list.count;
            const std::int64_t time = packetTime(*packet);
            if (time == AV_NOPTS_VALUE)
                timed = false;
            else
                stamps.emplace_back(time, (packet->flags & AV_PKT_FLAG_KEY) != 0);
            lastDuration = packet->duration;
        }
        av_packet_unref(packet.get());
    }
    if (list.count == 0)
        return Error{"the video stream of " + quoted(path) + " holds no frame"};

    if (timed) {
        // Packets arrive in decoding order; frames are shown in presentation order.
        std::sort(stamps.begin(), stamps.end());
        for (std::size_t i = 1; i < stamps.size() && timed; ++i)
            timed = stamps[i].first != stamps[i - 1].first;
    }
    if (!timed)
        return list;
    for (const auto &[time, key] : stamps) {
        list.times.push_back(time);
        if (key)
            list.keyTimes.push_back(time);
    }
    if (lastDuration <= 0 && list.times.size() > 1) {
        std::vector<std::int64_t> gaps;
        for (std::size_t i = 1; i < list.times.size(); ++i)
            gaps.push_back(list.times[i] - list.times[i - 1]);
        std::nth_element(gaps.begin(), gaps.begin() + std::ptrdiff_t(gaps.size() / 2), gaps.end());
        lastDuration = gaps[gaps.size() / 2];
    }
    if (lastDuration <= 0 && list.fps > 0 && list.secondsPerTick > 0)
        lastDuration = std::max<std::int64_t>(1, std::llround(1.0 / (list.fps * list.secondsPerTick)));
    list.lastFrameDuration = std::max<std::int64_t>(1, lastDuration);
    return list;
}

double clipSeconds(const FrameList &list)
{
    if (!list.times.empty())
        return double(list.times.back() - list.times.front() + list.lastFrameDuration) * list.secondsPerTick;
    return list.fps > 0 ? double(list.count) / list.fps : 0.0;
}

// Positions (in presentation order) of the frames on screen at the sample times, each at most
// once, ascending.
std::vector<std::int64_t> choosePositions(const FrameList &list, int wanted)
{
    std::vector<std::int64_t> positions;
    for (int i = 0; i < wanted; ++i) {
        std::int64_t position = 0;
        if (!list.times.empty()) {
            const double span = double(list.times.back() - list.times.front() + list.lastFrameDuration);
            const double at = double(list.times.front()) + (i + 0.5) * span / wanted;
            // The frame on screen at `at` is the last one shown at or before it.
            auto after = std::upper_bound(list.times.begin(), list.times.end(), at,
                                          [](double t, std::int64_t frame) { return t < double(frame); });
            position = std::max<std::int64_t>(0, std::int64_t(after - list.times.begin()) - 1);
        } else {
            position = std::int64_t(std::floor((i + 0.5) * double(list.count) / wanted));
        }
        position = std::min(position, list.count - 1);
        if (positions.empty() || positions.back() != position)
            positions.push_back(position);
    }
    return positions;
}

// Converts a decoded frame to the normalised CHW square; reuses the scaler between frames.
class FrameConverter {
public:
    explicit FrameConverter(const VideoFrameSamplerOptions &options) : m_options(options) {}
    ~FrameConverter() { sws_freeContext(m_scaler); }
    FrameConverter(const FrameConverter &) = delete;
    FrameConverter &operator=(const FrameConverter &) = delete;

    Result<std::vector<float>> convert(const AVFrame &frame)
    {
        if (frame.width <= 0 || frame.height <= 0 || frame.format < 0)
            return Error{"a decoded frame has no size or pixel format"};
        const int size = m_options.size;
        // Shorter side to `size`, the other in proportion, then the centre square is kept.
        int width = size, height = size;
        if (frame.width > frame.height)
            width = std::max(size, int(std::lround(double(frame.width) * size / frame.height)));
        else
            height = std::max(size, int(std::lround(double(frame.height) * size / frame.width)));
        const bool shrinking = width < frame.width;
        m_scaler = sws_getCachedContext(m_scaler, frame.width, frame.height, AVPixelFormat(frame.format), width,
                                        height, AV_PIX_FMT_RGB24, shrinking ? SWS_AREA : SWS_BILINEAR, nullptr,
                                        nullptr, nullptr);
        if (!m_scaler)
            return Error{"cannot convert the frames' pixel format"};
        // Aligned rows and slack after the last: swscale's SIMD paths write whole vectors.
        const int lineSize = FFALIGN(width * 3, 64);
        m_rgb.resize(std::size_t(lineSize) * std::size_t(height) + 64);
        std::uint8_t *planes[4] = {m_rgb.data(), nullptr, nullptr, nullptr};
        int lineSizes[4] = {lineSize, 0, 0, 0};
        if (sws_scale(m_scaler, frame.data, frame.linesize, 0, frame.height, planes, lineSizes) != height)
            return Error{"cannot convert a decoded frame"};

        const int left = (width - size) / 2, top = (height - size) / 2;
        const std::size_t plane = std::size_t(size) * std::size_t(size);
        std::vector<float> out(3 * plane);
        for (int c = 0; c < 3; ++c) {
            const float scale = 1.0f / (255.0f * m_options.std[c]);
            const float shift = m_options.mean[c] / m_options.std[c];
            float *target = out.data() + std::size_t(c) * plane;
            for (int y = 0; y < size; ++y) {
                const std::uint8_t *row = m_rgb.data() + std::size_t(top + y) * std::size_t(lineSize) + std::size_t(left) * 3 + std::size_t(c);
                for (int x = 0; x < size; ++x)
                    target[std::size_t(y) * std::size_t(size) + std::size_t(x)] = float(row[std::size_t(x) * 3]) * scale - shift;
            }
        }
        return out;
    }

private:
    const VideoFrameSamplerOptions &m_options;
    SwsContext *m_scaler = nullptr;
    std::vector<std::uint8_t> m_rgb;
};

enum class PassOutcome { Done, SeekMisled };

// Decodes the file from its start and takes the frames at `positions`. With `seek`, it jumps to
// the key frame before the next wanted frame whenever that key frame lies ahead of what has been
// fed to the decoder; it reports SeekMisled if a jump lands past the wanted frame, so the caller
// can decode again without jumps.
Result<PassOutcome> decodePositions(const std::string &path, const FrameList &list,
                                    const std::vector<std::int64_t> &positions, bool seek,
                                    const VideoFrameSamplerOptions &options, SampledFrames &out)
{
    auto opened = openVideo(path);
    if (!opened)
        return opened.error();
    OpenVideo &video = *opened;
    AVStream *stream = video.format->streams[video.stream];

    CodecContext codec(avcodec_alloc_context3(video.decoder));
    if (!codec)
        return Error{"out of memory decoding " + quoted(path)};
    int rc = avcodec_parameters_to_context(codec.get(), stream->codecpar);
    if (rc < 0)
        return Error{"cannot set up the decoder for " + quoted(path) + ": " + errorText(rc)};
    codec->thread_count = 1; // callers sample many clips in parallel; frame threads only add delay
    rc = avcodec_open2(codec.get(), video.decoder, nullptr);
    if (rc < 0)
        return Error{"cannot open the " + std::string(video.decoder->name) + " decoder for " + quoted(path) + ": " +
                     errorText(rc)};

    Packet packet(av_packet_alloc());
    Frame frame(av_frame_alloc());
    if (!packet || !frame)
        return Error{"out of memory decoding " + quoted(path)};
    FrameConverter converter(options);
    const bool timed = !list.times.empty();
    seek = seek && timed && !list.keyTimes.empty();

    std::size_t next = 0;               // index into positions of the next frame wanted
    std::int64_t shown = -1;            // position of the last frame the decoder gave out
    std::int64_t fed = AV_NOPTS_VALUE;  // time of the last packet given to the decoder
    bool justSeeked = false;
    std::string lastError = "no frame of the video stream could be decoded";

    // Places a decoded frame among the listed ones: by its time, else as the one after the last.
    auto positionOf = [&](const AVFrame &decoded) {
        const std::int64_t time = decoded.best_effort_timestamp;
        if (!timed || time == AV_NOPTS_VALUE)
            return shown + 1;
        auto after = std::upper_bound(list.times.begin(), list.times.end(), time);
        return std::max<std::int64_t>(0, std::int64_t(after - list.times.begin()) - 1);
    };
    // Takes the frame if it is (or has passed) the next wanted one. Returns false on SeekMisled.
    auto consider = [&](const AVFrame &decoded) -> Result<bool> {
        const std::int64_t position = positionOf(decoded);
        const bool afterSeek = justSeeked;
        justSeeked = false;
        if (afterSeek && position > positions[next])
            return false;
        shown = position;
        if (position < positions[next])
            return true;
        auto converted = converter.convert(decoded);
        if (!converted)
            return Error{"video " + quoted(path) + ": " + converted.message()};
        out.frames.push_back(std::move(*converted));
        out.frameIndices.push_back(position);
        out.timestamps.push_back(timed ? double(list.times[std::size_t(position)] - list.times.front()) *
                                             list.secondsPerTick
                                       : (list.fps > 0 ? double(position) / list.fps : 0.0));
        // A frame that passed several wanted positions (its predecessors would not decode) stands
        // for all of them once.
        while (next < positions.size() && positions[next] <= position)
            ++next;
        return true;
    };

    bool draining = false;
    while (next < positions.size()) {
        if (!draining) {
            if (seek) {
                const std::int64_t wantedTime = list.times[std::size_t(positions[next])];
                // The last key frame at or before the wanted frame: decoding must start there.
                auto after = std::upper_bound(list.keyTimes.begin(), list.keyTimes.end(), wantedTime);
                const bool haveKey = after != list.keyTimes.begin();
                const std::int64_t keyTime = haveKey ? *std::prev(after) : 0;
                const bool ahead = fed == AV_NOPTS_VALUE ? keyTime > list.times.front() : keyTime > fed;
                if (haveKey && ahead &&
                    av_seek_frame(video.format.get(), video.stream, keyTime, AVSEEK_FLAG_BACKWARD) >= 0) {
                    avcodec_flush_buffers(codec.get());
                    fed = keyTime;
                    justSeeked = true;
                }
            }
            rc = av_read_frame(video.format.get(), packet.get());
            if (rc < 0) {
                if (rc != AVERROR_EOF)
                    lastError = "cannot read the video: " + errorText(rc);
                draining = true;
                // Flush the frames the decoder holds; a failure shows in avcodec_receive_frame below.
                avcodec_send_packet(codec.get(), nullptr);
            } else if (packet->stream_index != video.stream) {
                av_packet_unref(packet.get());
                continue;
            } else {
                const std::int64_t time = packetTime(*packet);
                if (time != AV_NOPTS_VALUE)
                    fed = fed == AV_NOPTS_VALUE ? time : std::max(fed, time);
                rc = avcodec_send_packet(codec.get(), packet.get());
                av_packet_unref(packet.get());
                if (rc < 0 && rc != AVERROR(EAGAIN)) {
                    lastError = "cannot decode the video: " + errorText(rc);
                    continue; // a damaged packet; later ones may still decode
                }
            }
        }
        // Take every frame the decoder has ready before feeding it more.
        while (next < positions.size()) {
            rc = avcodec_receive_frame(codec.get(), frame.get());
            if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF)
                break;
            if (rc < 0) {
                lastError = "cannot decode the video: " + errorText(rc);
                break;
            }
            auto taken = consider(*frame);
            av_frame_unref(frame.get());
            if (!taken)
                return taken.error();
            if (!*taken)
                return PassOutcome::SeekMisled;
        }
        if (draining)
            break; // the decoder has given out everything it held
    }
    if (out.frames.empty())
        return Error{"video " + quoted(path) + ": " + lastError};
    return PassOutcome::Done;
}

} // namespace

VideoFrameSampler::VideoFrameSampler(const VideoFrameSamplerOptions &options) : m_options(options) {}

Result<SampledFrames> VideoFrameSampler::sample(const std::string &path) const
{
    if (m_options.frames < 1 || m_options.size < 1)
        return Error{"cannot sample " + quoted(path) + ": frames and size must be at least 1 (got " +
                     std::to_string(m_options.frames) + " and " + std::to_string(m_options.size) + ")"};
    for (float deviation : m_options.std)
        if (!(deviation > 0))
            return Error{"cannot sample " + quoted(path) + ": every normalisation std must be positive"};
    quietLogging();

    auto opened = openVideo(path);
    if (!opened)
        return opened.error();
    auto list = listFrames(*opened, path);
    if (!list)
        return list.error();
    opened->format.reset(); // the decoding pass opens the file afresh, at its start

    const std::vector<std::int64_t> positions = choosePositions(*list, m_options.frames);
    SampledFrames out;
    out.size = m_options.size;
    out.requested = m_options.frames;
    out.streamFrames = list->count;
    out.durationSeconds = clipSeconds(*list);

    auto outcome = decodePositions(path, *list, positions, /*seek=*/true, m_options, out);
    if (outcome && *outcome == PassOutcome::SeekMisled) {
        // The container's index sent a jump too far: read the whole stream in order instead.
        SampledFrames again = out;
        again.frames.clear();
        again.frameIndices.clear();
        again.timestamps.clear();
        outcome = decodePositions(path, *list, positions, /*seek=*/false, m_options, again);
        out = std::move(again);
    }
    if (!outcome)
        return outcome.error();
    return out;
}

} // namespace chorus
