#include "mastodonstatus.h"

#include "htmltext.h"

#include "core/import/jsonfields.h"

#include <optional>

namespace chorus {
namespace mastodon {
namespace {

namespace jf = jsonfields;
using nlohmann::json;

// A count that must be a whole number when present.
Status readCount(const json &object, const char *key, std::optional<std::int64_t> &out)
{
    const json *value = jf::member(object, key);
    if (!value)
        return {};
    out = jf::integer(value);
    if (!out || *out < 0)
        return Error{std::string(key) + " must be a non-negative whole number, found " + jf::quoted(*value)};
    return {};
}

Status readCreatedAt(const json &object, const char *key, PostRecord &post)
{
    const json *created = jf::member(object, key);
    if (!created)
        return {};
    post.createdAt = jf::timestamp(*created);
    if (!post.createdAt)
        return Error{std::string("unparsable ") + key + " " + jf::quoted(*created)};
    return {};
}

Status readContent(const json &object, PostRecord &post)
{
    const json *content = jf::member(object, "content");
    if (!content) {
        // An export's Note may carry only the per-language map.
        if (const json *map = jf::member(object, "contentMap"); map && map->is_object() && !map->empty())
            content = &map->begin().value();
    }
    if (!content)
        return Error{"missing required field 'content'"};
    if (!content->is_string())
        return Error{std::string("'content' must be a string, found ") + jf::typeName(*content)};
    post.text = htmlToText(content->get<std::string>());
    return {};
}

std::optional<int> smallInt(const json *value)
{
    const auto number = jf::integer(value);
    if (!number || *number < 0 || *number > 1000000)
        return std::nullopt;
    return static_cast<int>(*number);
}

void setIfPresent(json &extras, const char *key, const json *value)
{
    if (value)
        extras[key] = *value;
}

// "https://mastodon.social/users/alice" -> "alice@mastodon.social"; other URLs as they are.
std::string handleFromActorUrl(const std::string &url)
{
    const std::size_t scheme = url.find("://");
    if (scheme == std::string::npos)
        return url;
    const std::size_t hostEnd = url.find('/', scheme + 3);
    const std::size_t users = url.find("/users/", scheme + 3);
    if (hostEnd == std::string::npos || users != hostEnd)
        return url;
    const std::string user = url.substr(users + 7);
    if (user.empty() || user.find('/') != std::string::npos)
        return url;
    return user + "@" + url.substr(scheme + 3, hostEnd - scheme - 3);
}

bool isUrl(const std::string &text) { return text.find("://") != std::string::npos; }

std::string resolved(const std::string &url, const std::string &folder)
{
    if (url.empty() || isUrl(url) || folder.empty())
        return url;
    return folder + (url.front() == '/' ? "" : "/") + url;
}

void readApiMedia(const json &status, PostRecord &post)
{
    const json *attachments = jf::member(status, "media_attachments");
    if (!attachments || !attachments->is_array())
        return;
    for (const json &item : *attachments) {
        const std::string type = jf::text(jf::member(item, "type")).value_or("");
        MediaRecord media;
        if (type == "image")
            media.kind = MediaKind::Image;
        else if (type == "video" || type == "gifv")
            media.kind = MediaKind::Video;
        else
            continue; // audio and unknown attachments are not media Chorus models
        for (const char *key : {"url", "remote_url", "preview_url"}) {
            media.path = jf::text(jf::member(item, key)).value_or("");
            if (!media.path.empty())
                break;
        }
        if (media.path.empty())
            continue;
        const json *original = jf::path(item, {"meta", "original"});
        media.width = smallInt(jf::member(original, "width"));
        media.height = smallInt(jf::member(original, "height"));
        if (media.kind == MediaKind::Video)
            if (const auto seconds = jf::real(jf::member(original, "duration")))
                media.durationSeconds = *seconds;
        post.media.push_back(std::move(media));
    }
}

Result<PostRecord> postFromStatus(const json &status)
{
    PostRecord post;
    auto id = jf::id(jf::member(status, "id"));
    if (!id)
        return Error{"missing required field 'id'"};
    post.sourceId = std::move(*id);
    if (const json *reblog = jf::member(status, "reblog"))
        return Error{"status " + post.sourceId + " is a boost of status " +
                     jf::id(jf::member(*reblog, "id")).value_or("?") +
                     "; a boost has no text of its own (import the boosted status instead)"};
    if (Status s = readCreatedAt(status, "created_at", post); !s)
        return s.error();
    if (Status s = readContent(status, post); !s)
        return s.error();
    const std::pair<const char *, std::optional<std::int64_t> *> counts[] = {
        {"favourites_count", &post.likes}, {"reblogs_count", &post.shares}, {"replies_count", &post.replies}};
    for (const auto &[key, target] : counts)
        if (Status s = readCount(status, key, *target); !s)
            return s.error();

    if (const json *account = jf::member(status, "account")) {
        if (!account->is_object())
            return Error{std::string("'account' must be an object, found ") + jf::typeName(*account)};
        if (auto accountId = jf::id(jf::member(account, "id"))) {
            post.author.sourceId = std::move(*accountId);
            post.author.name = jf::text(jf::member(account, "acct")).value_or("");
            json extras = json::object();
            for (const char *key : {"display_name", "followers_count", "bot", "url"})
                setIfPresent(extras, key, jf::member(account, key));
            if (!extras.empty())
                post.author.extras = std::move(extras);
        }
    }
    post.replyTo = jf::id(jf::member(status, "in_reply_to_id")).value_or("");
    post.language = jf::text(jf::member(status, "language")).value_or("");
    post.clientApp = jf::text(jf::path(status, {"application", "name"})).value_or("");

    json extras = json::object();
    for (const char *key : {"url", "visibility", "sensitive", "in_reply_to_account_id"})
        setIfPresent(extras, key, jf::member(status, key));
    if (auto warning = jf::text(jf::member(status, "spoiler_text")); warning && !warning->empty())
        extras["spoiler_text"] = *warning;
    json tags = json::array();
    if (const json *list = jf::member(status, "tags"); list && list->is_array())
        for (const json &tag : *list)
            if (auto name = jf::text(jf::member(tag, "name")))
                tags.push_back(*name);
    if (!tags.empty())
        extras["hashtags"] = std::move(tags);
    json mentions = json::array();
    if (const json *list = jf::member(status, "mentions"); list && list->is_array())
        for (const json &mention : *list)
            if (auto acct = jf::text(jf::member(mention, "acct")))
                mentions.push_back(*acct);
    if (!mentions.empty())
        extras["mentions"] = std::move(mentions);
    if (!extras.empty())
        post.extras = std::move(extras);

    readApiMedia(status, post);
    return post;
}

Result<PostRecord> postFromNote(const json &note, const std::string &exportFolder)
{
    PostRecord post;
    auto id = jf::id(jf::member(note, "id"));
    if (!id)
        return Error{"missing required field 'id' of the Note"};
    post.sourceId = std::move(*id);
    if (Status s = readCreatedAt(note, "published", post); !s)
        return s.error();
    if (Status s = readContent(note, post); !s)
        return s.error();

    std::string actor = jf::text(jf::member(note, "attributedTo")).value_or("");
    if (actor.empty())
        actor = jf::id(jf::path(note, {"attributedTo", "id"})).value_or("");
    if (!actor.empty()) {
        post.author.sourceId = actor;
        post.author.name = handleFromActorUrl(actor);
    }
    post.replyTo = jf::id(jf::member(note, "inReplyTo")).value_or("");
    if (const json *map = jf::member(note, "contentMap"); map && map->is_object() && !map->empty())
        post.language = map->begin().key();

    json extras = json::object();
    setIfPresent(extras, "url", jf::member(note, "url"));
    setIfPresent(extras, "sensitive", jf::member(note, "sensitive"));
    if (auto warning = jf::text(jf::member(note, "summary")); warning && !warning->empty())
        extras["spoiler_text"] = *warning;
    json tags = json::array(), mentions = json::array();
    if (const json *list = jf::member(note, "tag"); list && list->is_array()) {
        for (const json &tag : *list) {
            const std::string type = jf::text(jf::member(tag, "type")).value_or("");
            auto name = jf::text(jf::member(tag, "name"));
            if (!name)
                continue;
            if (type == "Hashtag")
                tags.push_back(name->size() > 1 && (*name)[0] == '#' ? name->substr(1) : *name);
            else if (type == "Mention")
                mentions.push_back(name->size() > 1 && (*name)[0] == '@' ? name->substr(1) : *name);
        }
    }
    if (!tags.empty())
        extras["hashtags"] = std::move(tags);
    if (!mentions.empty())
        extras["mentions"] = std::move(mentions);
    if (!extras.empty())
        post.extras = std::move(extras);

    if (const json *attachments = jf::member(note, "attachment"); attachments && attachments->is_array()) {
        for (const json &item : *attachments) {
            const std::string mediaType = jf::text(jf::member(item, "mediaType")).value_or("");
            MediaRecord media;
            if (mediaType.compare(0, 6, "image/") == 0)
                media.kind = MediaKind::Image;
            else if (mediaType.compare(0, 6, "video/") == 0)
                media.kind = MediaKind::Video;
            else
                continue;
            media.path = resolved(jf::text(jf::member(item, "url")).value_or(""), exportFolder);
            if (media.path.empty())
                continue;
            media.width = smallInt(jf::member(item, "width"));
            media.height = smallInt(jf::member(item, "height"));
            post.media.push_back(std::move(media));
        }
    }
    return post;
}

Result<PostRecord> postFromActivity(const json &activity, const std::string &type, const std::string &exportFolder)
{
    if (type == "Announce") {
        const std::string boosted = jf::id(jf::member(activity, "object")).value_or("?");
        return Error{"Announce activity (a boost of " + boosted + ") has no post of its own"};
    }
    if (type == "Note")
        return postFromNote(activity, exportFolder);
    if (type != "Create")
        return Error{"activity type '" + type + "' is not a post"};
    const json *object = jf::member(activity, "object");
    if (!object)
        return Error{"Create activity without an 'object'"};
    if (!object->is_object())
        return Error{"Create activity names its object (" + jf::quoted(*object) + ") without including it"};
    const std::string objectType = jf::text(jf::member(*object, "type")).value_or("");
    if (objectType != "Note" && objectType != "Question" && objectType != "Article")
        return Error{"Create activity of a '" + objectType + "', not a Note"};
    auto post = postFromNote(*object, exportFolder);
    if (post && !post->createdAt)
        if (Status s = readCreatedAt(activity, "published", *post); !s)
            return s.error();
    return post;
}

} // namespace

Result<PostRecord> postFromEntry(const json &entry, const std::string &exportFolder)
{
    if (!entry.is_object())
        return Error{std::string("expected a status object, found ") + jf::typeName(entry)};
    if (entry.contains("orderedItems"))
        return Error{"'orderedItems' must be an array of activities"};
    // Statuses of the REST API carry no "type"; ActivityPub objects always do.
    if (!entry.contains("account")) {
        if (auto type = jf::text(jf::member(entry, "type")))
            return postFromActivity(entry, *type, exportFolder);
    }
    return postFromStatus(entry);
}

} // namespace mastodon
} // namespace chorus
