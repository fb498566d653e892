#include "core/import/redditsource.h"

#include "core/import/jsonfields.h"
#include "core/import/jsonrecordreader.h"
#include "core/import/mappedfields.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace chorus {
namespace {

namespace jf = jsonfields;
using nlohmann::json;

bool isRemovedMarker(const std::string &text) { return text == "[removed]" || text == "[deleted]"; }

bool startsWith(const std::string &s, const char *prefix) { return s.rfind(prefix, 0) == 0; }

// Reddit escapes '&' in the URLs of its JSON ("...?width=640&amp;format=png").
std::string unescapeAmpersands(std::string url)
{
    for (std::size_t at = url.find("&amp;"); at != std::string::npos; at = url.find("&amp;", at + 1))
        url.replace(at, 5, "&");
    return url;
}

bool hasImageExtension(const std::string &url)
{
    std::string lower = url.substr(0, url.find_first_of("?#"));
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const char *ext : {".jpg", ".jpeg", ".png", ".gif", ".webp"}) {
        const std::size_t n = std::char_traits<char>::length(ext);
        if (lower.size() > n && lower.compare(lower.size() - n, n, ext) == 0)
            return true;
    }
    return false;
}

void setIfPresent(json &extras, const char *key, const json *value)
{
    if (value)
        extras[key] = *value;
}

// Image posts link the image (i.redd.it, imgur); galleries list theirs in media_metadata.
void addImages(const json &submission, PostRecord &post)
{
    const std::string url = jf::text(jf::member(submission, "url")).value_or("");
    const std::string hint = jf::text(jf::member(submission, "post_hint")).value_or("");
    if (!url.empty() && (hasImageExtension(url) || hint == "image")) {
        MediaRecord media;
        media.kind = MediaKind::Image;
        media.path = unescapeAmpersands(url);
        post.media.push_back(std::move(media));
    }
    const json *metadata = jf::member(submission, "media_metadata");
    if (!metadata || !metadata->is_object())
        return;
    // media_metadata is keyed by media id in no particular order; gallery_data gives the order.
    std::vector<std::string> order;
    if (const json *items = jf::path(submission, {"gallery_data", "items"}); items && items->is_array())
        for (const json &item : *items)
            if (auto mediaId = jf::id(jf::member(item, "media_id")))
                order.push_back(*mediaId);
    if (order.empty())
        for (auto it = metadata->begin(); it != metadata->end(); ++it)
            order.push_back(it.key());
    for (const std::string &mediaId : order) {
        const json *item = jf::member(*metadata, mediaId.c_str());
        if (jf::text(jf::member(item, "e")).value_or("") != "Image")
            continue;
        const json *source = jf::member(item, "s");
        const auto imageUrl = jf::text(jf::member(source, "u"));
        if (!imageUrl || imageUrl->empty())
            continue;
        MediaRecord media;
        media.kind = MediaKind::Image;
        media.path = unescapeAmpersands(*imageUrl);
        if (auto w = jf::integer(jf::member(source, "x")); w && *w > 0 && *w < 1000000)
            media.width = static_cast<int>(*w);
        if (auto h = jf::integer(jf::member(source, "y")); h && *h > 0 && *h < 1000000)
            media.height = static_cast<int>(*h);
        post.media.push_back(std::move(media));
    }
}

Result<PostRecord> postFromReddit(const json &object)
{
    PostRecord post;
    const auto name = jf::text(jf::member(object, "name"));
    const auto bareId = jf::id(jf::member(object, "id"));
    bool submission = object.contains("title");
    bool comment = !submission && object.contains("body");
    if (name && (startsWith(*name, "t3_") || startsWith(*name, "t1_"))) {
        submission = startsWith(*name, "t3_");
        comment = !submission;
    } else if (!submission && !comment && object.contains("link_id")) {
        comment = true;
    }
    if (!submission && !comment)
        return Error{"neither a submission (no 'title') nor a comment (no 'body')"};
    if (name && (startsWith(*name, "t3_") || startsWith(*name, "t1_")))
        post.sourceId = *name;
    else if (bareId)
        post.sourceId = (submission ? "t3_" : "t1_") + *bareId;
    else
        return Error{"missing required field 'id'"};

    json extras = json::object();
    if (submission) {
        const auto title = jf::text(jf::member(object, "title"));
        if (!title)
            return Error{"missing required field 'title'"};
        const std::string selftext = jf::text(jf::member(object, "selftext")).value_or("");
        post.text = *title;
        if (isRemovedMarker(selftext))
            extras["selftext_removed"] = selftext;
        else if (!selftext.empty())
            post.text += "\n\n" + selftext;
        post.threadId = post.sourceId;
        post.replies = jf::integer(jf::member(object, "num_comments"));
        for (const char *key : {"url", "domain", "link_flair_text", "is_self", "num_crossposts", "upvote_ratio"})
            setIfPresent(extras, key, jf::member(object, key));
        addImages(object, post);
    } else {
        const auto body = jf::text(jf::member(object, "body"));
        if (!body)
            return Error{"missing required field 'body'"};
        if (isRemovedMarker(*body))
            return Error{"comment body is '" + *body + "'"};
        post.text = *body;
        post.replyTo = jf::id(jf::member(object, "parent_id")).value_or("");
        post.threadId = jf::id(jf::member(object, "link_id")).value_or("");
        setIfPresent(extras, "controversiality", jf::member(object, "controversiality"));
    }

    if (const json *created = jf::member(object, "created_utc")) {
        post.createdAt = jf::timestamp(*created);
        if (!post.createdAt)
            return Error{"unparsable created_utc " + jf::quoted(*created)};
    }
    post.likes = jf::integer(jf::member(object, "score"));
    if (!post.likes)
        post.likes = jf::integer(jf::member(object, "ups"));

    const std::string author = jf::text(jf::member(object, "author")).value_or("");
    if (!author.empty() && author != "[deleted]" && author != "[removed]") {
        post.author.sourceId = "u/" + author;
        post.author.name = author;
        json authorExtras = json::object();
        setIfPresent(authorExtras, "author_fullname", jf::member(object, "author_fullname"));
        setIfPresent(authorExtras, "flair", jf::member(object, "author_flair_text"));
        if (!authorExtras.empty())
            post.author.extras = std::move(authorExtras);
    }

    for (const char *key : {"subreddit", "subreddit_id", "permalink", "over_18", "stickied", "distinguished",
                            "gilded"})
        setIfPresent(extras, key, jf::member(object, key));
    if (!extras.empty())
        post.extras = std::move(extras);
    return post;
}

} // namespace

Status RedditSource::read(const std::string &path, const ImportOptions &options, RecordSink &sink)
{
    auto mapped = MappedFields::fromMapping(options.mapping, format());
    if (!mapped)
        return mapped.error();
    JsonRecordReader reader(path, sink);
    return reader.read([&](const json &object, std::uint64_t line) {
        auto post = postFromReddit(object);
        if (!post)
            return sink.reject(path, line, post.message());
        post->line = line;
        mapped->apply(object, *post);
        return sink.post(std::move(*post));
    });
}

} // namespace chorus
