#include "core/import/mappedfields.h"

#include "core/import/postfields.h"

#include <algorithm>

namespace chorus {

Result<MappedFields::Field> MappedFields::makeField(const std::string &name, const std::string &source,
                                                    bool allowCanonical)
{
    Field field;
    field.name = name;
    field.source = source;
    const auto &canonical = FieldMapping::canonicalFields();
    if (allowCanonical && std::find(canonical.begin(), canonical.end(), source) != canonical.end()) {
        field.canonical = true;
        return field;
    }
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

Result<MappedFields> MappedFields::fromMapping(const FieldMapping &mapping, const std::string &format)
{
    const char *fixed = !mapping.fields.empty() ? "fields" : !mapping.images.empty() ? "images"
                                                           : !mapping.videos.empty() ? "videos" : nullptr;
    if (fixed)
        return Error{std::string("mapping.") + fixed + " does not apply to the " + format +
                     " format, whose fields are fixed (use the jsonl or csv format to map fields yourself;"
                     " labels and extras do apply)"};
    MappedFields fields;
    for (const LabelSpec &label : mapping.labels) {
        auto field = makeField(label.task, label.field, true);
        if (!field)
            return Error{"label '" + label.task + "=" + label.field + "': " + field.message()};
        fields.m_labels.push_back(std::move(*field));
    }
    for (const std::string &extra : mapping.extras) {
        // Extras are raw fields kept verbatim: "/user/location" is stored as "user/location".
        const std::string key = !extra.empty() && extra[0] == '/' ? extra.substr(1) : extra;
        auto field = makeField(key, extra, false);
        if (!field)
            return Error{"extra '" + extra + "': " + field.message()};
        fields.m_extras.push_back(std::move(*field));
    }
    return fields;
}

void MappedFields::apply(const nlohmann::json &raw, PostRecord &post) const
{
    for (const Field &field : m_labels) {
        std::optional<std::string> value = field.canonical ? canonicalFieldValue(post, field.source)
                                                           : jsonfields::labelText(jsonfields::resolve(raw, field.pointer));
        if (value && !value->empty())
            post.labels.push_back({field.name, std::move(*value)});
    }
    for (const Field &field : m_extras) {
        if (const nlohmann::json *value = jsonfields::resolve(raw, field.pointer)) {
            if (!post.extras.is_object())
                post.extras = nlohmann::json::object();
            post.extras[field.name] = *value;
        }
    }
}

} // namespace chorus
