#include "mastodonsource.h"

#include "jsonentrystream.h"
#include "mastodonstatus.h"

#include "core/import/jsonrecordreader.h"
#include "core/import/mappedfields.h"
#include "core/util/inputstream.h"

namespace chorus {
namespace mastodon {
namespace {

using nlohmann::json;

enum class Layout { Empty, Document, Lines, Unknown };

struct Sniffed {
    Layout layout = Layout::Unknown;
    char first = 0;
};

// Looks at the first 64 KiB: a '[' starts an array document; a '{' starts either JSON Lines or one
// pretty-printed document (its first line a lone "{", or an export naming orderedItems early).
Result<Sniffed> sniff(const std::string &path)
{
    auto opened = InputStream::open(path);
    if (!opened)
        return opened.error();
    std::string head(64 * 1024, '\0');
    std::size_t filled = 0;
    while (filled < head.size()) {
        const std::size_t got = (*opened)->read(&head[filled], head.size() - filled);
        if (got == 0)
            break;
        filled += got;
    }
    if (!(*opened)->error().empty())
        return Error{(*opened)->error()};
    head.resize(filled);
    std::size_t at = head.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    at = head.find_first_not_of(" \t\r\n", at);
    Sniffed result;
    if (at == std::string::npos) {
        result.layout = Layout::Empty;
        return result;
    }
    result.first = head[at];
    if (result.first == '[') {
        result.layout = Layout::Document;
    } else if (result.first == '{') {
        const std::size_t lineEnd = head.find('\n', at);
        std::string firstLine = head.substr(at, lineEnd == std::string::npos ? std::string::npos : lineEnd - at);
        while (!firstLine.empty() && (firstLine.back() == '\r' || firstLine.back() == ' ' || firstLine.back() == '\t'))
            firstLine.pop_back();
        const bool lone = firstLine == "{";
        result.layout = lone || head.find("\"orderedItems\"") != std::string::npos ? Layout::Document : Layout::Lines;
    }
    return result;
}

std::string folderOf(const std::string &path)
{
    const std::size_t slash = path.find_last_of('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? std::string("/") : path.substr(0, slash);
}

class EntryImporter {
public:
    EntryImporter(const std::string &path, RecordSink &sink, const MappedFields &mapped)
        : m_path(path), m_folder(folderOf(path)), m_sink(sink), m_mapped(mapped)
    {
    }

    // `where` prefixes the reason ("entry 3: ") where lines alone do not identify the entry.
    bool handle(const json &entry, std::uint64_t line, const std::string &where)
    {
        auto post = postFromEntry(entry, m_folder);
        if (!post)
            return m_sink.reject(m_path, line, where + post.message());
        post->line = line;
        m_mapped.apply(entry, *post);
        return m_sink.post(std::move(*post));
    }

private:
    const std::string &m_path;
    std::string m_folder;
    RecordSink &m_sink;
    const MappedFields &m_mapped;
};

Status readDocument(const std::string &path, EntryImporter &entries, RecordSink &sink)
{
    auto opened = InputStream::open(path);
    if (!opened)
        return opened.error();
    InputStream &input = **opened;
    JsonEntryStream stream;
    const JsonEntryStream::Outcome outcome = stream.read(
        input,
        [&](const json &entry, std::uint64_t line, std::uint64_t index) {
            return entries.handle(entry, line, "entry " + std::to_string(index) + ": ");
        },
        [&](std::uint64_t bytes) { return sink.progress(bytes); });
    if (outcome.stopped)
        return {};
    if (!outcome.readError.empty())
        return Error{outcome.readError + (outcome.entries == 0 ? std::string(" (nothing could be read)")
                                                               : " (reading stopped after entry " +
                                                                     std::to_string(outcome.entries) +
                                                                     "; the entries before it were read)")};
    if (outcome.syntaxError) {
        const std::string where = "invalid JSON at line " + std::to_string(outcome.errorLine) + ": " + outcome.error;
        if (outcome.entries == 0)
            return Error{path + ": not a Mastodon JSON file: " + where};
        // A broken document cannot be resynchronised: what came before is kept, the rest is lost.
        if (!sink.reject(path, outcome.errorLine,
                         where + "; the " + std::to_string(outcome.entries) +
                             " entries before it were read, the rest of the file could not be"))
            return {};
    }
    sink.progress(input.position());
    return {};
}

} // namespace

Status MastodonSource::read(const std::string &path, const ImportOptions &options, RecordSink &sink)
{
    auto mapped = MappedFields::fromMapping(options.mapping, format());
    if (!mapped)
        return mapped.error();
    auto sniffed = sniff(path);
    if (!sniffed)
        return sniffed.error();
    EntryImporter entries(path, sink, *mapped);
    switch (sniffed->layout) {
    case Layout::Empty:
        return {};
    case Layout::Document:
        return readDocument(path, entries, sink);
    case Layout::Lines: {
        JsonRecordReader reader(path, sink);
        return reader.read([&](const json &object, std::uint64_t line) { return entries.handle(object, line, {}); });
    }
    case Layout::Unknown:
        break;
    }
    return Error{path + ": not a Mastodon JSON file: expected a JSON array of statuses, JSON Lines of statuses or an "
                        "account export's outbox.json, but it starts with '" +
                 std::string(1, sniffed->first) + "'"};
}

} // namespace mastodon
} // namespace chorus
