#include "core/import/fieldguess.h"

#include "core/import/importoptions.h"

#include <utility>

namespace chorus {
namespace {

const std::map<std::string, std::vector<std::string>> &namesByField()
{
    static const std::map<std::string, std::vector<std::string>> names = {
        {"id", {"id", "post_id", "tweet_id", "id_str"}},
        {"text", {"text", "body", "content", "full_text", "message", "tweet", "sentence"}},
        {"author", {"author", "user", "user_id", "username", "author_id"}},
        {"author_name", {"author_name", "screen_name", "name"}},
        {"created_at", {"created_at", "date", "time", "timestamp", "created_utc"}},
        {"language", {"language", "lang"}},
        {"reply_to", {"reply_to", "in_reply_to", "parent_id"}},
        {"thread_id", {"thread_id", "conversation_id"}},
        {"likes", {"likes", "like_count", "favorite_count", "score"}},
        {"shares", {"shares", "retweet_count", "share_count"}},
        {"replies", {"replies", "reply_count", "num_comments"}},
        {"client_app", {"client_app", "source", "client"}},
    };
    return names;
}

} // namespace

std::string lowerAscii(std::string text)
{
    for (char &c : text)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return text;
}

const std::vector<std::string> &commonFieldNames(const std::string &canonicalField)
{
    static const std::vector<std::string> none;
    const auto &names = namesByField();
    const auto it = names.find(canonicalField);
    return it == names.end() ? none : it->second;
}

const std::vector<std::string> &commonLabelNames()
{
    static const std::vector<std::string> names = {"label", "class", "sentiment"};
    return names;
}

std::map<std::string, std::string> guessFieldNames(const std::vector<std::string> &available)
{
    std::vector<std::string> lower;
    lower.reserve(available.size());
    for (const std::string &name : available)
        lower.push_back(lowerAscii(name));
    std::map<std::string, std::string> guessed;
    for (const std::string &field : FieldMapping::canonicalFields()) {
        bool found = false;
        for (const std::string &candidate : commonFieldNames(field)) {
            for (std::size_t i = 0; i < lower.size() && !found; ++i) {
                if (lower[i] == candidate) {
                    guessed.emplace(field, available[i]);
                    found = true;
                }
            }
            if (found)
                break;
        }
    }
    return guessed;
}

} // namespace chorus
