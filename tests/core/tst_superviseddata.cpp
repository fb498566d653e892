// SupervisedData turns a dataset's split into training examples: label tasks become classes or
// regression targets, and the engagement tasks post.likes / post.shares / post.replies read the
// posts' own counts, log-scaled.
#include "core/demo/demogenerator.h"
#include "core/split/datasetsplitter.h"
#include "core/store/project.h"
#include "core/training/superviseddata.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <map>

using namespace chorus;

class SupervisedDataTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    std::map<std::int64_t, std::int64_t> m_likes, m_shares;

    std::vector<const PostExample *> allExamples(const SupervisedData &data)
    {
        std::vector<const PostExample *> all;
        for (const auto *part : {&data.train, &data.valid, &data.test})
            for (const PostExample &e : *part)
                all.push_back(&e);
        return all;
    }

private slots:
    void initTestCase()
    {
        auto project = Project::open(m_dir.filePath("data.chorus").toStdString());
        QVERIFY(project.ok());
        m_project = std::move(*project);
        DemoOptions demo;
        demo.posts = 300;
        demo.users = 30;
        demo.items = 10;
        demo.withMedia = false;
        QVERIFY(DemoGenerator(demo).generate(*m_project).ok());
        SplitOptions split;
        split.seed = 2;
        QVERIFY(DatasetSplitter::create(*m_project, DemoGenerator::kPostsDataset, split).ok());
        auto rows = m_project->db().prepare("SELECT id, likes, shares FROM posts");
        QVERIFY(rows.ok());
        while (rows->step()) {
            m_likes[rows->int64(0)] = rows->int64(1);
            m_shares[rows->int64(0)] = rows->int64(2);
        }
        QVERIFY(m_likes.size() >= 300);
    }

    void likesAreALogScaledRegressionTarget()
    {
        SupervisedDataOptions options;
        options.dataset = DemoGenerator::kPostsDataset;
        options.tasks = {"post.likes"};
        auto data = SupervisedData::load(*m_project, options);
        QVERIFY2(data.ok(), data.ok() ? "" : data.message().c_str());
        QCOMPARE(data->tasks.size(), std::size_t(1));
        QVERIFY(data->primary().regression);
        QCOMPARE(data->primary().transform, std::string("log1p"));
        QVERIFY(data->primary().classes.empty());
        const auto all = allExamples(*data);
        QVERIFY(all.size() >= 300 * 9 / 10); // every split post has a count
        for (const PostExample *e : all)
            QCOMPARE(e->targets[0], std::log1p(double(m_likes.at(e->postId))));
        QCOMPARE(data->encodingJson()["tasks"][0]["transform"].get<std::string>(), std::string("log1p"));
    }

    void anEngagementTaskSitsBesideALabelTask()
    {
        SupervisedDataOptions options;
        options.dataset = DemoGenerator::kPostsDataset;
        options.tasks = {"sentiment", "post.shares"};
        auto data = SupervisedData::load(*m_project, options);
        QVERIFY2(data.ok(), data.ok() ? "" : data.message().c_str());
        QVERIFY(!data->tasks[0].regression);
        QVERIFY(data->tasks[0].transform.empty());
        QCOMPARE(data->tasks[0].classes, (std::vector<std::string>{"negative", "neutral", "positive"}));
        QVERIFY(data->tasks[1].regression);
        for (const PostExample *e : allExamples(*data)) {
            QCOMPARE(e->targets[1], std::log1p(double(m_shares.at(e->postId))));
            QVERIFY(e->targets[0] == 0 || e->targets[0] == 1 || e->targets[0] == 2);
        }
    }

    void aMissingCountIsMissingNotZero()
    {
        auto clear = m_project->db().prepare(
            "UPDATE posts SET likes = NULL WHERE id = (SELECT MIN(a.post_id) FROM split_assignments a)");
        QVERIFY(clear.ok());
        clear->step();
        SupervisedDataOptions options;
        options.dataset = DemoGenerator::kPostsDataset;
        options.tasks = {"post.likes"};
        auto data = SupervisedData::load(*m_project, options);
        QVERIFY(data.ok());
        QCOMPARE(data->unlabelled, std::int64_t(1));
    }

    void unknownEngagementColumnsAreNamed()
    {
        QCOMPARE(LabelTask::engagementColumn("post.replies"), std::string("replies"));
        QCOMPARE(LabelTask::engagementColumn("likes"), std::string());
        QCOMPARE(LabelTask::engagementColumn("post.likesx"), std::string());
        SupervisedDataOptions options;
        options.dataset = DemoGenerator::kPostsDataset;
        options.tasks = {"post.views"};
        auto data = SupervisedData::load(*m_project, options);
        QVERIFY(!data.ok());
        QVERIFY2(data.message().find("post.views") != std::string::npos, data.message().c_str());
        QVERIFY(data.message().find("post.likes") != std::string::npos);
    }

    void missingDatasetAndTaskAreNamed()
    {
        SupervisedDataOptions options;
        options.dataset = "nope";
        options.tasks = {"sentiment"};
        auto data = SupervisedData::load(*m_project, options);
        QVERIFY(!data.ok());
        QVERIFY(data.message().find("'nope'") != std::string::npos);
        options.dataset = DemoGenerator::kPostsDataset;
        options.tasks = {"no_such_task"};
        data = SupervisedData::load(*m_project, options);
        QVERIFY(!data.ok());
        QVERIFY(data.message().find("no_such_task") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(SupervisedDataTest)
#include "tst_superviseddata.moc"
