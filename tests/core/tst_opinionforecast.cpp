// Opinion shares with a planted shift (also about one hashtag or topic), and Holt forecasts.
#include "trendsfixture.h"

#include "core/analytics/holtforecaster.h"
#include "core/analytics/opinionmonitor.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace chorus;

class OpinionForecastTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TrendsFixture> m_fixture;

    static std::size_t classIndex(const OpinionSeries &series, const std::string &value)
    {
        for (std::size_t c = 0; c < series.classes.size(); ++c)
            if (series.classes[c] == value)
                return c;
        return series.classes.size();
    }

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<TrendsFixture>(m_dir.filePath("opinion.chorus"));
        const std::int64_t a = m_fixture->user("a");
        // 30 days. Politics (#Vote): 8 of 10 posts positive a day until day 14, 3 of 10 from day 15.
        // Sports (#match): 5 of 10 positive throughout.
        for (int day = 0; day < 30; ++day) {
            const int positives = day < 15 ? 8 : 3;
            for (int i = 0; i < 10; ++i) {
                const std::int64_t t = TrendsFixture::kMarch1 + day * TrendsFixture::kDay + i * 600;
                const std::int64_t politics = m_fixture->post(a, t, "the #Vote count goes on");
                m_fixture->label(politics, "topic", "politics");
                m_fixture->label(politics, "sentiment", i < positives ? "positive" : "negative");
                const std::int64_t sports = m_fixture->post(a, t + 300, "what a #match");
                m_fixture->label(sports, "topic", "sports");
                m_fixture->label(sports, "sentiment", i < 5 ? "positive" : "negative");
            }
        }
        m_fixture->commit();
    }

    void shiftOfOneTopicIsNamed()
    {
        OpinionOptions options;
        options.task = "sentiment";
        options.topicTask = "topic";
        options.topicValue = "politics";
        auto series = OpinionMonitor::compute(m_fixture->project(), options);
        QVERIFY2(series.ok(), series.ok() ? "" : series.message().c_str());
        QCOMPARE(series->buckets.size(), std::size_t(30));
        QCOMPARE(series->classes, (std::vector<std::string>{"negative", "positive"}));
        const std::size_t positive = classIndex(*series, "positive");
        QCOMPARE(series->share(positive, 0), 0.8);
        QCOMPARE(series->share(positive, 14), 0.8);
        QCOMPARE(series->share(positive, 15), 0.3);
        QCOMPARE(series->totals[20], std::int64_t(10));
        QVERIFY(series->shift.has_value());
        QCOMPARE(series->shift->bucket, std::size_t(15));
        QCOMPARE(series->bucketLabel(series->shift->bucket), std::string("2024-03-16"));
        QVERIFY(std::abs(series->shift->sharesBefore[positive] - 0.8) < 1e-12);
        QVERIFY(std::abs(series->shift->sharesAfter[positive] - 0.3) < 1e-12);
        QVERIFY(std::abs(series->shift->distance - 0.5) < 1e-12);
        QCOMPARE(series->shift->postsBefore, std::int64_t(150));
        QVERIFY(series->shift->chiSquare > 50.0);
    }

    void hashtagFilterMatchesTheTopic()
    {
        OpinionOptions options;
        options.task = "sentiment";
        options.hashtag = "vote";
        auto series = OpinionMonitor::compute(m_fixture->project(), options);
        QVERIFY(series.ok());
        const std::size_t positive = classIndex(*series, "positive");
        QCOMPARE(series->share(positive, 3), 0.8);
        QCOMPARE(series->share(positive, 25), 0.3);
        QCOMPARE(series->shift->bucket, std::size_t(15));

        // Unfiltered, sports dilute the shift but it stays on day 15: 13/20 -> 8/20.
        options.hashtag.clear();
        series = OpinionMonitor::compute(m_fixture->project(), options);
        QVERIFY(series.ok());
        QCOMPARE(series->share(positive, 0), 0.65);
        QCOMPARE(series->share(positive, 29), 0.4);
        QCOMPARE(series->shift->bucket, std::size_t(15));

        options.task = "stance";
        QVERIFY(!OpinionMonitor::compute(m_fixture->project(), options).ok());
        options.task = "sentiment";
        options.topicTask = "topic";
        QVERIFY(!OpinionMonitor::compute(m_fixture->project(), options).ok()); // no topic value
    }

    void shiftSkipsEmptyBuckets()
    {
        // Counts [class][bucket]: the change starts at bucket 3, after an empty bucket 2.
        const std::vector<std::vector<std::int64_t>> counts = {{9, 9, 0, 1, 1}, {1, 1, 0, 9, 9}};
        const auto shift = OpinionMonitor::largestShift(counts);
        QVERIFY(shift.has_value());
        QCOMPARE(shift->bucket, std::size_t(3));
        QCOMPARE(shift->mostChangedClass, std::size_t(0));
        QVERIFY(!OpinionMonitor::largestShift({{5}}).has_value());
    }

    void holtForecastsALineExactly()
    {
        std::vector<double> line;
        for (int t = 0; t < 20; ++t)
            line.push_back(5.0 + 2.0 * t);
        auto forecast = HoltForecaster::forecast(line, 5);
        QVERIFY(forecast.ok());
        QCOMPARE(forecast->points.size(), std::size_t(5));
        for (const HoltForecastPoint &point : forecast->points) {
            QVERIFY(std::abs(point.value - (5.0 + 2.0 * (19 + point.step))) < 1e-9);
            QVERIFY(point.upper - point.lower < 1e-6);
        }
        QVERIFY(forecast->sse < 1e-12);
    }

    void holtIntervalsWidenWithHorizon()
    {
        // A trend with alternating noise: the fit follows the trend, the intervals grow.
        std::vector<double> noisy;
        for (int t = 0; t < 40; ++t)
            noisy.push_back(10.0 + 0.5 * t + ((t % 2) ? 1.5 : -1.5) + ((t % 3) ? 0.4 : -0.8));
        auto forecast = HoltForecaster::forecast(noisy, 6);
        QVERIFY(forecast.ok());
        QVERIFY(forecast->alpha > 0.0 && forecast->alpha <= 1.0);
        QVERIFY(forecast->residualVariance > 0.0);
        double previousWidth = 0.0;
        for (const HoltForecastPoint &point : forecast->points) {
            const double width = point.upper - point.lower;
            QVERIFY(width > previousWidth);
            QVERIFY(point.lower < point.value && point.value < point.upper);
            previousWidth = width;
            // Near the underlying line 10 + 0.5 t.
            QVERIFY(std::abs(point.value - (10.0 + 0.5 * (39 + point.step))) < 3.0);
        }
        // The grid search found the smallest one-step error among its candidates, e.g. below a
        // fixed mediocre choice.
        QVERIFY(forecast->sse <= HoltForecaster::oneStepSse(noisy, 0.9, 0.9) + 1e-9);
        HoltOptions fixed;
        fixed.alpha = 0.3;
        fixed.beta = 0.1;
        auto given = HoltForecaster::forecast(noisy, 2, fixed);
        QVERIFY(given.ok());
        QCOMPARE(given->alpha, 0.3);
        QCOMPARE(given->beta, 0.1);

        QVERIFY(!HoltForecaster::forecast({1.0, 2.0}, 3).ok());
        QVERIFY(!HoltForecaster::forecast(noisy, 0).ok());
        fixed.alpha = 1.5;
        QVERIFY(!HoltForecaster::forecast(noisy, 2, fixed).ok());
    }
};

QTEST_GUILESS_MAIN(OpinionForecastTest)
#include "tst_opinionforecast.moc"
