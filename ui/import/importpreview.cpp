#include "ui/import/importpreview.h"

#include "core/import/csvreader.h"
#include "core/util/inputstream.h"

#include <nlohmann/json.hpp>

#include <QObject>

#include <string>
#include <vector>

namespace {

QString fromUtf8(const std::string &text) { return QString::fromUtf8(text.data(), static_cast<int>(text.size())); }

ImportPreview readDelimited(chorus::InputStream &input, char delimiter, int maxRows)
{
    ImportPreview preview;
    preview.mappable = true;
    chorus::CsvReader reader(input, delimiter);
    std::vector<std::string> fields;
    bool header = true;
    // Malformed records are skipped here: the import reports them with their line.
    for (int seen = 0; preview.rows.size() < maxRows && seen < maxRows * 4; ++seen) {
        const chorus::CsvReader::Outcome outcome = reader.next(fields);
        if (outcome == chorus::CsvReader::Outcome::End)
            break;
        if (outcome == chorus::CsvReader::Outcome::Malformed)
            continue;
        if (fields.size() == 1 && fields[0].empty())
            continue;
        QStringList values;
        for (const std::string &field : fields)
            values << fromUtf8(field).trimmed();
        if (header) {
            preview.columns = values;
            header = false;
        } else {
            preview.rows << values;
        }
    }
    if (!reader.error().empty())
        preview.error = fromUtf8(reader.error());
    else if (header)
        preview.error = QObject::tr("The file is empty: it should start with a header line naming its columns.");
    return preview;
}

QString jsonCell(const nlohmann::json &value)
{
    if (value.is_string())
        return fromUtf8(value.get<std::string>());
    if (value.is_null())
        return QString();
    return fromUtf8(value.dump());
}

ImportPreview readJsonLines(chorus::InputStream &input, int maxRows, bool mappable)
{
    ImportPreview preview;
    preview.mappable = mappable;
    chorus::LineReader lines(input, 4u << 20);
    std::vector<nlohmann::json> objects;
    std::string line;
    for (int seen = 0; static_cast<int>(objects.size()) < maxRows && seen < maxRows * 4 && lines.next(line); ++seen) {
        nlohmann::json value = nlohmann::json::parse(line, nullptr, false);
        if (value.is_discarded() || !value.is_object())
            continue;
        for (auto it = value.begin(); it != value.end(); ++it)
            if (!preview.columns.contains(fromUtf8(it.key())))
                preview.columns << fromUtf8(it.key());
        objects.push_back(std::move(value));
    }
    for (const nlohmann::json &object : objects) {
        QStringList values;
        for (const QString &column : preview.columns) {
            const auto it = object.find(column.toStdString());
            values << (it == object.end() ? QString() : jsonCell(*it));
        }
        preview.rows << values;
    }
    if (!input.error().empty())
        preview.error = fromUtf8(input.error());
    else if (objects.empty())
        preview.error = QObject::tr("No JSON object on the first lines (a JSON array file is imported, but not previewed).");
    return preview;
}

} // namespace

ImportPreview ImportPreview::read(const QString &path, const QString &format, int maxRows)
{
    if (format == QLatin1String("images") || format == QLatin1String("video")) {
        ImportPreview preview;
        preview.error = QObject::tr("Media inputs have no rows to preview; each file becomes a post.");
        return preview;
    }
    auto input = chorus::InputStream::open(path.toStdString());
    if (!input) {
        ImportPreview preview;
        preview.error = fromUtf8(input.message());
        return preview;
    }
    if (format == QLatin1String("csv"))
        return readDelimited(**input, '\0', maxRows);
    if (format == QLatin1String("tsv"))
        return readDelimited(**input, '\t', maxRows);
    if (format == QLatin1String("interactions")) {
        ImportPreview preview = readDelimited(**input, '\0', maxRows);
        preview.mappable = false;
        return preview;
    }
    // jsonl, json, twitter, reddit: show the top-level members; only generic JSON takes a mapping.
    return readJsonLines(**input, maxRows, format == QLatin1String("jsonl") || format == QLatin1String("json"));
}
