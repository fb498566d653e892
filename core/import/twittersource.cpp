#include "core/import/twittersource.h"

#include "core/import/jsonfields.h"
#include "core/import/jsonrecordreader.h"
#include "core/import/mappedfields.h"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace chorus {
namespace {

namespace jf = jsonfields;
using nlohmann::json;

constexpr std::size_t kMaxDocumentBytes = 64u << 20;

// The few entities a client name uses ("Tweetbot for i&#212;S" is rare; "&amp;" is not).
std::string decodeBasicEntities(const std::string &s)
{
    if (s.find('&') == std::string::npos)
        return s;
    static const std::pair<const char *, const char *> entities[] = {
        {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"}};
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        bool replaced = false;
        if (s[i] == '&') {
            for (const auto &[entity, character] : entities) {
                const std::size_t length = std::char_traits<char>::length(entity);
                if (s.compare(i, length, entity) == 0) {
                    out += character;
                    i += length;
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced)
            out += s[i++];
    }
    return out;
}

// v1.1 gives the client as an anchor, <a href="..." rel="nofollow">Twitter for iPhone</a>; its text
// is the client's name. Plain text (v2, very old tweets: "web") is kept as it is.
std::string clientName(const std::string &source)
{
    const std::size_t open = source.find('<');
    if (open == std::string::npos)
        return source;
    const std::size_t textStart = source.find('>', open);
    if (textStart == std::string::npos)
        return source;
    const std::size_t textEnd = source.find('<', textStart + 1);
    std::string name = source.substr(textStart + 1, textEnd == std::string::npos ? std::string::npos
                                                                                  : textEnd - textStart - 1);
    return decodeBasicEntities(name);
}

void setIfPresent(json &extras, const char *key, const json *value)
{
    if (value)
        extras[key] = *value;
}

// extras[key] = the `field` of every element of array, when there are any.
void collect(json &extras, const char *key, const json *array, std::initializer_list<const char *> fields)
{
    if (!array || !array->is_array())
        return;
    json values = json::array();
    for (const json &element : *array)
        for (const char *field : fields)
            if (auto value = jf::text(jf::member(element, field))) {
                values.push_back(*value);
                break;
            }
    if (!values.empty())
        extras[key] = std::move(values);
}

// The variant worth keeping: the highest-bitrate MP4 (v1.1 spells it "bitrate", v2 "bit_rate"),
// else any variant with a URL (an HLS playlist).
std::string bestVariantUrl(const json *variants)
{
    if (!variants || !variants->is_array())
        return {};
    std::string best, fallback;
    std::int64_t bestRate = -1;
    for (const json &variant : *variants) {
        const auto url = jf::text(jf::member(variant, "url"));
        if (!url || url->empty())
            continue;
        if (fallback.empty())
            fallback = *url;
        if (jf::text(jf::member(variant, "content_type")).value_or("") != "video/mp4")
            continue;
        auto rate = jf::integer(jf::member(variant, "bitrate"));
        if (!rate)
            rate = jf::integer(jf::member(variant, "bit_rate"));
        if (rate.value_or(0) > bestRate) {
            bestRate = rate.value_or(0);
            best = *url;
        }
    }
    return best.empty() ? fallback : best;
}

std::optional<int> smallInt(const json *value)
{
    const auto v = jf::integer(value);
    if (!v || *v <= 0 || *v > 1000000)
        return std::nullopt;
    return static_cast<int>(*v);
}

std::optional<MediaRecord> mediaFromV1(const json &item)
{
    const std::string type = jf::text(jf::member(item, "type")).value_or("photo");
    MediaRecord media;
    if (type == "video" || type == "animated_gif") {
        media.kind = MediaKind::Video;
        media.path = bestVariantUrl(jf::path(item, {"video_info", "variants"}));
        if (const auto millis = jf::real(jf::path(item, {"video_info", "duration_millis"})))
            media.durationSeconds = *millis / 1000.0;
    } else {
        media.kind = MediaKind::Image;
        media.path = jf::text(jf::member(item, "media_url_https")).value_or("");
        if (media.path.empty())
            media.path = jf::text(jf::member(item, "media_url")).value_or("");
    }
    if (media.path.empty())
        return std::nullopt;
    media.width = smallInt(jf::path(item, {"original_info", "width"}));
    media.height = smallInt(jf::path(item, {"original_info", "height"}));
    return media;
}

std::optional<MediaRecord> mediaFromV2(const json &item)
{
    const std::string type = jf::text(jf::member(item, "type")).value_or("");
    MediaRecord media;
    if (type == "video" || type == "animated_gif") {
        media.path = bestVariantUrl(jf::member(item, "variants"));
        if (!media.path.empty()) {
            media.kind = MediaKind::Video;
            if (const auto millis = jf::real(jf::member(item, "duration_ms")))
                media.durationSeconds = *millis / 1000.0;
        } else {
            // Without variants (not requested from the API) only the preview still is known: an image.
            media.kind = MediaKind::Image;
            media.path = jf::text(jf::member(item, "preview_image_url")).value_or("");
        }
    } else {
        media.kind = MediaKind::Image;
        media.path = jf::text(jf::member(item, "url")).value_or("");
    }
    if (media.path.empty())
        return std::nullopt;
    media.width = smallInt(jf::member(item, "width"));
    media.height = smallInt(jf::member(item, "height"));
    return media;
}

// Reads created_at; false (with reason set) when it is present but unreadable.
bool readCreatedAt(const json &tweet, PostRecord &post, std::string &reason)
{
    const json *created = jf::member(tweet, "created_at");
    if (!created)
        return true;
    post.createdAt = jf::timestamp(*created);
    if (!post.createdAt) {
        reason = "unparsable created_at " + jf::quoted(*created);
        return false;
    }
    return true;
}

Result<PostRecord> tweetFromV1(const json &tweet)
{
    PostRecord post;
    auto id = jf::id(jf::member(tweet, "id_str"));
    if (!id)
        id = jf::id(jf::member(tweet, "id"));
    if (!id)
        return Error{"missing required field 'id_str'"};
    post.sourceId = std::move(*id);

    // Extended (280-character) tweets: full_text in extended mode, extended_tweet in the stream.
    const json *extended = jf::member(tweet, "extended_tweet");
    const json *entitiesOwner = &tweet;
    if (auto full = jf::text(jf::member(tweet, "full_text"))) {
        post.text = std::move(*full);
    } else if (auto longText = jf::text(jf::member(extended, "full_text"))) {
        post.text = std::move(*longText);
        entitiesOwner = extended;
    } else if (auto shortText = jf::text(jf::member(tweet, "text"))) {
        post.text = std::move(*shortText);
    } else {
        return Error{"missing required field 'text' (or 'full_text')"};
    }

    std::string reason;
    if (!readCreatedAt(tweet, post, reason))
        return Error{reason};

    if (const json *user = jf::member(tweet, "user")) {
        auto userId = jf::id(jf::member(user, "id_str"));
        if (!userId)
            userId = jf::id(jf::member(user, "id"));
        if (userId) {
            post.author.sourceId = std::move(*userId);
            post.author.name = jf::text(jf::member(user, "screen_name")).value_or("");
            json extras = json::object();
            for (const char *key : {"followers_count", "verified", "lang", "location"})
                setIfPresent(extras, key, jf::member(user, key));
            if (!extras.empty())
                post.author.extras = std::move(extras);
        }
    }

    post.language = jf::text(jf::member(tweet, "lang")).value_or("");
    post.clientApp = clientName(jf::text(jf::member(tweet, "source")).value_or(""));
    post.shares = jf::integer(jf::member(tweet, "retweet_count"));
    post.likes = jf::integer(jf::member(tweet, "favorite_count"));
    post.replies = jf::integer(jf::member(tweet, "reply_count"));
    auto replyTo = jf::id(jf::member(tweet, "in_reply_to_status_id_str"));
    if (!replyTo)
        replyTo = jf::id(jf::member(tweet, "in_reply_to_status_id"));
    post.replyTo = replyTo.value_or("");
    auto thread = jf::id(jf::member(tweet, "conversation_id_str"));
    if (!thread)
        thread = jf::id(jf::member(tweet, "conversation_id"));
    post.threadId = thread.value_or("");

    json extras = json::object();
    const json *entities = jf::member(entitiesOwner, "entities");
    if (!entities)
        entities = jf::member(tweet, "entities");
    collect(extras, "hashtags", jf::member(entities, "hashtags"), {"text"});
    collect(extras, "user_mentions", jf::member(entities, "user_mentions"), {"screen_name"});
    collect(extras, "urls", jf::member(entities, "urls"), {"expanded_url", "url"});
    if (auto retweeted = jf::id(jf::path(tweet, {"retweeted_status", "id_str"})))
        extras["retweeted_status_id"] = *retweeted;
    else if (auto retweetedNumber = jf::id(jf::path(tweet, {"retweeted_status", "id"})))
        extras["retweeted_status_id"] = *retweetedNumber;
    auto quoted = jf::id(jf::member(tweet, "quoted_status_id_str"));
    if (!quoted)
        quoted = jf::id(jf::path(tweet, {"quoted_status", "id_str"}));
    if (!quoted)
        quoted = jf::id(jf::member(tweet, "quoted_status_id"));
    if (quoted)
        extras["quoted_status_id"] = *quoted;
    if (auto replyUser = jf::id(jf::member(tweet, "in_reply_to_user_id_str")))
        extras["in_reply_to_user_id"] = *replyUser;
    setIfPresent(extras, "quote_count", jf::member(tweet, "quote_count"));
    setIfPresent(extras, "possibly_sensitive", jf::member(tweet, "possibly_sensitive"));
    if (auto place = jf::text(jf::path(tweet, {"place", "full_name"})))
        extras["place"] = *place;
    if (!extras.empty())
        post.extras = std::move(extras);

    // extended_entities lists every photo (entities.media only the first) and the video variants.
    const json *media = jf::path(*entitiesOwner, {"extended_entities", "media"});
    if (!media)
        media = jf::path(tweet, {"extended_entities", "media"});
    if (!media)
        media = jf::member(entities, "media");
    if (media && media->is_array())
        for (const json &item : *media)
            if (auto record = mediaFromV1(item))
                post.media.push_back(std::move(*record));
    return post;
}

// The users and media a v2 response carries beside its tweets, by id and media key.
class V2Includes {
public:
    V2Includes() = default;
    explicit V2Includes(const json *includes)
    {
        index(jf::member(includes, "users"), "id", m_users);
        index(jf::member(includes, "media"), "media_key", m_media);
    }
    const json *user(const std::string &id) const { return find(m_users, id); }
    const json *media(const std::string &key) const { return find(m_media, key); }

private:
    using Index = std::unordered_map<std::string, const json *>;
    static void index(const json *list, const char *key, Index &out)
    {
        if (!list || !list->is_array())
            return;
        for (const json &item : *list)
            if (auto id = jf::id(jf::member(item, key)))
                out.emplace(*id, &item);
    }
    static const json *find(const Index &index, const std::string &id)
    {
        const auto it = index.find(id);
        return it == index.end() ? nullptr : it->second;
    }
    Index m_users;
    Index m_media;
};

Result<PostRecord> tweetFromV2(const json &tweet, const V2Includes &includes)
{
    PostRecord post;
    auto id = jf::id(jf::member(tweet, "id"));
    if (!id)
        return Error{"missing required field 'id'"};
    post.sourceId = std::move(*id);
    // Posts longer than 280 characters carry their whole text in note_tweet.
    if (auto note = jf::text(jf::path(tweet, {"note_tweet", "text"})))
        post.text = std::move(*note);
    else if (auto text = jf::text(jf::member(tweet, "text")))
        post.text = std::move(*text);
    else
        return Error{"missing required field 'text'"};

    std::string reason;
    if (!readCreatedAt(tweet, post, reason))
        return Error{reason};

    // twarc2's flattened output embeds the author; plain responses join author_id to includes.users.
    const auto authorId = jf::id(jf::member(tweet, "author_id"));
    const json *user = jf::member(tweet, "author");
    if ((!user || !user->is_object()) && authorId)
        user = includes.user(*authorId);
    if (authorId)
        post.author.sourceId = *authorId;
    else if (auto userId = jf::id(jf::member(user, "id")))
        post.author.sourceId = *userId;
    if (user && !post.author.sourceId.empty()) {
        post.author.name = jf::text(jf::member(user, "username")).value_or("");
        json extras = json::object();
        setIfPresent(extras, "followers_count", jf::path(*user, {"public_metrics", "followers_count"}));
        setIfPresent(extras, "verified", jf::member(user, "verified"));
        setIfPresent(extras, "location", jf::member(user, "location"));
        if (!extras.empty())
            post.author.extras = std::move(extras);
    }

    post.language = jf::text(jf::member(tweet, "lang")).value_or("");
    post.clientApp = clientName(jf::text(jf::member(tweet, "source")).value_or(""));
    const json *metrics = jf::member(tweet, "public_metrics");
    post.shares = jf::integer(jf::member(metrics, "retweet_count"));
    post.replies = jf::integer(jf::member(metrics, "reply_count"));
    post.likes = jf::integer(jf::member(metrics, "like_count"));
    post.threadId = jf::id(jf::member(tweet, "conversation_id")).value_or("");

    json extras = json::object();
    if (const json *referenced = jf::member(tweet, "referenced_tweets"); referenced && referenced->is_array()) {
        for (const json &ref : *referenced) {
            const std::string type = jf::text(jf::member(ref, "type")).value_or("");
            const auto refId = jf::id(jf::member(ref, "id"));
            if (!refId)
                continue;
            if (type == "replied_to")
                post.replyTo = *refId;
            else if (type == "retweeted")
                extras["retweeted_status_id"] = *refId;
            else if (type == "quoted")
                extras["quoted_status_id"] = *refId;
        }
    }
    const json *entities = jf::member(tweet, "entities");
    collect(extras, "hashtags", jf::member(entities, "hashtags"), {"tag"});
    collect(extras, "user_mentions", jf::member(entities, "mentions"), {"username"});
    collect(extras, "urls", jf::member(entities, "urls"), {"expanded_url", "url"});
    if (auto replyUser = jf::id(jf::member(tweet, "in_reply_to_user_id")))
        extras["in_reply_to_user_id"] = *replyUser;
    setIfPresent(extras, "quote_count", jf::member(metrics, "quote_count"));
    setIfPresent(extras, "possibly_sensitive", jf::member(tweet, "possibly_sensitive"));
    if (!extras.empty())
        post.extras = std::move(extras);

    const json *attachments = jf::member(tweet, "attachments");
    if (const json *keys = jf::member(attachments, "media_keys"); keys && keys->is_array()) {
        for (const json &key : *keys)
            if (auto mediaKey = jf::id(&key))
                if (const json *item = includes.media(*mediaKey))
                    if (auto record = mediaFromV2(*item))
                        post.media.push_back(std::move(*record));
    } else if (const json *embedded = jf::member(attachments, "media"); embedded && embedded->is_array()) {
        for (const json &item : *embedded)
            if (auto record = mediaFromV2(item))
                post.media.push_back(std::move(*record));
    }
    return post;
}

bool looksLikeV2Tweet(const json &object)
{
    if (object.contains("id_str") || object.contains("user"))
        return false;
    for (const char *key : {"author_id", "public_metrics", "edit_history_tweet_ids", "conversation_id"})
        if (object.contains(key))
            return true;
    return false;
}

std::string apiErrorText(const json &errors)
{
    if (errors.is_array() && !errors.empty()) {
        const json &first = errors.front();
        for (const char *key : {"detail", "message", "title"})
            if (auto text = jf::text(jf::member(first, key)))
                return *text;
    }
    return jf::quoted(errors);
}

class TweetReader {
public:
    TweetReader(const std::string &path, RecordSink &sink, const MappedFields &mapped)
        : m_path(path), m_sink(sink), m_mapped(mapped)
    {
    }

    bool handle(const json &object, std::uint64_t line)
    {
        if (const auto data = object.find("data"); data != object.end())
            return handleResponse(object, *data, line);
        if (const json *errors = jf::member(object, "errors"); errors && !object.contains("id_str") &&
                                                                !object.contains("id"))
            return m_sink.reject(m_path, line, "API error response: " + apiErrorText(*errors));
        if (!object.contains("id_str") && !object.contains("id") && !object.contains("text") &&
            (object.contains("meta") || object.contains("includes")))
            return true; // an empty page of a paginated v2 result: nothing to import
        if (looksLikeV2Tweet(object))
            return store(tweetFromV2(object, V2Includes()), object, line, {});
        return store(tweetFromV1(object), object, line, {});
    }

private:
    bool handleResponse(const json &response, const json &data, std::uint64_t line)
    {
        const V2Includes includes(jf::member(response, "includes"));
        if (data.is_object())
            return store(tweetFromV2(data, includes), data, line, {});
        if (!data.is_array())
            return m_sink.reject(m_path, line, "v2 response: 'data' is neither a tweet nor a list of tweets");
        for (std::size_t i = 0; i < data.size(); ++i) {
            const std::string where = "tweet " + std::to_string(i + 1) + " of the response: ";
            const json &tweet = data[i];
            const bool going = tweet.is_object()
                                   ? store(tweetFromV2(tweet, includes), tweet, line, where)
                                   : m_sink.reject(m_path, line, where + "expected a JSON object");
            if (!going)
                return false;
        }
        return true;
    }

    bool store(Result<PostRecord> post, const json &raw, std::uint64_t line, const std::string &where)
    {
        if (!post)
            return m_sink.reject(m_path, line, where + post.message());
        post->line = line;
        m_mapped.apply(raw, *post);
        return m_sink.post(std::move(*post));
    }

    const std::string &m_path;
    RecordSink &m_sink;
    const MappedFields &m_mapped;
};

} // namespace

Status TwitterSource::read(const std::string &path, const ImportOptions &options, RecordSink &sink)
{
    auto mapped = MappedFields::fromMapping(options.mapping, format());
    if (!mapped)
        return mapped.error();
    TweetReader tweets(path, sink, *mapped);
    JsonRecordReader reader(path, sink);
    reader.setMaxDocumentBytes(kMaxDocumentBytes);
    return reader.read([&](const json &object, std::uint64_t line) { return tweets.handle(object, line); });
}

} // namespace chorus
