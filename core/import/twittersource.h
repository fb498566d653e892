#pragma once

#include "core/import/recordsource.h"

namespace chorus {

// Tweets as the Twitter/X APIs delivered them, one JSON object per line, plain or .zst: v1.1 tweet
// objects (academic dumps, the streaming API) and API v2 responses ({"data": tweet or [tweets],
// "includes": {"users", "media"}}), told apart line by line; a bare v2 tweet is read too. A file
// holding one pretty-printed response (first line a lone "{" or "[") is read whole, up to 64 MiB.
// Labels and extras come from options.mapping (canonical post fields or JSON pointers into the raw
// tweet, e.g. --label client=client_app or --label verified=/user/verified).
class TwitterSource : public RecordSource {
public:
    std::string format() const override { return "twitter"; }
    Status read(const std::string &path, const ImportOptions &options, RecordSink &sink) override;
};

} // namespace chorus
