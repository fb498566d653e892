#include "core/import/jsonfields.h"

#include "core/util/timeparse.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace chorus {
namespace jsonfields {
namespace {

bool allDigits(const std::string &s)
{
    if (s.empty())
        return false;
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

} // namespace

const nlohmann::json *member(const nlohmann::json &value, const char *key)
{
    if (!value.is_object())
        return nullptr;
    const auto it = value.find(key);
    if (it == value.end() || it->is_null())
        return nullptr;
    return &*it;
}

const nlohmann::json *member(const nlohmann::json *value, const char *key)
{
    return value ? member(*value, key) : nullptr;
}

const nlohmann::json *path(const nlohmann::json &value, std::initializer_list<const char *> keys)
{
    const nlohmann::json *current = &value;
    for (const char *key : keys) {
        current = member(*current, key);
        if (!current)
            return nullptr;
    }
    return current;
}

std::optional<std::string> text(const nlohmann::json *value)
{
    if (!value || !value->is_string())
        return std::nullopt;
    return value->get<std::string>();
}

std::optional<std::string> id(const nlohmann::json *value)
{
    if (!value)
        return std::nullopt;
    if (value->is_string()) {
        std::string s = value->get<std::string>();
        return s.empty() ? std::nullopt : std::optional<std::string>(std::move(s));
    }
    if (value->is_number_unsigned())
        return std::to_string(value->get<std::uint64_t>());
    if (value->is_number_integer())
        return std::to_string(value->get<std::int64_t>());
    return std::nullopt;
}

std::optional<std::int64_t> integer(const nlohmann::json *value)
{
    if (!value)
        return std::nullopt;
    if (value->is_number_unsigned()) {
        const std::uint64_t v = value->get<std::uint64_t>();
        if (v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return std::nullopt;
        return static_cast<std::int64_t>(v);
    }
    if (value->is_number_integer())
        return value->get<std::int64_t>();
    if (value->is_number_float()) {
        const double d = value->get<double>();
        if (!std::isfinite(d) || d != std::floor(d) || std::fabs(d) > 9.0e18)
            return std::nullopt;
        return static_cast<std::int64_t>(d);
    }
    if (value->is_string()) {
        const std::string s = value->get<std::string>();
        const bool negative = !s.empty() && s[0] == '-';
        if (!allDigits(negative ? s.substr(1) : s))
            return std::nullopt;
        errno = 0;
        const long long v = std::strtoll(s.c_str(), nullptr, 10);
        if (errno == ERANGE)
            return std::nullopt;
        return static_cast<std::int64_t>(v);
    }
    return std::nullopt;
}

std::optional<double> real(const nlohmann::json *value)
{
    if (!value)
        return std::nullopt;
    if (value->is_number())
        return value->get<double>();
    if (value->is_string()) {
        const std::string s = value->get<std::string>();
        if (s.empty())
            return std::nullopt;
        char *end = nullptr;
        const double d = std::strtod(s.c_str(), &end);
        if (end != s.c_str() + s.size() || !std::isfinite(d))
            return std::nullopt;
        return d;
    }
    return std::nullopt;
}

std::optional<bool> boolean(const nlohmann::json *value)
{
    if (!value || !value->is_boolean())
        return std::nullopt;
    return value->get<bool>();
}

std::optional<std::string> labelText(const nlohmann::json *value)
{
    if (!value || value->is_null())
        return std::nullopt;
    if (value->is_string())
        return value->get<std::string>();
    if (value->is_boolean())
        return std::string(value->get<bool>() ? "true" : "false");
    return value->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<std::int64_t> timestamp(const nlohmann::json &value)
{
    if (value.is_string())
        return parseTimestamp(value.get_ref<const std::string &>());
    if (value.is_number_integer())
        return parseTimestamp(value.dump());
    if (value.is_number_float()) {
        // Older Reddit dumps write created_utc as 1262304000.0.
        const double d = value.get<double>();
        if (!std::isfinite(d) || std::fabs(d) > 9.0e18)
            return std::nullopt;
        return parseTimestamp(std::to_string(static_cast<std::int64_t>(std::floor(d))));
    }
    return std::nullopt;
}

std::string quoted(const nlohmann::json &value)
{
    constexpr std::size_t limit = 80;
    std::string s = value.is_string() ? value.get<std::string>()
                                      : value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (s.size() > limit) {
        s.resize(limit);
        // Do not leave half a UTF-8 sequence behind.
        while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80)
            s.pop_back();
        if (!s.empty() && (static_cast<unsigned char>(s.back()) & 0x80))
            s.pop_back();
        s += "...";
    }
    return "'" + s + "'";
}

Result<PointerTokens> parsePointer(const std::string &pointer)
{
    if (pointer.empty() || pointer[0] != '/')
        return Error{"JSON pointer '" + pointer + "' must start with '/'"};
    PointerTokens tokens;
    std::string token;
    for (std::size_t i = 1; i <= pointer.size(); ++i) {
        if (i == pointer.size() || pointer[i] == '/') {
            tokens.push_back(std::move(token));
            token.clear();
            continue;
        }
        if (pointer[i] == '~') {
            const char next = i + 1 < pointer.size() ? pointer[i + 1] : '\0';
            if (next != '0' && next != '1')
                return Error{"JSON pointer '" + pointer + "': '~' must be followed by 0 or 1"};
            token += next == '0' ? '~' : '/';
            ++i;
            continue;
        }
        token += pointer[i];
    }
    return tokens;
}

const nlohmann::json *resolve(const nlohmann::json &value, const PointerTokens &tokens)
{
    const nlohmann::json *current = &value;
    for (const std::string &token : tokens) {
        if (current->is_object()) {
            const auto it = current->find(token);
            if (it == current->end())
                return nullptr;
            current = &*it;
        } else if (current->is_array()) {
            if (!allDigits(token) || token.size() > 9)
                return nullptr;
            const std::size_t index = static_cast<std::size_t>(std::stoul(token));
            if (index >= current->size())
                return nullptr;
            current = &(*current)[index];
        } else {
            return nullptr;
        }
    }
    return current->is_null() ? nullptr : current;
}

const char *typeName(const nlohmann::json &value)
{
    switch (value.type()) {
    case nlohmann::json::value_t::array:
        return "an array";
    case nlohmann::json::value_t::string:
        return "a string";
    case nlohmann::json::value_t::boolean:
        return "a boolean";
    case nlohmann::json::value_t::null:
        return "null";
    case nlohmann::json::value_t::object:
        return "an object";
    default:
        return "a number";
    }
}

} // namespace jsonfields

} // namespace chorus
