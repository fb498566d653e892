#include "core/import/jsonrecordreader.h"

#include "core/import/jsonfields.h"

#include "core/util/inputstream.h"
#include "core/util/utf8.h"

#include <cstring>

namespace chorus {
namespace {

constexpr std::size_t kMaxLineBytes = 64u << 20;
constexpr std::uint64_t kProgressEveryLines = 1000;

bool isBlank(const std::string &s)
{
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v')
            return false;
    return true;
}

std::string trimmed(const std::string &s)
{
    const char *space = " \t\r\n\f\v";
    const std::size_t begin = s.find_first_not_of(space);
    if (begin == std::string::npos)
        return {};
    return s.substr(begin, s.find_last_not_of(space) - begin + 1);
}

// "[json.exception.parse_error.101] parse error at line 1, column 40: syntax error while parsing
// object - unexpected end of input; expected '}'" -> "syntax error ... expected '}' (at byte 40)"
std::string describeParseError(const nlohmann::json::parse_error &e)
{
    std::string message = e.what();
    const std::size_t start = message.find("parse error");
    if (start != std::string::npos) {
        const std::size_t colon = message.find(": ", start);
        if (colon != std::string::npos)
            message = message.substr(colon + 2);
    }
    return message + " (at byte " + std::to_string(e.byte) + ")";
}

std::string mib(std::size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

} // namespace

// A pretty-printed document being gathered. Brackets are counted outside strings so that the end
// of a document is found without trying to parse after every line.
struct JsonRecordReader::Document {
    bool active = false;
    std::uint64_t startLine = 0;
    std::string text;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    bool oversized = false;
    std::string badUtf8;

    void scan(const std::string &line)
    {
        for (char c : line) {
            if (inString) {
                if (escaped)
                    escaped = false;
                else if (c == '\\')
                    escaped = true;
                else if (c == '"')
                    inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                --depth;
            }
        }
    }
    bool complete() const { return active && depth <= 0 && !inString; }
};

JsonRecordReader::JsonRecordReader(std::string path, RecordSink &sink) : m_path(std::move(path)), m_sink(sink) {}

bool JsonRecordReader::deliver(const nlohmann::json &value, std::uint64_t line, const std::string &where,
                               const Handler &handler)
{
    if (value.is_object())
        return handler(value, line);
    if (value.is_array() && where.empty()) {
        // Only whole documents come here: an array of records.
        for (std::size_t i = 0; i < value.size(); ++i)
            if (!deliver(value[i], line, "element " + std::to_string(i + 1) + " of the array: ", handler))
                return false;
        return true;
    }
    return m_sink.reject(m_path, line, where + "expected a JSON object, found " + jsonfields::typeName(value));
}

bool JsonRecordReader::handleLine(const std::string &line, std::uint64_t number, const Handler &handler)
{
    if (const std::size_t bad = utf8::firstInvalid(line); bad != std::string::npos)
        return m_sink.reject(m_path, number, "invalid UTF-8 at byte " + std::to_string(bad + 1));
    nlohmann::json value;
    try {
        value = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error &e) {
        return m_sink.reject(m_path, number, "invalid JSON: " + describeParseError(e));
    } catch (const nlohmann::json::exception &e) {
        return m_sink.reject(m_path, number, std::string("invalid JSON: ") + e.what());
    }
    if (!value.is_object())
        return m_sink.reject(m_path, number, std::string("expected a JSON object, found ") + jsonfields::typeName(value));
    return handler(value, number);
}

bool JsonRecordReader::feedDocument(Document &document, const std::string &line, std::uint64_t number,
                                    bool lineTruncated, const Handler &handler)
{
    if (!document.active) {
        if (isBlank(line))
            return true;
        document = Document();
        document.active = true;
        document.startLine = number;
    }
    if (document.badUtf8.empty()) {
        if (const std::size_t bad = utf8::firstInvalid(line); bad != std::string::npos)
            document.badUtf8 = "invalid UTF-8 at line " + std::to_string(number) + ", byte " + std::to_string(bad + 1);
    }
    document.scan(line);
    if (lineTruncated || document.text.size() + line.size() + 1 > m_maxDocumentBytes) {
        // Keep counting brackets to find where the document ends, but hold nothing more of it.
        document.oversized = true;
        std::string().swap(document.text);
    }
    if (!document.oversized) {
        document.text += line;
        document.text += '\n';
    }
    if (!document.complete())
        return true;
    return finishDocument(document, number, handler);
}

bool JsonRecordReader::finishDocument(Document &document, std::uint64_t lastLine, const Handler &handler)
{
    const std::uint64_t start = document.startLine;
    const std::string span = "lines " + std::to_string(start) + "-" + std::to_string(lastLine);
    Document finished = std::move(document);
    document = Document();
    if (finished.oversized)
        return m_sink.reject(m_path, start,
                             "JSON document spanning " + span + " is larger than " + mib(m_maxDocumentBytes) +
                                 "; write one object per line instead (e.g. with jq -c)");
    if (!finished.badUtf8.empty())
        return m_sink.reject(m_path, start, finished.badUtf8);
    nlohmann::json value;
    try {
        value = nlohmann::json::parse(finished.text);
    } catch (const nlohmann::json::parse_error &e) {
        return m_sink.reject(m_path, start, "invalid JSON in document spanning " + span + ": " + describeParseError(e));
    } catch (const nlohmann::json::exception &e) {
        return m_sink.reject(m_path, start, std::string("invalid JSON: ") + e.what());
    }
    std::string().swap(finished.text);
    return deliver(value, start, {}, handler);
}

Status JsonRecordReader::read(const Handler &handler)
{
    auto opened = InputStream::open(m_path);
    if (!opened)
        return opened.error();
    InputStream &input = **opened;
    LineReader lines(input, kMaxLineBytes);
    std::string line;
    bool seenContent = false;
    bool documentMode = false;
    Document document;
    std::uint64_t sinceProgress = 0;
    bool stopped = false;

    while (!stopped && lines.next(line)) {
        const std::uint64_t number = lines.lineNumber();
        if (++sinceProgress >= kProgressEveryLines) {
            sinceProgress = 0;
            if (!m_sink.progress(input.position()))
                return {};
        }
        if (number == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0)
            line.erase(0, 3);
        if (documentMode) {
            stopped = !feedDocument(document, line, number, lines.truncated(), handler);
            continue;
        }
        if (isBlank(line))
            continue;
        if (!seenContent) {
            seenContent = true;
            const std::string head = trimmed(line);
            if (m_maxDocumentBytes > 0 && (head == "{" || head == "[")) {
                documentMode = true;
                stopped = !feedDocument(document, line, number, lines.truncated(), handler);
                continue;
            }
        }
        if (lines.truncated()) {
            stopped = !m_sink.reject(m_path, number, "line is longer than " + mib(kMaxLineBytes));
            continue;
        }
        stopped = !handleLine(line, number, handler);
    }
    if (stopped)
        return {};
    if (document.active) {
        const std::uint64_t start = document.startLine;
        if (!m_sink.reject(m_path, start,
                           "invalid JSON: the document starting at line " + std::to_string(start) +
                               " ends before it is complete (line " + std::to_string(lines.lineNumber()) + ")"))
            return {};
    }
    if (!input.error().empty()) {
        const std::uint64_t last = lines.lineNumber();
        return Error{input.error() + (last == 0 ? std::string(" (nothing could be read)")
                                                : " (reading stopped at line " + std::to_string(last) +
                                                      "; the rows before it were read)")};
    }
    m_sink.progress(input.position());
    return {};
}

} // namespace chorus
