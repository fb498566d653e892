// User profiles, TF-IDF user similarity, privacy, and the user feature table.
#include "trendsfixture.h"

#include "core/analytics/userfeatures.h"
#include "core/analytics/userprofile.h"
#include "core/analytics/usersimilarity.h"
#include "core/import/privacy.h"
#include "core/util/timeparse.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace chorus;

class UserProfileTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TrendsFixture> m_fixture;
    std::int64_t m_ann = 0;
    std::int64_t m_twin = 0;
    std::int64_t m_bob = 0;
    std::int64_t m_cy = 0;
    std::int64_t m_pseudo = 0;

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<TrendsFixture>(m_dir.filePath("users.chorus"));
        TrendsFixture &f = *m_fixture;
        m_ann = f.user("ann-0001", "Ann");
        m_twin = f.user("twin-0002");
        m_bob = f.user("bob-0003", "Bob");
        m_cy = f.user("cy-0004");
        m_pseudo = f.user("9f2c41d0aa55e6b7c3d2e1f0a9b8c7d6", "", "9f2c41d0aa55e6b7");
        const std::int64_t d0 = TrendsFixture::kMarch1; // a Friday: week 2024-W09
        const char *coffee[] = {"espresso with perfect crema this morning", "the barista pulled a ristretto",
                                "roasting beans: a light roast for espresso", "crema, ristretto, barista life"};
        const char *football[] = {"the striker scored a late goal", "penalty saved by the keeper",
                                  "offside again, the referee missed it", "goal of the season by the striker"};
        // Ann: 4 posts over 11 days (weeks W09 and W11, none in W10); her twin writes the same words.
        const std::int64_t annTimes[] = {d0, d0 + 3600, d0 + 10 * TrendsFixture::kDay, d0 + 11 * TrendsFixture::kDay};
        for (int i = 0; i < 4; ++i) {
            const std::int64_t post = f.post(m_ann, annTimes[i], coffee[i], 10 * (i + 1), i, 2);
            f.label(post, "sentiment", i == 2 ? "negative" : "positive");
            f.label(post, "topic", "food");
            f.post(m_twin, d0 + i * TrendsFixture::kDay + 60, coffee[3 - i], 1, 0, 0);
            const std::int64_t bobPost = f.post(m_bob, d0 + i * TrendsFixture::kDay + 120, football[i], 3, 1, 0);
            f.label(bobPost, "topic", "sports");
            f.label(bobPost, "sentiment", "neutral");
        }
        f.post(m_cy, d0 + 500, "espresso before the football match", 0, 0, 0);
        f.post(m_pseudo, d0 + 700, "a quiet day", 0, 0, 0);
        f.interaction(m_ann, "article-1", "view", d0);
        f.interaction(m_ann, "article-2", "view", d0 + 10);
        f.interaction(m_ann, "article-2", "like", d0 + 20);
        f.commit();
    }

    void profileSummarisesActivityAndReach()
    {
        UserProfileOptions options;
        options.resolution = TimeResolution::Week;
        auto profile = UserProfiler::profile(m_fixture->project(), m_ann, options);
        QVERIFY2(profile.ok(), profile.ok() ? "" : profile.message().c_str());
        QCOMPARE(profile->user.display, std::string("Ann"));
        QCOMPARE(profile->user.sourceId, std::string("ann-0001"));
        QCOMPARE(profile->posts, std::int64_t(4));
        QCOMPARE(*profile->firstPost, TrendsFixture::kMarch1);
        QCOMPARE(*profile->lastPost, TrendsFixture::kMarch1 + 11 * TrendsFixture::kDay);
        QCOMPARE(profile->activity, (std::vector<std::int64_t>{2, 0, 2})); // W09, empty W10, W11
        QCOMPARE(TimeBucket::label(profile->activityBuckets[1], TimeResolution::Week), std::string("2024-W10"));
        QCOMPARE(profile->likes, std::int64_t(100));
        QCOMPARE(profile->shares, std::int64_t(6));
        QCOMPARE(profile->replies, std::int64_t(8));
        QCOMPARE(profile->meanLikes, 25.0);
        QCOMPARE(profile->interactions, std::int64_t(3));
        QCOMPARE(profile->interactionsByKind.at("view"), std::int64_t(2));
        QCOMPARE(profile->labels.size(), std::size_t(2));
        const UserLabelMix &sentiment = profile->labels[0];
        QCOMPARE(sentiment.task, std::string("sentiment"));
        QCOMPARE(sentiment.values, (std::vector<std::string>{"negative", "positive"}));
        QCOMPARE(sentiment.totals, (std::vector<std::int64_t>{1, 3}));
        QCOMPARE(sentiment.counts[1], (std::vector<std::int64_t>{2, 0, 1}));

        options.tasks = {"topic", "stance"};
        profile = UserProfiler::profile(m_fixture->project(), m_ann, options);
        QVERIFY(profile.ok());
        QCOMPARE(profile->labels.size(), std::size_t(2)); // stance reported, empty
        QCOMPARE(profile->labels[0].task, std::string("stance"));
        QVERIFY(profile->labels[0].values.empty());
        QCOMPARE(profile->labels[1].totals, (std::vector<std::int64_t>{4}));
    }

    void usersAreFoundByWhatPeopleType()
    {
        Project &p = m_fixture->project();
        QCOMPARE(UserProfiler::resolve(p, "ann-0001", false)->userId, m_ann);
        QCOMPARE(UserProfiler::resolve(p, "Bob", false)->userId, m_bob);
        QCOMPARE(UserProfiler::resolve(p, std::to_string(m_cy), false)->userId, m_cy);
        QCOMPARE(UserProfiler::resolve(p, "9f2c41d0aa55e6b7", false)->userId, m_pseudo);
        QVERIFY(!UserProfiler::resolve(p, "nobody", false).ok());
    }

    void privacyShowsPseudonymsOnly()
    {
        Project &p = m_fixture->project();
        // Source ids and names cannot be used to look someone up, nor come back.
        QVERIFY(!UserProfiler::resolve(p, "ann-0001", true).ok());
        QVERIFY(!UserProfiler::resolve(p, "Ann", true).ok());
        const std::string derived = Privacy::pseudonym(*p.secret(), "ann-0001").substr(0, 16);
        auto ann = UserProfiler::resolve(p, derived, true);
        QVERIFY(ann.ok());
        QCOMPARE(ann->userId, m_ann);
        UserProfileOptions options;
        options.privacy = true;
        auto profile = UserProfiler::profile(p, m_ann, options);
        QVERIFY(profile.ok());
        QVERIFY(profile->user.sourceId.empty());
        QVERIFY(profile->user.name.empty());
        QCOMPARE(profile->user.display, derived);
        QVERIFY(profile->user.display.find("ann") == std::string::npos);
        // A stored pseudonym (pseudonymised import) is the one shown.
        auto stored = UserProfiler::resolve(p, "9f2c41d0aa55e6b7", true);
        QVERIFY(stored.ok());
        QCOMPARE(stored->display, std::string("9f2c41d0aa55e6b7"));
        QVERIFY(stored->sourceId.empty());
    }

    void twinIsMostSimilar()
    {
        auto model = UserSimilarity::build(m_fixture->project());
        QVERIFY(model.ok());
        QCOMPARE(model->userCount(), std::size_t(5));
        const std::vector<SimilarUser> similar = model->mostSimilar(m_ann, 3);
        QVERIFY(similar.size() >= 2);
        QCOMPARE(similar[0].userId, m_twin);
        QVERIFY(similar[0].similarity > 0.99);
        QCOMPARE(similar[1].userId, m_cy); // shares "espresso"
        QVERIFY(similar[1].similarity < 0.5);
        for (const SimilarUser &s : similar)
            QVERIFY(s.userId != m_bob && s.userId != m_ann);
        QVERIFY(std::abs(model->cosine(m_ann, m_twin) - similar[0].similarity) < 1e-12);
        QCOMPARE(model->cosine(m_ann, m_bob), 0.0);
        const auto terms = model->topTerms(m_bob, 3);
        QCOMPARE(terms.size(), std::size_t(3));
        QCOMPARE(terms[0].first, std::string("goal")); // twice, like "striker": alphabetical tie-break
        QVERIFY(model->mostSimilar(999999, 3).empty());
    }

    void featureTableAndCsv()
    {
        UserFeatureOptions options;
        options.tasks = {"topic", "sentiment"};
        auto table = UserFeatures::build(m_fixture->project(), options);
        QVERIFY2(table.ok(), table.ok() ? "" : table.message().c_str());
        QCOMPARE(table->rows.size(), std::size_t(5));
        const std::vector<std::string> header = table->header();
        const std::vector<std::string> expected = {
            "user", "source_id", "user_id", "first_post", "last_post", "posts", "active_days", "posts_per_active_day",
            "mean_likes", "mean_shares", "mean_replies", "interactions", "topic_labelled", "topic=food", "topic=sports",
            "sentiment_labelled", "sentiment=negative", "sentiment=neutral", "sentiment=positive"};
        QCOMPARE(header, expected);
        const QString csvPath = m_dir.filePath("features.csv");
        QVERIFY(UserFeatures::writeCsv(*table, csvPath.toStdString()).ok());
        QFile file(csvPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), 7); // header, 5 users, the final newline
        QCOMPARE(lines[0], QByteArray("user,source_id,user_id,first_post,last_post,posts,active_days,"
                                      "posts_per_active_day,mean_likes,mean_shares,mean_replies,interactions,"
                                      "topic_labelled,topic=food,topic=sports,sentiment_labelled,sentiment=negative,"
                                      "sentiment=neutral,sentiment=positive"));
        // Ann, her twin and Bob have 4 posts each: by user id. Ann: 3 active days, 100/4 likes.
        QCOMPARE(lines[1], QByteArray("Ann,ann-0001,") + QByteArray::number(qint64(m_ann)) +
                               ",2024-03-01T00:00:00Z,2024-03-12T00:00:00Z,4,3,1.33333,25,1.5,2,3,4,1,0,4,0.25,0,0.75");
        QVERIFY(lines[2].startsWith("twin-0002,twin-0002,"));
        QVERIFY(lines[3].startsWith("Bob,bob-0003,"));
        QVERIFY(lines[3].endsWith(",0,4,0,1,4,0,1,0"));

        options.privacy = true;
        table = UserFeatures::build(m_fixture->project(), options);
        QVERIFY(table.ok());
        QCOMPARE(table->header()[1], std::string("user_id"));
        QVERIFY(UserFeatures::writeCsv(*table, csvPath.toStdString()).ok());
        QFile privateFile(csvPath);
        QVERIFY(privateFile.open(QIODevice::ReadOnly));
        const QByteArray content = privateFile.readAll();
        for (const char *secret : {"ann-0001", "Ann", "bob-0003", "Bob", "twin-0002", "cy-0004",
                                   "9f2c41d0aa55e6b7c3d2e1f0a9b8c7d6"})
            QVERIFY2(!content.contains(secret), secret);
        QVERIFY(content.contains("9f2c41d0aa55e6b7,"));

        options.tasks = {"nosuchtask"};
        QVERIFY(!UserFeatures::build(m_fixture->project(), options).ok());
    }
};

QTEST_GUILESS_MAIN(UserProfileTest)
#include "tst_userprofile.moc"
