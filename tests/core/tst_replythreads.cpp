// Reply threads from reply_to and thread_id: grouping, the context a post is read with (ancestors
// first, then earlier posts, capped, oldest first, the post last), odd data (cycles, unknown parents,
// missing times), and the thread-aware training data built from them.
#include "core/split/datasetsplitter.h"
#include "core/store/project.h"
#include "core/training/replythreads.h"
#include "core/training/superviseddata.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

using namespace chorus;

class ReplyThreadsTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    std::int64_t m_dataset = 0;
    std::map<std::string, std::int64_t> m_ids; // source id -> post id

    void add(const std::string &source, std::optional<std::int64_t> time, const std::string &replyTo = {},
             const std::string &threadId = {}, const std::string &text = "words", const std::string &label = {})
    {
        auto insert = m_project->db().prepare(
            "INSERT INTO posts(dataset_id, source_id, created_at, reply_to, thread_id, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        insert->bind(1, m_dataset).bind(2, source).bind(3, time).bindTextOrNull(4, replyTo).bindTextOrNull(5, threadId).bind(6, text);
        QVERIFY(insert->exec());
        m_ids[source] = m_project->db().lastInsertRowId();
        if (!label.empty()) {
            auto labelled = m_project->db().prepare("INSERT INTO labels(post_id, task, value) VALUES (?1, 'side', ?2)");
            labelled->bind(1, m_ids[source]).bind(2, label);
            QVERIFY(labelled->exec());
        }
    }

    std::vector<std::int64_t> ids(std::initializer_list<const char *> sources)
    {
        std::vector<std::int64_t> out;
        for (const char *s : sources)
            out.push_back(m_ids.at(s));
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto project = Project::open(m_dir.filePath("threads.chorus").toStdString());
        QVERIFY(project.ok());
        m_project = std::move(*project);
        auto dataset = m_project->ensureDataset("threads");
        QVERIFY(dataset.ok());
        m_dataset = *dataset;
        // Thread a, by reply_to only: a1 <- a2 <- a3, a1 <- a4, a1 <- a5.
        add("a1", 100, {}, {}, "alpha root post", "alpha");
        add("a2", 200, "a1", {}, "first answer", "alpha");
        add("a3", 300, "a2", {}, "answer to the answer", "alpha");
        add("a4", 250, "a1", {}, "a side remark");
        add("a5", 400, "a1", {}, "late answer", "alpha");
        // Thread b, by thread_id only; b3 was stored last but written first.
        add("b1", 10, {}, "B", "beta opening", "beta");
        add("b2", 20, {}, "B", "beta follow up", "beta");
        add("b3", 5, {}, "B", "beta earliest");
        // Both relations mixed: d2 replies to d1, d3 only names d1's thread id.
        add("d1", 50, {}, "D", "delta", "beta");
        add("d2", 60, "d1", {}, "delta reply", "beta");
        add("d3", 70, {}, "D", "delta by thread id", "beta");
        // Odd data: a lone post, a reply to a post not in the dataset, a reply_to cycle, no times.
        add("c", 500, {}, {}, "alone", "alpha");
        add("x", 510, "not-here", {}, "orphan reply", "alpha");
        add("e1", std::nullopt, "e2", {}, "cycle one", "beta");
        add("e2", std::nullopt, "e1", {}, "cycle two", "beta");
    }

    void groupsThreadsByBothRelations()
    {
        auto threads = ReplyThreads::load(*m_project, m_dataset);
        QVERIFY2(threads.ok(), threads.ok() ? "" : threads.message().c_str());
        QCOMPARE(threads->postCount(), std::size_t(15));
        // a, b, d, c, x, e
        QCOMPARE(threads->threadCount(), std::size_t(6));
        for (const char *member : {"a2", "a3", "a4", "a5"})
            QCOMPARE(threads->threadOf(m_ids[member]), m_ids["a1"]);
        QCOMPARE(threads->threadOf(m_ids["b1"]), m_ids["b3"]); // keyed by the oldest post
        QCOMPARE(threads->threadOf(m_ids["d3"]), m_ids["d1"]);
        QCOMPARE(threads->threadOf(m_ids["d2"]), m_ids["d1"]);
        QVERIFY(threads->threadOf(m_ids["c"]) != threads->threadOf(m_ids["x"]));
        QCOMPARE(threads->threadOf(m_ids["e1"]), threads->threadOf(m_ids["e2"]));
    }

    void contextIsWhatTheReaderHadSeen()
    {
        auto threads = ReplyThreads::load(*m_project, m_dataset);
        QVERIFY(threads.ok());
        // Ancestors and earlier replies, oldest first, the post last; later posts never.
        QCOMPARE(threads->context(m_ids["a3"], 8), ids({"a1", "a2", "a4", "a3"}));
        // The cap keeps ancestors before mere earlier posts.
        QCOMPARE(threads->context(m_ids["a3"], 3), ids({"a1", "a2", "a3"}));
        QCOMPARE(threads->context(m_ids["a3"], 2), ids({"a2", "a3"}));
        QCOMPARE(threads->context(m_ids["a3"], 1), ids({"a3"}));
        // After the ancestors, the most recent earlier posts.
        QCOMPARE(threads->context(m_ids["a5"], 3), ids({"a1", "a3", "a5"}));
        QCOMPARE(threads->context(m_ids["a1"], 8), ids({"a1"}));
        QCOMPARE(threads->context(m_ids["b2"], 8), ids({"b3", "b1", "b2"}));
        QCOMPARE(threads->context(m_ids["d3"], 8), ids({"d1", "d2", "d3"}));
        QCOMPARE(threads->context(m_ids["c"], 8), ids({"c"}));
        QCOMPARE(threads->context(m_ids["x"], 8), ids({"x"}));
        // A cycle ends; without times, ids order the posts.
        QCOMPARE(threads->context(m_ids["e2"], 8), ids({"e1", "e2"}));
        QCOMPARE(threads->context(m_ids["e1"], 8), ids({"e2", "e1"}));
        QCOMPARE(threads->context(987654, 8), std::vector<std::int64_t>{987654});
    }

    void trainingDataCarriesTheThreads()
    {
        SplitOptions split;
        split.seed = 5;
        split.train = 1.0;
        split.valid = 0.0;
        split.test = 0.0;
        QVERIFY(DatasetSplitter::create(*m_project, "threads", split).ok());
        SupervisedDataOptions options;
        options.dataset = "threads";
        options.tasks = {"side"};
        options.threadPosts = 4;
        auto data = SupervisedData::load(*m_project, options);
        QVERIFY2(data.ok(), data.ok() ? "" : data.message().c_str());
        QCOMPARE(data->threadPosts, std::size_t(4));
        const PostExample *a3 = nullptr;
        for (const PostExample &e : data->train) {
            QVERIFY(!e.thread.empty());
            QVERIFY(e.thread.size() <= 4);
            QCOMPARE(e.thread.back(), e.postId);
            for (std::int64_t id : e.thread)
                QVERIFY(data->threadPostTokens.count(id));
            if (e.postId == m_ids["a3"])
                a3 = &e;
        }
        QVERIFY(a3);
        QCOMPARE(a3->thread, ids({"a1", "a2", "a4", "a3"}));
        // a4 is unlabelled (no example of its own) but is read as context, encoded like the rest.
        const std::vector<std::int64_t> remark = data->threadPostTokens.at(m_ids["a4"]);
        QCOMPARE(data->vocabulary.decode(remark).size(), std::size_t(3));
        // Its words are in the vocabulary: the model reads them in training, as a3's context.
        QVERIFY(data->vocabulary.contains("remark"));
        QVERIFY(std::find(remark.begin(), remark.end(), data->vocabulary.unknownId()) == remark.end());
        QCOMPARE(data->threadPostTokens.at(m_ids["a1"]), data->encode("alpha root post"));

        // Without thread context nothing of it is built.
        options.threadPosts = 0;
        auto plain = SupervisedData::load(*m_project, options);
        QVERIFY(plain.ok());
        QVERIFY(plain->threadPostTokens.empty());
        for (const PostExample &e : plain->train)
            QVERIFY(e.thread.empty());
    }
};

QTEST_GUILESS_MAIN(ReplyThreadsTest)
#include "tst_replythreads.moc"
