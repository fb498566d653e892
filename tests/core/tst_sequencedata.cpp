// Sequence-to-sequence examples from a project: behaviour sequences ordered by time with the parts
// split by time per user (nothing a model is tested on is ever in its training targets or sources
// from the future), reply pairs split by the stored split or a stable hash, and the vocabulary counted
// on training examples only.
#include "core/demo/demogenerator.h"
#include "core/split/datasetsplitter.h"
#include "core/store/project.h"
#include "core/training/sequencedata.h"

#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <set>

using namespace chorus;

namespace {

// Behaviour items are named after their time ("i105"), so a token tells when its action happened.
std::int64_t timeOf(const std::string &token)
{
    return std::stoll(token.substr(token.find(":i") + 2));
}

} // namespace

class SequenceDataTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;

    void exec(const std::string &sql)
    {
        const Status s = m_project->db().exec(sql);
        QVERIFY2(s.ok(), s.message().c_str());
    }

    std::vector<std::string> userTimes(std::int64_t user)
    {
        std::vector<std::string> out;
        auto select = m_project->db().prepare("SELECT kind, item FROM interactions WHERE user_id = ? ORDER BY created_at");
        select->bind(1, user);
        while (select->step())
            out.push_back(SequenceData::actionToken(select->text(0), select->text(1)));
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto project = Project::open(m_dir.filePath("seq.chorus").toStdString());
        QVERIFY(project.ok());
        m_project = std::move(*project);
        exec("INSERT INTO datasets(id, name, kind) VALUES (1, 'acts', 'interactions'), (2, 'threads', 'posts')");
        exec("INSERT INTO users(id, source_id) VALUES (1, 'u1'), (2, 'u2'), (3, 'u3'), (4, 'u4')");
        // u1: 10 actions inserted newest first, so only the ORDER BY puts them in time order; the last
        // one names an item nobody else touches. u2: 3 actions. u3: 1 action. u4: 20 actions.
        for (int i = 9; i >= 0; --i) {
            const int time = 100 + 10 * i;
            const std::string kind = i % 3 == 2 ? "like" : "view";
            exec("INSERT INTO interactions(dataset_id, user_id, item, kind, created_at) VALUES (1, 1, 'i" +
                 std::to_string(time) + "', '" + kind + "', " + std::to_string(time) + ")");
        }
        for (int time : {500, 300, 400})
            exec("INSERT INTO interactions(dataset_id, user_id, item, kind, created_at) VALUES (1, 2, 'i" +
                 std::to_string(time) + "', 'view', " + std::to_string(time) + ")");
        exec("INSERT INTO interactions(dataset_id, user_id, item, kind, created_at) VALUES (1, 3, 'i50', 'view', 50)");
        for (int i = 0; i < 20; ++i)
            exec("INSERT INTO interactions(dataset_id, user_id, item, kind, created_at) VALUES (1, 4, 'i" +
                 std::to_string(1000 + i) + "', 'share', " + std::to_string(1000 + i) + ")");

        // Threads: 60 roots r1..r60, each answered by a1..a60; a61 answers a post of another dataset.
        for (int i = 1; i <= 60; ++i) {
            const std::string n = std::to_string(i);
            exec("INSERT INTO posts(dataset_id, source_id, created_at, text) VALUES (2, 'r" + n + "', " + n +
                 ", 'root number " + n + " talks about cats')");
            exec("INSERT INTO posts(dataset_id, source_id, created_at, text, reply_to) VALUES (2, 'a" + n + "', " +
                 std::to_string(1000 + i) + ", 'reply " + n + " agrees', 'r" + n + "')");
        }
        exec("INSERT INTO posts(dataset_id, source_id, text, reply_to) VALUES (2, 'a61', 'orphan', 'elsewhere')");
    }

    void behaviourIsOrderedByTimeWithoutLeakage()
    {
        SequenceDataOptions options;
        options.source = SequenceSource::Behaviour;
        options.dataset = "acts";
        options.context = 3;
        options.horizon = 1;
        auto data = SequenceData::load(*m_project, options);
        QVERIFY2(data.ok(), data.ok() ? "" : data.message().c_str());

        // u1: last = test, second last = valid, positions 1..7 train; u2: test and valid only; u3: none;
        // u4: test, valid and 17 train.
        QCOMPARE(data->test.size(), std::size_t(3));
        QCOMPARE(data->valid.size(), std::size_t(3));
        QCOMPARE(data->train.size(), std::size_t(7 + 17));
        const SequenceExample &test = data->test.front();
        QCOMPARE(test.key, std::int64_t(1));
        QCOMPARE(test.time, std::int64_t(190));
        QCOMPARE(test.sourceTokens, (std::vector<std::string>{"view:i160", "view:i170", "like:i180"}));
        QCOMPARE(test.targetTokens, (std::vector<std::string>{"view:i190"}));
        QCOMPARE(data->valid.front().targetTokens, (std::vector<std::string>{"like:i180"}));
        // u2's actions were inserted out of order.
        QCOMPARE(data->test[1].sourceTokens, (std::vector<std::string>{"view:i300", "view:i400"}));
        QCOMPARE(data->test[1].targetTokens, (std::vector<std::string>{"view:i500"}));

        std::map<std::int64_t, std::int64_t> validTime, testTime;
        for (const SequenceExample &e : data->valid)
            validTime[e.key] = e.time;
        for (const SequenceExample &e : data->test)
            testTime[e.key] = e.time;
        for (const auto *part : {&data->train, &data->valid, &data->test}) {
            for (const SequenceExample &e : *part) {
                QVERIFY(!e.sourceTokens.empty() && e.sourceTokens.size() <= 3);
                // Sources strictly before the target, in time order; targets from the example's time on.
                for (std::size_t i = 0; i < e.sourceTokens.size(); ++i) {
                    QVERIFY(timeOf(e.sourceTokens[i]) < e.time);
                    if (i > 0)
                        QVERIFY(timeOf(e.sourceTokens[i - 1]) < timeOf(e.sourceTokens[i]));
                }
                QCOMPARE(timeOf(e.targetTokens.front()), e.time);
                QCOMPARE(e.source.size(), e.sourceTokens.size());
                QCOMPARE(e.target.size(), e.targetTokens.size());
            }
        }
        // No training target at or after its user's valid target; valid before test.
        for (const SequenceExample &e : data->train)
            for (const std::string &token : e.targetTokens)
                QVERIFY(timeOf(token) < validTime.at(e.key));
        for (const auto &[user, time] : validTime)
            QVERIFY(time < testTime.at(user));

        // The vocabulary comes from the training examples only.
        QCOMPARE(data->vocabulary.id("<pad>"), SequenceData::kPadId);
        QCOMPARE(data->vocabulary.id("<bos>"), SequenceData::kBeginId);
        QCOMPARE(data->vocabulary.id("<eos>"), SequenceData::kEndId);
        QVERIFY(data->vocabulary.contains("view:i160"));
        QVERIFY(!data->vocabulary.contains("view:i190")); // u1's test target
        QVERIFY(!data->vocabulary.contains("view:i500")); // u2 has no training example at all
        QCOMPARE(test.target.front(), SequenceData::kUnknownId);
        QCOMPARE(test.source.front(), data->vocabulary.id("view:i160"));
    }

    void behaviourHorizonKeepsPartsApart()
    {
        SequenceDataOptions options;
        options.source = SequenceSource::Behaviour;
        options.dataset = "acts";
        options.context = 4;
        options.horizon = 3;
        auto data = SequenceData::load(*m_project, options);
        QVERIFY(data.ok());
        // u1 (10 actions): test target = actions 7..9, valid = 4..6, train targets end before action 4.
        std::vector<const SequenceExample *> u1;
        for (const SequenceExample &e : data->train)
            if (e.key == 1)
                u1.push_back(&e);
        QCOMPARE(u1.size(), std::size_t(1));
        QCOMPARE(u1.front()->targetTokens, (std::vector<std::string>{"view:i110", "like:i120", "view:i130"}));
        QCOMPARE(data->test.front().targetTokens, (std::vector<std::string>{"view:i170", "like:i180", "view:i190"}));
        QCOMPARE(data->test.front().sourceTokens,
                 (std::vector<std::string>{"view:i130", "view:i140", "like:i150", "view:i160"}));
        QCOMPARE(data->valid.front().targetTokens, (std::vector<std::string>{"view:i140", "like:i150", "view:i160"}));
        // u2's 3 actions cannot hold one target of 3 with a source before it.
        for (const auto *part : {&data->train, &data->valid, &data->test})
            for (const SequenceExample &e : *part)
                QVERIFY(e.key != 2 && e.key != 3 && e.targetTokens.size() == 3);
        // u4 (20 actions): test t = 17, valid t = 14, train t = 1..11.
        std::size_t u4 = 0;
        for (const SequenceExample &e : data->train) {
            if (e.key != 4)
                continue;
            ++u4;
            QVERIFY(timeOf(e.targetTokens.back()) < 1014);
        }
        QCOMPARE(u4, std::size_t(11));

        options.horizon = 0;
        QVERIFY(!SequenceData::load(*m_project, options).ok());
        options.horizon = 9; // nobody has 3 x 9 + 1 actions
        auto tooLong = SequenceData::load(*m_project, options);
        QVERIFY(!tooLong.ok());
        QVERIFY(tooLong.message().find("horizon") != std::string::npos);
    }

    void repliesPairParentAndReply()
    {
        SequenceDataOptions options;
        options.source = SequenceSource::Replies;
        options.dataset = "threads";
        options.maxTargetLength = 3; // two words and <eos>
        auto data = SequenceData::load(*m_project, options);
        QVERIFY2(data.ok(), data.ok() ? "" : data.message().c_str());
        // No stored split: every pair by hash; the orphan is not a pair.
        QCOMPARE(data->splitId, std::int64_t(0));
        QCOMPARE(data->hashAssigned, std::int64_t(60));
        QCOMPARE(data->train.size() + data->valid.size() + data->test.size(), std::size_t(60));
        QVERIFY(data->train.size() > 30);
        std::set<std::int64_t> keys;
        for (const auto *part : {&data->train, &data->valid, &data->test}) {
            const int expected = part == &data->train ? 0 : part == &data->valid ? 1 : 2;
            for (const SequenceExample &e : *part) {
                keys.insert(e.key);
                auto sourceId = m_project->db().queryText("SELECT source_id FROM posts WHERE id = " + std::to_string(e.key));
                QCOMPARE(SequenceData::hashPart(*sourceId), expected);
                const std::string n = sourceId->substr(1);
                QCOMPARE(e.sourceTokens,
                         (std::vector<std::string>{"root", "number", n, "talks", "about", "cats"}));
                QCOMPARE(e.targetTokens, (std::vector<std::string>{"reply", n}));
            }
        }
        QCOMPARE(keys.size(), std::size_t(60));
        // Numbers seen only in valid/test replies are unknown.
        for (const SequenceExample &e : data->test)
            QCOMPARE(e.target[1], SequenceData::kUnknownId);
        QVERIFY(data->vocabulary.contains("cats"));

        // A stored split decides the parts of the posts it covers.
        SplitOptions split;
        split.seed = 5;
        auto info = DatasetSplitter::create(*m_project, "threads", split);
        QVERIFY(info.ok());
        options.maxTargetLength = 24;
        auto stored = SequenceData::load(*m_project, options);
        QVERIFY(stored.ok());
        QCOMPARE(stored->splitId, info->splitId);
        QCOMPARE(stored->hashAssigned, std::int64_t(0));
        for (auto [part, examples] : {std::pair{SplitPart::Train, &stored->train}, std::pair{SplitPart::Valid, &stored->valid},
                                      std::pair{SplitPart::Test, &stored->test}}) {
            auto ids = DatasetSplitter::postIds(*m_project, info->splitId, part);
            QVERIFY(ids.ok());
            const std::set<std::int64_t> inPart(ids->begin(), ids->end());
            for (const SequenceExample &e : *examples)
                QVERIFY(inPart.count(e.key));
        }
        QCOMPARE(stored->train.size() + stored->valid.size() + stored->test.size(), std::size_t(60));

        // A split of another dataset is refused.
        options.splitId = 999;
        QVERIFY(!SequenceData::load(*m_project, options).ok());
    }

    void hashPartIsStableAndProportional()
    {
        std::array<int, 3> counts{};
        for (int i = 0; i < 10000; ++i)
            ++counts[static_cast<std::size_t>(SequenceData::hashPart("post-" + std::to_string(i)))];
        QVERIFY(counts[0] > 7700 && counts[0] < 8300);
        QVERIFY(counts[1] > 850 && counts[1] < 1150);
        QVERIFY(counts[2] > 850 && counts[2] < 1150);
        QCOMPARE(SequenceData::hashPart("post-42"), SequenceData::hashPart(std::string("post-") + "42"));
    }

    void demoProjectGivesBothSources()
    {
        QTemporaryDir dir;
        auto project = Project::open(dir.filePath("demo.chorus").toStdString());
        QVERIFY(project.ok());
        DemoOptions demo;
        demo.posts = 300;
        demo.users = 20;
        demo.items = 30;
        demo.withMedia = false;
        QVERIFY(DemoGenerator(demo).generate(**project).ok());

        SequenceDataOptions behaviour;
        behaviour.source = SequenceSource::Behaviour;
        behaviour.dataset = DemoGenerator::kInteractionsDataset;
        auto actions = SequenceData::load(**project, behaviour);
        QVERIFY2(actions.ok(), actions.ok() ? "" : actions.message().c_str());
        QCOMPARE(actions->test.size(), std::size_t(20)); // every demo user has 15+ views
        QVERIFY(actions->train.size() > 100);
        for (const SequenceExample &e : actions->train)
            QCOMPARE(e.targetTokens.size(), std::size_t(4));

        SequenceDataOptions replies;
        replies.dataset = DemoGenerator::kPostsDataset;
        auto pairs = SequenceData::load(**project, replies);
        QVERIFY2(pairs.ok(), pairs.ok() ? "" : pairs.message().c_str());
        auto expected = (*project)->db().queryInt(
            "SELECT count(*) FROM posts r JOIN posts p ON p.dataset_id = r.dataset_id AND p.source_id = r.reply_to"
            " JOIN datasets d ON d.id = r.dataset_id WHERE d.name = 'demo'");
        QVERIFY(*expected > 30);
        QCOMPARE(static_cast<std::int64_t>(pairs->train.size() + pairs->valid.size() + pairs->test.size()), *expected);

        SequenceDataOptions wrong = behaviour;
        wrong.dataset = DemoGenerator::kPostsDataset; // no interactions there
        QVERIFY(!SequenceData::load(**project, wrong).ok());
        wrong.dataset = "nope";
        QVERIFY(!SequenceData::load(**project, wrong).ok());
    }
};

QTEST_GUILESS_MAIN(SequenceDataTest)
#include "tst_sequencedata.moc"
