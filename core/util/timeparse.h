#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chorus {

// Parses the timestamp spellings social data comes in, to Unix seconds (UTC):
// integer Unix seconds (or milliseconds when larger than 1e11), ISO 8601 ("2009-12-23",
// "2009-12-23T12:38:18Z", "2009-12-23 12:38:18.5+01:00"), and Twitter v1.1
// ("Wed Dec 23 12:38:18 +0000 2009"). nullopt when the text is none of these.
std::optional<std::int64_t> parseTimestamp(std::string_view text);

// Days since 1970-01-01 of a proleptic Gregorian date.
std::int64_t daysFromCivil(int year, unsigned month, unsigned day);

// "2009-12-23T12:38:18Z"
std::string formatIsoUtc(std::int64_t unixSeconds);

} // namespace chorus
