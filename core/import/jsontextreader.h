#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace chorus {

class InputStream;
class LineReader;

// Cuts a file into the texts of its JSON records, in constant memory, without parsing them:
// JSON Lines (one value per line, blank lines skipped), or, when the first non-blank character
// is '[', the elements of one top-level array ([{"text": ...}, {...}]) however it is laid out over
// lines. Array elements are found by tracking strings, escapes and bracket depth, so a huge array
// never has to be held whole. A UTF-8 byte order mark is skipped.
class JsonTextReader {
public:
    static constexpr std::size_t kDefaultMaxValueBytes = 64u << 20;

    enum class Outcome {
        Value,     // text holds one value's JSON text
        Malformed, // problem() says why; reading can go on
        End,       // no more values (check error() for a read error)
    };

    explicit JsonTextReader(InputStream &input, std::size_t maxValueBytes = kDefaultMaxValueBytes);
    ~JsonTextReader();

    Outcome next(std::string &text);

    // The 1-based line where the last value (or malformed value) starts.
    std::uint64_t line() const { return m_valueLine; }
    const std::string &problem() const { return m_problem; }
    // True once the file turned out to be one top-level array.
    bool arrayForm() const { return m_arrayForm; }
    // In the array form, the 0-based position of the last value (or malformed element) in the
    // array: several elements may start on one line, their positions tell them apart.
    std::uint64_t elementIndex() const { return m_elementCount == 0 ? 0 : m_elementCount - 1; }
    std::uint64_t bytesRead() const;
    const std::string &error() const;

private:
    bool nextLine();
    Outcome nextLineValue(std::string &text);
    Outcome nextArrayElement(std::string &text);
    Outcome malformed(std::uint64_t line, std::string problem);

    InputStream &m_input;
    std::size_t m_maxValueBytes;
    std::unique_ptr<LineReader> m_lines;
    std::string m_current; // the line being cut (array form)
    std::size_t m_offset = 0;
    std::uint64_t m_lineNumber = 0;
    bool m_currentTruncated = false;
    bool m_haveLine = false;
    bool m_started = false;
    bool m_arrayForm = false;
    bool m_arrayOpen = false;   // the '[' has been seen
    bool m_arrayClosed = false; // the matching ']' has been seen
    bool m_finished = false;
    std::uint64_t m_arrayLine = 0;
    std::uint64_t m_valueLine = 0;
    std::uint64_t m_elementCount = 0;
    std::string m_problem;
};

} // namespace chorus
