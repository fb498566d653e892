#include "core/store/datasetexporter.h"

#include "core/store/project.h"
#include "core/util/csvescape.h"
#include "core/util/timeparse.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <vector>

namespace chorus {

Result<DatasetExporter::Format> DatasetExporter::parseFormat(const std::string &name)
{
    if (name == "csv")
        return Format::Csv;
    if (name == "jsonl")
        return Format::Jsonl;
    return Error{"unknown export format '" + name + "' (expected csv or jsonl)"};
}

Result<std::int64_t> DatasetExporter::exportDataset(Project &project, const std::string &dataset, Format format,
                                                    const std::string &outputPath)
{
    auto datasetId = project.datasetId(dataset);
    if (!datasetId)
        return Error{"no dataset named '" + dataset + "' in " + project.path()};
    SqliteDatabase &db = project.db();

    std::vector<std::string> tasks;
    {
        auto select = db.prepare("SELECT DISTINCT l.task FROM labels l JOIN posts p ON p.id = l.post_id"
                                 " WHERE p.dataset_id = ? ORDER BY l.task");
        if (!select)
            return select.error();
        select->bind(1, *datasetId);
        while (select->step())
            tasks.push_back(select->text(0));
    }
    std::int64_t splitId = 0;
    {
        auto select = db.prepare("SELECT max(id) FROM splits WHERE dataset_id = ?");
        if (!select)
            return select.error();
        select->bind(1, *datasetId);
        if (select->step() && !select->isNull(0))
            splitId = select->int64(0);
    }

    auto posts = db.prepare(
        "SELECT p.id, p.source_id, u.source_id, u.name, p.created_at, p.text, p.language, p.reply_to, p.thread_id,"
        " p.likes, p.shares, p.replies, p.client_app, sa.part,"
        " (SELECT group_concat(coalesce(m.path, ''), '|') FROM media m WHERE m.post_id = p.id)"
        " FROM posts p LEFT JOIN users u ON u.id = p.author_id"
        " LEFT JOIN split_assignments sa ON sa.post_id = p.id AND sa.split_id = ?2"
        " WHERE p.dataset_id = ?1 ORDER BY p.id");
    auto labels = db.prepare("SELECT task, value FROM labels WHERE post_id = ?");
    if (!posts)
        return posts.error();
    if (!labels)
        return labels.error();
    posts->bind(1, *datasetId).bind(2, splitId);

    const std::string temporary = outputPath + ".partial";
    std::FILE *out = std::fopen(temporary.c_str(), "wb");
    if (!out)
        return Error{"cannot write '" + outputPath + "': " + std::strerror(errno)};

    const std::vector<std::string> columns = {"id",        "author",   "author_name", "created_at", "text",
                                              "language",  "reply_to", "thread_id",   "likes",      "shares",
                                              "replies",   "client_app", "split",     "media"};
    if (format == Format::Csv) {
        std::string header;
        for (const std::string &c : columns)
            header += (header.empty() ? "" : ",") + c;
        for (const std::string &t : tasks)
            header += ",label:" + csvEscape(t);
        header += "\r\n";
        std::fwrite(header.data(), 1, header.size(), out);
    }

    std::int64_t written = 0;
    std::map<std::string, std::string> rowLabels;
    while (posts->step()) {
        rowLabels.clear();
        labels->reset();
        labels->bind(1, posts->int64(0));
        while (labels->step())
            rowLabels[labels->text(0)] = labels->text(1);
        std::vector<std::string> values;
        for (int c = 1; c <= 14; ++c) {
            if (c == 4 && !posts->isNull(4))
                values.push_back(formatIsoUtc(posts->int64(4)));
            else
                values.push_back(posts->text(c));
        }
        std::string line;
        if (format == Format::Csv) {
            for (std::size_t i = 0; i < values.size(); ++i)
                line += (i ? "," : "") + csvEscape(values[i]);
            for (const std::string &t : tasks)
                line += "," + csvEscape(rowLabels.count(t) ? rowLabels[t] : std::string());
            line += "\r\n";
        } else {
            nlohmann::json object;
            for (std::size_t i = 0; i < values.size(); ++i) {
                const bool numeric = columns[i] == "likes" || columns[i] == "shares" || columns[i] == "replies";
                if (values[i].empty())
                    continue;
                if (numeric)
                    object[columns[i]] = std::stoll(values[i]);
                else
                    object[columns[i]] = values[i];
            }
            if (!rowLabels.empty())
                object["labels"] = rowLabels;
            line = object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
        }
        if (std::fwrite(line.data(), 1, line.size(), out) != line.size()) {
            const std::string reason = std::strerror(errno);
            std::fclose(out);
            std::remove(temporary.c_str());
            // NOLINTNEXTLINE(performance-inefficient-string-concatenation): once, on the way out of the loop
            return Error{"cannot write '" + outputPath + "': " + reason};
        }
        ++written;
    }
    const bool failed = posts->failed();
    if (std::fclose(out) != 0 || failed) {
        std::remove(temporary.c_str());
        return Error{"export of '" + dataset + "' failed: " + (failed ? posts->lastError() : std::strerror(errno))};
    }
    if (std::rename(temporary.c_str(), outputPath.c_str()) != 0) {
        std::remove(temporary.c_str());
        return Error{"cannot move export into '" + outputPath + "': " + std::strerror(errno)};
    }
    return written;
}

} // namespace chorus
