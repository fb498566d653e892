#include "core/import/csvreader.h"

#include "core/util/inputstream.h"

#include <algorithm>
#include <cstring>

namespace chorus {
namespace {

constexpr std::size_t kBufferBytes = 1u << 20;
// Enough lines of any realistic header and first rows to tell the delimiter.
constexpr std::size_t kDetectionSampleBytes = 64u << 10;
constexpr std::size_t kDetectionLines = 20;

enum State { FieldStart, Unquoted, Quoted, QuoteClosed };

std::string mib(std::size_t bytes)
{
    if (bytes >= (1u << 20))
        return std::to_string(bytes >> 20) + " MiB";
    return std::to_string(bytes) + " bytes";
}

} // namespace

CsvReader::CsvReader(InputStream &input, char delimiter, std::size_t maxRecordBytes)
    : m_input(input), m_delimiter(delimiter), m_maxRecordBytes(maxRecordBytes == 0 ? 1 : maxRecordBytes),
      m_buffer(kBufferBytes)
{
}

std::uint64_t CsvReader::bytesRead() const { return m_input.position(); }

const std::string &CsvReader::error() const { return m_input.error(); }

char CsvReader::delimiter()
{
    prime();
    return m_delimiter;
}

// Makes at least `bytes` unread bytes available unless the input ends first.
bool CsvReader::ensure(std::size_t bytes)
{
    if (m_end - m_pos >= bytes)
        return true;
    if (m_eof)
        return false;
    if (m_pos > 0) {
        std::memmove(m_buffer.data(), m_buffer.data() + m_pos, m_end - m_pos);
        m_end -= m_pos;
        m_pos = 0;
    }
    while (m_end - m_pos < bytes && m_end < m_buffer.size()) {
        const std::size_t n = m_input.read(m_buffer.data() + m_end, m_buffer.size() - m_end);
        if (n == 0) {
            m_eof = true;
            break;
        }
        m_end += n;
    }
    return m_end - m_pos >= bytes;
}

void CsvReader::prime()
{
    if (m_primed)
        return;
    m_primed = true;
    ensure(kDetectionSampleBytes);
    if (m_end - m_pos >= 3 && std::memcmp(m_buffer.data() + m_pos, "\xEF\xBB\xBF", 3) == 0)
        m_pos += 3;
    if (m_delimiter == '\0') {
        const std::size_t available = m_end - m_pos;
        const std::size_t sample = available < kDetectionSampleBytes ? available : kDetectionSampleBytes;
        m_delimiter = detectDelimiter(std::string_view(m_buffer.data() + m_pos, sample));
    }
}

char CsvReader::detectDelimiter(std::string_view sample)
{
    static const char candidates[] = {',', '\t', ';', '|'};
    constexpr std::size_t kCandidates = sizeof(candidates);
    std::vector<std::vector<std::size_t>> counts(kCandidates);
    std::size_t current[kCandidates] = {};
    bool inQuotes = false;
    bool lineHasContent = false;
    auto endLine = [&] {
        if (lineHasContent)
            for (std::size_t k = 0; k < kCandidates; ++k)
                counts[k].push_back(current[k]);
        for (std::size_t &c : current)
            c = 0;
        lineHasContent = false;
    };
    for (std::size_t i = 0; i < sample.size() && counts[0].size() < kDetectionLines; ++i) {
        const char c = sample[i];
        if (c == '"') {
            inQuotes = !inQuotes;
        } else if (!inQuotes && c == '\n') {
            endLine();
            continue;
        } else if (!inQuotes) {
            for (std::size_t k = 0; k < kCandidates; ++k)
                if (c == candidates[k])
                    ++current[k];
        }
        if (c != '\r')
            lineHasContent = true;
    }
    // A cut-off last line only counts when it is the only one.
    if (counts[0].empty())
        endLine();

    char best = ',';
    std::size_t bestCount = 0;
    bool bestConsistent = false;
    for (std::size_t k = 0; k < kCandidates; ++k) {
        if (counts[k].empty() || counts[k][0] == 0)
            continue;
        bool consistent = true;
        for (std::size_t n : counts[k])
            consistent = consistent && n == counts[k][0];
        const std::size_t count = counts[k][0];
        if ((consistent && !bestConsistent) || (consistent == bestConsistent && count > bestCount)) {
            best = candidates[k];
            bestCount = count;
            bestConsistent = consistent;
        }
    }
    return best;
}

CsvReader::Outcome CsvReader::oversized(int state, std::uint64_t quoteLine, std::vector<std::string> &fields)
{
    fields.clear();
    fields.shrink_to_fit();
    if (state == Quoted)
        m_problem = "unterminated quoted field starting at line " + std::to_string(quoteLine) +
                    " (no closing quote within " + mib(m_maxRecordBytes) + ")";
    else
        m_problem = "record starting at line " + std::to_string(m_recordLine) + " is longer than " +
                    mib(m_maxRecordBytes);
    // Resume at the next line: the quote state cannot be trusted any more, and lines stay the
    // best guess of where records start.
    while (ensure(1)) {
        const char *begin = m_buffer.data() + m_pos;
        const void *newline = std::memchr(begin, '\n', m_end - m_pos);
        if (newline) {
            m_pos += static_cast<const char *>(newline) - begin + 1;
            ++m_line;
            break;
        }
        m_pos = m_end;
    }
    return Outcome::Malformed;
}

CsvReader::Outcome CsvReader::next(std::vector<std::string> &fields)
{
    prime();
    fields.clear();
    m_problem.clear();

    // Empty lines (LF or CRLF) separate nothing.
    for (;;) {
        if (!ensure(1))
            return Outcome::End;
        const char c = m_buffer[m_pos];
        if (c == '\n') {
            ++m_pos;
            ++m_line;
        } else if (c == '\r' && ensure(2) && m_buffer[m_pos + 1] == '\n') {
            m_pos += 2;
            ++m_line;
        } else {
            break;
        }
    }

    m_recordLine = m_line;
    const char delimiter = m_delimiter;
    std::string field;
    std::size_t recordBytes = 0;
    std::uint64_t quoteLine = 0;
    int state = FieldStart;

    for (;;) {
        if (!ensure(1)) {
            if (state == Quoted) {
                m_problem = "unterminated quoted field starting at line " + std::to_string(quoteLine);
                fields.clear();
                return Outcome::Malformed;
            }
            fields.push_back(std::move(field));
            return Outcome::Record;
        }
        if (state == Quoted) {
            // Copy the run up to the next quote in one go, counting the line breaks it holds.
            // Never past the size limit, so that reading can resume right where it was hit.
            const char *begin = m_buffer.data() + m_pos;
            const std::size_t available = std::min(m_end - m_pos, m_maxRecordBytes - recordBytes + 1);
            const void *quote = std::memchr(begin, '"', available);
            const std::size_t run = quote ? static_cast<std::size_t>(static_cast<const char *>(quote) - begin)
                                          : available;
            for (std::size_t i = 0; i < run; ++i)
                if (begin[i] == '\n')
                    ++m_line;
            field.append(begin, run);
            recordBytes += run;
            m_pos += run;
            if (quote) {
                ++m_pos;
                state = QuoteClosed;
            }
            if (recordBytes > m_maxRecordBytes)
                return oversized(state, quoteLine, fields);
            continue;
        }

        const char c = m_buffer[m_pos];
        if (c == delimiter) {
            ++m_pos;
            ++recordBytes;
            fields.push_back(std::move(field));
            field.clear();
            state = FieldStart;
        } else if (c == '\n' || (c == '\r' && ensure(2) && m_buffer[m_pos + 1] == '\n')) {
            m_pos += c == '\n' ? 1 : 2;
            ++m_line;
            fields.push_back(std::move(field));
            return Outcome::Record;
        } else if (c == '"' && state == FieldStart) {
            ++m_pos;
            ++recordBytes;
            quoteLine = m_line;
            state = Quoted;
        } else if (c == '"' && state == QuoteClosed) {
            // A doubled quote inside a quoted field.
            ++m_pos;
            ++recordBytes;
            field += '"';
            state = Quoted;
        } else {
            // Plain data: copy up to the next byte that may end the field.
            const char *begin = m_buffer.data() + m_pos;
            const std::size_t available = std::min(m_end - m_pos, m_maxRecordBytes - recordBytes + 1);
            std::size_t run = 1;
            while (run < available) {
                const char d = begin[run];
                if (d == delimiter || d == '\n' || d == '\r')
                    break;
                ++run;
            }
            field.append(begin, run);
            recordBytes += run;
            m_pos += run;
            state = Unquoted;
        }
        if (recordBytes > m_maxRecordBytes)
            return oversized(state, quoteLine, fields);
    }
}

} // namespace chorus
