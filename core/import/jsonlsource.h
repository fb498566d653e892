#pragma once

#include "core/import/recordsource.h"

namespace chorus {

// Generic posts as JSON: one object per line (JSON Lines), or one top-level array of objects
// (read element by element, never whole). options.mapping names the members of the canonical post
// fields, as plain member names or JSON pointers ("/user/id"); when it maps no fields, the usual
// member names are recognised (see fieldguess.h). Members named "label", "class" or "sentiment"
// become labels of that task unless the mapping uses them otherwise. Lines that are not valid
// UTF-8, not valid JSON or not an object are rejected with the reason, and reading goes on.
class JsonlSource : public RecordSource {
public:
    std::string format() const override { return "jsonl"; }
    Status read(const std::string &path, const ImportOptions &options, RecordSink &sink) override;
};

} // namespace chorus
