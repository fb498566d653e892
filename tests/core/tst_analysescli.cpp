// chorus-cli stores what trends, opinion, profile and topics compute, and `analyses` lists, shows,
// exports, renames and deletes it, as a script sees it.
#include "clirun.h"
#include "trendsfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

class AnalysesCliTest : public QObject {
    Q_OBJECT

private:
    static CliRun cli(const QStringList &args) { return runCli(args, 60000); }

    QTemporaryDir m_dir;
    QString m_project;

    QJsonArray listed(const QStringList &extra = {})
    {
        const CliRun run = cli(QStringList{"analyses", m_project, "--json"} + extra);
        if (run.code != 0)
            qWarning("%s", run.err.constData());
        return run.json()["analyses"].toArray();
    }

private slots:
    void initTestCase()
    {
        m_project = m_dir.filePath("analyses.chorus");
        TrendsFixture f(m_project);
        const std::int64_t ann = f.user("ann-source", "Ann");
        const std::int64_t bob = f.user("bob-source", "Bob");
        // 14 days, 6 posts a day; #flood bursts on day 9; sentiment turns on day 7.
        for (int day = 0; day < 14; ++day)
            for (int i = 0; i < 6; ++i) {
                const bool flood = day == 9 ? i < 5 : i == 0;
                const std::int64_t post =
                    f.post(i % 2 ? bob : ann, TrendsFixture::kMarch1 + day * TrendsFixture::kDay + i * 1000,
                           flood ? "the river #Flood rises" : (i % 2 ? "football match tonight" : "coffee and cake"), i);
                f.label(post, "sentiment", i < (day < 7 ? 5 : 1) ? "positive" : "negative");
            }
        f.commit();
    }

    void helpAndUsage()
    {
        const CliRun help = cli({"analyses", "--help"});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.startsWith("Usage: chorus-cli analyses"));
        QVERIFY(cli({"--help"}).out.contains("analyses"));
        QCOMPARE(cli({"analyses"}).code, 2);
        QCOMPARE(cli({"analyses", m_project, "--kind", "guesswork"}).code, 2);
        QCOMPARE(cli({"analyses", m_project, "--rename", "1"}).code, 2);
        QCOMPARE(cli({"analyses", m_project, "--show", "1", "--delete", "1"}).code, 2);
        QCOMPARE(cli({"analyses", m_project, "--out", "x.json"}).code, 2);
        QCOMPARE(listed().size(), 0);
    }

    void trendsAreStoredAndShownAgain()
    {
        const CliRun run = cli({"trends", m_project, "--bursts", "--forecast", "2", "--json"});
        QVERIFY2(run.code == 0, run.err.constData());
        const QJsonObject computed = run.json();
        const qint64 id = computed["analysis_id"].toInteger();
        QVERIFY(id > 0);

        const QJsonArray list = listed();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].toObject()["id"].toInteger(), id);
        QCOMPARE(list[0].toObject()["kind"].toString(), QString("trends"));
        QCOMPARE(list[0].toObject()["name"].toString(), QString("hashtag per day"));
        QCOMPARE(list[0].toObject()["params"].toObject()["horizon"].toInt(), 2);
        const CliRun text = cli({"analyses", m_project});
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.contains("trends") && text.out.contains("hashtag per day"), text.out.constData());

        // --show gives back exactly what the computation printed (less where it printed it).
        const CliRun shown = cli({"analyses", m_project, "--show", QString::number(id), "--json"});
        QVERIFY2(shown.code == 0, shown.err.constData());
        QJsonObject expected = computed;
        expected.remove("project");
        expected.remove("analysis_id");
        const QJsonObject stored = shown.json()["result"].toObject();
        QCOMPARE(stored, expected);
        const QJsonObject flood = stored["series"].toArray()[0].toObject();
        QCOMPARE(flood["key"].toString(), QString("#flood"));
        QCOMPARE(flood["bursts"].toArray()[0].toObject()["peak"].toString(), QString("2024-03-10"));

        // Exported as JSON and as the bucket table.
        const QString json = m_dir.filePath("trends.json");
        const QString csv = m_dir.filePath("trends.csv");
        QCOMPARE(cli({"analyses", m_project, "--show", QString::number(id), "--out", json, "--csv", csv}).code, 0);
        QFile jsonFile(json);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(jsonFile.readAll()).object(), expected);
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        QCOMPARE(csvFile.readLine().trimmed(), QByteArray("bucket,bucket_start,posts,#flood"));
        QCOMPARE(csvFile.readAll().count('\n'), 14);

        // The same question again refreshes the stored answer; --no-store stores nothing.
        const CliRun again = cli({"trends", m_project, "--bursts", "--forecast", "2", "--json"});
        QCOMPARE(again.code, 0);
        QVERIFY(again.json()["analysis_id"].toInteger() > id);
        QCOMPARE(listed().size(), 1);
        const CliRun unstored = cli({"trends", m_project, "--top", "1", "--no-store", "--json"});
        QCOMPARE(unstored.code, 0);
        QVERIFY(!unstored.json().contains("analysis_id"));
        QCOMPARE(listed().size(), 1);
    }

    void opinionProfileAndTopicsAreStoredToo()
    {
        const CliRun opinion = cli({"trends", m_project, "--opinion", "sentiment", "--forecast", "3", "--name",
                                    "mood", "--json"});
        QVERIFY2(opinion.code == 0, opinion.err.constData());
        QCOMPARE(opinion.json()["forecasts"].toObject()["positive"].toObject()["points"].toArray().size(), 3);
        const qint64 opinionId = opinion.json()["analysis_id"].toInteger();

        const CliRun profile = cli({"profile", m_project, "--user", "2", "--similar", "1", "--privacy", "--json"});
        QVERIFY2(profile.code == 0, profile.err.constData());
        const qint64 profileId = profile.json()["analysis_id"].toInteger();
        QVERIFY(profileId > 0);

        const CliRun topics = cli({"topics", m_project, "--k", "2", "--min-count", "1", "--max-df", "0.9", "--json"});
        QVERIFY2(topics.code == 0, topics.err.constData());
        QVERIFY(topics.json()["analysis_id"].toInteger() > 0);

        QCOMPARE(listed().size(), 4);
        const QJsonArray opinions = listed({"--kind", "opinion"});
        QCOMPARE(opinions.size(), 1);
        QCOMPARE(opinions[0].toObject()["name"].toString(), QString("mood"));
        QCOMPARE(listed({"--kind", "topics"}).size(), 1);
        QCOMPARE(listed({"--dataset", "posts"}).size(), 1); // the topics run named its dataset

        // A profile stored under privacy holds no source id or name.
        const CliRun shown = cli({"analyses", m_project, "--show", QString::number(profileId), "--json"});
        QCOMPARE(shown.code, 0);
        for (const char *secret : {"ann-source", "bob-source", "Ann", "Bob"})
            QVERIFY2(!shown.out.contains(secret), secret);
        QCOMPARE(shown.json()["result"].toObject()["similar"].toArray().size(), 1);
        // Only trends and opinion have a bucket table.
        QCOMPARE(cli({"analyses", m_project, "--show", QString::number(profileId), "--csv", m_dir.filePath("p.csv")}).code, 1);

        // Renamed, then deleted.
        const CliRun renamed = cli({"analyses", m_project, "--rename", QString::number(opinionId), "--name", "turn", "--json"});
        QCOMPARE(renamed.code, 0);
        QCOMPARE(listed({"--kind", "opinion"})[0].toObject()["name"].toString(), QString("turn"));
        QCOMPARE(cli({"analyses", m_project, "--delete", QString::number(opinionId), "--json"}).code, 0);
        QCOMPARE(listed({"--kind", "opinion"}).size(), 0);
        QCOMPARE(cli({"analyses", m_project, "--delete", QString::number(opinionId)}).code, 1);
        QCOMPARE(cli({"analyses", m_project, "--show", "99999"}).code, 1);
        QCOMPARE(listed().size(), 3);
    }
};

QTEST_GUILESS_MAIN(AnalysesCliTest)
#include "tst_analysescli.moc"
