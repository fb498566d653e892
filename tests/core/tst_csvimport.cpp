// The CSV/TSV importer end to end: files under tests/data/csv through a real ImportJob into a
// temporary project; stored posts are compared with hand-checked golden files, rejected rows with
// the exact (line, reason) pairs they must produce.
#include "socialimportcheck.h"

#include "core/import/importjob.h"
#include "core/import/importoptions.h"
#include "core/store/project.h"

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

Result<ImportReport> importCsv(Project &project, const std::string &format, const std::vector<std::string> &files,
                               const FieldMapping &mapping = {}, const std::vector<LabelSpec> &labels = {})
{
    ImportOptions options;
    options.format = format;
    options.dataset = "social";
    options.mapping = mapping;
    options.labels = labels;
    options.batchSize = 3; // several transactions even for small fixtures
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

} // namespace


class CsvImportTest : public QObject {
    Q_OBJECT

private slots:
    void importsGuessedColumnsAndRejectsBadRows()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        const std::string file = dataPath("csv/posts.csv");
        auto report = importCsv(*project, "csv", {file});
        CHECK_REPORT(report, 4, 0, 5);
        CHORUS_COMPARE_GOLDEN(dumpPosts(*project), dataPath("csv/posts.csv.golden"));
        QCOMPARE(dumpRejects(*project, file),
                 std::string("5\tlikes must be a whole number, found 'many'\n"
                             "6\tcannot parse created_at value 'yesterday' as a date and time\n"
                             "7\tmissing required field 'text'\n"
                             "8\texpected 9 fields, found 3\n"
                             "9\tinvalid UTF-8 in column 'text'\n"));
        // The report carries the same rows.
        QCOMPARE(report->errors.size(), std::size_t(5));
        QCOMPARE(report->errors[0].file, file);
        QCOMPARE(report->errors[0].line, std::uint64_t(5));
        QCOMPARE(labelsOf(*project), std::string("1 label=pos\n2 label=neg\n8 label=pos\n9 label=neg\n"));
    }

    void reimportStoresNothingNew()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        const std::string file = dataPath("csv/posts.csv");
        CHECK_REPORT(importCsv(*project, "csv", {file}), 4, 0, 5);
        auto again = importCsv(*project, "csv", {file});
        CHECK_REPORT(again, 0, 4, 5);
        QCOMPARE(count(*project, "SELECT count(*) FROM posts"), std::int64_t(4));
        QCOMPARE(count(*project, "SELECT count(*) FROM labels"), std::int64_t(4));
        // A rejected row is logged once however often it is seen.
        QCOMPARE(count(*project, "SELECT count(*) FROM import_log"), std::int64_t(5));
    }

    void missingIdsAreSynthesisedStably()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        const std::string file = dataPath("csv/noid.csv");
        CHECK_REPORT(importCsv(*project, "csv", {file}), 3, 0, 0);
        QCOMPARE(labelsOf(*project), std::string("noid.csv:2 label=1\nnoid.csv:3 label=0\nnoid.csv:4 label=1\n"));
        CHECK_REPORT(importCsv(*project, "csv", {file}), 0, 3, 0);
        QCOMPARE(count(*project, "SELECT count(*) FROM posts"), std::int64_t(3));
    }

    void semicolonFileWithBomAndCrlf()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        const std::string file = dataPath("csv/semicolon.csv");
        CHECK_REPORT(importCsv(*project, "csv", {file}), 2, 0, 1);
        QCOMPARE(dumpRejects(*project, file), std::string("4\tlikes must be a whole number, found '1,5'\n"));
        CHORUS_COMPARE_GOLDEN(dumpPosts(*project), dataPath("csv/semicolon.csv.golden"));
    }

    void tsvFormat()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        const std::string file = dataPath("csv/posts.tsv");
        CHECK_REPORT(importCsv(*project, "tsv", {file}), 2, 0, 1);
        QCOMPARE(dumpRejects(*project, file), std::string("4\texpected 4 fields, found 5\n"));
        QCOMPARE(count(*project, "SELECT count(*) FROM posts WHERE text = 'commas, are, plain text here'"),
                 std::int64_t(1));
        QCOMPARE(count(*project, "SELECT count(*) FROM posts WHERE text = 'quoted' || char(9) || 'tab'"),
                 std::int64_t(1));
        QCOMPARE(labelsOf(*project), std::string("t1 label=yes\nt2 label=no\n"));
    }

    void unterminatedQuoteIsRejected()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        const std::string file = dataPath("csv/unterminated.csv");
        CHECK_REPORT(importCsv(*project, "csv", {file}), 1, 0, 1);
        QCOMPARE(dumpRejects(*project, file), std::string("3\tunterminated quoted field starting at line 3\n"));
    }

    void mappingFile()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        auto mapping = FieldMapping::fromFile(dataPath("csv/mapping.json"));
        QVERIFY2(mapping.ok(), mapping.ok() ? "" : mapping.message().c_str());
        const std::string file = dataPath("csv/mapped.csv");
        // m3 has neither text nor a picture; m2 has no text but a picture, which is enough.
        CHECK_REPORT(importCsv(*project, "csv", {file}, *mapping), 3, 0, 1);
        QCOMPARE(dumpRejects(*project, file), std::string("4\tmissing required field 'text'\n"));
        QCOMPARE(labelsOf(*project), std::string("m1 label=L1\nm1 mood=happy\nm1 topic=sports\nm1 who=p1\n"
                                                 "m2 label=L2\nm2 mood=sad\nm2 topic=news\nm2 who=p2\n"
                                                 "m4 mood=calm\nm4 who=p1\n"));
        // Relative media paths are resolved against the CSV's folder, not the working directory.
        QCOMPARE(queryMedia(*project, "m1"), dataPath("csv/img/a.png"));
        QCOMPARE(queryMedia(*project, "m2"), dataPath("csv/img/b.jpg"));
        QCOMPARE(queryMedia(*project, "m4"), std::string("https://example.org/c.png"));
        auto extras = project->db().queryText("SELECT extras FROM posts WHERE source_id = 'm1'", "");
        QVERIFY(extras.ok());
        QCOMPARE(*extras, std::string(R"({"Extra1":"x1"})"));
        // With explicit fields nothing is guessed: "Mood" stays a label, no column becomes likes.
        QCOMPARE(count(*project, "SELECT count(*) FROM posts WHERE likes IS NOT NULL"), std::int64_t(0));
        QCOMPARE(count(*project, "SELECT created_at FROM posts WHERE source_id = 'm1'"), std::int64_t(1643767322));
    }

    void labelsFromOptionsAndCanonicalFields()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        // A column and a canonical post field (language comes from the guessed "lang" column).
        CHECK_REPORT(importCsv(*project, "csv", {dataPath("csv/posts.csv")}, {},
                               {{"language_label", "language"}, {"handle", "screen_name"}}),
                     4, 0, 5);
        QCOMPARE(count(*project, "SELECT count(*) FROM labels WHERE task = 'language_label'"), std::int64_t(4));
        QCOMPARE(count(*project, "SELECT count(*) FROM labels WHERE task = 'language_label' AND value = 'fr'"),
                 std::int64_t(1));
        QCOMPARE(count(*project, "SELECT count(*) FROM labels WHERE task = 'handle' AND value = 'alice'"),
                 std::int64_t(2));
        // The "label" column still becomes the "label" task.
        QCOMPARE(count(*project, "SELECT count(*) FROM labels WHERE task = 'label'"), std::int64_t(4));
    }

    void unusableInputsAreErrors()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        auto noText = importCsv(*project, "csv", {dataPath("csv/nontext.csv")});
        QVERIFY(!noText.ok());
        QVERIFY2(noText.message().find("no text column") != std::string::npos, noText.message().c_str());

        FieldMapping mapping;
        mapping.fields["text"] = "no such column";
        auto badMapping = importCsv(*project, "csv", {dataPath("csv/posts.csv")}, mapping);
        QVERIFY(!badMapping.ok());
        QVERIFY2(badMapping.message().find("no column 'no such column' for field 'text'") != std::string::npos,
                 badMapping.message().c_str());

        auto badLabel = importCsv(*project, "csv", {dataPath("csv/posts.csv")}, {}, {{"x", "nowhere"}});
        QVERIFY(!badLabel.ok());
        QVERIFY2(badLabel.message().find("nowhere") != std::string::npos, badLabel.message().c_str());

        const std::string empty = dir.filePath("empty.csv").toStdString();
        std::ofstream(empty).close();
        auto emptyReport = importCsv(*project, "csv", {empty});
        QVERIFY(!emptyReport.ok());
        QVERIFY2(emptyReport.message().find("is empty") != std::string::npos, emptyReport.message().c_str());

        QCOMPARE(count(*project, "SELECT count(*) FROM posts"), std::int64_t(0));
    }

    void cancelStopsTheRead()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        const std::string file = dir.filePath("big.csv").toStdString();
        {
            std::ofstream out(file);
            out << "id,text\n";
            for (int i = 0; i < 5000; ++i)
                out << i << ",row " << i << "\n";
        }
        ImportOptions options;
        options.format = "csv";
        options.dataset = "social";
        options.batchSize = 100;
        ImportJob job(*project, options);
        int calls = 0;
        auto report = job.run({file}, [&](const ImportProgress &) { return ++calls < 1; });
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        QVERIFY(report->cancelled);
        QVERIFY(report->imported < 5000);
    }

private:
    static std::string queryMedia(Project &project, const std::string &sourceId)
    {
        auto path = project.db().queryText(
            "SELECT m.path FROM media m JOIN posts p ON p.id = m.post_id WHERE p.source_id = '" + sourceId + "'",
            "<none>");
        return path ? *path : path.message();
    }
};

QTEST_APPLESS_MAIN(CsvImportTest)
#include "tst_csvimport.moc"
