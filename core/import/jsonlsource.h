#pragma once

#include "core/import/recordsource.h"

namespace chorus {

// PLACEHOLDER: to be written.
class JsonlSource : public RecordSource {
public:

    std::string format() const override { return "jsonlsource"; }
    Status read(const std::string &path, const ImportOptions &options, RecordSink &sink) override
    {
        (void)path; (void)options; (void)sink;
        return Error{"JsonlSource not written yet"};
    }
};

} // namespace chorus
