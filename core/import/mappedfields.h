#pragma once

#include "core/import/importoptions.h"
#include "core/import/jsonfields.h"
#include "core/import/records.h"
#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace chorus {

// The labels and extra fields a mapping asks for, taken from posts of fixed-schema JSON sources
// (Twitter, Reddit). A field is a canonical post field (client_app, language, ...: read from the
// converted post), else a JSON pointer ("/user/verified") or a top-level member of the raw record.
class MappedFields {
public:
    // Fails when a JSON pointer is malformed, or when the mapping remaps fields or names media
    // fields: the layout of `format` is fixed, and silently ignoring the request would mislead.
    static Result<MappedFields> fromMapping(const FieldMapping &mapping, const std::string &format);

    // Adds to post the labels whose field has a value (no label otherwise) and the requested extras.
    void apply(const nlohmann::json &raw, PostRecord &post) const;

private:
    struct Field {
        std::string name;    // task (labels) or extras key
        std::string source;  // as the user wrote it
        bool canonical = false;
        jsonfields::PointerTokens pointer; // one token for a plain member name
    };
    static Result<Field> makeField(const std::string &name, const std::string &source, bool allowCanonical);

    std::vector<Field> m_labels;
    std::vector<Field> m_extras;
};

} // namespace chorus
