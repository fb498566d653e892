#include "core/import/postfields.h"

namespace chorus {
namespace {

std::optional<std::string> nonEmpty(const std::string &value)
{
    return value.empty() ? std::nullopt : std::optional<std::string>(value);
}

std::optional<std::string> number(const std::optional<std::int64_t> &value)
{
    return value ? std::optional<std::string>(std::to_string(*value)) : std::nullopt;
}

} // namespace

std::optional<std::string> canonicalFieldValue(const PostRecord &post, const std::string &field)
{
    if (field == "id")
        return nonEmpty(post.sourceId);
    if (field == "text")
        return nonEmpty(post.text);
    if (field == "author")
        return nonEmpty(post.author.sourceId);
    if (field == "author_name")
        return nonEmpty(post.author.name);
    if (field == "created_at")
        return number(post.createdAt);
    if (field == "language")
        return nonEmpty(post.language);
    if (field == "reply_to")
        return nonEmpty(post.replyTo);
    if (field == "thread_id")
        return nonEmpty(post.threadId);
    if (field == "likes")
        return number(post.likes);
    if (field == "shares")
        return number(post.shares);
    if (field == "replies")
        return number(post.replies);
    if (field == "client_app")
        return nonEmpty(post.clientApp);
    return std::nullopt;
}

} // namespace chorus
