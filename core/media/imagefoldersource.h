#pragma once

#include "core/import/recordsource.h"

namespace chorus {

// PLACEHOLDER: to be written.
class ImageFolderSource : public RecordSource {
public:

    std::string format() const override { return "imagefoldersource"; }
    Status read(const std::string &path, const ImportOptions &options, RecordSink &sink) override
    {
        (void)path; (void)options; (void)sink;
        return Error{"ImageFolderSource not written yet"};
    }
};

} // namespace chorus
