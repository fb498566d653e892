#include "core/embeddings/projectortable.h"

#include "core/embeddings/wordvectors.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace chorus {
namespace {

std::vector<std::string> splitTabs(const std::string &line)
{
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
        const std::size_t tab = line.find('\t', start);
        fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos)
            return fields;
        start = tab + 1;
    }
}

void stripLineEnd(std::string &line)
{
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
}

// Appends the tab-separated numbers of one line; false at the first field that is not a finite number.
bool parseNumbers(const std::string &line, std::vector<float> &out, std::size_t &count)
{
    count = 0;
    const char *p = line.data();
    const char *end = p + line.size();
    while (p < end) {
        while (p < end && (*p == ' ' || *p == '\t'))
            ++p;
        if (p == end)
            break;
        float value = 0;
        const auto [next, ec] = std::from_chars(p, end, value);
        if (ec != std::errc() || !std::isfinite(value) || (next < end && *next != '\t' && *next != ' '))
            return false;
        out.push_back(value);
        ++count;
        p = next;
    }
    return true;
}

std::string metadataCell(const std::string &text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text)
        out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
    return out.empty() ? std::string("-") : out;
}

} // namespace

Status ProjectorTable::saveTsv(const std::string &vectorsPath, const std::string &metadataPath) const
{
    if (matrix.size() != rows * dimensions || values.size() != columns.size() || columns.empty())
        return Error{"projector table: inconsistent sizes"};
    for (const auto &column : values)
        if (column.size() != rows)
            return Error{"projector table: a metadata column does not have one value per row"};
    {
        std::ofstream vectors(vectorsPath + ".partial", std::ios::binary);
        std::ofstream metadata(metadataPath + ".partial", std::ios::binary);
        if (!vectors || !metadata)
            return Error{"cannot write " + vectorsPath + " and " + metadataPath};
        char number[32];
        for (std::size_t r = 0; r < rows; ++r) {
            for (std::size_t d = 0; d < dimensions; ++d) {
                std::snprintf(number, sizeof number, "%.7g", static_cast<double>(matrix[r * dimensions + d]));
                vectors << (d ? "\t" : "") << number;
            }
            vectors << '\n';
        }
        if (columns.size() > 1)
            for (std::size_t c = 0; c < columns.size(); ++c)
                metadata << (c ? "\t" : "") << metadataCell(columns[c]) << (c + 1 == columns.size() ? "\n" : "");
        for (std::size_t r = 0; r < rows; ++r)
            for (std::size_t c = 0; c < columns.size(); ++c)
                metadata << (c ? "\t" : "") << metadataCell(values[c][r]) << (c + 1 == columns.size() ? "\n" : "");
        vectors.close();
        metadata.close();
        if (!vectors || !metadata)
            return Error{"cannot write " + vectorsPath + " and " + metadataPath + " (disk full?)"};
    }
    std::error_code ec;
    std::filesystem::rename(vectorsPath + ".partial", vectorsPath, ec);
    if (!ec)
        std::filesystem::rename(metadataPath + ".partial", metadataPath, ec);
    if (ec)
        return Error{"cannot finish " + vectorsPath + ": " + ec.message()};
    return Status::success();
}

Result<ProjectorTable> ProjectorTable::loadTsv(const std::string &vectorsPath, const std::string &metadataPath)
{
    ProjectorTable table;
    std::ifstream vectors(vectorsPath, std::ios::binary);
    if (!vectors)
        return Error{"cannot open " + vectorsPath};
    std::string line;
    std::size_t lineNumber = 0;
    while (std::getline(vectors, line)) {
        ++lineNumber;
        stripLineEnd(line);
        if (line.empty())
            continue;
        std::size_t count = 0;
        if (!parseNumbers(line, table.matrix, count))
            return Error{vectorsPath + ":" + std::to_string(lineNumber) + ": expected tab-separated numbers"};
        if (table.rows == 0)
            table.dimensions = count;
        else if (count != table.dimensions)
            return Error{vectorsPath + ":" + std::to_string(lineNumber) + ": " + std::to_string(count) + " values where the first row has " +
                         std::to_string(table.dimensions)};
        ++table.rows;
    }
    if (table.rows == 0)
        return Error{vectorsPath + ": no vectors"};

    if (metadataPath.empty()) {
        table.columns = {"row"};
        table.values.assign(1, {});
        table.values[0].reserve(table.rows);
        for (std::size_t i = 0; i < table.rows; ++i)
            table.values[0].push_back(std::to_string(i));
        return table;
    }
    std::ifstream metadata(metadataPath, std::ios::binary);
    if (!metadata)
        return Error{"cannot open " + metadataPath};
    std::vector<std::vector<std::string>> lines;
    lineNumber = 0;
    while (std::getline(metadata, line)) {
        ++lineNumber;
        stripLineEnd(line);
        std::vector<std::string> fields = splitTabs(line);
        if (!lines.empty() && fields.size() != lines.front().size())
            return Error{metadataPath + ":" + std::to_string(lineNumber) + ": " + std::to_string(fields.size()) +
                         " columns where the first line has " + std::to_string(lines.front().size())};
        lines.push_back(std::move(fields));
    }
    // The projector's convention: a header line exactly when there are several columns.
    const bool header = !lines.empty() && lines.front().size() > 1;
    const std::size_t dataLines = lines.size() - (header ? 1 : 0);
    if (dataLines != table.rows)
        return Error{metadataPath + ": " + std::to_string(dataLines) + " metadata rows for " + std::to_string(table.rows) +
                     " vectors"};
    const std::size_t columns = lines.front().size();
    table.columns = header ? lines.front() : std::vector<std::string>{"label"};
    table.values.assign(columns, {});
    for (std::size_t c = 0; c < columns; ++c) {
        table.values[c].reserve(table.rows);
        for (std::size_t r = header ? 1 : 0; r < lines.size(); ++r)
            table.values[c].push_back(std::move(lines[r][c]));
    }
    return table;
}

ProjectorTable ProjectorTable::fromWordVectors(const WordVectors &vectors, bool frequencyOrdered)
{
    ProjectorTable table;
    table.rows = vectors.size();
    table.dimensions = vectors.dimensions();
    table.matrix = vectors.matrix();
    table.columns = {"word"};
    table.values = {vectors.words()};
    table.frequencyOrdered = frequencyOrdered;
    return table;
}

} // namespace chorus
