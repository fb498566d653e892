#include "core/import/csvsource.h"

#include "core/import/csvreader.h"
#include "core/import/fieldguess.h"
#include "core/import/inputpaths.h"
#include "core/import/postfields.h"
#include "core/import/postfieldtext.h"
#include "core/util/inputstream.h"
#include "core/util/utf8.h"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

namespace chorus {
namespace {

constexpr std::uint64_t kProgressEveryRecords = 1000;

// Where each wanted value sits in a row, worked out once from the header.
struct CsvLayout {
    struct Field {
        std::string canonical;
        std::size_t column;
    };
    struct Label {
        std::string task;
        std::optional<std::size_t> column; // else a canonical field of the built post
        std::string canonical;
    };
    struct Media {
        MediaKind kind;
        std::size_t column;
    };
    struct Extra {
        std::string name;
        std::size_t column;
    };

    std::vector<std::string> header;
    std::vector<Field> fields;
    std::vector<Label> labels;
    std::vector<Media> media;
    std::vector<Extra> extras;
    bool hasText = false;

    // Exact spelling first, then regardless of case.
    std::optional<std::size_t> column(const std::string &name) const
    {
        for (std::size_t i = 0; i < header.size(); ++i)
            if (header[i] == name)
                return i;
        const std::string lower = lowerAscii(name);
        for (std::size_t i = 0; i < header.size(); ++i)
            if (lowerAscii(header[i]) == lower)
                return i;
        return std::nullopt;
    }

    std::string columnList() const
    {
        std::string list;
        for (const std::string &name : header)
            list += (list.empty() ? "" : ", ") + name;
        return list;
    }
};

Result<CsvLayout> makeLayout(std::vector<std::string> header, const FieldMapping &mapping, const std::string &path)
{
    CsvLayout layout;
    for (std::string &name : header)
        name = trimmedAscii(name);
    layout.header = std::move(header);
    const std::string where = " in the header of '" + path + "' (columns: " + layout.columnList() + ")";
    auto require = [&](const std::string &column, const std::string &use) -> Result<std::size_t> {
        if (auto index = layout.column(column))
            return *index;
        return Error{"no column '" + column + "' for " + use + where};
    };

    std::vector<bool> used(layout.header.size(), false);
    std::map<std::string, std::string> names = mapping.fields;
    if (names.empty())
        names = guessFieldNames(layout.header);
    for (const std::string &canonical : FieldMapping::canonicalFields()) {
        const auto it = names.find(canonical);
        if (it == names.end())
            continue;
        auto index = require(it->second, "field '" + canonical + "'");
        if (!index)
            return index.error();
        layout.fields.push_back({canonical, *index});
        used[*index] = true;
        layout.hasText = layout.hasText || canonical == "text";
    }

    std::vector<std::string> tasks;
    for (const LabelSpec &label : mapping.labels) {
        if (auto index = layout.column(label.field)) {
            layout.labels.push_back({label.task, index, {}});
            used[*index] = true;
        } else {
            const auto &canonical = FieldMapping::canonicalFields();
            if (std::find(canonical.begin(), canonical.end(), label.field) == canonical.end())
                return Error{"label '" + label.task + "=" + label.field + "': no column '" + label.field + "'" +
                             where + ", and it is not a post field"};
            layout.labels.push_back({label.task, std::nullopt, label.field});
        }
        tasks.push_back(label.task);
    }
    for (std::size_t i = 0; i < layout.header.size(); ++i) {
        const std::string lower = lowerAscii(layout.header[i]);
        const auto &common = commonLabelNames();
        if (used[i] || std::find(common.begin(), common.end(), lower) == common.end() ||
            std::find(tasks.begin(), tasks.end(), lower) != tasks.end())
            continue;
        layout.labels.push_back({lower, i, {}});
        tasks.push_back(lower);
    }

    for (const auto &[kind, list] : {std::make_pair(MediaKind::Image, &mapping.images),
                                     std::make_pair(MediaKind::Video, &mapping.videos)}) {
        for (const std::string &name : *list) {
            auto index = require(name, kind == MediaKind::Image ? "images" : "videos");
            if (!index)
                return index.error();
            layout.media.push_back({kind, *index});
        }
    }
    for (const std::string &name : mapping.extras) {
        auto index = require(name, "extras");
        if (!index)
            return index.error();
        layout.extras.push_back({layout.header[*index], *index});
    }
    if (!layout.hasText && layout.media.empty())
        return Error{"no text column" + where +
                     "; name it text, body, content, message, ... or map one with a mapping file"};
    return layout;
}

bool isBlankRecord(const std::vector<std::string> &fields)
{
    return fields.size() == 1 && trimmedAscii(fields[0]).empty();
}

// The post a row describes, or the reason it cannot be one.
Result<PostRecord> makePost(const CsvLayout &layout, std::vector<std::string> &row, std::uint64_t line,
                            const std::string &path)
{
    if (row.size() != layout.header.size())
        return Error{"expected " + std::to_string(layout.header.size()) + " fields, found " +
                     std::to_string(row.size())};
    for (std::size_t i = 0; i < row.size(); ++i) {
        if (!utf8::isValid(row[i]))
            return Error{"invalid UTF-8 in column '" + utf8::sanitized(layout.header[i]) + "'"};
        // A NUL is valid UTF-8 but no text: it marks a binary or corrupted file, and C-string
        // consumers (FTS, exports, the GUI) would cut the value there.
        if (row[i].find('\0') != std::string::npos)
            return Error{"NUL byte in column '" + utf8::sanitized(layout.header[i]) + "'"};
    }

    PostRecord post;
    post.line = line;
    for (const CsvLayout::Field &field : layout.fields)
        if (Status status = setPostFieldFromText(post, field.canonical, row[field.column]); !status.ok())
            return status.error();
    if (post.sourceId.empty())
        post.sourceId = syntheticSourceId(path, line);
    for (const CsvLayout::Media &media : layout.media) {
        const std::string value = trimmedAscii(row[media.column]);
        if (!value.empty()) {
            auto resolved = resolveMediaPath(path, value);
            if (!resolved)
                return resolved.error();
            MediaRecord record;
            record.kind = media.kind;
            record.path = std::move(*resolved);
            post.media.push_back(std::move(record));
        }
    }
    if (trimmedAscii(post.text).empty() && post.media.empty())
        return Error{"missing required field 'text'"};
    for (const CsvLayout::Extra &extra : layout.extras) {
        if (row[extra.column].empty())
            continue;
        if (!post.extras.is_object())
            post.extras = nlohmann::json::object();
        post.extras[extra.name] = std::move(row[extra.column]);
    }
    for (const CsvLayout::Label &label : layout.labels) {
        std::optional<std::string> value = label.column ? std::optional<std::string>(trimmedAscii(row[*label.column]))
                                                        : canonicalFieldValue(post, label.canonical);
        if (value && !value->empty())
            post.labels.push_back({label.task, std::move(*value)});
    }
    return post;
}

} // namespace

Status CsvSource::read(const std::string &path, const ImportOptions &options, RecordSink &sink)
{
    auto opened = InputStream::open(path);
    if (!opened)
        return opened.error();
    InputStream &input = **opened;
    CsvReader reader(input, m_delimiter);

    std::vector<std::string> row;
    CsvReader::Outcome outcome = reader.next(row);
    while (outcome == CsvReader::Outcome::Record && isBlankRecord(row))
        outcome = reader.next(row);
    if (outcome == CsvReader::Outcome::End) {
        if (!reader.error().empty())
            return Error{reader.error()};
        return Error{"'" + path + "' is empty: a " + format() + " file starts with a header line naming its columns"};
    }
    if (outcome == CsvReader::Outcome::Malformed)
        return Error{"cannot read the header of '" + path + "': " + reader.problem()};
    for (const std::string &name : row)
        if (!utf8::isValid(name))
            return Error{"the header of '" + path + "' is not valid UTF-8; save the file as UTF-8"};
    auto layout = makeLayout(std::move(row), options.mapping, path);
    if (!layout)
        return layout.error();
    std::uint64_t records = 0;
    for (;;) {
        outcome = reader.next(row);
        if (outcome == CsvReader::Outcome::End)
            break;
        if (++records % kProgressEveryRecords == 0 && !sink.progress(reader.bytesRead()))
            return {};
        const std::uint64_t line = reader.line();
        if (outcome == CsvReader::Outcome::Malformed) {
            if (!sink.reject(path, line, reader.problem()))
                return {};
            continue;
        }
        if (isBlankRecord(row))
            continue;
        Result<PostRecord> post = makePost(*layout, row, line, path);
        const bool goOn = post ? sink.post(std::move(*post)) : sink.reject(path, line, post.message());
        if (!goOn)
            return {};
    }
    if (!reader.error().empty())
        return Error{reader.error() + " (stopped after line " + std::to_string(reader.line()) + ")"};
    sink.progress(reader.bytesRead());
    return {};
}

} // namespace chorus
