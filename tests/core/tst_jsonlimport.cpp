// The generic JSON importer end to end: JSON Lines and top-level arrays under tests/data/jsonl
// through a real ImportJob into a temporary project, with the exact (line, reason) of every
// rejected record.
#include "socialimportcheck.h"

#include "core/import/importjob.h"
#include "core/import/importoptions.h"
#include "core/import/jsontextreader.h"
#include "core/store/project.h"
#include "core/util/inputstream.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace chorus;
using namespace socialimport;

namespace {

std::unique_ptr<Project> newProject(const QTemporaryDir &dir)
{
    auto project = Project::open(dir.filePath("p.chorus").toStdString());
    return project ? std::move(*project) : nullptr;
}

Result<ImportReport> importJson(Project &project, const std::vector<std::string> &files,
                                const FieldMapping &mapping = {}, const std::vector<LabelSpec> &labels = {})
{
    ImportOptions options;
    options.format = "jsonl";
    options.dataset = "social";
    options.mapping = mapping;
    options.labels = labels;
    options.batchSize = 3;
    ImportJob job(project, options);
    return job.run(files);
}

std::string labelsOf(Project &project)
{
    auto rows = project.db().prepare("SELECT p.source_id, l.task, l.value FROM labels l JOIN posts p ON p.id = l.post_id"
                                     " ORDER BY p.source_id, l.task");
    if (!rows)
        return "cannot query";
    std::string out;
    while (rows->step())
        out += rows->text(0) + " " + rows->text(1) + "=" + rows->text(2) + "\n";
    return out;
}

// Paths under the test data folder written as $DATA, so golden files do not depend on where the
// checkout lives.
std::string withDataFolder(std::string text)
{
    const std::string folder = CHORUS_TEST_DATA;
    for (std::size_t at = text.find(folder); at != std::string::npos; at = text.find(folder, at))
        text.replace(at, folder.size(), "$DATA");
    return text;
}

std::string writeFile(const QTemporaryDir &dir, const char *name, const std::string &content)
{
    const std::string path = dir.filePath(name).toStdString();
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

} // namespace


class JsonlImportTest : public QObject {
    Q_OBJECT

private slots:
    void importsLinesAndRejectsMalformedOnes()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        const std::string file = dataPath("jsonl/posts.jsonl");
        CHECK_REPORT(importJson(*project, {file}), 4, 0, 7);
        CHORUS_COMPARE_GOLDEN(dumpPosts(*project), dataPath("jsonl/posts.jsonl.golden"));
        QCOMPARE(dumpRejects(*project, file),
                 std::string("4\tinvalid JSON: syntax error while parsing value - invalid string: missing closing "
                             "quote; last read: '\"truncated' (column 29)\n"
                             "5\texpected a JSON object, found an array\n"
                             "6\texpected a JSON object, found a number\n"
                             "7\tinvalid UTF-8 at byte 24\n"
                             "8\tmissing required field 'text'\n"
                             "9\tlikes must be a whole number, found 'lots'\n"
                             "10\tcannot parse created_at value 'someday' as a date and time\n"));
        // Numbers become label text: "class": 1 is the label "1".
        QCOMPARE(labelsOf(*project), std::string("1 class=1\n2 label=pos\nposts.jsonl:11 sentiment=neg\n"));
    }

    void reimportStoresNothingNew()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        const std::string file = dataPath("jsonl/posts.jsonl");
        CHECK_REPORT(importJson(*project, {file}), 4, 0, 7);
        CHECK_REPORT(importJson(*project, {file}), 0, 4, 7);
        QCOMPARE(count(*project, "SELECT count(*) FROM posts"), std::int64_t(4));
        QCOMPARE(count(*project, "SELECT count(*) FROM import_log"), std::int64_t(7));
    }

    void topLevelArrayIsStreamed()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        const std::string file = dataPath("jsonl/sentiment.json");
        CHECK_REPORT(importJson(*project, {file}), 3, 0, 2);
        QCOMPARE(dumpRejects(*project, file), std::string("8\texpected a JSON object, found a number\n"
                                                          "9\tmissing required field 'text'\n"));
        // Elements without ids are named by their position in the array.
        QCOMPARE(labelsOf(*project), std::string("sentiment.json[0] class=1\nsentiment.json[1] class=-1\n"
                                                 "sentiment.json[2] class=0\n"));
        QCOMPARE(count(*project, "SELECT count(*) FROM posts WHERE text ="
                                 " 'Bracket ] and brace } in a \"string\", fine'"),
                 std::int64_t(1));
        CHECK_REPORT(importJson(*project, {file}), 0, 3, 2);
    }

    void compactArrayOnOneLine()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        const std::string file =
            writeFile(dir, "compact.json", "\xEF\xBB\xBF[{\"text\":\"a\",\"class\":1},{\"text\":\"b\",\"class\":0}]\n");
        CHECK_REPORT(importJson(*project, {file}), 2, 0, 0);
        QCOMPARE(labelsOf(*project), std::string("compact.json[0] class=1\ncompact.json[1] class=0\n"));
        const std::string withIds =
            writeFile(dir, "ids.json", "[{\"id\":1,\"text\":\"a\"},{\"id\":2,\"text\":\"b\"},{\"id\":3,\"text\":\"c\"}]");
        CHECK_REPORT(importJson(*project, {withIds}), 3, 0, 0);
    }

    void truncatedArrayKeepsWhatCameBefore()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        const std::string file = dataPath("jsonl/truncated_array.json");
        CHECK_REPORT(importJson(*project, {file}), 1, 0, 1);
        QCOMPARE(dumpRejects(*project, file),
                 std::string("2\tinvalid JSON: the top-level array starting at line 1 ends before it is complete"
                             " (truncated file?)\n"));
        QCOMPARE(labelsOf(*project), std::string("truncated_array.json[0] label=a\n"));
    }

    void mappingWithJsonPointers()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        auto mapping = FieldMapping::fromFile(dataPath("jsonl/nested_mapping.json"));
        QVERIFY2(mapping.ok(), mapping.ok() ? "" : mapping.message().c_str());
        const std::string file = dataPath("jsonl/nested.jsonl");
        CHECK_REPORT(importJson(*project, {file}, *mapping), 2, 0, 1);
        QCOMPARE(dumpRejects(*project, file),
                 std::string("2\tfield 'author' ('/user/id') holds an object, not a single value\n"));
        CHORUS_COMPARE_GOLDEN(withDataFolder(dumpPosts(*project)), dataPath("jsonl/nested.jsonl.golden"));
    }

    void unusableInputsAreErrors()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        FieldMapping mapping;
        mapping.fields["text"] = "/bad~pointer";
        auto badPointer = importJson(*project, {dataPath("jsonl/posts.jsonl")}, mapping);
        QVERIFY(!badPointer.ok());
        QVERIFY2(badPointer.message().find("'~' must be followed by 0 or 1") != std::string::npos,
                 badPointer.message().c_str());
        auto missing = importJson(*project, {dir.filePath("nope.jsonl").toStdString()});
        QVERIFY(!missing.ok());
        QCOMPARE(count(*project, "SELECT count(*) FROM posts"), std::int64_t(0));
    }

    void textReaderBoundsElements()
    {
        // An element larger than the limit is reported, and the elements after it still arrive.
        QTemporaryDir dir;
        const std::string path = writeFile(dir, "big.json",
                                           "[{\"text\": \"" + std::string(200, 'x') + "\"},\n {\"text\": \"small\"}]\n");
        auto input = InputStream::open(path);
        QVERIFY(input.ok());
        JsonTextReader reader(**input, 100);
        std::string text;
        QCOMPARE(reader.next(text), JsonTextReader::Outcome::Malformed);
        QCOMPARE(reader.line(), std::uint64_t(1));
        QCOMPARE(reader.problem(), std::string("array element starting at line 1 is larger than 100 bytes"));
        QCOMPARE(reader.next(text), JsonTextReader::Outcome::Value);
        QCOMPARE(reader.line(), std::uint64_t(2));
        QCOMPARE(text, std::string("{\"text\": \"small\"}"));
        QCOMPARE(reader.next(text), JsonTextReader::Outcome::End);
        QVERIFY(reader.arrayForm());
    }

    void textReaderRejectsTrailingContentAndEmptyElements()
    {
        QTemporaryDir dir;
        const std::string path = writeFile(dir, "odd.json", "[{\"a\":1},,{\"b\":2}]\n{\"c\":3}\n");
        auto input = InputStream::open(path);
        QVERIFY(input.ok());
        JsonTextReader reader(**input);
        std::string text;
        QCOMPARE(reader.next(text), JsonTextReader::Outcome::Value);
        QCOMPARE(text, std::string("{\"a\":1}"));
        QCOMPARE(reader.next(text), JsonTextReader::Outcome::Malformed);
        QCOMPARE(reader.problem(), std::string("invalid JSON: empty element in the top-level array"));
        QCOMPARE(reader.next(text), JsonTextReader::Outcome::Value);
        QCOMPARE(text, std::string("{\"b\":2}"));
        QCOMPARE(reader.next(text), JsonTextReader::Outcome::Malformed);
        QCOMPARE(reader.line(), std::uint64_t(2));
        QCOMPARE(reader.next(text), JsonTextReader::Outcome::End);
    }
};

QTEST_APPLESS_MAIN(JsonlImportTest)
#include "tst_jsonlimport.moc"
