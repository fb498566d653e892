// Real public data (fetched by packaging/setup.sh data, never committed): the 3,000 labelled
// review sentences of the npm package `sentiment`, imported as a user would.
#include "core/import/importjob.h"
#include "core/store/project.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

class RealDataTest : public QObject {
    Q_OBJECT

private slots:
    void sentimentSentences()
    {
        const QDir root(CHORUS_REAL_DATA "/sentiment");
        if (!root.exists("yelp.json"))
            QFAIL(qPrintable("real data missing in " + root.path() + ": run packaging/setup.sh data"));
        QTemporaryDir dir;
        auto project = Project::open(dir.filePath("real.chorus").toStdString());
        QVERIFY(project.ok());
        ImportOptions options;
        options.format = "jsonl";
        options.dataset = "reviews";
        options.labels.push_back({"sentiment", "class"});
        ImportJob job(**project, options);
        std::vector<std::string> files;
        for (const char *name : {"amazon.json", "imdb.json", "yelp.json"})
            files.push_back(root.filePath(name).toStdString());
        auto report = job.run(files);
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        // Each file ends with an empty entry ({"text": "", "class": null}): rejected, not stored.
        QCOMPARE(report->rejected, std::int64_t(3));
        QCOMPARE(report->imported, std::int64_t(3000));
        for (const ImportError &e : report->errors)
            QVERIFY2(e.reason.find("text") != std::string::npos, e.reason.c_str());
        SqliteDatabase &db = (*project)->db();
        QCOMPARE(*db.queryInt("SELECT count(*) FROM labels WHERE task = 'sentiment' AND value = '1'"), std::int64_t(1500));
        QCOMPARE(*db.queryInt("SELECT count(*) FROM labels WHERE task = 'sentiment' AND value = '0'"), std::int64_t(1500));
        QVERIFY((*project)->search("disappointed")->size() > 5);
    }
};

QTEST_GUILESS_MAIN(RealDataTest)
#include "tst_realdata.moc"
