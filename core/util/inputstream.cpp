#include "core/util/inputstream.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include <sys/stat.h>

#ifdef CHORUS_HAVE_ZSTD
#include <zstd.h>
#endif

namespace chorus {
namespace {

bool endsWith(const std::string &s, const char *suffix)
{
    const std::size_t n = std::strlen(suffix);
    return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

class FileInputStream : public InputStream {
public:
    FileInputStream(std::FILE *file, std::string path, std::uint64_t size)
        : m_file(file), m_path(std::move(path)), m_size(size)
    {
    }
    ~FileInputStream() override { std::fclose(m_file); }

    std::size_t read(char *buffer, std::size_t size) override
    {
        const std::size_t n = std::fread(buffer, 1, size, m_file);
        if (n < size && std::ferror(m_file))
            m_error = "read error in '" + m_path + "': " + std::strerror(errno);
        m_position += n;
        return n;
    }
    std::uint64_t position() const override { return m_position; }
    std::uint64_t size() const override { return m_size; }
    const std::string &error() const override { return m_error; }

private:
    std::FILE *m_file;
    std::string m_path;
    std::uint64_t m_size;
    std::uint64_t m_position = 0;
    std::string m_error;
};

#ifdef CHORUS_HAVE_ZSTD
class ZstdInputStream : public InputStream {
public:
    explicit ZstdInputStream(std::unique_ptr<InputStream> raw, std::string path)
        : m_raw(std::move(raw)), m_path(std::move(path)), m_stream(ZSTD_createDStream()),
          m_in(ZSTD_DStreamInSize())
    {
        // Reddit dumps use long windows (up to 2 GiB); allow them rather than failing.
        ZSTD_DCtx_setParameter(m_stream, ZSTD_d_windowLogMax, 31);
    }
    ~ZstdInputStream() override { ZSTD_freeDStream(m_stream); }

    std::size_t read(char *buffer, std::size_t size) override
    {
        ZSTD_outBuffer out{buffer, size, 0};
        while (out.pos == 0 && m_error.empty()) {
            if (m_input.pos == m_input.size) {
                const std::size_t n = m_raw->read(m_in.data(), m_in.size());
                if (!m_raw->error().empty()) {
                    m_error = m_raw->error();
                    break;
                }
                if (n == 0) {
                    if (!m_frameDone)
                        m_error = "'" + m_path + "' ends in the middle of a zstd frame (truncated file)";
                    break;
                }
                m_input = ZSTD_inBuffer{m_in.data(), n, 0};
            }
            const std::size_t rc = ZSTD_decompressStream(m_stream, &out, &m_input);
            if (ZSTD_isError(rc)) {
                m_error = "'" + m_path + "' is not valid zstd data: " + ZSTD_getErrorName(rc);
                break;
            }
            m_frameDone = rc == 0;
        }
        return out.pos;
    }
    std::uint64_t position() const override { return m_raw->position(); }
    std::uint64_t size() const override { return m_raw->size(); }
    const std::string &error() const override { return m_error; }

private:
    std::unique_ptr<InputStream> m_raw;
    std::string m_path;
    ZSTD_DStream *m_stream;
    std::vector<char> m_in;
    ZSTD_inBuffer m_input{nullptr, 0, 0};
    bool m_frameDone = true;
    std::string m_error;
};
#endif

} // namespace

Result<std::unique_ptr<InputStream>> InputStream::open(const std::string &path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return Error{"cannot open '" + path + "': " + std::strerror(errno)};
    if (S_ISDIR(st.st_mode))
        return Error{"'" + path + "' is a folder, not a file"};
    std::FILE *file = std::fopen(path.c_str(), "rb");
    if (!file)
        return Error{"cannot open '" + path + "': " + std::strerror(errno)};
    std::setvbuf(file, nullptr, _IOFBF, 1 << 20);
    std::unique_ptr<InputStream> raw(new FileInputStream(file, path, static_cast<std::uint64_t>(st.st_size)));
    if (endsWith(path, ".zst") || endsWith(path, ".zstd")) {
#ifdef CHORUS_HAVE_ZSTD
        return std::unique_ptr<InputStream>(new ZstdInputStream(std::move(raw), path));
#else
        return Error{"'" + path + "' is zstd-compressed, but this build of Chorus has no zstd support"};
#endif
    }
    return raw;
}

LineReader::LineReader(InputStream &input, std::size_t maxLineBytes)
    : m_input(input), m_maxLineBytes(maxLineBytes), m_buffer(1 << 20, '\0')
{
}

bool LineReader::fill()
{
    if (m_eof)
        return false;
    if (m_begin > 0) {
        std::memmove(&m_buffer[0], &m_buffer[m_begin], m_end - m_begin);
        m_end -= m_begin;
        m_begin = 0;
    }
    if (m_end == m_buffer.size())
        m_buffer.resize(m_buffer.size() * 2);
    const std::size_t n = m_input.read(&m_buffer[m_end], m_buffer.size() - m_end);
    if (n == 0) {
        m_eof = true;
        return false;
    }
    m_end += n;
    return true;
}

bool LineReader::next(std::string &line)
{
    m_truncated = false;
    line.clear();
    std::size_t scanFrom = m_begin;
    for (;;) {
        const char *start = m_buffer.data() + scanFrom;
        const void *newline = std::memchr(start, '\n', m_end - scanFrom);
        if (newline) {
            const std::size_t nl = static_cast<std::size_t>(static_cast<const char *>(newline) - m_buffer.data());
            if (!m_truncated)
                line.append(m_buffer, m_begin, nl - m_begin);
            m_begin = nl + 1;
            break;
        }
        // No newline in the buffer: keep the partial line bounded.
        if (m_end - m_begin >= m_maxLineBytes) {
            if (!m_truncated)
                line.append(m_buffer, m_begin, m_maxLineBytes);
            m_truncated = true;
            m_begin = m_end;
        }
        const std::size_t consumed = m_end - m_begin;
        if (!fill()) {
            if (consumed == 0 && line.empty() && !m_truncated)
                return false;
            if (!m_truncated)
                line.append(m_buffer, m_begin, m_end - m_begin);
            m_begin = m_end;
            break;
        }
        scanFrom = m_begin + consumed;
    }
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    ++m_lineNumber;
    return true;
}

} // namespace chorus
