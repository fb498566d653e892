#include "core/util/timeparse.h"

#include <cctype>
#include <cstdio>
#include <cstring>

namespace chorus {
namespace {

bool readInt(std::string_view s, std::size_t &pos, std::size_t digits, int &out)
{
    if (pos + digits > s.size())
        return false;
    int value = 0;
    for (std::size_t i = 0; i < digits; ++i) {
        const char c = s[pos + i];
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return false;
        value = value * 10 + (c - '0');
    }
    pos += digits;
    out = value;
    return true;
}

bool validClock(int month, int day, int hour, int minute, int second)
{
    return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour <= 23 && minute >= 0 &&
           minute <= 59 && second >= 0 && second <= 60;
}

// Parses "+HHMM", "+HH:MM", "+HH" or "Z"; returns the offset east of UTC in seconds.
bool readOffset(std::string_view s, std::size_t &pos, int &offsetSeconds)
{
    offsetSeconds = 0;
    if (pos == s.size())
        return true;
    if (s[pos] == 'Z' || s[pos] == 'z') {
        ++pos;
        return true;
    }
    if (s[pos] != '+' && s[pos] != '-')
        return false;
    const int sign = s[pos] == '-' ? -1 : 1;
    ++pos;
    int hours = 0, minutes = 0;
    if (!readInt(s, pos, 2, hours))
        return false;
    if (pos < s.size() && s[pos] == ':')
        ++pos;
    if (pos < s.size() && !readInt(s, pos, 2, minutes))
        return false;
    offsetSeconds = sign * (hours * 3600 + minutes * 60);
    return hours <= 14 && minutes <= 59;
}

std::optional<std::int64_t> parseIso(std::string_view s)
{
    std::size_t pos = 0;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!readInt(s, pos, 4, year) || pos >= s.size() || s[pos++] != '-' || !readInt(s, pos, 2, month) ||
        pos >= s.size() || s[pos++] != '-' || !readInt(s, pos, 2, day))
        return std::nullopt;
    if (pos < s.size() && (s[pos] == 'T' || s[pos] == 't' || s[pos] == ' ')) {
        ++pos;
        if (!readInt(s, pos, 2, hour) || pos >= s.size() || s[pos++] != ':' || !readInt(s, pos, 2, minute))
            return std::nullopt;
        if (pos < s.size() && s[pos] == ':') {
            ++pos;
            if (!readInt(s, pos, 2, second))
                return std::nullopt;
            if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
                ++pos;
                while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos])))
                    ++pos;
            }
        }
        if (pos < s.size() && s[pos] == ' ')
            ++pos;
    }
    int offset = 0;
    if (!readOffset(s, pos, offset) || pos != s.size() || !validClock(month, day, hour, minute, second))
        return std::nullopt;
    return daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
           std::int64_t{hour} * 3600 + std::int64_t{minute} * 60 + second - offset;
}

std::optional<std::int64_t> parseTwitter(std::string_view s)
{
    // "Wed Dec 23 12:38:18 +0000 2009"
    static const char *months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (s.size() < 30 || s[3] != ' ' || s[7] != ' ')
        return std::nullopt;
    int month = 0;
    for (int i = 0; i < 12; ++i) {
        if (s.substr(4, 3) == months[i])
            month = i + 1;
    }
    if (month == 0)
        return std::nullopt;
    std::size_t pos = 8;
    int day = 0, hour = 0, minute = 0, second = 0, year = 0, offset = 0;
    if (!readInt(s, pos, 2, day) || s[pos++] != ' ' || !readInt(s, pos, 2, hour) || s[pos++] != ':' ||
        !readInt(s, pos, 2, minute) || s[pos++] != ':' || !readInt(s, pos, 2, second) || s[pos++] != ' ')
        return std::nullopt;
    std::size_t offsetEnd = s.find(' ', pos);
    if (offsetEnd == std::string_view::npos)
        return std::nullopt;
    std::string_view offsetText = s.substr(pos, offsetEnd - pos);
    std::size_t offsetPos = 0;
    if (!readOffset(offsetText, offsetPos, offset) || offsetPos != offsetText.size())
        return std::nullopt;
    pos = offsetEnd + 1;
    if (!readInt(s, pos, 4, year) || pos != s.size() || !validClock(month, day, hour, minute, second))
        return std::nullopt;
    return daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
           std::int64_t{hour} * 3600 + std::int64_t{minute} * 60 + second - offset;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return s;
}

} // namespace

std::int64_t daysFromCivil(int year, unsigned month, unsigned day)
{
    // Howard Hinnant's algorithm: exact for every proleptic Gregorian date.
    year -= month <= 2;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(year - era * 400);
    const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::optional<std::int64_t> parseTimestamp(std::string_view text)
{
    text = trim(text);
    if (text.empty())
        return std::nullopt;
    bool allDigits = true;
    std::size_t start = text[0] == '-' ? 1 : 0;
    for (std::size_t i = start; i < text.size(); ++i)
        allDigits = allDigits && std::isdigit(static_cast<unsigned char>(text[i]));
    if (allDigits && text.size() > start && text.size() - start <= 16) {
        std::int64_t value = 0;
        for (std::size_t i = start; i < text.size(); ++i)
            value = value * 10 + (text[i] - '0');
        if (start)
            value = -value;
        return (value > 100000000000LL || value < -100000000000LL) ? value / 1000 : value;
    }
    if (text.size() >= 10 && std::isdigit(static_cast<unsigned char>(text[0])))
        return parseIso(text);
    return parseTwitter(text);
}

std::string formatIsoUtc(std::int64_t unixSeconds)
{
    std::int64_t days = unixSeconds >= 0 ? unixSeconds / 86400 : (unixSeconds - 86399) / 86400;
    std::int64_t secs = unixSeconds - days * 86400;
    // Inverse of daysFromCivil.
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned day = doy - (153 * mp + 2) / 5 + 1;
    const unsigned month = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t year = static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", static_cast<long long>(year), month,
                  day, static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                  static_cast<long long>(secs % 60));
    return buffer;
}

} // namespace chorus
