// Video files through FFmpeg as Chorus opens them: probing (import) and uniform frame sampling
// (training). A broken stream is an error with a message, never a crash or a hang.
#include "core/media/videoframesampler.h"
#include "core/media/videoprobe.h"
#include "fuzzinput.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const std::string path = chorus::fuzz::scratchPath(".video");
    if (!chorus::fuzz::writeScratch(path, data, size))
        return 0;
    auto info = chorus::VideoProbe::probe(path, 64);
    if (!info.ok() && info.message().empty())
        std::abort();
    auto frames = chorus::VideoFrameSampler().sample(path);
    if (!frames.ok() && frames.message().empty())
        std::abort();
    return 0;
}
