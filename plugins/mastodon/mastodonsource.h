#pragma once

#include "core/import/recordsource.h"

namespace chorus {
namespace mastodon {

// Mastodon posts, in any of the shapes people save them in: a JSON array of statuses (a page of the
// REST API, pretty-printed or not), JSON Lines of statuses (one per line, as paginating scripts
// write them; plain or .zst), or an account export's outbox.json (orderedItems of Create
// activities). Arrays and exports are streamed entry by entry (JsonEntryStream), so a large export
// never sits in memory whole. Each bad entry is rejected with the file, the line it starts on, its
// index and the reason. Labels and extras come from options.mapping as for the Twitter importer.
class MastodonSource : public RecordSource {
public:
    std::string format() const override { return "mastodon"; }
    Status read(const std::string &path, const ImportOptions &options, RecordSink &sink) override;
};

} // namespace mastodon
} // namespace chorus
