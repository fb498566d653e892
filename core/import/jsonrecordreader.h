#pragma once

#include "core/import/recordsink.h"
#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace chorus {

class InputStream;

// Reads a file of JSON objects (one per line, plain or .zst) for the fixed-schema sources, in
// constant memory. Lines that are blank are skipped; lines that are not valid UTF-8, not valid JSON
// or not an object go to sink.reject() with a reason, and reading goes on. Optionally, a file whose
// first line is a lone "{" or "[" (pretty-printed, as `jq .` or json.dump(indent=2) write it) is
// read as whole documents of at most maxDocumentBytes; an array document yields its elements.
class JsonRecordReader {
public:
    // Called with each object and the line it starts on; returns false to stop reading.
    using Handler = std::function<bool(const nlohmann::json &object, std::uint64_t line)>;

    JsonRecordReader(std::string path, RecordSink &sink);

    // 0 (the default) reads every file as one record per line.
    void setMaxDocumentBytes(std::size_t bytes) { m_maxDocumentBytes = bytes; }

    // An error only when the file cannot be read at all, or breaks off (a truncated .zst); rows read
    // before the break have been delivered.
    Status read(const Handler &handler);

private:
    struct Document;

    bool handleLine(const std::string &line, std::uint64_t number, const Handler &handler);
    bool feedDocument(Document &document, const std::string &line, std::uint64_t number, bool lineTruncated,
                      const Handler &handler);
    bool finishDocument(Document &document, std::uint64_t lastLine, const Handler &handler);
    bool deliver(const nlohmann::json &value, std::uint64_t line, const std::string &where, const Handler &handler);

    std::string m_path;
    RecordSink &m_sink;
    std::size_t m_maxDocumentBytes = 0;
};

} // namespace chorus
