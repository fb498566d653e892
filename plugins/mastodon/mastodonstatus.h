#pragma once

#include "core/import/records.h"
#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <string>

namespace chorus {
namespace mastodon {

// Converts one entry of a Mastodon file into a post, or says why it cannot be one (a reject
// reason). Two shapes are understood:
//  - a Status of the REST API (GET /api/v1/accounts/:id/statuses, timelines, search): id,
//    created_at, content (HTML), account, media_attachments, in_reply_to_id, reblogs_count,
//    favourites_count, replies_count, language, ...;
//  - an ActivityPub activity of an account export's outbox.json: Create{object: Note} with
//    published, content, attributedTo, inReplyTo, attachment. Ids there are URLs (unique across
//    instances); relative attachment URLs resolve against `exportFolder`, where the archive's
//    media_attachments/ folder lies beside outbox.json.
// Boosts (a status with `reblog`, an Announce activity) have no text of their own and are refused
// with a reason saying so.
Result<PostRecord> postFromEntry(const nlohmann::json &entry, const std::string &exportFolder);

} // namespace mastodon
} // namespace chorus
