// Post filters of the browser (label, split part, media, date range, text, combined): paged rows,
// counts and posts-over-time all agree with what the fixture's own rules say should match.
#include "core/store/postbrowser.h"
#include "core/store/project.h"
#include "core/util/timeparse.h"

#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <set>

using namespace chorus;

namespace {

constexpr int kPosts = 300;
const std::int64_t kStart = daysFromCivil(2024, 1, 1) * 86400; // a Monday

// The fixture's rules, so every expectation is computed independently of the SQL under test.
struct FixturePost {
    std::int64_t id = 0;
    int i = 0;
    bool dated() const { return i % 50 != 7; }
    std::int64_t time() const { return kStart + static_cast<std::int64_t>(i) * 6 * 3600; } // 4 a day
    std::string sentiment() const { return i % 3 == 0 ? "negative" : i % 3 == 1 ? "positive" : "neutral"; }
    bool hasTopic() const { return i % 2 == 0; }
    bool image() const { return i % 5 == 0; }
    bool video() const { return i % 7 == 0; }
    std::string part() const { return i % 10 < 8 ? "train" : i % 10 == 8 ? "valid" : "test"; }
    bool election() const { return i % 4 == 1; }
};

template <typename T> const char *why(const Result<T> &result) { return result ? "" : result.message().c_str(); }

} // namespace

class PostFilterTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    std::vector<FixturePost> m_posts; // dataset "a"
    std::int64_t m_datasetA = 0;
    std::int64_t m_datasetB = 0;
    std::int64_t m_split = 0;

    std::set<std::int64_t> expected(const std::function<bool(const FixturePost &)> &rule) const
    {
        std::set<std::int64_t> ids;
        for (const FixturePost &p : m_posts)
            if (rule(p))
                ids.insert(p.id);
        return ids;
    }

    // Every page through the browser, a few rows at a time so keyset paging is exercised.
    std::set<std::int64_t> paged(const PostFilter &filter, int limit = 7)
    {
        PostBrowser browser(*m_project);
        std::set<std::int64_t> ids;
        std::int64_t after = 0;
        for (;;) {
            auto page = browser.page(filter, after, limit);
            if (!page) {
                qWarning("%s", page.message().c_str());
                return {};
            }
            for (const PostRow &row : *page) {
                if (row.id <= after)
                    qWarning("rows out of order");
                after = row.id;
                ids.insert(row.id);
            }
            if (page->size() < static_cast<std::size_t>(limit))
                return ids;
        }
    }

    void checkFilter(const PostFilter &filter, const std::function<bool(const FixturePost &)> &rule)
    {
        const std::set<std::int64_t> want = expected(rule);
        QVERIFY2(!want.empty(), "a filter case that matches nothing proves little");
        QCOMPARE(paged(filter), want);
        PostBrowser browser(*m_project);
        auto count = browser.count(filter);
        QVERIFY2(count.ok(), why(count));
        QCOMPARE(*count, static_cast<std::int64_t>(want.size()));
        auto overTime = browser.postsOverTime(filter);
        QVERIFY2(overTime.ok(), why(overTime));
        std::int64_t sum = overTime->undated;
        for (const auto &bucket : overTime->counts)
            sum += bucket.second;
        QCOMPARE(sum, static_cast<std::int64_t>(want.size()));
        std::int64_t undated = 0;
        for (const FixturePost &p : m_posts)
            undated += want.count(p.id) && !p.dated() ? 1 : 0;
        QCOMPARE(overTime->undated, undated);
    }

private slots:
    void initTestCase()
    {
        auto project = Project::open(m_dir.filePath("filters.chorus").toStdString());
        QVERIFY(project.ok());
        m_project = std::move(*project);
        SqliteDatabase &db = m_project->db();
        m_datasetA = *m_project->ensureDataset("a");
        m_datasetB = *m_project->ensureDataset("b");
        QVERIFY(db.exec("INSERT INTO splits(dataset_id, method, params) VALUES (" + std::to_string(m_datasetA) +
                        ", 'random', '{}')")
                    .ok());
        m_split = db.lastInsertRowId();
        auto post = db.prepare("INSERT INTO posts(dataset_id, source_id, created_at, text) VALUES (?, ?, ?, ?)");
        auto label = db.prepare("INSERT INTO labels(post_id, task, value) VALUES (?, ?, ?)");
        auto media = db.prepare("INSERT INTO media(post_id, kind, path) VALUES (?, ?, 'x')");
        auto assign = db.prepare("INSERT INTO split_assignments(split_id, post_id, part) VALUES (?, ?, ?)");
        QVERIFY(db.exec("BEGIN").ok());
        for (int i = 0; i < kPosts; ++i) {
            FixturePost p;
            p.i = i;
            post->bind(1, m_datasetA).bind(2, "a" + std::to_string(i)).bind(3, p.dated() ? std::optional(p.time()) : std::nullopt);
            post->bind(4, p.election() ? "the election " + std::to_string(i) : "a post " + std::to_string(i));
            QVERIFY(post->exec());
            p.id = db.lastInsertRowId();
            label->bind(1, p.id).bind(2, "sentiment").bind(3, p.sentiment());
            QVERIFY(label->exec());
            if (p.hasTopic()) {
                label->bind(1, p.id).bind(2, "topic").bind(3, i % 4 == 0 ? "sports" : "food");
                QVERIFY(label->exec());
            }
            for (int copies = 0; copies < (p.image() ? 2 : 0); ++copies) { // two pictures: still one post
                media->bind(1, p.id).bind(2, "image");
                QVERIFY(media->exec());
            }
            if (p.video()) {
                media->bind(1, p.id).bind(2, "video");
                QVERIFY(media->exec());
            }
            assign->bind(1, m_split).bind(2, p.id).bind(3, p.part());
            QVERIFY(assign->exec());
            m_posts.push_back(p);
        }
        // Another dataset with the same labels and media, which no dataset-"a" filter may return.
        for (int i = 0; i < 40; ++i) {
            post->bind(1, m_datasetB).bind(2, "b" + std::to_string(i)).bind(3, kStart + i * 3600).bind(4, "the election b");
            QVERIFY(post->exec());
            const std::int64_t id = db.lastInsertRowId();
            label->bind(1, id).bind(2, "sentiment").bind(3, "positive");
            QVERIFY(label->exec());
            media->bind(1, id).bind(2, "video");
            QVERIFY(media->exec());
        }
        QVERIFY(db.exec("COMMIT").ok());
    }

    void noFilterIsWholeDataset()
    {
        PostFilter filter;
        filter.datasetId = m_datasetA;
        checkFilter(filter, [](const FixturePost &) { return true; });
    }

    void labelTaskAndValue()
    {
        PostFilter filter;
        filter.datasetId = m_datasetA;
        filter.labelTask = "topic";
        checkFilter(filter, [](const FixturePost &p) { return p.hasTopic(); });
        filter.labelValue = "sports";
        checkFilter(filter, [](const FixturePost &p) { return p.i % 4 == 0; });
        filter.labelTask = "sentiment";
        filter.labelValue = "neutral";
        checkFilter(filter, [](const FixturePost &p) { return p.sentiment() == "neutral"; });
    }

    void splitAndPart()
    {
        PostFilter filter;
        filter.datasetId = m_datasetA;
        filter.splitId = m_split;
        checkFilter(filter, [](const FixturePost &) { return true; });
        filter.splitPart = "test";
        checkFilter(filter, [](const FixturePost &p) { return p.part() == "test"; });
        filter.splitPart = "validation"; // the spelling users type, stored as "valid"
        checkFilter(filter, [](const FixturePost &p) { return p.part() == "valid"; });
        filter.splitPart = "holdout";
        PostBrowser browser(*m_project);
        QVERIFY(!browser.page(filter, 0, 10).ok());
        QVERIFY(!browser.count(filter).ok());
    }

    void mediaKinds()
    {
        PostFilter filter;
        filter.datasetId = m_datasetA;
        filter.hasImage = true;
        checkFilter(filter, [](const FixturePost &p) { return p.image(); });
        filter.hasVideo = true;
        checkFilter(filter, [](const FixturePost &p) { return p.image() && p.video(); });
        filter.hasImage = false;
        checkFilter(filter, [](const FixturePost &p) { return p.video(); });
    }

    void dateRange()
    {
        PostFilter filter;
        filter.datasetId = m_datasetA;
        filter.from = "2024-01-10";
        checkFilter(filter, [](const FixturePost &p) { return p.dated() && p.time() >= kStart + 9 * 86400; });
        // A bare "to" date includes that whole day; both ends inclusive.
        filter.to = "2024-01-20";
        checkFilter(filter, [](const FixturePost &p) {
            return p.dated() && p.time() >= kStart + 9 * 86400 && p.time() < kStart + 20 * 86400;
        });
        // A full time is inclusive to the second: 06:00 is the second post of the day.
        filter.from.clear();
        filter.to = "2024-01-01T06:00:00Z";
        checkFilter(filter, [](const FixturePost &p) { return p.dated() && p.i <= 1; });
        filter.to = "last tuesday";
        PostBrowser browser(*m_project);
        auto page = browser.page(filter, 0, 10);
        QVERIFY(!page.ok());
        QVERIFY2(page.message().find("'to'") != std::string::npos, why(page));
    }

    void combinedWithSearch()
    {
        PostFilter filter;
        filter.datasetId = m_datasetA;
        filter.search = "election";
        checkFilter(filter, [](const FixturePost &p) { return p.election(); });
        filter.hasImage = true;
        filter.splitId = m_split;
        filter.splitPart = "train";
        checkFilter(filter, [](const FixturePost &p) { return p.election() && p.image() && p.part() == "train"; });
        filter.hasImage = false;
        filter.labelTask = "sentiment";
        filter.labelValue = "positive";
        filter.from = "2024-01-05";
        checkFilter(filter, [](const FixturePost &p) {
            return p.election() && p.sentiment() == "positive" && p.part() == "train" && p.dated() &&
                   p.time() >= kStart + 4 * 86400;
        });
    }

    void labelDriverWithOtherFilters()
    {
        PostFilter filter;
        filter.datasetId = m_datasetA;
        filter.labelTask = "sentiment";
        filter.labelValue = "positive";
        filter.hasVideo = true;
        filter.splitId = m_split;
        filter.to = "2024-02-15";
        checkFilter(filter, [](const FixturePost &p) {
            return p.sentiment() == "positive" && p.video() && p.dated() && p.time() < kStart + 46 * 86400;
        });
    }

    void everyDatasetWhenNoneChosen()
    {
        PostFilter filter;
        filter.hasVideo = true;
        PostBrowser browser(*m_project);
        const auto ids = paged(filter, 50);
        QCOMPARE(static_cast<std::int64_t>(ids.size()), static_cast<std::int64_t>(expected([](const FixturePost &p) {
                                                                                      return p.video();
                                                                                  }).size()) +
                                                                40);
        QCOMPARE(*browser.count(filter), static_cast<std::int64_t>(ids.size()));
    }

    void daysAndWeeks()
    {
        PostBrowser browser(*m_project);
        PostFilter filter;
        filter.datasetId = m_datasetA;
        auto days = browser.postsOverTime(filter);
        QVERIFY(days.ok());
        // 300 posts, 4 a day: 75 days, under the daily limit.
        QCOMPARE(days->bucket, PostsOverTimeBucket::Day);
        QCOMPARE(days->counts.size(), std::size_t(75));
        QCOMPARE(days->counts.front().first, kStart);
        QCOMPARE(days->counts.front().second, std::int64_t(4));
        QCOMPARE(days->counts[1].first, kStart + 86400);

        // A dataset spanning a year is shown per week, each bucket starting on a Monday.
        const std::int64_t wide = *m_project->ensureDataset("wide");
        auto post = m_project->db().prepare("INSERT INTO posts(dataset_id, source_id, created_at) VALUES (?, ?, ?)");
        const std::int64_t wednesday = daysFromCivil(2023, 3, 1) * 86400 + 5000;
        for (int i = 0; i < 52; ++i) {
            post->bind(1, wide).bind(2, "w" + std::to_string(i)).bind(3, wednesday + i * 7 * 86400);
            QVERIFY(post->exec());
        }
        // Sunday before and Monday after fall in different weeks.
        const std::int64_t sunday = daysFromCivil(2023, 3, 5) * 86400 + 100;
        post->bind(1, wide).bind(2, "sun").bind(3, sunday);
        QVERIFY(post->exec());
        post->bind(1, wide).bind(2, "mon").bind(3, sunday + 86400);
        QVERIFY(post->exec());
        filter.datasetId = wide;
        auto weeks = browser.postsOverTime(filter);
        QVERIFY(weeks.ok());
        QCOMPARE(weeks->bucket, PostsOverTimeBucket::Week);
        QCOMPARE(weeks->counts.size(), std::size_t(52));
        QCOMPARE(weeks->counts[0].first, daysFromCivil(2023, 2, 27) * 86400); // Monday of 1 March 2023
        QCOMPARE(weeks->counts[0].second, std::int64_t(2));                 // Wednesday and Sunday
        QCOMPARE(weeks->counts[1].second, std::int64_t(2));                 // Monday and the next Wednesday
        std::int64_t sum = 0;
        for (const auto &bucket : weeks->counts) {
            QCOMPARE((bucket.first / 86400 + 3) % 7, std::int64_t(0));
            sum += bucket.second;
        }
        QCOMPARE(sum, std::int64_t(54));
    }

    void countsEveryTaskInOnePass()
    {
        PostBrowser browser(*m_project);
        auto all = browser.labelCountsByTask(m_datasetA);
        QVERIFY2(all.ok(), why(all));
        QCOMPARE(all->size(), std::size_t(2));
        QCOMPARE(all->at(0).task, std::string("sentiment")); // tasks by name
        QCOMPARE(all->at(1).task, std::string("topic"));
        for (const TaskLabelCounts &task : *all) {
            auto one = browser.labelCounts(m_datasetA, task.task);
            QVERIFY(one.ok());
            QVERIFY(task.counts == *one); // values most frequent first, as the per-task count gives them
        }
        std::int64_t sentiment = 0;
        for (const auto &[value, count] : all->at(0).counts)
            sentiment += count;
        QCOMPARE(sentiment, std::int64_t(kPosts)); // dataset "b"'s labels left out
        auto other = browser.labelCountsByTask(m_datasetB);
        QVERIFY(other.ok());
        QCOMPARE(other->size(), std::size_t(1));
        QCOMPARE(other->at(0).counts, (std::vector<std::pair<std::string, std::int64_t>>{{"positive", 40}}));
        auto everyDataset = browser.labelCountsByTask(0);
        QVERIFY(everyDataset.ok());
        QCOMPARE(everyDataset->size(), std::size_t(2));
    }

    void listsSplits()
    {
        PostBrowser browser(*m_project);
        auto splits = browser.splits(m_datasetA);
        QVERIFY(splits.ok());
        QCOMPARE(splits->size(), std::size_t(1));
        QCOMPARE(splits->front().id, m_split);
        QCOMPARE(splits->front().method, std::string("random"));
        QCOMPARE(splits->front().posts, std::int64_t(kPosts));
        QVERIFY(browser.splits(m_datasetB)->empty());
    }
};

QTEST_GUILESS_MAIN(PostFilterTest)
#include "tst_postfilter.moc"
