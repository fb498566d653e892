#include "core/import/jsontextreader.h"

#include "core/util/inputstream.h"

namespace chorus {
namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

bool isBlank(const std::string &s)
{
    for (char c : s)
        if (!isSpace(c))
            return false;
    return true;
}

std::string mib(std::size_t bytes)
{
    if (bytes >= (1u << 20))
        return std::to_string(bytes >> 20) + " MiB";
    return std::to_string(bytes) + " bytes";
}

} // namespace

JsonTextReader::JsonTextReader(InputStream &input, std::size_t maxValueBytes)
    : m_input(input), m_maxValueBytes(maxValueBytes == 0 ? 1 : maxValueBytes),
      m_lines(std::make_unique<LineReader>(input, m_maxValueBytes))
{
}

JsonTextReader::~JsonTextReader() = default;

std::uint64_t JsonTextReader::bytesRead() const { return m_input.position(); }

const std::string &JsonTextReader::error() const { return m_input.error(); }

bool JsonTextReader::nextLine()
{
    if (!m_lines->next(m_current)) {
        m_haveLine = false;
        return false;
    }
    m_lineNumber = m_lines->lineNumber();
    m_currentTruncated = m_lines->truncated();
    m_offset = 0;
    m_haveLine = true;
    if (m_lineNumber == 1 && m_current.compare(0, 3, "\xEF\xBB\xBF") == 0)
        m_offset = 3;
    return true;
}

JsonTextReader::Outcome JsonTextReader::malformed(std::uint64_t line, std::string problem)
{
    m_valueLine = line;
    m_problem = std::move(problem);
    return Outcome::Malformed;
}

JsonTextReader::Outcome JsonTextReader::next(std::string &text)
{
    text.clear();
    m_problem.clear();
    if (m_finished)
        return Outcome::End;
    if (!m_started) {
        // The first non-blank character decides between the two forms.
        while (nextLine()) {
            const std::size_t first = m_current.find_first_not_of(" \t\r\n\f\v", m_offset);
            if (first == std::string::npos)
                continue;
            m_started = true;
            m_arrayForm = m_current[first] == '[';
            if (m_arrayForm) {
                m_offset = first;
                m_arrayLine = m_lineNumber;
            }
            break;
        }
        if (!m_started) {
            m_finished = true;
            return Outcome::End;
        }
        if (!m_arrayForm)
            return nextLineValue(text);
    }
    return m_arrayForm ? nextArrayElement(text) : nextLineValue(text);
}

JsonTextReader::Outcome JsonTextReader::nextLineValue(std::string &text)
{
    // The first line was read while deciding the form; later lines are read here.
    while (m_haveLine || nextLine()) {
        m_haveLine = false;
        if (isBlank(m_current))
            continue;
        if (m_currentTruncated)
            return malformed(m_lineNumber, "line is longer than " + mib(m_maxValueBytes));
        m_valueLine = m_lineNumber;
        text.assign(m_current, m_offset, std::string::npos);
        return Outcome::Value;
    }
    m_finished = true;
    return Outcome::End;
}

JsonTextReader::Outcome JsonTextReader::nextArrayElement(std::string &text)
{
    bool active = false;
    bool oversized = false;
    bool inString = false;
    bool escaped = false;
    int depth = 0;
    std::uint64_t start = 0;

    for (;;) {
        if (m_offset >= m_current.size()) {
            if (!nextLine())
                break;
            if (active) {
                if (m_currentTruncated)
                    oversized = true;
                if (!oversized)
                    text += '\n';
            }
        }
        while (m_offset < m_current.size()) {
            const char c = m_current[m_offset++];
            if (!m_arrayOpen) {
                // Only white space precedes the '[' (that is how the form was chosen).
                if (c == '[') {
                    m_arrayOpen = true;
                    m_arrayLine = m_lineNumber;
                }
                continue;
            }
            if (m_arrayClosed) {
                if (isSpace(c))
                    continue;
                m_finished = true;
                return malformed(m_lineNumber, "invalid JSON: unexpected content after the end of the top-level "
                                               "array that starts at line " + std::to_string(m_arrayLine));
            }
            if (!active) {
                if (isSpace(c))
                    continue;
                if (c == ']') {
                    m_arrayClosed = true;
                    continue;
                }
                ++m_elementCount;
                if (c == ',')
                    return malformed(m_lineNumber, "invalid JSON: empty element in the top-level array");
                active = true;
                start = m_lineNumber;
                if (m_currentTruncated)
                    oversized = true;
            }
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
            } else if ((c == ',' || c == ']') && depth == 0) {
                // The end of this element; a ']' also ends the array.
                m_arrayClosed = c == ']';
                if (oversized)
                    return malformed(start, "array element starting at line " + std::to_string(start) +
                                                " is larger than " + mib(m_maxValueBytes));
                m_valueLine = start;
                return Outcome::Value;
            } else if ((c == '}' || c == ']') && depth > 0) {
                --depth;
            }
            if (!oversized) {
                text += c;
                if (text.size() > m_maxValueBytes) {
                    // Keep cutting to find where the element ends, but hold nothing more of it.
                    oversized = true;
                    std::string().swap(text);
                }
            }
        }
    }

    m_finished = true;
    if (active || (m_arrayOpen && !m_arrayClosed)) {
        const std::uint64_t line = active ? start : m_arrayLine;
        text.clear();
        return malformed(line, "invalid JSON: the top-level array starting at line " + std::to_string(m_arrayLine) +
                                   " ends before it is complete (truncated file?)");
    }
    return Outcome::End;
}

} // namespace chorus
