// Leave-last-out evaluation on the demo project: personalised recommenders must beat the
// popularity baseline, the split holds one item per eligible user, and everything repeats.
#include "core/demo/demogenerator.h"
#include "core/recommend/contentrecommender.h"
#include "core/recommend/hybridrecommender.h"
#include "core/recommend/itemknnrecommender.h"
#include "core/recommend/leavelastout.h"
#include "core/recommend/mfrecommender.h"
#include "core/recommend/popularityrecommender.h"
#include "core/recommend/recommenderevaluation.h"
#include "core/recommend/userknnrecommender.h"
#include "core/store/project.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace chorus;

namespace {

struct DemoData {
    InteractionMatrix matrix;
    std::unordered_map<std::string, std::string> itemTexts;
};

DemoData generateDemo(const QString &path)
{
    DemoData data;
    auto project = Project::open(path.toStdString());
    if (!project.ok())
        qFatal("cannot open the project: %s", project.message().c_str());
    DemoOptions options;
    options.withMedia = false;
    options.posts = 0;
    options.users = 150;
    options.items = 120;
    auto summary = DemoGenerator(options).generate(**project);
    if (!summary.ok())
        qFatal("cannot generate the demo: %s", summary.message().c_str());
    auto matrix = InteractionMatrix::load(**project, DemoGenerator::kInteractionsDataset);
    if (!matrix.ok())
        qFatal("cannot load the interactions: %s", matrix.message().c_str());
    data.matrix = std::move(*matrix);
    auto texts = ContentRecommender::loadItemTexts(**project, summary->interactionsDatasetId);
    if (!texts.ok())
        qFatal("cannot load the item texts: %s", texts.message().c_str());
    data.itemTexts = std::move(*texts);
    return data;
}

MfOptions demoMf()
{
    // Few factors and strong regularization suit this small corpus (found by a sweep; the default
    // options do less well here but still beat popularity).
    MfOptions o;
    o.factors = 4;
    o.regularization = 5.0;
    o.alpha = 2.0;
    o.iterations = 10;
    return o;
}

Result<RecommenderEvaluationTable> evaluateAll(const DemoData &data)
{
    ItemKnnRecommender itemKnn(ItemKnnOptions{40});
    UserKnnRecommender userKnn(UserKnnOptions{30});
    MfRecommender mf(demoMf());
    ContentRecommender content(data.itemTexts);
    HybridRecommender hybrid;
    hybrid.add(std::make_unique<ItemKnnRecommender>(ItemKnnOptions{40}), 1.0);
    hybrid.add(std::make_unique<MfRecommender>(demoMf()), 1.0);
    return RecommenderEvaluation(RecommenderEvaluationOptions{10}).run(
        data.matrix, {&itemKnn, &userKnn, &mf, &content, &hybrid});
}

} // namespace

class RecommenderEvaluationTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    DemoData m_demo;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demo = generateDemo(m_dir.filePath("demo.chorus"));
        QVERIFY(m_demo.matrix.users() > 100);
        QVERIFY(m_demo.matrix.items() > 50);
        QCOMPARE(m_demo.itemTexts.size(), std::size_t(120));
    }

    void leaveLastOutHoldsOneItemPerEligibleUser()
    {
        const InteractionMatrix &m = m_demo.matrix;
        const LeaveLastOutSplit split = LeaveLastOut::split(m);
        int eligible = 0;
        for (int u = 0; u < m.users(); ++u) {
            const int held = split.testItem[static_cast<std::size_t>(u)];
            QCOMPARE(held >= 0, m.rowSize(u) >= 2);
            if (held < 0) {
                QCOMPARE(split.train.rowSize(u), m.rowSize(u));
                continue;
            }
            ++eligible;
            // Exactly one cell left train, and it was the latest.
            QCOMPARE(split.train.rowSize(u) + 1, m.rowSize(u));
            QVERIFY(!split.train.contains(u, held));
            std::int64_t latest = 0;
            std::int64_t heldAt = 0;
            for (std::size_t e = m.rowBegin(u); e < m.rowEnd(u); ++e) {
                latest = std::max(latest, m.rowTimes()[e]);
                if (m.rowItems()[e] == held)
                    heldAt = m.rowTimes()[e];
            }
            QCOMPARE(heldAt, latest);
        }
        QCOMPARE(split.eligibleUsers, eligible);
        QVERIFY(eligible > 100);
        QCOMPARE(split.train.nonZeros() + std::size_t(eligible), m.nonZeros());
    }

    void personalisedBeatsPopularity()
    {
        auto table = evaluateAll(m_demo);
        QVERIFY2(table.ok(), table.ok() ? "" : table.message().c_str());
        qInfo("%s", table->toJson().dump(1).c_str());
        QCOMPARE(table->rows.size(), std::size_t(6));
        QCOMPARE(table->rows.front().name, std::string("popularity"));
        const RecommenderScore *popularity = table->find("popularity");
        const RecommenderScore *itemKnn = table->find("item-knn");
        const RecommenderScore *mf = table->find("mf-als");
        QVERIFY(popularity && itemKnn && mf);
        for (const RecommenderScore &row : table->rows) {
            QCOMPARE(row.users, table->eligibleUsers);
            QVERIFY(row.recall >= 0.0 && row.recall <= 1.0);
            QVERIFY(row.ndcg >= 0.0 && row.ndcg <= row.recall + 1e-12); // one relevant item
            QVERIFY(row.coverage > 0.0 && row.coverage <= 1.0);
        }
        QVERIFY(popularity->ndcg > 0.0);
        QVERIFY2(itemKnn->ndcg > popularity->ndcg,
                 qPrintable(QString("item-knn %1 vs popularity %2").arg(itemKnn->ndcg).arg(popularity->ndcg)));
        QVERIFY2(mf->ndcg > popularity->ndcg,
                 qPrintable(QString("mf %1 vs popularity %2").arg(mf->ndcg).arg(popularity->ndcg)));
        // Personalised lists reach more of the catalogue than one list for all.
        QVERIFY(itemKnn->coverage > popularity->coverage);

        const nlohmann::json json = table->toJson();
        QCOMPARE(json["k"].get<int>(), 10);
        QCOMPARE(json["recommenders"].size(), std::size_t(6));
        QCOMPARE(json["recommenders"][1]["name"].get<std::string>(), std::string("item-knn"));
    }

    void deterministicAcrossRuns()
    {
        QTemporaryDir other;
        QVERIFY(other.isValid());
        const DemoData again = generateDemo(other.filePath("again.chorus"));
        QCOMPARE(again.matrix.itemKeys(), m_demo.matrix.itemKeys());
        QCOMPARE(again.matrix.rowItems(), m_demo.matrix.rowItems());
        QCOMPARE(again.matrix.rowWeights(), m_demo.matrix.rowWeights());
        auto first = evaluateAll(m_demo);
        auto second = evaluateAll(again);
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(first->toJson().dump(), second->toJson().dump());
    }

    void explicitPopularityIsNotDuplicated()
    {
        PopularityRecommender popularity;
        ItemKnnRecommender knn;
        auto table = RecommenderEvaluation().run(m_demo.matrix, {&knn, &popularity});
        QVERIFY(table.ok());
        QCOMPARE(table->rows.size(), std::size_t(2));
        QCOMPARE(table->rows[0].name, std::string("popularity"));
        QCOMPARE(table->rows[1].name, std::string("item-knn"));
    }

    void rejectsUnusableInput()
    {
        ItemKnnRecommender knn;
        QVERIFY(!RecommenderEvaluation(RecommenderEvaluationOptions{0}).run(m_demo.matrix, {&knn}).ok());
        const InteractionMatrix single = InteractionMatrix::fromTriplets({{1, "a", 1, 1}, {2, "b", 1, 1}});
        QVERIFY(!RecommenderEvaluation().run(single, {&knn}).ok());
        QVERIFY(!RecommenderEvaluation().run(m_demo.matrix, {nullptr}).ok());
    }
};

QTEST_GUILESS_MAIN(RecommenderEvaluationTest)
#include "tst_recommenderevaluation.moc"
