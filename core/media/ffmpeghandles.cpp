#include "core/media/ffmpeghandles.h"

#include <mutex>

namespace chorus {
namespace ffmpeg {

std::string errorText(int code)
{
    char buffer[AV_ERROR_MAX_STRING_SIZE] = {};
    if (av_strerror(code, buffer, sizeof buffer) < 0)
        return "FFmpeg error " + std::to_string(code);
    return buffer;
}

void quietLogging()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (av_log_get_level() <= AV_LOG_INFO)
            av_log_set_level(AV_LOG_FATAL);
    });
}

} // namespace ffmpeg
} // namespace chorus
