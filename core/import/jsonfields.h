#pragma once

#include "core/util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace chorus {
namespace jsonfields {

// Lookups in records parsed from social-media dumps, where the same field is a string in one dump
// and a number in the next, and anything may be missing or null. None of these throws.

// The member `key` of an object; nullptr when value is not an object, lacks the key or holds null.
const nlohmann::json *member(const nlohmann::json &value, const char *key);
const nlohmann::json *member(const nlohmann::json *value, const char *key);
// Follows nested members: path(tweet, {"user", "id_str"}).
const nlohmann::json *path(const nlohmann::json &value, std::initializer_list<const char *> keys);

// A string value; nullopt for anything else.
std::optional<std::string> text(const nlohmann::json *value);
// An identifier spelled as a string or an integer (Twitter ids come as both); nullopt when empty.
std::optional<std::string> id(const nlohmann::json *value);
// An integer that may also be spelled as a string ("42") or an integral float (42.0).
std::optional<std::int64_t> integer(const nlohmann::json *value);
// A real number, also from a numeric string.
std::optional<double> real(const nlohmann::json *value);
std::optional<bool> boolean(const nlohmann::json *value);
// A scalar as label text: strings as they are, numbers and booleans spelled out. Objects and arrays
// are written as compact JSON; null gives nullopt.
std::optional<std::string> labelText(const nlohmann::json *value);
// A timestamp given as text (any spelling parseTimestamp knows) or as a number of Unix seconds
// (milliseconds when larger than 1e11).
std::optional<std::int64_t> timestamp(const nlohmann::json &value);
// How a value is spelled in an error message: strings without quotes escaped, others as JSON, cut
// to a readable length.
std::string quoted(const nlohmann::json &value);
// "an array", "a string", "a number"...: for messages such as "expected a JSON object, found an array".
const char *typeName(const nlohmann::json &value);

// An RFC 6901 JSON pointer ("/user/verified") split into unescaped tokens.
using PointerTokens = std::vector<std::string>;
Result<PointerTokens> parsePointer(const std::string &pointer);
// nullptr when the pointer leads nowhere (or to null); array elements are addressed by index.
const nlohmann::json *resolve(const nlohmann::json &value, const PointerTokens &tokens);

} // namespace jsonfields
} // namespace chorus
