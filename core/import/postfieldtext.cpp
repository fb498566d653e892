#include "core/import/postfieldtext.h"

#include "core/util/timeparse.h"

#include <cerrno>
#include <cstdlib>

namespace chorus {
namespace {

std::optional<std::int64_t> wholeNumber(const std::string &text)
{
    if (text.empty())
        return std::nullopt;
    std::size_t i = text[0] == '-' || text[0] == '+' ? 1 : 0;
    if (i == text.size())
        return std::nullopt;
    for (std::size_t k = i; k < text.size(); ++k)
        if (text[k] < '0' || text[k] > '9')
            return std::nullopt;
    errno = 0;
    const long long value = std::strtoll(text.c_str(), nullptr, 10);
    if (errno == ERANGE)
        return std::nullopt;
    return static_cast<std::int64_t>(value);
}

} // namespace

std::string trimmedAscii(const std::string &text)
{
    const char *space = " \t\r\n\f\v";
    const std::size_t begin = text.find_first_not_of(space);
    if (begin == std::string::npos)
        return {};
    return text.substr(begin, text.find_last_not_of(space) - begin + 1);
}

std::string quotedForReason(const std::string &value)
{
    constexpr std::size_t limit = 60;
    std::string s = value;
    if (s.size() > limit) {
        s.resize(limit);
        while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80)
            s.pop_back();
        if (!s.empty() && (static_cast<unsigned char>(s.back()) & 0x80))
            s.pop_back();
        s += "...";
    }
    return "'" + s + "'";
}

Status setPostFieldFromText(PostRecord &post, const std::string &field, const std::string &value)
{
    if (field == "text") {
        post.text = value;
        return {};
    }
    std::string v = trimmedAscii(value);
    if (v.empty())
        return {};
    if (field == "id") {
        post.sourceId = std::move(v);
    } else if (field == "author") {
        post.author.sourceId = std::move(v);
    } else if (field == "author_name") {
        post.author.name = std::move(v);
    } else if (field == "created_at") {
        const auto time = parseTimestamp(v);
        if (!time)
            return Error{"cannot parse created_at value " + quotedForReason(v) + " as a date and time"};
        post.createdAt = *time;
    } else if (field == "language") {
        post.language = std::move(v);
    } else if (field == "reply_to") {
        post.replyTo = std::move(v);
    } else if (field == "thread_id") {
        post.threadId = std::move(v);
    } else if (field == "likes" || field == "shares" || field == "replies") {
        const auto number = wholeNumber(v);
        if (!number)
            return Error{field + " must be a whole number, found " + quotedForReason(v)};
        (field == "likes" ? post.likes : field == "shares" ? post.shares : post.replies) = *number;
    } else if (field == "client_app") {
        post.clientApp = std::move(v);
    } else {
        return Error{"unknown post field '" + field + "'"};
    }
    return {};
}

} // namespace chorus
