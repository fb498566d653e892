#pragma once

#include "core/import/records.h"

#include <optional>
#include <string>

namespace chorus {

// The value of a canonical post field (see FieldMapping::canonicalFields) as text, so any imported
// field can become a label (e.g. --label client=client_app). nullopt for an unknown name or when
// the record has no value for it.
std::optional<std::string> canonicalFieldValue(const PostRecord &post, const std::string &field);

} // namespace chorus
