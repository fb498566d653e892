#include "core/import/interactionsource.h"

#include "core/import/csvreader.h"
#include "core/import/fieldguess.h"
#include "core/import/postfieldtext.h"
#include "core/util/inputstream.h"
#include "core/util/timeparse.h"
#include "core/util/utf8.h"

#include <cmath>
#include <cstdlib>
#include <optional>
#include <unordered_set>

namespace chorus {
namespace {

constexpr std::uint64_t kProgressEveryRecords = 1000;
// Items already sent are remembered up to this many; past it the set starts over, and the
// writer's upsert absorbs the repeats.
constexpr std::size_t kSeenItemsLimit = 200000;

struct InteractionLayout {
    std::vector<std::string> header;
    std::size_t user = 0;
    std::size_t item = 0;
    std::optional<std::size_t> weight;
    std::optional<std::size_t> time;
    std::optional<std::size_t> kind;
    std::optional<std::size_t> title;
    std::vector<std::size_t> itemExtras;
};

std::optional<std::size_t> findColumn(const std::vector<std::string> &lowerHeader,
                                      std::initializer_list<const char *> names)
{
    for (const char *name : names)
        for (std::size_t i = 0; i < lowerHeader.size(); ++i)
            if (lowerHeader[i] == name)
                return i;
    return std::nullopt;
}

Result<InteractionLayout> makeLayout(std::vector<std::string> header, const std::string &path)
{
    InteractionLayout layout;
    std::vector<std::string> lower;
    std::string list;
    for (std::string &name : header) {
        name = trimmedAscii(name);
        lower.push_back(lowerAscii(name));
        list += (list.empty() ? "" : ", ") + name;
    }
    layout.header = std::move(header);
    const std::string where = " in the header of '" + path + "' (columns: " + list + ")";
    const auto user = findColumn(lower, {"user", "user_id", "userid", "reviewerid", "customer_id", "author"});
    if (!user)
        return Error{"no user column" + where + "; name it user or user_id"};
    const auto item = findColumn(lower, {"item", "item_id", "itemid", "movieid", "movie_id", "product_id",
                                         "productid", "asin", "track_id", "article_id"});
    if (!item)
        return Error{"no item column" + where + "; name it item or item_id"};
    layout.user = *user;
    layout.item = *item;
    layout.weight = findColumn(lower, {"rating", "weight", "value", "score", "overall"});
    layout.time = findColumn(lower, {"timestamp", "time", "created_at", "date", "unixreviewtime"});
    layout.kind = findColumn(lower, {"kind", "type", "event"});
    layout.title = findColumn(lower, {"title", "item_title", "name", "item_name"});
    for (std::size_t i = 0; i < layout.header.size(); ++i) {
        const bool known = i == layout.user || i == layout.item || i == layout.weight || i == layout.time ||
                           i == layout.kind || i == layout.title;
        if (!known)
            layout.itemExtras.push_back(i);
    }
    return layout;
}

std::optional<double> parseWeight(const std::string &text)
{
    if (text.empty())
        return std::nullopt;
    char *end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

} // namespace

Status InteractionSource::read(const std::string &path, const ImportOptions &options, RecordSink &sink)
{
    if (!options.mapping.fields.empty() || !options.mapping.images.empty() || !options.mapping.videos.empty())
        return Error{"the interactions format finds its columns by name (user, item, rating, timestamp, kind);"
                     " a field mapping does not apply to it"};
    auto opened = InputStream::open(path);
    if (!opened)
        return opened.error();
    InputStream &input = **opened;
    CsvReader reader(input);

    std::vector<std::string> row;
    CsvReader::Outcome outcome = reader.next(row);
    if (outcome == CsvReader::Outcome::End) {
        if (!reader.error().empty())
            return Error{reader.error()};
        return Error{"'" + path + "' is empty: an interactions file starts with a header line naming its columns"};
    }
    if (outcome == CsvReader::Outcome::Malformed)
        return Error{"cannot read the header of '" + path + "': " + reader.problem()};
    for (const std::string &name : row)
        if (!utf8::isValid(name))
            return Error{"the header of '" + path + "' is not valid UTF-8; save the file as UTF-8"};
    auto layout = makeLayout(std::move(row), path);
    if (!layout)
        return layout.error();
    const std::vector<std::string> &header = layout->header;
    const bool describesItems = layout->title || !layout->itemExtras.empty();
    std::unordered_set<std::string> seenItems;

    std::uint64_t records = 0;
    for (;;) {
        outcome = reader.next(row);
        if (outcome == CsvReader::Outcome::End)
            break;
        if (++records % kProgressEveryRecords == 0 && !sink.progress(reader.bytesRead()))
            return {};
        const std::uint64_t line = reader.line();
        auto reject = [&](const std::string &reason) { return sink.reject(path, line, reason); };
        if (outcome == CsvReader::Outcome::Malformed) {
            if (!reject(reader.problem()))
                return {};
            continue;
        }
        if (row.size() == 1 && trimmedAscii(row[0]).empty())
            continue;
        if (row.size() != header.size()) {
            if (!reject("expected " + std::to_string(header.size()) + " fields, found " + std::to_string(row.size())))
                return {};
            continue;
        }
        std::string problem;
        for (std::size_t i = 0; i < row.size() && problem.empty(); ++i)
            if (!utf8::isValid(row[i]))
                problem = "invalid UTF-8 in column '" + header[i] + "'";

        InteractionRecord interaction;
        interaction.line = line;
        interaction.userSourceId = trimmedAscii(row[layout->user]);
        interaction.item = trimmedAscii(row[layout->item]);
        if (problem.empty() && interaction.userSourceId.empty())
            problem = "missing required field '" + header[layout->user] + "'";
        if (problem.empty() && interaction.item.empty())
            problem = "missing required field '" + header[layout->item] + "'";
        if (problem.empty() && layout->weight) {
            const std::string text = trimmedAscii(row[*layout->weight]);
            if (!text.empty()) {
                if (const auto weight = parseWeight(text))
                    interaction.weight = *weight;
                else
                    problem = header[*layout->weight] + " must be a number, found " + quotedForReason(text);
            }
        }
        if (problem.empty() && layout->time) {
            const std::string text = trimmedAscii(row[*layout->time]);
            if (!text.empty()) {
                if (const auto time = parseTimestamp(text))
                    interaction.createdAt = *time;
                else
                    problem = "cannot parse " + header[*layout->time] + " value " + quotedForReason(text) +
                              " as a date and time";
            }
        }
        if (problem.empty() && layout->kind) {
            std::string kind = trimmedAscii(row[*layout->kind]);
            if (!kind.empty())
                interaction.kind = std::move(kind);
        }
        if (!problem.empty()) {
            if (!reject(problem))
                return {};
            continue;
        }

        if (describesItems && seenItems.find(interaction.item) == seenItems.end()) {
            if (seenItems.size() >= kSeenItemsLimit)
                seenItems.clear();
            seenItems.insert(interaction.item);
            ItemRecord item;
            item.sourceId = interaction.item;
            if (layout->title)
                item.title = trimmedAscii(row[*layout->title]);
            for (std::size_t column : layout->itemExtras) {
                if (row[column].empty())
                    continue;
                if (!item.extras.is_object())
                    item.extras = nlohmann::json::object();
                item.extras[header[column]] = row[column];
            }
            if (!sink.item(std::move(item)))
                return {};
        }
        if (!sink.interaction(std::move(interaction)))
            return {};
    }
    if (!reader.error().empty())
        return Error{reader.error() + " (stopped after line " + std::to_string(reader.line()) + ")"};
    sink.progress(reader.bytesRead());
    return {};
}

} // namespace chorus
