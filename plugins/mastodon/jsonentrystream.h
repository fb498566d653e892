#pragma once

#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>

namespace chorus {

class InputStream;

namespace mastodon {

// Streams the entries of one JSON document in constant memory (one entry held at a time): the
// elements of a top-level array (a page of the statuses API), or of the "orderedItems" array of a
// top-level object (an account export's outbox.json). A top-level object without "orderedItems" is
// one entry itself (a single status). Built on nlohmann's SAX parser, so a document of any size
// never exists as a whole in memory; each entry is built as a json value with the line it starts on.
class JsonEntryStream {
public:
    // entry, the 1-based line it starts on, its 1-based index; returns false to stop.
    using Handler = std::function<bool(const nlohmann::json &entry, std::uint64_t line, std::uint64_t index)>;
    // Called every ~1000 entries with the bytes consumed; returns false to stop.
    using Progress = std::function<bool(std::uint64_t bytes)>;

    struct Outcome {
        std::uint64_t entries = 0; // delivered to the handler
        bool stopped = false;      // a handler or progress call returned false
        bool syntaxError = false;  // the document is broken at errorLine: `error` says how
        std::uint64_t errorLine = 0;
        std::string error;
        bool outbox = false;       // the entries came from "orderedItems"
        std::string readError;     // the input itself failed (I/O, truncated .zst)
    };

    Outcome read(InputStream &input, const Handler &handler, const Progress &progress);
};

} // namespace mastodon
} // namespace chorus
