// Stored analyses: the store's round trip (save, list, load, rename, delete, replace), and the
// trends, opinion and profile reports read back from their JSON exactly as they were computed.
#include "trendsfixture.h"

#include "core/analytics/analysisstore.h"
#include "core/analytics/opinionreport.h"
#include "core/analytics/profilereport.h"
#include "core/analytics/trendreport.h"
#include "core/store/project.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

class AnalysisStoreTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    std::int64_t m_dataset = 0;
    std::int64_t m_ann = 0;
    std::int64_t m_twin = 0;

private slots:
    void initTestCase()
    {
        const QString path = m_dir.filePath("store.chorus");
        {
            TrendsFixture f(path);
            m_dataset = f.dataset;
            m_ann = f.user("ann-source", "Ann");
            m_twin = f.user("twin-source");
            const std::int64_t bob = f.user("bob-source", "Bob");
            // 12 days; #storm bursts on day 6; sentiment turns on day 6.
            for (int day = 0; day < 12; ++day)
                for (int i = 0; i < 8; ++i) {
                    const bool storm = day == 6 ? i < 6 : i == 0;
                    const std::int64_t author = i % 3 == 0 ? m_ann : (i % 3 == 1 ? m_twin : bob);
                    const std::string text = storm ? "the #Storm is coming" : (author == bob ? "football goal keeper"
                                                                                             : "espresso crema barista");
                    const std::int64_t post = f.post(author, TrendsFixture::kMarch1 + day * TrendsFixture::kDay + i * 600,
                                                     text, i, day % 3, 1);
                    f.label(post, "sentiment", i < (day < 6 ? 6 : 2) ? "positive" : "negative");
                }
            f.commit();
        }
        auto opened = Project::open(path.toStdString(), Project::OpenMode::OpenExisting);
        QVERIFY(opened.ok());
        m_project = std::move(*opened);
    }

    void storeRoundTrip()
    {
        AnalysisStore store(*m_project);
        const nlohmann::json params = {{"kind", "hashtag"}, {"top", 3}};
        const nlohmann::json result = {{"mode", "series"}, {"text", "naïve \xE9t\xE9"}, {"values", {1, 2, 3}}};
        auto first = store.save("trends", "hashtags per day", m_dataset, params, result);
        QVERIFY2(first.ok(), first.ok() ? "" : first.message().c_str());
        auto second = store.save("opinion", "sentiment per day", 0, {{"task", "sentiment"}}, {{"mode", "opinion"}});
        QVERIFY(second.ok());
        QVERIFY(*second > *first);

        auto all = store.list();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), std::size_t(2));
        QCOMPARE(all->front().id, *second); // newest first
        QCOMPARE(all->front().datasetId, std::int64_t(0));
        QVERIFY(all->front().dataset.empty());
        QVERIFY(all->front().result.is_null()); // lists carry no results
        QCOMPARE(all->back().dataset, std::string("posts"));
        QVERIFY(all->back().createdAt > 0);
        QCOMPARE(store.list("trends")->size(), std::size_t(1));
        QCOMPARE(store.list({}, m_dataset)->size(), std::size_t(1));
        QCOMPARE(store.list("profile")->size(), std::size_t(0));

        auto loaded = store.load(*first);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->kind, std::string("trends"));
        QCOMPARE(loaded->name, std::string("hashtags per day"));
        QCOMPARE(loaded->params, params);
        QCOMPARE(loaded->result["values"], result["values"]);
        // Text that is not UTF-8 is kept, with replacement characters, rather than refused.
        QVERIFY(loaded->result["text"].get<std::string>().find("na") == 0);

        QVERIFY(store.rename(*first, "the storm").ok());
        QCOMPARE(store.load(*first)->name, std::string("the storm"));
        QVERIFY(!store.rename(999, "x").ok());
        QVERIFY(!store.load(999).ok());
        QVERIFY(!store.save("guesswork", "x", 0, {}, {}).ok());

        // The same question asked again replaces its answer; a renamed one stays.
        auto again = store.save("opinion", "sentiment per day", 0, {{"task", "sentiment"}}, {{"mode", "opinion"}, {"n", 2}});
        QVERIFY(again.ok());
        QVERIFY(!store.load(*second).ok());
        QCOMPARE(store.load(*again)->result["n"].get<int>(), 2);
        auto other = store.save("trends", "hashtags per day", m_dataset, params, result);
        QVERIFY(other.ok());
        QVERIFY(store.load(*first).ok()); // renamed: not the same analysis any more
        QCOMPARE(store.list("trends")->size(), std::size_t(2));

        QVERIFY(store.remove(*first).ok());
        QVERIFY(!store.remove(*first).ok());
        QVERIFY(store.remove(*other).ok());
        QVERIFY(store.remove(*again).ok());
        QCOMPARE(store.list()->size(), std::size_t(0));
    }

    void deletingTheDatasetDeletesItsAnalyses()
    {
        QTemporaryDir dir;
        auto project = Project::open(dir.filePath("cascade.chorus").toStdString());
        QVERIFY(project.ok());
        auto dataset = (*project)->ensureDataset("gone");
        QVERIFY(dataset.ok());
        AnalysisStore store(**project);
        QVERIFY(store.save("trends", "x", *dataset, {}, {{"mode", "series"}}).ok());
        QVERIFY(store.save("trends", "y", 0, {}, {{"mode", "series"}}).ok());
        QVERIFY((*project)->db().exec("DELETE FROM datasets WHERE name = 'gone'").ok());
        auto left = store.list();
        QCOMPARE(left->size(), std::size_t(1));
        QCOMPARE(left->front().name, std::string("y"));
    }

    void trendReportReadsBackAsComputed()
    {
        TrendReportOptions options;
        options.trend.datasetId = m_dataset;
        options.trend.top = 3;
        options.bursts = true;
        options.postsPerBurst = 2;
        options.horizon = 4;
        auto report = TrendReport::compute(*m_project, options);
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        QCOMPARE(report->series.lines.front().key, std::string("#storm"));
        QCOMPARE(report->series.buckets.size(), std::size_t(12));
        QVERIFY(!report->bursts.empty());
        QCOMPARE(report->series.bucketLabel(report->bursts.front().burst.peak), std::string("2024-03-07"));
        QCOMPARE(report->bursts.front().posts.size(), std::size_t(2));
        QCOMPARE(report->forecasts.size(), report->series.lines.size());

        const nlohmann::json json = report->toJson();
        auto back = TrendReport::fromJson(json);
        QVERIFY2(back.ok(), back.ok() ? "" : back.message().c_str());
        QCOMPARE(back->toJson(), json);
        QCOMPARE(back->series.lines.size(), report->series.lines.size());
        QCOMPARE(back->series.lines.front().counts, report->series.lines.front().counts);
        QCOMPARE(back->series.posts, report->series.posts);
        QCOMPARE(back->bursts.size(), report->bursts.size());
        QCOMPARE(back->bursts.front().posts.front().postId, report->bursts.front().posts.front().postId);
        QCOMPARE(back->bursts.front().posts.front().createdAt, report->bursts.front().posts.front().createdAt);
        QCOMPARE(back->forecasts.front().forecast->points.size(), std::size_t(4));
        QCOMPARE(back->toCsv(), report->toCsv());

        // Stored and loaded through the project, still the same.
        AnalysisStore store(*m_project);
        auto id = store.save("trends", report->defaultName(), m_dataset, report->paramsJson(), json);
        QVERIFY(id.ok());
        QCOMPARE(report->defaultName(), std::string("hashtag per day"));
        auto loaded = store.load(*id);
        QVERIFY(loaded.ok());
        QCOMPARE(TrendReport::fromJson(loaded->result)->toJson(), json);
        QCOMPARE(loaded->params["top"].get<int>(), 3);
        QVERIFY(store.remove(*id).ok());

        // Not a trends result, or a damaged one: an error, never a crash.
        QVERIFY(!TrendReport::fromJson(nlohmann::json::object()).ok());
        nlohmann::json broken = json;
        broken["series"][0]["counts"] = {1, 2};
        QVERIFY(!TrendReport::fromJson(broken).ok());
        broken = json;
        broken["series"][0].erase("key");
        QVERIFY(!TrendReport::fromJson(broken).ok());
    }

    void opinionReportReadsBackAsComputed()
    {
        OpinionOptions options;
        options.datasetId = m_dataset;
        options.task = "sentiment";
        auto report = OpinionReport::compute(*m_project, options, 3);
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        QVERIFY(report->series.shift.has_value());
        QCOMPARE(report->series.bucketLabel(report->series.shift->bucket), std::string("2024-03-07"));
        QCOMPARE(report->forecasts.size(), std::size_t(2));
        const nlohmann::json json = report->toJson();
        QCOMPARE(json["forecasts"]["positive"]["points"].size(), std::size_t(3));
        auto back = OpinionReport::fromJson(json);
        QVERIFY2(back.ok(), back.ok() ? "" : back.message().c_str());
        QCOMPARE(back->toJson(), json);
        QCOMPARE(back->series.counts, report->series.counts);
        QCOMPARE(back->series.shift->mostChangedClass, report->series.shift->mostChangedClass);
        QCOMPARE(back->horizon, 3);
        QCOMPARE(back->toCsv(), report->toCsv());
        QVERIFY(!OpinionReport::fromJson(TrendReport().toJson()).ok());
    }

    void profileReportReadsBackAsComputedAndHonoursPrivacy()
    {
        UserProfileOptions options;
        options.datasetId = m_dataset;
        options.resolution = TimeResolution::Day;
        auto report = ProfileReport::compute(*m_project, m_ann, options, 2);
        QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
        QCOMPARE(report->profile.user.display, std::string("Ann"));
        QVERIFY(!report->similar.empty());
        QCOMPARE(report->similar.front().user.userId, m_twin); // writes the same words
        const nlohmann::json json = report->toJson();
        QCOMPARE(json["user"]["source_id"].get<std::string>(), std::string("ann-source"));
        auto back = ProfileReport::fromJson(json);
        QVERIFY2(back.ok(), back.ok() ? "" : back.message().c_str());
        QCOMPARE(back->toJson(), json);
        QCOMPARE(back->profile.activity, report->profile.activity);
        QCOMPARE(back->profile.activityBuckets, report->profile.activityBuckets);
        QCOMPARE(back->profile.recentPosts.size(), report->profile.recentPosts.size());
        QCOMPARE(back->profile.labels.front().counts, report->profile.labels.front().counts);
        QCOMPARE(report->defaultName(), std::string("profile of Ann"));

        // Shown again under privacy: nothing but pseudonyms and ids remain.
        QVERIFY(back->reidentify(*m_project, true).ok());
        const std::string hidden = back->toJson().dump();
        for (const char *secret : {"ann-source", "twin-source", "Ann"})
            QVERIFY2(hidden.find(secret) == std::string::npos, secret);
        QCOMPARE(back->profile.user.display.size(), std::size_t(16));
        QCOMPARE(back->profile.user.userId, m_ann);

        // Computed under privacy, it is stored without names.
        options.privacy = true;
        auto privateReport = ProfileReport::compute(*m_project, m_ann, options, 2);
        QVERIFY(privateReport.ok());
        QCOMPARE(privateReport->toJson().dump().find("ann-source"), std::string::npos);
        QCOMPARE(privateReport->defaultName(), "profile of " + back->profile.user.display);
    }
};

QTEST_GUILESS_MAIN(AnalysisStoreTest)
#include "tst_analysisstore.moc"
