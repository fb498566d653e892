// Time buckets, hashtag and term extraction, zero-filled trend series, and burst detection on a
// planted burst.
#include "trendsfixture.h"

#include "core/analytics/burstdetector.h"
#include "core/analytics/hashtagextractor.h"
#include "core/analytics/timebucket.h"
#include "core/analytics/trendquery.h"
#include "core/util/timeparse.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

class TrendsTest : public QObject {
    Q_OBJECT

private:
    static std::int64_t at(const char *iso) { return *parseTimestamp(iso); }

private slots:
    void bucketStartsAndLabels()
    {
        // ISO weeks start on Monday: Sunday 2024-03-03 late belongs to the week of 2024-02-26.
        QCOMPARE(TimeBucket::start(at("2024-03-03T23:59:59Z"), TimeResolution::Week), at("2024-02-26T00:00:00Z"));
        QCOMPARE(TimeBucket::start(at("2024-03-04T00:00:00Z"), TimeResolution::Week), at("2024-03-04T00:00:00Z"));
        QCOMPARE(TimeBucket::label(at("2024-03-04T00:00:00Z"), TimeResolution::Week), std::string("2024-W10"));
        // Week-numbering years differ from calendar years at the edges.
        QCOMPARE(TimeBucket::label(at("2024-12-31T12:00:00Z"), TimeResolution::Week), std::string("2025-W01"));
        QCOMPARE(TimeBucket::label(at("2021-01-03T12:00:00Z"), TimeResolution::Week), std::string("2020-W53"));
        QCOMPARE(TimeBucket::label(at("2024-01-01T00:00:00Z"), TimeResolution::Week), std::string("2024-W01"));
        QCOMPARE(TimeBucket::start(at("2024-03-01T10:59:59Z"), TimeResolution::Hour), at("2024-03-01T10:00:00Z"));
        QCOMPARE(TimeBucket::label(at("2024-03-01T10:30:00Z"), TimeResolution::Hour), std::string("2024-03-01T10:00Z"));
        QCOMPARE(TimeBucket::label(at("2024-02-29T23:59:59Z"), TimeResolution::Day), std::string("2024-02-29"));
        // Before 1970 the bucket still floors.
        QCOMPARE(TimeBucket::start(-1, TimeResolution::Day), std::int64_t(-86400));
        QCOMPARE(TimeBucket::label(-1, TimeResolution::Day), std::string("1969-12-31"));
        QCOMPARE(TimeBucket::range(at("2024-03-01T23:00:00Z"), at("2024-03-04T01:00:00Z"), TimeResolution::Day).size(),
                 std::size_t(4));
        QVERIFY(TimeBucket::range(10, 5, TimeResolution::Day).empty());
        QVERIFY(!TimeBucket::parseResolution("month").ok());
    }

    void sqlBucketMatchesCpp()
    {
        QTemporaryDir dir;
        TrendsFixture fixture(dir.filePath("sql.chorus"));
        for (TimeResolution r : {TimeResolution::Hour, TimeResolution::Day, TimeResolution::Week}) {
            auto statement = std::move(*fixture.project().db().prepare("SELECT " + TimeBucket::sqlExpression("?1", r)));
            for (std::int64_t t : {std::int64_t(-700000), std::int64_t(-1), std::int64_t(0), std::int64_t(345600),
                                   at("2024-03-03T23:59:59Z"), at("2024-03-04T00:00:00Z"), at("2024-12-31T12:00:00Z")}) {
                statement.reset();
                statement.bind(1, t);
                QVERIFY(statement.step());
                QCOMPARE(statement.int64(0), TimeBucket::start(t, r));
            }
        }
    }

    void hashtagsAreCaseFoldedAndCjkSafe()
    {
        const HashtagExtractor tags;
        QCOMPARE(tags.extract("#Rain and #rain and \xEF\xBC\x83RAIN again"), std::vector<std::string>{"#rain"});
        QCOMPARE(tags.extract(u8"今天#春节快乐 好"), std::vector<std::string>{u8"#春节快乐"});
        QCOMPARE(tags.extract("we are #1 in C# http://x.org/#frag"), std::vector<std::string>{});
        QCOMPARE(tags.extract("#Écoles #ÉCOLES"), std::vector<std::string>{u8"#écoles"});
        QCOMPARE(tags.normalize("Rain"), std::string("#rain"));
        QCOMPARE(tags.normalize("#RAIN"), std::string("#rain"));
        QVERIFY(tags.normalize("two words").empty());
    }

    void seriesAreZeroFilled()
    {
        QTemporaryDir dir;
        TrendsFixture fixture(dir.filePath("gaps.chorus"));
        const std::int64_t d0 = TrendsFixture::kMarch1;
        const std::int64_t a = fixture.user("a");
        const std::int64_t p1 = fixture.post(a, d0 + 3600, "#Sun is out, sunshine everywhere");
        const std::int64_t p2 = fixture.post(a, d0 + 3 * TrendsFixture::kDay + 7200, "#sun again #beach the sunshine");
        const std::int64_t p3 = fixture.post(a, d0 + 3 * TrendsFixture::kDay + 9000, "rain and the clouds");
        fixture.label(p1, "sentiment", "positive");
        fixture.label(p2, "sentiment", "positive");
        fixture.label(p3, "sentiment", "negative");
        fixture.commit();

        TrendOptions options;
        options.resolution = TimeResolution::Day;
        auto series = TrendQuery::series(fixture.project(), options);
        QVERIFY2(series.ok(), series.ok() ? "" : series.message().c_str());
        QCOMPARE(series->buckets.size(), std::size_t(4));
        QCOMPARE(series->posts, (std::vector<std::int64_t>{1, 0, 0, 2}));
        QCOMPARE(series->lines.size(), std::size_t(2));
        QCOMPARE(series->lines[0].key, std::string("#sun"));
        QCOMPARE(series->lines[0].counts, (std::vector<std::int64_t>{1, 0, 0, 1}));
        QCOMPARE(series->lines[1].key, std::string("#beach"));
        QCOMPARE(series->bucketLabel(0), std::string("2024-03-01"));

        // Fri 1 March and Mon 4 March fall in two ISO weeks.
        options.resolution = TimeResolution::Week;
        series = TrendQuery::series(fixture.project(), options);
        QVERIFY(series.ok());
        QCOMPARE(series->buckets.size(), std::size_t(2));
        QCOMPARE(series->bucketLabel(0), std::string("2024-W09"));
        QCOMPARE(series->posts, (std::vector<std::int64_t>{1, 2}));

        // Hours: from 01:00 on day 0 to 02:30 on day 3, every hour present.
        options.resolution = TimeResolution::Hour;
        options.keys = {"SUN"};
        series = TrendQuery::series(fixture.project(), options);
        QVERIFY(series.ok());
        QCOMPARE(series->buckets.size(), std::size_t(3 * 24 + 2));
        QCOMPARE(series->lines.size(), std::size_t(1));
        QCOMPARE(series->lines[0].total, std::int64_t(2));
        QCOMPARE(series->lines[0].counts.front(), std::int64_t(1));
        QCOMPARE(series->lines[0].counts[3 * 24 + 1], std::int64_t(1));

        // Terms leave out function words and count a post once.
        options = TrendOptions();
        options.kind = TrendKind::Term;
        series = TrendQuery::series(fixture.project(), options);
        QVERIFY(series.ok());
        QCOMPARE(series->lines[0].key, std::string("sunshine"));
        QCOMPARE(series->lines[0].total, std::int64_t(2));
        QVERIFY(series->line("the") == nullptr);
        QVERIFY(series->line("#sun") == nullptr);

        // Label values, counted by SQL, over a window wider than the data.
        options = TrendOptions();
        options.kind = TrendKind::Label;
        options.task = "sentiment";
        options.from = d0 - TrendsFixture::kDay;
        options.to = d0 + 5 * TrendsFixture::kDay;
        series = TrendQuery::series(fixture.project(), options);
        QVERIFY(series.ok());
        QCOMPARE(series->buckets.size(), std::size_t(6));
        QCOMPARE(series->line("positive")->counts, (std::vector<std::int64_t>{0, 1, 0, 0, 1, 0}));
        QCOMPARE(series->line("negative")->counts, (std::vector<std::int64_t>{0, 0, 0, 0, 1, 0}));
        QCOMPARE(series->posts, (std::vector<std::int64_t>{0, 1, 0, 0, 2, 0}));

        options.task = "nosuchtask";
        QVERIFY(!TrendQuery::series(fixture.project(), options).ok());
    }

    void plantedBurstIsFoundWithItsPosts()
    {
        QTemporaryDir dir;
        TrendsFixture fixture(dir.filePath("burst.chorus"));
        const std::int64_t a = fixture.user("a");
        const std::int64_t d0 = TrendsFixture::kMarch1;
        // 20 posts a day for 30 days; #storm once a day, except days 10, 11, 12 (10, 14, 10 posts).
        std::int64_t insideBest = 0;
        for (int day = 0; day < 30; ++day) {
            const int storms = day == 10 || day == 12 ? 10 : day == 11 ? 14 : 1;
            for (int i = 0; i < 20; ++i) {
                const std::int64_t t = d0 + day * TrendsFixture::kDay + i * 3000;
                std::string text = i < storms ? "big #Storm over the bay" : "quiet day #coffee";
                int likes = i % 5;
                if (day == 11 && i == 3)
                    likes = 500; // the post that drove the burst
                if (day == 11 && i == 19)
                    likes = 900; // popular, but not about the storm
                if (day == 20 && i == 0)
                    likes = 1000; // about the storm, but outside the burst
                const std::int64_t id = fixture.post(a, t, text, likes, i % 3, 0);
                if (day == 11 && i == 3)
                    insideBest = id;
            }
        }
        fixture.commit();

        TrendOptions options;
        options.keys = {"#storm"};
        auto series = TrendQuery::series(fixture.project(), options);
        QVERIFY(series.ok());
        QCOMPARE(series->buckets.size(), std::size_t(30));
        const TrendSeries::Line &storm = series->lines[0];
        QCOMPARE(storm.total, std::int64_t(27 + 34));

        const std::vector<Burst> bursts = BurstDetector::kleinberg(storm.counts, series->posts);
        QCOMPARE(bursts.size(), std::size_t(1));
        QCOMPARE(bursts[0].start, std::size_t(10));
        QCOMPARE(bursts[0].peak, std::size_t(11));
        QCOMPARE(bursts[0].end, std::size_t(12));
        QCOMPARE(bursts[0].count, std::int64_t(34));
        QVERIFY(bursts[0].intensity > 0.0);
        QCOMPARE(series->bucketLabel(bursts[0].start), std::string("2024-03-11"));

        auto posts = TrendQuery::topPosts(fixture.project(), options, "#storm", series->buckets[bursts[0].start],
                                          series->bucketEnd(bursts[0].end), 3);
        QVERIFY(posts.ok());
        QCOMPARE(posts->size(), std::size_t(3));
        QCOMPARE(posts->front().postId, insideBest);
        QCOMPARE(posts->front().likes, std::int64_t(500));
        for (const TrendPost &post : *posts) {
            QVERIFY(post.text.find("#Storm") != std::string::npos);
            QVERIFY(post.createdAt >= series->buckets[10] && post.createdAt < series->bucketEnd(12));
        }

        // A flat series has no burst, nor does an empty one.
        QVERIFY(BurstDetector::kleinberg(std::vector<std::int64_t>(30, 2), std::vector<std::int64_t>(30, 20)).empty());
        QVERIFY(BurstDetector::kleinberg({}, {}).empty());
    }

    void zScoreFlagsASpike()
    {
        std::vector<std::int64_t> counts = {5, 6, 5, 4, 5, 6, 5, 5, 6, 30, 5, 5};
        const std::vector<Burst> bursts = BurstDetector::zScore(counts, ZScoreOptions{7, 3.0, 1.0});
        QCOMPARE(bursts.size(), std::size_t(1));
        QCOMPARE(bursts[0].start, std::size_t(9));
        QCOMPARE(bursts[0].peak, std::size_t(9));
        QVERIFY(bursts[0].intensity > 10.0);
    }
};

QTEST_GUILESS_MAIN(TrendsTest)
#include "tst_trends.moc"
