#pragma once

#include "core/import/recordsource.h"

namespace chorus {

// PLACEHOLDER: to be written.
class RedditSource : public RecordSource {
public:

    std::string format() const override { return "redditsource"; }
    Status read(const std::string &path, const ImportOptions &options, RecordSink &sink) override
    {
        (void)path; (void)options; (void)sink;
        return Error{"RedditSource not written yet"};
    }
};

} // namespace chorus
