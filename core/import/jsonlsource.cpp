#include "core/import/jsonlsource.h"

#include "core/import/fieldguess.h"
#include "core/import/inputpaths.h"
#include "core/import/jsonfields.h"
#include "core/import/jsontextreader.h"
#include "core/import/postfields.h"
#include "core/import/postfieldtext.h"
#include "core/util/inputstream.h"
#include "core/util/utf8.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace chorus {
namespace {

constexpr std::uint64_t kProgressEveryRecords = 1000;

// Where a mapped value is found in each object.
struct JsonField {
    std::string name;   // canonical field, task or extras key
    std::string source; // as the user wrote it
    jsonfields::PointerTokens pointer;
    bool canonicalFallback = false; // labels: a canonical field when the object has no such member
};

struct JsonLayout {
    std::vector<JsonField> fields; // empty: guessed per object
    std::vector<JsonField> labels;
    std::vector<std::pair<MediaKind, JsonField>> media;
    std::vector<JsonField> extras;
};

Result<JsonField> makeField(const std::string &name, const std::string &source)
{
    JsonField field;
    field.name = name;
    field.source = source;
    if (!source.empty() && source[0] == '/') {
        auto tokens = jsonfields::parsePointer(source);
        if (!tokens)
            return tokens.error();
        field.pointer = std::move(*tokens);
    } else {
        field.pointer = {source};
    }
    return field;
}

Result<JsonLayout> makeLayout(const FieldMapping &mapping)
{
    JsonLayout layout;
    for (const auto &[canonical, source] : mapping.fields) {
        auto field = makeField(canonical, source);
        if (!field)
            return Error{"mapping of field '" + canonical + "': " + field.message()};
        layout.fields.push_back(std::move(*field));
    }
    const auto &canonical = FieldMapping::canonicalFields();
    for (const LabelSpec &label : mapping.labels) {
        auto field = makeField(label.task, label.field);
        if (!field)
            return Error{"label '" + label.task + "=" + label.field + "': " + field.message()};
        field->canonicalFallback = std::find(canonical.begin(), canonical.end(), label.field) != canonical.end();
        layout.labels.push_back(std::move(*field));
    }
    for (const auto &[kind, list] : {std::make_pair(MediaKind::Image, &mapping.images),
                                     std::make_pair(MediaKind::Video, &mapping.videos)}) {
        for (const std::string &source : *list) {
            auto field = makeField(source, source);
            if (!field)
                return Error{std::string(kind == MediaKind::Image ? "images" : "videos") + " field: " + field.message()};
            layout.media.emplace_back(kind, std::move(*field));
        }
    }
    for (const std::string &source : mapping.extras) {
        // "/user/location" is kept as "user/location".
        auto field = makeField(!source.empty() && source[0] == '/' ? source.substr(1) : source, source);
        if (!field)
            return Error{"extra '" + source + "': " + field.message()};
        layout.extras.push_back(std::move(*field));
    }
    return layout;
}

// A scalar as the text a CSV cell would hold: ids and labels given as numbers become "1", and an
// integral float (1.0, as some exporters write counts) becomes "1". nullopt for objects and arrays.
std::optional<std::string> scalarText(const nlohmann::json &value)
{
    switch (value.type()) {
    case nlohmann::json::value_t::string:
        return value.get<std::string>();
    case nlohmann::json::value_t::boolean:
        return std::string(value.get<bool>() ? "true" : "false");
    case nlohmann::json::value_t::number_integer:
        return std::to_string(value.get<std::int64_t>());
    case nlohmann::json::value_t::number_unsigned:
        return std::to_string(value.get<std::uint64_t>());
    case nlohmann::json::value_t::number_float: {
        const double d = value.get<double>();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15)
            return std::to_string(static_cast<std::int64_t>(d));
        return value.dump();
    }
    default:
        return std::nullopt;
    }
}

// "[json.exception.parse_error.101] parse error at line 1, column 12: syntax error while parsing
// object - unexpected end of input; expected '}'" -> "syntax error ... expected '}' (column 12)"
std::string shortParseError(const std::string &text)
{
    try {
        const nlohmann::json parsed = nlohmann::json::parse(text);
        (void)parsed;
    } catch (const nlohmann::json::parse_error &e) {
        std::string message = e.what();
        std::string column;
        const std::size_t at = message.find("column ");
        const std::size_t colon = message.find(": ", at == std::string::npos ? 0 : at);
        if (at != std::string::npos && colon != std::string::npos) {
            column = message.substr(at, colon - at);
            message = message.substr(colon + 2);
        }
        return column.empty() ? message : message + " (" + column + ")";
    } catch (const nlohmann::json::exception &e) {
        return e.what();
    }
    return "cannot be parsed";
}

const nlohmann::json *findMemberIgnoringCase(const nlohmann::json &object, const std::string &lowerName)
{
    for (auto it = object.begin(); it != object.end(); ++it)
        if (lowerAscii(it.key()) == lowerName)
            return it->is_null() ? nullptr : &*it;
    return nullptr;
}

// fallbackId names the record when it has no id of its own.
Result<PostRecord> makePost(const JsonLayout &layout, const nlohmann::json &object, std::uint64_t line,
                            const std::string &path, const std::string &fallbackId)
{
    PostRecord post;
    post.line = line;
    if (!layout.fields.empty()) {
        for (const JsonField &field : layout.fields) {
            const nlohmann::json *value = jsonfields::resolve(object, field.pointer);
            if (!value)
                continue;
            const auto text = scalarText(*value);
            if (!text)
                return Error{"field '" + field.name + "' ('" + field.source + "') holds " + jsonfields::typeName(*value) +
                             ", not a single value"};
            if (Status status = setPostFieldFromText(post, field.name, *text); !status.ok())
                return status.error();
        }
    } else {
        std::vector<std::string> keys;
        keys.reserve(object.size());
        for (auto it = object.begin(); it != object.end(); ++it)
            if (!it->is_null() && !it->is_object() && !it->is_array())
                keys.push_back(it.key());
        for (const auto &[canonical, key] : guessFieldNames(keys)) {
            const auto text = scalarText(object.at(key));
            if (Status status = setPostFieldFromText(post, canonical, text.value_or(std::string())); !status.ok())
                return status.error();
        }
    }
    if (post.sourceId.empty())
        post.sourceId = fallbackId;

    for (const auto &[kind, field] : layout.media) {
        const nlohmann::json *value = jsonfields::resolve(object, field.pointer);
        if (!value)
            continue;
        std::vector<const nlohmann::json *> paths;
        if (value->is_array())
            for (const nlohmann::json &element : *value)
                paths.push_back(&element);
        else
            paths.push_back(value);
        for (const nlohmann::json *p : paths) {
            if (!p->is_string())
                return Error{"media field '" + field.source + "' holds " + jsonfields::typeName(*p) + ", not a path"};
            const std::string text = trimmedAscii(p->get<std::string>());
            if (text.empty())
                continue;
            auto resolved = resolveMediaPath(path, text);
            if (!resolved)
                return resolved.error();
            MediaRecord media;
            media.kind = kind;
            media.path = std::move(*resolved);
            post.media.push_back(std::move(media));
        }
    }
    if (trimmedAscii(post.text).empty() && post.media.empty())
        return Error{"missing required field 'text'"};

    for (const JsonField &field : layout.extras) {
        if (const nlohmann::json *value = jsonfields::resolve(object, field.pointer)) {
            if (!post.extras.is_object())
                post.extras = nlohmann::json::object();
            post.extras[field.name] = *value;
        }
    }

    std::vector<std::string> tasks;
    for (const JsonField &field : layout.labels) {
        std::optional<std::string> value;
        if (const nlohmann::json *member = jsonfields::resolve(object, field.pointer))
            value = scalarText(*member) ? scalarText(*member) : jsonfields::labelText(member);
        else if (field.canonicalFallback)
            value = canonicalFieldValue(post, field.source);
        if (value)
            value = trimmedAscii(*value);
        if (value && !value->empty())
            post.labels.push_back({field.name, std::move(*value)});
        tasks.push_back(field.name);
    }
    for (const std::string &name : commonLabelNames()) {
        if (std::find(tasks.begin(), tasks.end(), name) != tasks.end())
            continue;
        bool mapped = false;
        for (const JsonField &field : layout.labels)
            mapped = mapped || (field.pointer.size() == 1 && lowerAscii(field.pointer[0]) == name);
        if (mapped)
            continue;
        const nlohmann::json *member = findMemberIgnoringCase(object, name);
        if (!member)
            continue;
        auto value = scalarText(*member);
        if (value)
            value = trimmedAscii(*value);
        if (value && !value->empty())
            post.labels.push_back({name, std::move(*value)});
    }
    return post;
}

} // namespace

Status JsonlSource::read(const std::string &path, const ImportOptions &options, RecordSink &sink)
{
    auto layout = makeLayout(options.mapping);
    if (!layout)
        return layout.error();
    auto opened = InputStream::open(path);
    if (!opened)
        return opened.error();
    InputStream &input = **opened;
    JsonTextReader reader(input);

    std::string text;
    std::uint64_t records = 0;
    for (;;) {
        const JsonTextReader::Outcome outcome = reader.next(text);
        if (outcome == JsonTextReader::Outcome::End)
            break;
        if (++records % kProgressEveryRecords == 0 && !sink.progress(reader.bytesRead()))
            return {};
        const std::uint64_t line = reader.line();
        if (outcome == JsonTextReader::Outcome::Malformed) {
            if (!sink.reject(path, line, reader.problem()))
                return {};
            continue;
        }
        if (const std::size_t bad = utf8::firstInvalid(text); bad != std::string::npos) {
            if (!sink.reject(path, line, "invalid UTF-8 at byte " + std::to_string(bad + 1)))
                return {};
            continue;
        }
        const nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
        if (value.is_discarded()) {
            if (!sink.reject(path, line, "invalid JSON: " + shortParseError(text)))
                return {};
            continue;
        }
        if (!value.is_object()) {
            if (!sink.reject(path, line, std::string("expected a JSON object, found ") + jsonfields::typeName(value)))
                return {};
            continue;
        }
        // Array elements may share a line; their position in the array is as stable.
        const std::string fallbackId =
            reader.arrayForm() ? fileBaseName(path) + "[" + std::to_string(reader.elementIndex()) + "]"
                               : syntheticSourceId(path, line);
        Result<PostRecord> post = makePost(*layout, value, line, path, fallbackId);
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
