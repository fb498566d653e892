#pragma once

#include "core/import/importoptions.h"
#include "core/import/recordsink.h"
#include "core/util/result.h"

#include <memory>
#include <string>
#include <vector>

namespace chorus {

// One input format. read() streams a file (or folder) into the sink in constant memory. It returns
// an error only when the input cannot be used at all (missing, unreadable, not this format);
// bad rows go to sink.reject() and reading goes on.
class RecordSource {
public:
    virtual ~RecordSource() = default;
    virtual std::string format() const = 0;
    virtual Status read(const std::string &path, const ImportOptions &options, RecordSink &sink) = 0;
};

// The formats this build knows (media formats only when built with OpenCV and FFmpeg).
std::vector<std::string> knownImportFormats();
// nullptr when the format is unknown to this build.
std::unique_ptr<RecordSource> makeRecordSource(const std::string &format);
// Guesses a format from a path's extension and first bytes; empty when it cannot tell.
std::string detectImportFormat(const std::string &path);

} // namespace chorus
