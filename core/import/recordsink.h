#pragma once

#include "core/import/records.h"

#include <cstdint>
#include <string>

namespace chorus {

// Where a RecordSource delivers what it reads. Every call that returns bool returns false when the
// source must stop (the user cancelled or storage failed); the source then returns at once.
class RecordSink {
public:
    virtual ~RecordSink() = default;
    virtual bool post(PostRecord &&record) = 0;
    virtual bool interaction(InteractionRecord &&record) = 0;
    virtual bool item(ItemRecord &&record) = 0;
    // A row that could not be used: file, 1-based line (0 when the whole file is the record), reason.
    virtual bool reject(const std::string &file, std::uint64_t line, const std::string &reason) = 0;
    // Called regularly with the bytes consumed so far in the current file.
    virtual bool progress(std::uint64_t bytesRead) = 0;
};

} // namespace chorus
