#pragma once

#include "core/import/recordsource.h"

namespace chorus {

// User-item interactions (ratings, clicks, plays) in a delimited text file whose header names the
// columns: user (user, user_id, userId, ...), item (item, item_id, movieId, ...), optionally a
// weight (rating, weight, value, ...), a time (timestamp, time, created_at, date) and a kind.
// Any other column (title, genres, ...) describes the item: each item is sent to the sink once
// with its title and the rest as extras. Rows with a missing user or item, or a weight or time
// that does not parse, are rejected with the reason.
class InteractionSource : public RecordSource {
public:
    std::string format() const override { return "interactions"; }
    Status read(const std::string &path, const ImportOptions &options, RecordSink &sink) override;
};

} // namespace chorus
