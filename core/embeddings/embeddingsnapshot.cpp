#include "core/embeddings/embeddingsnapshot.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace chorus {
namespace {

constexpr const char *kFormat = "chorus-embeddings";
constexpr int kVersion = 2;

bool littleEndian()
{
    const std::uint32_t probe = 1;
    unsigned char first = 0;
    std::memcpy(&first, &probe, 1);
    return first == 1;
}

void appendFloat(std::string &out, float value)
{
    unsigned char bytes[4];
    std::memcpy(bytes, &value, 4);
    if (!littleEndian())
        std::swap(bytes[0], bytes[3]), std::swap(bytes[1], bytes[2]);
    out.append(reinterpret_cast<const char *>(bytes), 4);
}

float readFloat(const char *p)
{
    unsigned char bytes[4];
    std::memcpy(bytes, p, 4);
    if (!littleEndian())
        std::swap(bytes[0], bytes[3]), std::swap(bytes[1], bytes[2]);
    float value = 0;
    std::memcpy(&value, bytes, 4);
    return value;
}

} // namespace

const char *embeddingSpaceName(EmbeddingSpace space)
{
    switch (space) {
    case EmbeddingSpace::Tokens:
        return "tokens";
    case EmbeddingSpace::Posts:
        return "posts";
    case EmbeddingSpace::Users:
        return "users";
    case EmbeddingSpace::Items:
        return "items";
    }
    return "tokens";
}

Result<EmbeddingSpace> parseEmbeddingSpace(const std::string &name)
{
    for (EmbeddingSpace space : {EmbeddingSpace::Tokens, EmbeddingSpace::Posts, EmbeddingSpace::Users, EmbeddingSpace::Items})
        if (name == embeddingSpaceName(space))
            return space;
    return Error{"unknown embedding space '" + name + "' (expected tokens, posts, users or items)"};
}

EmbeddingSnapshot EmbeddingSnapshot::firstRows(int epoch, std::int64_t step, const std::vector<std::string> &tokens,
                                                std::size_t dims, const float *values)
{
    EmbeddingSnapshot snapshot;
    snapshot.epoch = epoch;
    snapshot.step = step;
    snapshot.dimensions = dims;
    const std::size_t rows = std::min(tokens.size(), kMaxRows);
    snapshot.tokens.assign(tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(rows));
    snapshot.values.assign(values, values + rows * dims);
    return snapshot;
}

std::string EmbeddingSnapshot::encode() const
{
    nlohmann::json header = {{"format", kFormat},
                             {"version", kVersion},
                             {"space", embeddingSpaceName(space)},
                             {"epoch", epoch},
                             {"step", step},
                             {"rows", tokens.size()},
                             {"dimensions", dimensions},
                             {"label_column", labelColumn},
                             {"tokens", tokens},
                             {"columns", nlohmann::json::array()}};
    for (std::size_t c = 0; c < columns.size(); ++c)
        header["columns"].push_back({{"name", columns[c]}, {"values", columnValues[c]}});
    // Tokens from user text may hold any bytes; the dump must not throw on invalid UTF-8.
    std::string out = header.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += '\n';
    out.reserve(out.size() + values.size() * 4);
    for (float value : values)
        appendFloat(out, value);
    return out;
}

Result<EmbeddingSnapshot> EmbeddingSnapshot::decode(const std::string &blob)
{
    const std::size_t newline = blob.find('\n');
    if (newline == std::string::npos)
        return Error{"embedding snapshot: no header line"};
    const nlohmann::json header = nlohmann::json::parse(blob.begin(), blob.begin() + static_cast<std::ptrdiff_t>(newline),
                                                        nullptr, false);
    if (!header.is_object() || header.value("format", "") != kFormat)
        return Error{"embedding snapshot: the header is not a chorus-embeddings header"};
    const nlohmann::json version = header.value("version", nlohmann::json());
    if (!version.is_number_integer() || version.get<int>() < 1 || version.get<int>() > kVersion)
        return Error{"embedding snapshot: version " + version.dump() + " is not supported (expected 1 to " +
                     std::to_string(kVersion) + ")"};
    for (const char *field : {"epoch", "step", "rows", "dimensions"})
        if (!header.contains(field) || !header[field].is_number_integer() || header[field].get<std::int64_t>() < 0)
            return Error{std::string("embedding snapshot: header field '") + field + "' is not a non-negative integer"};
    if (!header.contains("tokens") || !header["tokens"].is_array())
        return Error{"embedding snapshot: header field 'tokens' is not an array"};
    EmbeddingSnapshot snapshot;
    snapshot.epoch = header["epoch"].get<int>();
    snapshot.step = header["step"].get<std::int64_t>();
    const auto rows = header["rows"].get<std::uint64_t>();
    snapshot.dimensions = header["dimensions"].get<std::size_t>();
    if (header["tokens"].size() != rows)
        return Error{"embedding snapshot: " + std::to_string(header["tokens"].size()) + " tokens for " +
                     std::to_string(rows) + " rows"};
    if (rows > 0 && snapshot.dimensions == 0)
        return Error{"embedding snapshot: rows without dimensions"};
    const std::size_t payload = blob.size() - newline - 1;
    // Checked by division so that absurd header sizes cannot overflow the product.
    if (snapshot.dimensions > 0 && (payload % 4 != 0 || payload / 4 / snapshot.dimensions != rows ||
                                    (payload / 4) % snapshot.dimensions != 0))
        return Error{"embedding snapshot: " + std::to_string(payload) + " bytes of values for " + std::to_string(rows) +
                     " x " + std::to_string(snapshot.dimensions) + " floats"};
    if (snapshot.dimensions == 0 && payload != 0)
        return Error{"embedding snapshot: values without dimensions"};
    for (const nlohmann::json &token : header["tokens"]) {
        if (!token.is_string())
            return Error{"embedding snapshot: a token is not a string"};
        snapshot.tokens.push_back(token.get<std::string>());
    }
    if (version.get<int>() >= 2) {
        if (!header.contains("space") || !header["space"].is_string())
            return Error{"embedding snapshot: header field 'space' is not a string"};
        auto space = parseEmbeddingSpace(header["space"].get<std::string>());
        if (!space)
            return Error{"embedding snapshot: " + space.message()};
        snapshot.space = *space;
        if (!header.contains("label_column") || !header["label_column"].is_string())
            return Error{"embedding snapshot: header field 'label_column' is not a string"};
        snapshot.labelColumn = header["label_column"].get<std::string>();
        if (!header.contains("columns") || !header["columns"].is_array())
            return Error{"embedding snapshot: header field 'columns' is not an array"};
        for (const nlohmann::json &column : header["columns"]) {
            if (!column.is_object() || !column.contains("name") || !column["name"].is_string() ||
                !column.contains("values") || !column["values"].is_array())
                return Error{"embedding snapshot: a metadata column is not {name, values}"};
            const std::string name = column["name"].get<std::string>();
            if (column["values"].size() != rows)
                return Error{"embedding snapshot: metadata column '" + name + "' has " +
                             std::to_string(column["values"].size()) + " values for " + std::to_string(rows) + " rows"};
            std::vector<std::string> values;
            values.reserve(rows);
            for (const nlohmann::json &value : column["values"]) {
                if (!value.is_string())
                    return Error{"embedding snapshot: a value of metadata column '" + name + "' is not a string"};
                values.push_back(value.get<std::string>());
            }
            snapshot.columns.push_back(name);
            snapshot.columnValues.push_back(std::move(values));
        }
    }
    snapshot.values.resize(payload / 4);
    const char *data = blob.data() + newline + 1;
    for (std::size_t i = 0; i < snapshot.values.size(); ++i) {
        snapshot.values[i] = readFloat(data + i * 4);
        if (!std::isfinite(snapshot.values[i]))
            return Error{"embedding snapshot: value " + std::to_string(i) + " is not finite"};
    }
    return snapshot;
}

ProjectorTable EmbeddingSnapshot::toProjectorTable() const
{
    ProjectorTable table;
    table.rows = tokens.size();
    table.dimensions = dimensions;
    table.matrix = values;
    table.columns = {labelColumn};
    table.values = {tokens};
    for (std::size_t c = 0; c < columns.size(); ++c) {
        table.columns.push_back(columns[c]);
        table.values.push_back(columnValues[c]);
    }
    table.frequencyOrdered = space == EmbeddingSpace::Tokens;
    return table;
}

} // namespace chorus
