#pragma once

#include "core/import/recordsource.h"

namespace chorus {

// PLACEHOLDER: to be written.
class CsvSource : public RecordSource {
public:
    explicit CsvSource(char delimiter) : m_delimiter(delimiter) {}
private:
    char m_delimiter;
public:
    std::string format() const override { return "csvsource"; }
    Status read(const std::string &path, const ImportOptions &options, RecordSink &sink) override
    {
        (void)path; (void)options; (void)sink;
        return Error{"CsvSource not written yet"};
    }
};

} // namespace chorus
