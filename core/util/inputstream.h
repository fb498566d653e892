#pragma once

#include "core/util/result.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace chorus {

// A forward-only byte stream over a file, transparently decompressing .zst when built with zstd.
// Reading in chunks keeps memory constant whatever the input size.
class InputStream {
public:
    virtual ~InputStream() = default;
    // Fills up to size bytes; returns 0 at the end. A read error sets error() and returns 0.
    virtual std::size_t read(char *buffer, std::size_t size) = 0;
    // Bytes consumed from the file on disk (compressed bytes for .zst), for progress.
    virtual std::uint64_t position() const = 0;
    virtual std::uint64_t size() const = 0;
    virtual const std::string &error() const = 0;

    // Opens path; ".zst" selects decompression. Errors name the file.
    static Result<std::unique_ptr<InputStream>> open(const std::string &path);
};

// Splits an InputStream into lines ('\n', with a trailing '\r' dropped) in constant memory. A line
// longer than maxLineBytes is returned truncated with `truncated` set, so one huge line cannot
// exhaust memory.
class LineReader {
public:
    explicit LineReader(InputStream &input, std::size_t maxLineBytes = 64u << 20);
    // false at the end of input.
    bool next(std::string &line);
    std::uint64_t lineNumber() const { return m_lineNumber; }
    bool truncated() const { return m_truncated; }

private:
    bool fill();

    InputStream &m_input;
    std::size_t m_maxLineBytes;
    std::string m_buffer;
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
    bool m_eof = false;
    bool m_truncated = false;
    std::uint64_t m_lineNumber = 0;
};

} // namespace chorus
