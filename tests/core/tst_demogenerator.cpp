// The demo project generator (text only): counts, languages, labels, threads, determinism,
// idempotence, interactions, and that its sentiment labels are learnable from the text.
#include "core/demo/demogenerator.h"
#include "core/store/project.h"

#include <nlohmann/json.hpp>

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

using namespace chorus;

namespace {

DemoOptions textOnly(std::uint64_t seed = 7)
{
    DemoOptions options;
    options.seed = seed;
    options.withMedia = false;
    return options;
}

std::int64_t count(Project &p, const std::string &sql) { return *p.db().queryInt(sql); }

struct StoredPost {
    std::string sourceId, text, language, author, replyTo, threadId, clientApp;
    std::int64_t createdAt = 0, likes = 0, shares = 0, replies = 0;
    std::map<std::string, std::string> labels;
};

std::vector<StoredPost> postsOf(Project &p)
{
    auto prepared = p.db().prepare(
        "SELECT p.id, p.source_id, p.text, p.language, u.source_id, coalesce(p.reply_to, ''),"
        " coalesce(p.thread_id, ''), coalesce(p.client_app, ''), p.created_at, p.likes, p.shares, p.replies"
        " FROM posts p JOIN datasets d ON d.id = p.dataset_id LEFT JOIN users u ON u.id = p.author_id"
        " WHERE d.name = 'demo' ORDER BY p.source_id");
    SqliteStatement &select = *prepared;
    std::vector<StoredPost> posts;
    std::unordered_map<std::int64_t, std::size_t> index;
    while (select.step()) {
        StoredPost post;
        post.sourceId = select.text(1);
        post.text = select.text(2);
        post.language = select.text(3);
        post.author = select.text(4);
        post.replyTo = select.text(5);
        post.threadId = select.text(6);
        post.clientApp = select.text(7);
        post.createdAt = select.int64(8);
        post.likes = select.int64(9);
        post.shares = select.int64(10);
        post.replies = select.int64(11);
        index[select.int64(0)] = posts.size();
        posts.push_back(post);
    }
    auto labels = p.db().prepare("SELECT post_id, task, value FROM labels");
    while (labels->step()) {
        auto it = index.find(labels->int64(0));
        if (it != index.end())
            posts[it->second].labels[labels->text(1)] = labels->text(2);
    }
    return posts;
}

// Lowercased ASCII letter/digit runs as words; every other non-ASCII code point (Chinese
// characters, emoji) as a token of its own; ASCII punctuation dropped.
std::vector<std::string> tokens(const std::string &text)
{
    std::vector<std::string> out;
    std::string word;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (std::isalnum(c)) {
                word += static_cast<char>(std::tolower(c));
            } else if (!word.empty()) {
                out.push_back(word);
                word.clear();
            }
            ++i;
            continue;
        }
        if (!word.empty()) {
            out.push_back(word);
            word.clear();
        }
        const std::size_t length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
        out.push_back(text.substr(i, length));
        i += length;
    }
    if (!word.empty())
        out.push_back(word);
    return out;
}

// Multinomial naive Bayes with add-one smoothing; returns test accuracy.
double naiveBayesAccuracy(const std::vector<StoredPost> &posts, const std::string &task)
{
    std::map<std::string, std::map<std::string, double>> tokenCounts;
    std::map<std::string, double> tokenTotals, classCounts;
    std::set<std::string> vocabulary;
    std::vector<const StoredPost *> test;
    for (std::size_t i = 0; i < posts.size(); ++i) {
        if (i % 5 == 0) {
            test.push_back(&posts[i]);
            continue;
        }
        const std::string &label = posts[i].labels.at(task);
        classCounts[label] += 1;
        for (const std::string &token : tokens(posts[i].text)) {
            tokenCounts[label][token] += 1;
            tokenTotals[label] += 1;
            vocabulary.insert(token);
        }
    }
    int correct = 0;
    for (const StoredPost *post : test) {
        std::string best;
        double bestScore = -1e300;
        for (const auto &[label, n] : classCounts) {
            double score = std::log(n);
            for (const std::string &token : tokens(post->text)) {
                auto it = tokenCounts[label].find(token);
                const double c = it == tokenCounts[label].end() ? 0 : it->second;
                score += std::log((c + 1) / (tokenTotals[label] + double(vocabulary.size())));
            }
            if (score > bestScore) {
                bestScore = score;
                best = label;
            }
        }
        correct += best == post->labels.at(task) ? 1 : 0;
    }
    return double(correct) / double(test.size());
}

} // namespace

class DemoGeneratorTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    DemoSummary m_summary;
    std::vector<StoredPost> m_posts;

private slots:
    void initTestCase()
    {
        auto project = Project::open(m_dir.filePath("demo.chorus").toStdString());
        QVERIFY(project.ok());
        m_project = std::move(*project);
        QElapsedTimer timer;
        timer.start();
        auto summary = DemoGenerator(textOnly()).generate(*m_project);
        QVERIFY2(summary.ok(), summary.ok() ? "" : summary.message().c_str());
        qInfo("generated the text-only demo in %lld ms", static_cast<long long>(timer.elapsed()));
        QVERIFY(timer.elapsed() < 20000);
        m_summary = *summary;
        m_posts = postsOf(*m_project);
    }

    void countsAndLanguages()
    {
        QCOMPARE(m_summary.postsAdded, std::int64_t(3000));
        QCOMPARE(m_posts.size(), std::size_t(3000));
        QCOMPARE(m_summary.images + m_summary.videos, std::int64_t(0));
        QCOMPARE(count(*m_project, "SELECT count(*) FROM media"), std::int64_t(0));
        QCOMPARE(count(*m_project, "SELECT count(*) FROM users"), std::int64_t(200));
        std::map<std::string, int> languages;
        std::set<std::string> apps;
        for (const StoredPost &post : m_posts) {
            ++languages[post.language];
            apps.insert(post.clientApp);
            QVERIFY(!post.text.empty());
            QVERIFY(!post.author.empty());
            QVERIFY(post.likes >= 0 && post.shares >= 0);
        }
        QCOMPARE(languages.size(), std::size_t(2));
        const double chinese = languages["zh"] / 3000.0;
        QVERIFY2(chinese > 0.15 && chinese < 0.45, std::to_string(chinese).c_str());
        QVERIFY(apps.count("Chorus for Android") && apps.count("Chorus Web"));
        // Chinese posts are written in Chinese.
        int withHan = 0;
        for (const StoredPost &post : m_posts)
            if (post.language == "zh" && post.text.find("\xe7") != std::string::npos)
                ++withHan;
        QVERIFY(withHan > languages["zh"] * 9 / 10);

        const auto minTime = std::min_element(m_posts.begin(), m_posts.end(), [](auto &a, auto &b) {
                                 return a.createdAt < b.createdAt;
                             })->createdAt;
        const auto maxTime = std::max_element(m_posts.begin(), m_posts.end(), [](auto &a, auto &b) {
                                 return a.createdAt < b.createdAt;
                             })->createdAt;
        QVERIFY(maxTime - minTime > 80 * 86400);
        QVERIFY(maxTime - minTime < 92 * 86400);
    }

    void labelTasksArePresentAndBalanced()
    {
        std::map<std::string, std::map<std::string, int>> values;
        std::map<std::string, double> engagementSum;
        std::map<std::string, int> engagementCount;
        for (const StoredPost &post : m_posts) {
            QVERIFY(post.labels.count("sentiment") && post.labels.count("topic") && post.labels.count("engagement"));
            ++values["sentiment"][post.labels.at("sentiment")];
            ++values["topic"][post.labels.at("topic")];
            bool ok = false;
            const double engagement = QString::fromStdString(post.labels.at("engagement")).toDouble(&ok);
            QVERIFY(ok && engagement > 0);
            engagementSum[post.labels.at("sentiment")] += engagement;
            ++engagementCount[post.labels.at("sentiment")];
        }
        QCOMPARE(values["sentiment"].size(), std::size_t(3));
        for (const auto &[value, n] : values["sentiment"])
            QVERIFY2(n > 3000 / 5, (value + ": " + std::to_string(n)).c_str());
        QCOMPARE(values["topic"].size(), std::size_t(4));
        for (const auto &[value, n] : values["topic"])
            QVERIFY2(n > 3000 / 10, (value + ": " + std::to_string(n)).c_str());
        // Engagement depends on sentiment: strong opinions travel further than facts.
        QVERIFY(engagementSum["negative"] / engagementCount["negative"] >
                engagementSum["neutral"] / engagementCount["neutral"] + 0.3);
    }

    void repliesFormThreadsOfExistingPosts()
    {
        std::map<std::string, const StoredPost *> bySource;
        for (const StoredPost &post : m_posts)
            bySource[post.sourceId] = &post;
        std::map<std::string, std::int64_t> children;
        int replies = 0, mentioning = 0;
        for (const StoredPost &post : m_posts) {
            QVERIFY(!post.threadId.empty());
            QVERIFY(bySource.count(post.threadId));
            if (post.replyTo.empty()) {
                QCOMPARE(post.threadId, post.sourceId);
                continue;
            }
            ++replies;
            ++children[post.replyTo];
            QVERIFY2(bySource.count(post.replyTo), post.replyTo.c_str());
            const StoredPost &parent = *bySource[post.replyTo];
            QVERIFY(parent.createdAt < post.createdAt);
            QVERIFY(parent.author != post.author);
            QCOMPARE(post.threadId, parent.threadId); // the root of the parent's thread
            QVERIFY(bySource[post.threadId]->replyTo.empty());
            QCOMPARE(post.labels.at("topic"), parent.labels.at("topic")); // answers stay on topic
            mentioning += post.text.find('@') != std::string::npos ? 1 : 0;
        }
        QVERIFY2(replies > 3000 / 6 && replies < 3000 / 2, std::to_string(replies).c_str());
        QCOMPARE(mentioning, replies);
        for (const StoredPost &post : m_posts)
            QCOMPARE(post.replies, children[post.sourceId]);
    }

    void sameSeedSameProjectDifferentSeedNot()
    {
        QTemporaryDir dir;
        auto again = Project::open(dir.filePath("again.chorus").toStdString());
        auto other = Project::open(dir.filePath("other.chorus").toStdString());
        QVERIFY(again.ok() && other.ok());
        QVERIFY(DemoGenerator(textOnly()).generate(**again).ok());
        QVERIFY(DemoGenerator(textOnly(8)).generate(**other).ok());
        const auto same = postsOf(**again);
        const auto different = postsOf(**other);
        QCOMPARE(same.size(), m_posts.size());
        int differingTexts = 0;
        for (std::size_t i = 0; i < same.size(); ++i) {
            QCOMPARE(same[i].sourceId, m_posts[i].sourceId);
            QCOMPARE(same[i].text, m_posts[i].text);
            QCOMPARE(same[i].createdAt, m_posts[i].createdAt);
            QCOMPARE(same[i].author, m_posts[i].author);
            QCOMPARE(same[i].replyTo, m_posts[i].replyTo);
            QCOMPARE(same[i].likes, m_posts[i].likes);
            QVERIFY(same[i].labels == m_posts[i].labels);
            differingTexts += different[i].text != m_posts[i].text ? 1 : 0;
        }
        QVERIFY(differingTexts > 2900);
        const char *interactions = "SELECT group_concat(u.source_id || i.item || i.kind || i.created_at, ',') FROM"
                                   " (SELECT * FROM interactions ORDER BY user_id, created_at, kind) i"
                                   " JOIN users u ON u.id = i.user_id";
        QCOMPARE(*(*again)->db().queryText(interactions), *m_project->db().queryText(interactions));
        QVERIFY(*(*other)->db().queryText(interactions) != *m_project->db().queryText(interactions));
    }

    void secondRunAddsNothing()
    {
        const std::string tables[] = {"posts", "users", "labels", "items", "interactions", "datasets", "media"};
        std::map<std::string, std::int64_t> before;
        for (const std::string &table : tables)
            before[table] = count(*m_project, "SELECT count(*) FROM " + table);
        auto second = DemoGenerator(textOnly()).generate(*m_project);
        QVERIFY(second.ok());
        QCOMPARE(second->postsAdded, std::int64_t(0));
        QCOMPARE(second->postsAlreadyThere, std::int64_t(3000));
        QCOMPARE(second->interactionsAdded, std::int64_t(0));
        QCOMPARE(second->interactionsAlreadyThere, m_summary.interactionsAdded);
        for (const std::string &table : tables)
            QCOMPARE(count(*m_project, "SELECT count(*) FROM " + table), before[table]);
    }

    void interactionsFollowInterestsAndPopularity()
    {
        Project &p = *m_project;
        QCOMPARE(count(p, "SELECT count(*) FROM items i JOIN datasets d ON d.id = i.dataset_id"
                          " WHERE d.name = 'interactions' AND d.kind = 'interactions'"),
                 std::int64_t(300));
        QCOMPARE(count(p, "SELECT count(DISTINCT json_extract(extras, '$.topic')) FROM items"), std::int64_t(4));
        QCOMPARE(count(p, "SELECT count(*) FROM items WHERE title IS NULL OR title = ''"), std::int64_t(0));
        QVERIFY(m_summary.interactionsAdded > 200 * 15);
        QCOMPARE(count(p, "SELECT count(DISTINCT kind) FROM interactions"), std::int64_t(3));
        QCOMPARE(count(p, "SELECT count(DISTINCT user_id) FROM interactions"), std::int64_t(200));
        // Every interaction names a stored item.
        QCOMPARE(count(p, "SELECT count(*) FROM interactions WHERE item NOT IN (SELECT source_id FROM items)"),
                 std::int64_t(0));

        // Popularity is skewed: the top tenth of the items draws far more than a tenth of the views.
        auto views = p.db().prepare("SELECT count(*) AS n FROM interactions WHERE kind = 'view' GROUP BY item"
                                    " ORDER BY n DESC");
        std::vector<std::int64_t> perItem;
        while (views->step())
            perItem.push_back(views->int64(0));
        std::int64_t total = 0, top = 0;
        for (std::size_t i = 0; i < perItem.size(); ++i) {
            total += perItem[i];
            top += i < 30 ? perItem[i] : 0;
        }
        QVERIFY2(top * 10 > total * 3, (std::to_string(top) + " of " + std::to_string(total)).c_str());

        // Users read mostly on their favourite topic, and the posts they write lean the same way.
        auto perUser = p.db().prepare(
            "SELECT i.user_id, json_extract(t.extras, '$.topic') AS topic, count(*) FROM interactions i"
            " JOIN items t ON t.source_id = i.item WHERE i.kind = 'view' GROUP BY i.user_id, topic");
        std::map<std::int64_t, std::map<std::string, int>> topicViews;
        while (perUser->step())
            topicViews[perUser->int64(0)][perUser->text(1)] += static_cast<int>(perUser->int64(2));
        double share = 0;
        for (const auto &[user, topics] : topicViews) {
            int sum = 0, best = 0;
            for (const auto &[topic, n] : topics) {
                sum += n;
                best = std::max(best, n);
            }
            share += double(best) / sum;
        }
        share /= double(topicViews.size());
        QVERIFY2(share > 0.5, std::to_string(share).c_str());

        // Sequences: per user, strictly increasing times.
        QCOMPARE(count(p, "SELECT count(*) FROM (SELECT user_id, created_at FROM interactions"
                          " GROUP BY user_id, created_at HAVING count(*) > 1)"),
                 std::int64_t(0));
    }

    void sentimentIsLearnableFromTheText()
    {
        const double sentiment = naiveBayesAccuracy(m_posts, "sentiment");
        const double topic = naiveBayesAccuracy(m_posts, "topic");
        qInfo("naive Bayes test accuracy: sentiment %.3f, topic %.3f", sentiment, topic);
        QVERIFY2(sentiment >= 0.85, std::to_string(sentiment).c_str());
        QVERIFY2(topic >= 0.85, std::to_string(topic).c_str());
        // ... and not by memorising: most texts are unique.
        std::set<std::string> distinct;
        for (const StoredPost &post : m_posts)
            distinct.insert(post.text);
        QVERIFY2(distinct.size() > m_posts.size() * 9 / 10, std::to_string(distinct.size()).c_str());
    }

    void badOptionsAreErrors()
    {
        QTemporaryDir dir;
        auto project = Project::open(dir.filePath("bad.chorus").toStdString());
        DemoOptions options = textOnly();
        options.users = 0;
        auto result = DemoGenerator(options).generate(**project);
        QVERIFY(!result.ok());
        QVERIFY(result.message().find("users") != std::string::npos);
#ifndef CHORUS_HAVE_MEDIA
        options = DemoOptions();
        options.withMedia = true;
        QVERIFY(!DemoGenerator(options).generate(**project).ok());
#endif
        // A small demo works too.
        options = textOnly();
        options.posts = 40;
        options.users = 3;
        options.items = 5;
        auto small = DemoGenerator(options).generate(**project);
        QVERIFY(small.ok());
        QCOMPARE(small->postsAdded, std::int64_t(40));
    }
};

QTEST_GUILESS_MAIN(DemoGeneratorTest)
#include "tst_demogenerator.moc"
