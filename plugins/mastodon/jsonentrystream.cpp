#include "jsonentrystream.h"

#include "core/util/inputstream.h"

#include <iterator>
#include <vector>

namespace chorus {
namespace mastodon {
namespace {

using nlohmann::json;

// Bytes of an InputStream with the current line number, read in chunks.
class CountingBytes {
public:
    explicit CountingBytes(InputStream &input) : m_input(input), m_buffer(64 * 1024, '\0') {}

    bool atEnd()
    {
        if (m_pos < m_length)
            return false;
        m_length = m_input.read(&m_buffer[0], m_buffer.size());
        m_pos = 0;
        return m_length == 0;
    }
    char current() const { return m_buffer[m_pos]; }
    void advance()
    {
        const char c = m_buffer[m_pos];
        if (c == '\n')
            ++m_line;
        else if (c != ' ' && c != '\t' && c != '\r')
            m_contentLine = m_line;
        ++m_pos;
    }
    // The line of the last character that was not white space: the parser reads one character past
    // a number, which may be the newline after it.
    std::uint64_t line() const { return m_contentLine; }

private:
    InputStream &m_input;
    std::string m_buffer;
    std::size_t m_pos = 0;
    std::size_t m_length = 0;
    std::uint64_t m_line = 1;
    std::uint64_t m_contentLine = 1;
};

// The input iterator nlohmann's parser reads from; the end iterator has no source.
class ByteIterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char *;
    using reference = char;

    ByteIterator() = default;
    explicit ByteIterator(CountingBytes *bytes) : m_bytes(bytes) {}

    char operator*() const { return m_bytes->current(); }
    ByteIterator &operator++()
    {
        m_bytes->advance();
        return *this;
    }
    ByteIterator operator++(int)
    {
        ByteIterator before = *this;
        m_bytes->advance();
        return before;
    }
    bool operator==(const ByteIterator &other) const { return ended() == other.ended(); }
    bool operator!=(const ByteIterator &other) const { return !(*this == other); }

private:
    bool ended() const { return !m_bytes || m_bytes->atEnd(); }
    CountingBytes *m_bytes = nullptr;
};

// Builds one json value from SAX events.
class ValueBuilder {
public:
    void begin(std::uint64_t line)
    {
        m_value = json();
        m_stack.clear();
        m_line = line;
        m_active = true;
    }
    bool active() const { return m_active; }
    bool complete() const { return m_active && m_done; }
    std::uint64_t line() const { return m_line; }
    json take()
    {
        m_active = false;
        m_done = false;
        return std::move(m_value);
    }

    void key(const std::string &key) { m_key = key; }
    void scalar(json value)
    {
        place(std::move(value));
        if (m_stack.empty())
            m_done = true;
    }
    void open(json container) { m_stack.push_back(place(std::move(container))); }
    void close()
    {
        m_stack.pop_back();
        if (m_stack.empty())
            m_done = true;
    }

private:
    json *place(json value)
    {
        if (m_stack.empty()) {
            m_value = std::move(value);
            return &m_value;
        }
        json &parent = *m_stack.back();
        if (parent.is_array()) {
            parent.push_back(std::move(value));
            return &parent.back();
        }
        json &slot = parent[m_key];
        slot = std::move(value);
        return &slot;
    }

    json m_value;
    std::vector<json *> m_stack;
    std::string m_key;
    std::uint64_t m_line = 0;
    bool m_active = false;
    bool m_done = false;
};

class EntrySax {
public:
    using Outcome = JsonEntryStream::Outcome;

    EntrySax(CountingBytes &bytes, InputStream &input, const JsonEntryStream::Handler &handler,
             const JsonEntryStream::Progress &progress, Outcome &outcome)
        : m_bytes(bytes), m_input(input), m_handler(handler), m_progress(progress), m_outcome(outcome)
    {
    }

    bool null() { return scalar(json()); }
    bool boolean(bool value) { return scalar(json(value)); }
    bool number_integer(json::number_integer_t value) { return scalar(json(value)); }
    bool number_unsigned(json::number_unsigned_t value) { return scalar(json(value)); }
    bool number_float(json::number_float_t value, const std::string &) { return scalar(json(value)); }
    bool string(std::string &value) { return scalar(json(std::move(value))); }
    bool binary(json::binary_t &value) { return scalar(json(std::move(value))); }

    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t)
    {
        // The array of entries: the document itself, or the outbox's orderedItems.
        if (!m_builder.active() && m_depth == 0) {
            m_depth = 1;
            m_itemsDepth = 1;
            return true;
        }
        if (!m_builder.active() && m_depth == 1 && m_rootIsObject && m_key == "orderedItems") {
            m_depth = 2;
            m_itemsDepth = 2;
            m_outcome.outbox = true;
            return true;
        }
        return open(json::array());
    }
    bool key(std::string &key)
    {
        if (m_builder.active())
            m_builder.key(key);
        else
            m_key = key;
        return true;
    }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &e)
    {
        m_outcome.syntaxError = true;
        m_outcome.errorLine = m_bytes.line();
        std::string message = e.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..."
        if (const std::size_t colon = message.find(": ", message.find("parse error")); colon != std::string::npos)
            message = message.substr(colon + 2);
        m_outcome.error = message;
        return false;
    }

    // The top-level object's own members (when it is not an outbox: a single status).
    json takeRoot() { return std::move(m_root); }
    bool rootIsObject() const { return m_rootIsObject; }

private:
    bool inItems() const { return m_itemsDepth > 0 && m_depth == m_itemsDepth; }

    void startValue()
    {
        if (!m_builder.active())
            m_builder.begin(m_bytes.line());
    }

    bool scalar(json value)
    {
        if (!m_builder.active() && !inItems() && !(m_rootIsObject && m_depth == 1))
            return true; // a bare scalar document: nothing to import (reported by the caller)
        startValue();
        m_builder.scalar(std::move(value));
        return finishIfComplete();
    }

    bool open(json container)
    {
        if (!m_builder.active() && m_depth == 0 && container.is_object()) {
            m_rootIsObject = true;
            m_depth = 1;
            m_root = json::object();
            return true;
        }
        startValue();
        m_builder.open(std::move(container));
        return true;
    }

    bool close()
    {
        if (m_builder.active()) {
            m_builder.close();
            return finishIfComplete();
        }
        if (m_depth == m_itemsDepth)
            m_itemsDepth = 0;
        --m_depth;
        return true;
    }

    bool finishIfComplete()
    {
        if (!m_builder.complete())
            return true;
        const std::uint64_t line = m_builder.line();
        json value = m_builder.take();
        if (!inItems()) {
            m_root[m_key] = std::move(value); // a member of the top-level object
            return true;
        }
        const std::uint64_t index = ++m_outcome.entries;
        if (!m_handler(value, line, index)) {
            m_outcome.stopped = true;
            return false;
        }
        if (index % 1000 == 0 && !m_progress(m_input.position())) {
            m_outcome.stopped = true;
            return false;
        }
        return true;
    }

    CountingBytes &m_bytes;
    InputStream &m_input;
    const JsonEntryStream::Handler &m_handler;
    const JsonEntryStream::Progress &m_progress;
    Outcome &m_outcome;
    ValueBuilder m_builder;
    json m_root;
    std::string m_key;
    int m_depth = 0;
    int m_itemsDepth = 0;
    bool m_rootIsObject = false;
};

} // namespace

JsonEntryStream::Outcome JsonEntryStream::read(InputStream &input, const Handler &handler, const Progress &progress)
{
    Outcome outcome;
    CountingBytes bytes(input);
    EntrySax sax(bytes, input, handler, progress, outcome);
    json::sax_parse(ByteIterator(&bytes), ByteIterator(), &sax);
    if (!input.error().empty())
        outcome.readError = input.error();
    if (outcome.stopped || outcome.syntaxError || !outcome.readError.empty())
        return outcome;
    if (sax.rootIsObject() && !outcome.outbox) {
        // A single status (GET /api/v1/statuses/:id saved to a file).
        const json root = sax.takeRoot();
        ++outcome.entries;
        if (!handler(root, 1, 1))
            outcome.stopped = true;
    }
    return outcome;
}

} // namespace mastodon
} // namespace chorus
