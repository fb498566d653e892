#pragma once

#include "core/import/recordsource.h"

namespace chorus {

// PLACEHOLDER: to be written.
class VideoSource : public RecordSource {
public:

    std::string format() const override { return "videosource"; }
    Status read(const std::string &path, const ImportOptions &options, RecordSink &sink) override
    {
        (void)path; (void)options; (void)sink;
        return Error{"VideoSource not written yet"};
    }
};

} // namespace chorus
