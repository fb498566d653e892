// chorus-cli trends and profile as a script sees them: --json output, CSV files, privacy.
#include "clirun.h"
#include "trendsfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

class AnalyticsCliTest : public QObject {
    Q_OBJECT

private:
    using Run = CliRun;

    static Run cli(const QStringList &args) { return runCli(args, 60000); }

    QTemporaryDir m_dir;
    QString m_project;

private slots:
    void initTestCase()
    {
        m_project = m_dir.filePath("cli.chorus");
        TrendsFixture f(m_project);
        const std::int64_t ann = f.user("ann-source", "Ann");
        const std::int64_t bob = f.user("bob-source", "Bob");
        // 20 days, 10 posts a day; #flood bursts on days 8 and 9; sentiment turns on day 10.
        for (int day = 0; day < 20; ++day)
            for (int i = 0; i < 10; ++i) {
                const bool flood = (day == 8 || day == 9) ? i < 8 : i == 0;
                const std::int64_t post =
                    f.post(i % 2 ? bob : ann, TrendsFixture::kMarch1 + day * TrendsFixture::kDay + i * 1000,
                           flood ? "the river #Flood rises" : "sunny walk in the park", i * 3, 1, 0);
                f.label(post, "sentiment", i < (day < 10 ? 7 : 2) ? "positive" : "negative");
            }
        f.commit();
    }

    void trendsJson()
    {
        const QString csv = m_dir.filePath("trends.csv");
        const Run run = cli({"trends", m_project, "--bursts", "--forecast", "3", "--csv", csv, "--json"});
        QVERIFY2(run.code == 0, run.err.constData());
        const QJsonObject json = run.json();
        QCOMPARE(json["kind"].toString(), QString("hashtag"));
        QCOMPARE(json["buckets"].toArray().size(), 20);
        QCOMPARE(json["buckets"].toArray()[0].toString(), QString("2024-03-01"));
        const QJsonObject flood = json["series"].toArray()[0].toObject();
        QCOMPARE(flood["key"].toString(), QString("#flood"));
        QCOMPARE(flood["total"].toInt(), 18 + 16);
        const QJsonArray bursts = flood["bursts"].toArray();
        QCOMPARE(bursts.size(), 1);
        QCOMPARE(bursts[0].toObject()["start"].toString(), QString("2024-03-09"));
        QCOMPARE(bursts[0].toObject()["end"].toString(), QString("2024-03-10"));
        QCOMPARE(bursts[0].toObject()["top_posts"].toArray().size(), 3);
        QCOMPARE(bursts[0].toObject()["top_posts"].toArray()[0].toObject()["likes"].toInt(), 21);
        const QJsonArray forecast = flood["forecast"].toObject()["points"].toArray();
        QCOMPARE(forecast.size(), 3);
        QCOMPARE(forecast[0].toObject()["bucket"].toString(), QString("2024-03-21"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readLine().startsWith("bucket,bucket_start,posts,#flood"));

        const Run opinion = cli({"trends", m_project, "--opinion", "sentiment", "--json"});
        QVERIFY2(opinion.code == 0, opinion.err.constData());
        const QJsonObject shift = opinion.json()["shift"].toObject();
        QCOMPARE(shift["bucket"].toString(), QString("2024-03-11"));
        QCOMPARE(shift["most_changed"].toString(), QString("negative"));
        QVERIFY(std::abs(shift["shares_before"].toObject()["positive"].toDouble() - 0.7) < 1e-9);
        QVERIFY(std::abs(opinion.json()["shares"].toObject()["positive"].toArray()[15].toDouble() - 0.2) < 1e-9);

        const Run labels = cli({"trends", m_project, "--kind", "label", "--task", "sentiment", "--resolution", "week", "--json"});
        QCOMPARE(labels.code, 0);
        QCOMPARE(labels.json()["buckets"].toArray()[0].toString(), QString("2024-W09"));

        QCOMPARE(cli({"trends", m_project, "--kind", "label"}).code, 2);
        QCOMPARE(cli({"trends", m_project, "--resolution", "month"}).code, 2);
        QCOMPARE(cli({"trends", m_project, "--opinion", "stance", "--json"}).code, 1);
    }

    void profileJson()
    {
        const Run run = cli({"profile", m_project, "--user", "Ann", "--similar", "1", "--resolution", "day", "--json"});
        QVERIFY2(run.code == 0, run.err.constData());
        const QJsonObject json = run.json();
        QCOMPARE(json["user"].toObject()["source_id"].toString(), QString("ann-source"));
        QCOMPARE(json["posts"].toInt(), 100);
        QCOMPARE(json["activity"].toObject()["posts"].toArray().size(), 20);
        QCOMPARE(json["labels"].toArray()[0].toObject()["task"].toString(), QString("sentiment"));
        QCOMPARE(json["similar"].toArray()[0].toObject()["display"].toString(), QString("Bob"));
        QCOMPARE(json["first_post"].toString(), QString("2024-03-01T00:00:00Z"));

        const QString csv = m_dir.filePath("users.csv");
        const Run hidden = cli({"profile", m_project, "--user", "2", "--similar", "1", "--privacy", "--features-csv", csv,
                                "--tasks", "sentiment", "--json"});
        QVERIFY2(hidden.code == 0, hidden.err.constData());
        for (const char *secret : {"ann-source", "bob-source", "Ann", "Bob"})
            QVERIFY2(!hidden.out.contains(secret), secret);
        const QJsonObject user = hidden.json()["user"].toObject();
        QVERIFY(!user.contains("source_id"));
        QCOMPARE(user["display"].toString().size(), 16);
        QCOMPARE(hidden.json()["features"].toObject()["rows"].toInt(), 2);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY(content.startsWith("user,user_id,first_post,last_post,posts,"));
        QVERIFY(!content.contains("ann-source") && !content.contains("Bob"));

        QCOMPARE(cli({"profile", m_project, "--user", "ann-source", "--privacy", "--json"}).code, 1);
        QCOMPARE(cli({"profile", m_project}).code, 2);
    }
};

QTEST_GUILESS_MAIN(AnalyticsCliTest)
#include "tst_analyticscli.moc"
