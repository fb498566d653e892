#pragma once

#include "core/import/recordsource.h"

namespace chorus {

// Reddit dumps in the Pushshift layout, one JSON object per line, plain or .zst (RS_* submissions,
// RC_* comments, or both mixed). Posts get the Reddit fullname as source id (t3_... submissions,
// t1_... comments); comments answer their parent_id within the thread of their link_id. Authors are
// stored as "u/<name>", so they cannot collide with the numeric user ids of other platforms.
// Labels and extras come from options.mapping (canonical post fields or JSON pointers into the raw
// object, e.g. --label subreddit=/subreddit).
class RedditSource : public RecordSource {
public:
    std::string format() const override { return "reddit"; }
    Status read(const std::string &path, const ImportOptions &options, RecordSink &sink) override;
};

} // namespace chorus
