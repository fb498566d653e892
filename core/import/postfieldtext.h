#pragma once

#include "core/import/records.h"
#include "core/util/result.h"

#include <string>

namespace chorus {

// Sets the canonical field `field` (see FieldMapping::canonicalFields) of post from its text, as
// generic CSV and JSON sources hold it. Numbers and timestamps are parsed; an empty value leaves the
// field unset. The error is a reject reason naming the field and the value ("likes must be a whole
// number, found 'many'"). Text is kept verbatim; other fields lose surrounding white space.
Status setPostFieldFromText(PostRecord &post, const std::string &field, const std::string &value);

// Surrounding ASCII white space removed.
std::string trimmedAscii(const std::string &text);

// How a value is quoted in a reject reason: cut to a readable length without splitting a UTF-8
// sequence.
std::string quotedForReason(const std::string &value);

} // namespace chorus
