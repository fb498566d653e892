#include "core/media/localvideoinput.h"

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
}

namespace chorus {

int LocalVideoInput::open(AVFormatContext **format, const std::string &path)
{
    AVDictionary *options = nullptr;
    av_dict_set(&options, "protocol_whitelist", "file", 0);
    const std::string url = "file:" + path;
    const int rc = avformat_open_input(format, url.c_str(), nullptr, &options);
    av_dict_free(&options);
    return rc;
}

} // namespace chorus
