// The interactions importer end to end: rating and event files under tests/data/interactions
// through a real ImportJob into a temporary project.
#include "socialimportcheck.h"

#include "core/import/importjob.h"
#include "core/store/project.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;
using namespace socialimport;

namespace {

std::unique_ptr<Project> newProject(const QTemporaryDir &dir)
{
    auto project = Project::open(dir.filePath("p.chorus").toStdString());
    return project ? std::move(*project) : nullptr;
}

Result<ImportReport> importInteractions(Project &project, const std::vector<std::string> &files,
                                        const std::string &dataset = "social")
{
    ImportOptions options;
    options.format = "interactions";
    options.dataset = dataset;
    options.batchSize = 3;
    ImportJob job(project, options);
    return job.run(files);
}

// "user item kind weight time" per stored interaction, in a stable order.
std::string interactionsOf(Project &project)
{
    auto rows = project.db().prepare("SELECT u.source_id, i.item, i.kind, i.weight, i.created_at FROM interactions i"
                                     " JOIN users u ON u.id = i.user_id ORDER BY u.source_id, i.item, i.created_at");
    if (!rows)
        return "cannot query";
    std::string out;
    while (rows->step()) {
        QString weight = QString::number(rows->real(3));
        out += rows->text(0) + " " + rows->text(1) + " " + rows->text(2) + " " + weight.toStdString() + " " +
               rows->text(4) + "\n";
    }
    return out;
}

std::string itemsOf(Project &project)
{
    auto rows = project.db().prepare("SELECT source_id, title, extras FROM items ORDER BY source_id");
    if (!rows)
        return "cannot query";
    std::string out;
    while (rows->step())
        out += rows->text(0) + " | " + rows->text(1) + " | " + (rows->isNull(2) ? "NULL" : rows->text(2)) + "\n";
    return out;
}

} // namespace


class InteractionImportTest : public QObject {
    Q_OBJECT

private slots:
    void importsRatingsWithItemMetadata()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        const std::string file = dataPath("interactions/ratings.csv");
        CHECK_REPORT(importInteractions(*project, {file}), 4, 0, 4);
        QCOMPARE(interactionsOf(*project), std::string("1 10 rating 4.5 964982703\n"
                                                       "1 20 rating 3 964982224\n"
                                                       "2 10 rating 5 1577836800\n"
                                                       "5 60 rating 1 0\n"));
        QCOMPARE(dumpRejects(*project, file), std::string("5\trating must be a number, found 'great'\n"
                                                          "6\tcannot parse timestamp value 'tomorrow' as a date and time\n"
                                                          "7\tmissing required field 'userId'\n"
                                                          "8\texpected 6 fields, found 3\n"));
        // Items of accepted rows only, each once, with the other columns as extras.
        QCOMPARE(itemsOf(*project), std::string("10 | Toy Story (1995) | {\"genres\":\"Animation|Children\"}\n"
                                                "20 | Jumanji (1995) | {\"genres\":\"Adventure\"}\n"
                                                "60 | Quoted, title | {\"genres\":\"Drama\"}\n"));
        auto datasets = project->datasets();
        QVERIFY(datasets.ok());
        QCOMPARE(datasets->size(), std::size_t(1));
        QCOMPARE(datasets->front().kind, std::string("interactions"));
        QCOMPARE(datasets->front().interactions, std::int64_t(4));
    }

    void reimportStoresNothingNew()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        const std::string file = dataPath("interactions/ratings.csv");
        CHECK_REPORT(importInteractions(*project, {file}), 4, 0, 4);
        CHECK_REPORT(importInteractions(*project, {file}), 0, 4, 4);
        QCOMPARE(count(*project, "SELECT count(*) FROM interactions"), std::int64_t(4));
        QCOMPARE(count(*project, "SELECT count(*) FROM items"), std::int64_t(3));
        QCOMPARE(count(*project, "SELECT count(*) FROM import_log"), std::int64_t(4));
    }

    void eventsWithKindsAndDefaults()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        // Tab-separated, no weight column: weight 1; an empty kind or time keeps the defaults.
        CHECK_REPORT(importInteractions(*project, {dataPath("interactions/events.tsv")}), 3, 0, 0);
        QCOMPARE(interactionsOf(*project), std::string("anna song1 play 1 1622548800\n"
                                                       "anna song2 rating 1 0\n"
                                                       "ben song1 skip 1 1622548800\n"));
        // Without descriptive columns no items are written.
        QCOMPARE(count(*project, "SELECT count(*) FROM items"), std::int64_t(0));
    }

    void malformedRows()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        const std::string noItem = dataPath("interactions/noitem.csv");
        CHECK_REPORT(importInteractions(*project, {noItem}), 0, 0, 1);
        QCOMPARE(dumpRejects(*project, noItem), std::string("2\tmissing required field 'item'\n"));

        QTemporaryDir dir2;
        auto project2 = newProject(dir2);
        QVERIFY(project2);
        const std::string badBytes = dataPath("interactions/utf8.csv");
        CHECK_REPORT(importInteractions(*project2, {badBytes}), 1, 0, 1);
        QCOMPARE(dumpRejects(*project2, badBytes), std::string("3\tinvalid UTF-8 in column 'user'\n"));
    }

    void unusableInputsAreErrors()
    {
        QTemporaryDir dir;
        auto project = newProject(dir);
        QVERIFY(project);
        auto noUser = importInteractions(*project, {dataPath("interactions/noheader.csv")});
        QVERIFY(!noUser.ok());
        QVERIFY2(noUser.message().find("no user column") != std::string::npos, noUser.message().c_str());

        ImportOptions options;
        options.format = "interactions";
        options.dataset = "social";
        options.mapping.fields["text"] = "title";
        ImportJob job(*project, options);
        auto mapped = job.run({dataPath("interactions/ratings.csv")});
        QVERIFY(!mapped.ok());
        QCOMPARE(count(*project, "SELECT count(*) FROM interactions"), std::int64_t(0));
    }
};

QTEST_APPLESS_MAIN(InteractionImportTest)
#include "tst_interactionimport.moc"
