#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chorus {

class InputStream;

// Streams the records of a delimited text file (RFC 4180) in constant memory: quoted fields may hold
// delimiters, doubled quotes and line breaks, so one record can span several lines. A UTF-8 byte
// order mark is skipped, CRLF and LF both end records, and empty lines are skipped. Readers of real
// exports are lenient where RFC 4180 is strict: a quote inside an unquoted field, or text right
// after a closing quote, is kept as data.
//
// A record larger than maxRecordBytes (a quote that is never closed swallows the rest of the
// file) is reported as malformed and reading resumes at the next line, so a broken file costs
// bounded memory and leaves the rest of the input readable.
class CsvReader {
public:
    static constexpr std::size_t kDefaultMaxRecordBytes = 16u << 20;

    enum class Outcome {
        Record,    // fields holds the record
        Malformed, // the record could not be read; problem() says why
        End,       // no more records (check error() for a read error)
    };

    // delimiter '\0': detected from the first lines (comma, semicolon, tab or pipe).
    explicit CsvReader(InputStream &input, char delimiter = '\0',
                       std::size_t maxRecordBytes = kDefaultMaxRecordBytes);

    Outcome next(std::vector<std::string> &fields);

    // The 1-based line where the last record (or malformed record) starts.
    std::uint64_t line() const { return m_recordLine; }
    const std::string &problem() const { return m_problem; }
    // The delimiter in use (after detection).
    char delimiter();
    // Bytes consumed from the file, for progress.
    std::uint64_t bytesRead() const;
    // A read error of the underlying stream, empty when none.
    const std::string &error() const;

    // The delimiter the first lines of a file most likely use: the candidate found the same
    // (non-zero) number of times on every line, outside quotes, preferring the most frequent.
    // ',' when nothing fits.
    static char detectDelimiter(std::string_view sample);

private:
    bool ensure(std::size_t bytes);
    void prime();
    Outcome oversized(int state, std::uint64_t quoteLine, std::vector<std::string> &fields);

    InputStream &m_input;
    char m_delimiter;
    std::size_t m_maxRecordBytes;
    std::vector<char> m_buffer;
    std::size_t m_pos = 0;
    std::size_t m_end = 0;
    bool m_eof = false;
    bool m_primed = false;
    std::uint64_t m_line = 1;
    std::uint64_t m_recordLine = 0;
    std::string m_problem;
};

} // namespace chorus
