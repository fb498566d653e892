#pragma once

#include "core/import/recordsource.h"

namespace chorus {

// Generic posts in a delimited text file (CSV, TSV, semicolon- or pipe-separated). The first record
// is the header; options.mapping names the columns of the canonical post fields, or, when it maps
// no fields, the usual column names are recognised (see fieldguess.h). A column named "label",
// "class" or "sentiment" becomes a label of that task unless the mapping uses it otherwise.
// Rows that do not fit (wrong field count, invalid UTF-8, no text, unparsable numbers or dates)
// are rejected with the reason and the line where they start.
class CsvSource : public RecordSource {
public:
    // delimiter '\0': detected from the first lines; '\t' for TSV.
    explicit CsvSource(char delimiter) : m_delimiter(delimiter) {}

    std::string format() const override { return m_delimiter == '\t' ? "tsv" : "csv"; }
    Status read(const std::string &path, const ImportOptions &options, RecordSink &sink) override;

private:
    char m_delimiter;
};

} // namespace chorus
