#pragma once

// Shared by the Twitter and Reddit import tests: runs a real ImportJob into a project and renders
// what it stored in the layout of the hand-written *.golden files under tests/data.

#include "core/import/importjob.h"
#include "core/store/project.h"

#include <QtTest>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace socialimport {

inline std::string dataPath(const std::string &relative) { return std::string(CHORUS_TEST_DATA) + "/" + relative; }

inline std::string readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline chorus::Result<chorus::ImportReport> runImport(chorus::Project &project, const std::string &format,
                                                      const std::vector<std::string> &files,
                                                      const std::vector<chorus::LabelSpec> &labels = {},
                                                      const std::string &dataset = "social")
{
    chorus::ImportOptions options;
    options.format = format;
    options.dataset = dataset;
    options.labels = labels;
    options.batchSize = 3; // several transactions even for small fixtures
    chorus::ImportJob job(project, options);
    return job.run(files);
}

inline std::string escaped(const std::string &text)
{
    std::string out;
    for (char c : text) {
        if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c == '\t')
            out += "\\t";
        else
            out += c;
    }
    return out;
}

inline std::string columnOrNull(const chorus::SqliteStatement &row, int column)
{
    return row.isNull(column) ? std::string("NULL") : escaped(row.text(column));
}

// Every stored post of the dataset, ordered by source id, with its author, media and labels.
inline std::string dumpPosts(chorus::Project &project, const std::string &dataset = "social")
{
    auto posts = project.db().prepare(
        "SELECT p.id, p.source_id, u.source_id, u.name, u.extras, p.created_at, p.language, p.reply_to,"
        " p.thread_id, p.likes, p.shares, p.replies, p.client_app, p.text, p.extras"
        " FROM posts p JOIN datasets d ON d.id = p.dataset_id LEFT JOIN users u ON u.id = p.author_id"
        " WHERE d.name = ? ORDER BY p.source_id");
    auto media = project.db().prepare(
        "SELECT kind, path, width, height, duration FROM media WHERE post_id = ? ORDER BY id");
    auto labels = project.db().prepare("SELECT task, value FROM labels WHERE post_id = ? ORDER BY task");
    if (!posts || !media || !labels)
        return "cannot query the project";
    static const char *names[] = {"author",   "author_name", "author_extras", "created_at", "language",
                                  "reply_to", "thread_id",   "likes",         "shares",     "replies",
                                  "client_app", "text",      "extras"};
    std::string out;
    posts->bind(1, dataset);
    while (posts->step()) {
        out += "[" + posts->text(1) + "]\n";
        for (int i = 0; i < 13; ++i)
            out += std::string(names[i]) + " = " + columnOrNull(*posts, i + 2) + "\n";
        media->reset();
        media->bind(1, posts->int64(0));
        while (media->step()) {
            out += "media = " + media->text(0) + " " + media->text(1);
            if (!media->isNull(2) && !media->isNull(3))
                out += " " + media->text(2) + "x" + media->text(3);
            if (!media->isNull(4)) {
                std::ostringstream seconds;
                seconds.precision(10);
                seconds << media->real(4);
                out += " " + seconds.str() + "s";
            }
            out += "\n";
        }
        labels->reset();
        labels->bind(1, posts->int64(0));
        while (labels->step())
            out += "label " + labels->text(0) + " = " + labels->text(1) + "\n";
        out += "\n";
    }
    return out;
}

// "LINE<TAB>REASON" for every import_log row of the dataset; each row must name `file`.
inline std::string dumpRejects(chorus::Project &project, const std::string &file, const std::string &dataset = "social")
{
    auto rows = project.db().prepare("SELECT l.file, l.line, l.reason FROM import_log l"
                                     " JOIN datasets d ON d.id = l.dataset_id WHERE d.name = ? ORDER BY l.line, l.id");
    if (!rows)
        return "cannot query the project";
    rows->bind(1, dataset);
    std::string out;
    while (rows->step()) {
        if (rows->text(0) != file)
            out += "(logged for another file: " + rows->text(0) + ") ";
        out += rows->text(1) + "\t" + rows->text(2) + "\n";
    }
    return out;
}

// Empty when actual matches the golden file, else where they first differ.
inline std::string goldenDifference(const std::string &actual, const std::string &goldenPath)
{
    const std::string expected = readFile(goldenPath);
    if (expected == actual)
        return {};
    std::istringstream a(actual), e(expected);
    std::string lineA, lineE;
    for (int number = 1;; ++number) {
        const bool moreA = static_cast<bool>(std::getline(a, lineA));
        const bool moreE = static_cast<bool>(std::getline(e, lineE));
        if (!moreA && !moreE)
            return goldenPath + ": differs only in line endings";
        if (!moreA || !moreE || lineA != lineE)
            return goldenPath + ":" + std::to_string(number) + "\n  expected: " + (moreE ? lineE : "<end>") +
                   "\n  actual:   " + (moreA ? lineA : "<end>") + "\n--- whole actual output ---\n" + actual;
    }
}

inline std::int64_t count(chorus::Project &project, const std::string &sql)
{
    auto value = project.db().queryInt(sql, -1);
    return value ? *value : -1;
}

} // namespace socialimport

#define CHORUS_COMPARE_GOLDEN(actual, golden)                                                                   \
    do {                                                                                                        \
        const std::string difference_ = socialimport::goldenDifference((actual), (golden));                    \
        QVERIFY2(difference_.empty(), difference_.c_str());                                                    \
    } while (false)

// Checks an import report's counts; evaluates `report` once (it may run an import).
#define CHECK_REPORT(report, imported_, duplicates_, rejected_)                                                 \
    do {                                                                                                        \
        const auto &checked_ = (report);                                                                        \
        QVERIFY2(checked_.ok(), checked_.ok() ? "" : checked_.message().c_str());                               \
        QCOMPARE(checked_->imported, std::int64_t(imported_));                                                  \
        QCOMPARE(checked_->duplicates, std::int64_t(duplicates_));                                              \
        QCOMPARE(checked_->rejected, std::int64_t(rejected_));                                                  \
    } while (false)
