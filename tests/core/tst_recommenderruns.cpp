// Recommenders as runs: on interactions with two planted communities the personalised models beat
// the popularity baseline by far, their reasons point into the user's own community, and a
// recorded run reloads to recommend exactly what the fitted model recommended.
#include "plantedcommunities.h"

#include "core/embeddings/embeddinghistory.h"
#include "core/embeddings/projectortable.h"
#include "core/recommend/contentrecommender.h"
#include "core/recommend/itemknnrecommender.h"
#include "core/recommend/mfrecommender.h"
#include "core/recommend/recommenderevaluation.h"
#include "core/recommend/recommenderfactory.h"
#include "core/recommend/recommendermodel.h"
#include "core/recommend/recommendertrainer.h"
#include "core/recommend/userknnrecommender.h"
#include "core/training/runartifacts.h"
#include "core/training/runstore.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <limits>

using namespace chorus;

namespace {

MfOptions plantedMf()
{
    MfOptions options;
    options.factors = 4;
    options.regularization = 1.0;
    options.iterations = 10;
    return options;
}

std::unordered_map<std::string, std::string> plantedTexts()
{
    std::unordered_map<std::string, std::string> texts;
    for (int i = 0; i < planted::kItemsPerCommunity; ++i) {
        texts[planted::name('a', i)] = "Alpine hiking trail guide " + std::to_string(i) + " outdoors";
        texts[planted::name('b', i)] = "Jazz piano record review " + std::to_string(i) + " music";
    }
    return texts;
}

RunConfig config(const std::string &family, const nlohmann::json &params)
{
    auto parsed = RunConfig::parse({{"model", family}, {"dataset", "planted"}, {"seed", 3}, {"epochs", 1}, {"params", params}},
                                   nullptr, false);
    if (!parsed)
        qFatal("%s", parsed.message().c_str());
    auto resolved = RecommenderFactory::paramSchema(family).resolve(params);
    if (!resolved)
        qFatal("%s", resolved.message().c_str());
    parsed->params = *resolved;
    return *parsed;
}

} // namespace

class RecommenderRunsTest : public QObject {
    Q_OBJECT

private slots:
    void personalisedModelsBeatPopularity()
    {
        const InteractionMatrix matrix = planted::matrix();
        MfRecommender mf(plantedMf());
        ItemKnnRecommender itemKnn(ItemKnnOptions{20});
        UserKnnRecommender userKnn(UserKnnOptions{10});
        auto table = RecommenderEvaluation().run(matrix, {&mf, &itemKnn, &userKnn});
        QVERIFY2(table.ok(), table.ok() ? "" : table.message().c_str());
        const RecommenderScore *popularity = table->find("popularity");
        QVERIFY(popularity);
        for (const char *name : {"mf-als", "item-knn", "user-knn"}) {
            const RecommenderScore *score = table->find(name);
            QVERIFY(score);
            qInfo("%s: NDCG@10 %.3f, popularity %.3f", name, score->ndcg, popularity->ndcg);
            QVERIFY2(score->ndcg > popularity->ndcg + 0.1, name);
            QVERIFY2(score->ndcg > 1.5 * popularity->ndcg, name);
        }
    }

    void reasonsPointIntoTheUsersCommunity()
    {
        const InteractionMatrix matrix = planted::matrix();
        MfRecommender mf(plantedMf());
        ItemKnnRecommender itemKnn(ItemKnnOptions{20});
        UserKnnRecommender userKnn(UserKnnOptions{10});
        ContentRecommender content(plantedTexts());
        for (Recommender *r : std::vector<Recommender *>{&mf, &itemKnn, &userKnn, &content})
            QVERIFY(r->fit(matrix).ok());
        // One user of each community.
        for (int row : {0, matrix.users() - 1}) {
            const bool a = planted::inCommunityA(matrix.userId(row));
            const char community = a ? 'a' : 'b';
            for (Recommender *r : std::vector<Recommender *>{&mf, &itemKnn, &userKnn, &content}) {
                const auto top = r->recommend(row, 5);
                QCOMPARE(top.size(), std::size_t(5));
                for (const ScoredItem &item : top) {
                    QCOMPARE(matrix.itemKey(item.item)[0], community);
                    const RecommendationReason reason = r->explain(row, item.item);
                    QVERIFY(reason.popularity > 0);
                    if (r == &userKnn) {
                        QCOMPARE(int(reason.kind), int(RecommendationReason::Kind::SimilarUsers));
                        QVERIFY(!reason.users.empty() && reason.users.size() <= kReasonEvidence);
                        for (std::int64_t user : reason.users) {
                            QCOMPARE(planted::inCommunityA(user), a);
                            QVERIFY(matrix.contains(*matrix.rowOf(user), item.item)); // they have it
                        }
                    } else if (r == &content) {
                        QCOMPARE(int(reason.kind), int(RecommendationReason::Kind::SharedTerms));
                        QVERIFY(!reason.terms.empty());
                        const std::string vocabulary =
                            a ? "alpine hiking trail guide outdoors" : "jazz piano record review music";
                        for (const std::string &term : reason.terms)
                            QVERIFY2(vocabulary.find(term) != std::string::npos, term.c_str());
                    } else {
                        QCOMPARE(int(reason.kind), int(RecommendationReason::Kind::SimilarItems));
                        QVERIFY(!reason.items.empty());
                        for (int seen : reason.items) {
                            QCOMPARE(matrix.itemKey(seen)[0], community);
                            QVERIFY(matrix.contains(row, seen)); // from the user's history
                        }
                    }
                }
            }
        }
        // Outside the matrix: nothing personal to say.
        QCOMPARE(int(mf.explain(-1, 0).kind), int(RecommendationReason::Kind::Popular));
        QCOMPARE(int(mf.explain(0, matrix.items()).kind), int(RecommendationReason::Kind::Popular));
    }

    void shrinkageWeakensThinSimilarities()
    {
        const InteractionMatrix matrix = planted::matrix();
        ItemKnnRecommender plain(ItemKnnOptions{20});
        ItemKnnRecommender shrunk(ItemKnnOptions{20, 5.0});
        QVERIFY(plain.fit(matrix).ok());
        QVERIFY(shrunk.fit(matrix).ok());
        QVERIFY(!ItemKnnRecommender(ItemKnnOptions{20, -1.0}).fit(matrix).ok());
        // Every similarity shrinks by |a||b| / (|a||b| + 5); the strongest pairs keep most of theirs.
        for (int item = 0; item < matrix.items(); ++item) {
            QCOMPARE(shrunk.neighbours(item).size(), plain.neighbours(item).size());
            for (const Neighbour &n : shrunk.neighbours(item)) {
                QVERIFY(n.similarity > 0.0);
                for (const Neighbour &p : plain.neighbours(item))
                    if (p.index == n.index)
                        QVERIFY(n.similarity < p.similarity);
            }
        }
        auto made = RecommenderFactory::make(RecommenderFactory::kUserKnn,
                                             *RecommenderFactory::paramSchema(RecommenderFactory::kUserKnn)
                                                  .resolve({{"shrinkage", 3.0}, {"neighbours", 7}}),
                                             1, {});
        QVERIFY(made.ok());
        QVERIFY((*made)->fit(matrix).ok());
        UserKnnRecommender reference(UserKnnOptions{7, 3.0});
        QVERIFY(reference.fit(matrix).ok());
        QCOMPARE((*made)->scores(5), reference.scores(5));
    }

    void runIsRecordedAndReloads_data()
    {
        QTest::addColumn<QString>("family");
        QTest::addColumn<QString>("params");
        QTest::newRow("mf") << "recommender_mf" << R"({"factors": 4, "regularization": 1.0, "iterations": 10})";
        QTest::newRow("itemknn") << "recommender_itemknn" << R"({"neighbours": 20, "shrinkage": 2.0})";
        QTest::newRow("userknn") << "recommender_userknn" << R"({"neighbours": 10})";
        QTest::newRow("content") << "recommender_content" << R"({})";
        QTest::newRow("hybrid") << "recommender_hybrid"
                                << R"({"factors": 4, "regularization": 1.0, "iterations": 5, "userknn_weight": 0.5})";
    }

    void runIsRecordedAndReloads()
    {
        QFETCH(QString, family);
        QFETCH(QString, params);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath("p.chorus").toStdString();
        const std::string written = planted::writeProject(path);
        QVERIFY2(written.empty(), written.c_str());
        auto project = Project::open(path, Project::OpenMode::OpenExisting);
        QVERIFY(project.ok());

        const RunConfig runConfig = config(family.toStdString(), nlohmann::json::parse(params.toStdString()));
        RecommenderTrainer trainer(**project, runConfig);
        std::vector<std::string> events;
        trainer.setEventSink([&](const nlohmann::json &event) { events.push_back(event.value("event", "")); });
        auto outcome = trainer.run();
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : outcome.message().c_str());
        QCOMPARE(outcome->status, std::string("finished"));
        QCOMPARE(events.front(), std::string("started"));
        QCOMPARE(events.back(), std::string("finished"));
        QVERIFY(std::find(events.begin(), events.end(), "evaluation") != events.end());
        QCOMPARE(outcome->users, planted::kUsersA + planted::kUsersB);
        QCOMPARE(outcome->items, 2 * planted::kItemsPerCommunity);

        const double ndcg = outcome->test.at("ndcg_at_10").get<double>();
        const double baseline = outcome->test.at("popularity_ndcg_at_10").get<double>();
        qInfo("%s: NDCG@10 %.3f, popularity %.3f", qPrintable(family), ndcg, baseline);
        QVERIFY(ndcg > 2.0 * baseline); // near the ceiling: the held-out item is one of 20 unseen of its community
        for (const char *name : {"recall_at_10", "hit_rate_at_10", "coverage", "popularity_recall_at_10"})
            QVERIFY2(outcome->test.contains(name), name);

        RunStore runs(**project);
        auto run = runs.get(outcome->runId);
        QVERIFY(run.ok());
        QCOMPARE(run->status, std::string("finished"));
        QCOMPARE(run->model, family.toStdString());
        QCOMPARE(run->bestMetrics.at("ndcg_at_10").get<double>(), ndcg);
        auto history = runs.history(outcome->runId, "test", "ndcg_at_10");
        QVERIFY(history.ok());
        QCOMPARE(history->size(), std::size_t(1));
        QVERIFY(RunArtifacts(**project).latest(outcome->runId, "evaluation", "ranking").ok());

        // Reloaded, the run recommends what a model fitted the same way recommends.
        auto loaded = RecommenderModel::loadRun(**project, outcome->runId);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.message().c_str());
        auto datasetId = (*project)->datasetId("planted");
        auto matrix = InteractionMatrix::load(**project, *datasetId);
        auto catalogue = ItemCatalogue::load(**project, *datasetId);
        QVERIFY(matrix.ok() && catalogue.ok());
        auto fresh = RecommenderModel::fit(family.toStdString(), runConfig.params, runConfig.seed, *matrix, *catalogue);
        QVERIFY(fresh.ok());
        QVERIFY(fresh->loadUserNames(**project).ok());
        for (const RecommenderUser &user : loaded->users()) {
            auto again = loaded->recommend(user.id, 10);
            auto expected = fresh->recommend(user.id, 10);
            QVERIFY(again.ok() && expected.ok());
            QCOMPARE(again->size(), expected->size());
            for (std::size_t i = 0; i < again->size(); ++i) {
                QCOMPARE((*again)[i].item, (*expected)[i].item);
                QCOMPARE((*again)[i].score, (*expected)[i].score);
                QCOMPARE((*again)[i].because, (*expected)[i].because);
            }
        }
        // A community-b user: recommendations stay in b, with titles and a reason in words.
        const std::int64_t jazzUser = loaded->matrix().userId(loaded->matrix().users() - 1);
        QVERIFY(loaded->userName(jazzUser)[0] == 'b');
        auto top = loaded->recommend(jazzUser, 10);
        QVERIFY(top.ok());
        QCOMPARE(top->size(), std::size_t(10));
        for (const RecommendedItem &item : *top) {
            QCOMPARE(item.item[0], 'b');
            QVERIFY(item.title.rfind("Jazz piano", 0) == 0);
            QVERIFY(!item.because.empty());
        }
        auto seen = loaded->history(jazzUser);
        QVERIFY(seen.ok());
        QCOMPARE(seen->size(), std::size_t(planted::kItemsPerUser));
        QVERIFY(seen->front().lastAt >= seen->back().lastAt);
        QVERIFY(!loaded->recommend(424242, 10).ok());

        const bool factors = family == "recommender_mf" || family == "recommender_hybrid";
        auto tables = RunArtifacts(**project).latest(outcome->runId, "embeddings", "factors");
        QCOMPARE(tables.ok(), factors);
        if (factors) {
            const nlohmann::json paths = nlohmann::json::parse(tables->data);
            auto users = ProjectorTable::loadTsv(paths["users"]["vectors"], paths["users"]["metadata"]);
            QVERIFY2(users.ok(), users.ok() ? "" : users.message().c_str());
            QCOMPARE(users->rows, std::size_t(planted::kUsersA + planted::kUsersB));
            QCOMPARE(users->dimensions, std::size_t(4));
            auto items = ProjectorTable::loadTsv(paths["items"]["vectors"], paths["items"]["metadata"]);
            QVERIFY(items.ok());
            QCOMPARE(items->rows, std::size_t(2 * planted::kItemsPerCommunity));

            // The factors after each ALS iteration of the kept model; the last are the final ones.
            const int iterations = runConfig.params.at("iterations").get<int>();
            EmbeddingHistory snapshots(**project);
            for (auto [space, table] : {std::pair{EmbeddingSpace::Users, &*users}, std::pair{EmbeddingSpace::Items, &*items}}) {
                auto epochs = snapshots.epochs(outcome->runId, space);
                QVERIFY(epochs.ok());
                QCOMPARE(epochs->size(), std::size_t(iterations));
                QCOMPARE(epochs->back().epoch, iterations);
                auto last = snapshots.load(outcome->runId, iterations, space);
                auto first = snapshots.load(outcome->runId, 1, space);
                QVERIFY2(last.ok(), last.ok() ? "" : last.message().c_str());
                QVERIFY(first.ok());
                QCOMPARE(last->tokens.size(), table->rows); // fewer than kMaxRows: all of them
                QCOMPARE(last->dimensions, std::size_t(4));
                QVERIFY(first->values != last->values);
                QCOMPARE(last->columns, (std::vector<std::string>(table->columns.begin() + 1, table->columns.end())));
                // Most active users (most popular items) first; each row is its final table row.
                std::size_t previousCount = std::numeric_limits<std::size_t>::max();
                for (std::size_t i = 0; i < last->tokens.size(); ++i) {
                    const std::size_t count = std::stoul(last->columnValues[1][i]);
                    QVERIFY(count <= previousCount);
                    previousCount = count;
                    const auto row = static_cast<std::size_t>(
                        std::find(table->values[0].begin(), table->values[0].end(), last->tokens[i]) - table->values[0].begin());
                    QVERIFY(row < table->rows);
                    QCOMPARE(last->columnValues[0][i], table->values[1][row]);
                    for (std::size_t d = 0; d < 4; ++d)
                        QVERIFY(std::abs(last->values[i * 4 + d] - table->matrix[row * 4 + d]) < 1e-5f);
                }
            }
        } else {
            QVERIFY(EmbeddingHistory(**project).epochs(outcome->runId, EmbeddingSpace::Users)->empty());
        }
    }

    void stoppedRunIsRecordedAsStopped()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("p.chorus").toStdString();
        QVERIFY(planted::writeProject(path).empty());
        auto project = Project::open(path, Project::OpenMode::OpenExisting);
        QVERIFY(project.ok());
        RecommenderTrainer trainer(**project, config("recommender_itemknn", nlohmann::json::object()));
        trainer.setPermission([] { return false; });
        auto outcome = trainer.run();
        QVERIFY(outcome.ok());
        QCOMPARE(outcome->status, std::string("stopped"));
        QCOMPARE(RunStore(**project).get(outcome->runId)->status, std::string("stopped"));
        QVERIFY(!RecommenderModel::loadRun(**project, outcome->runId).ok());
    }

    void badConfigsAreErrors()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("p.chorus").toStdString();
        QVERIFY(planted::writeProject(path).empty());
        auto project = Project::open(path, Project::OpenMode::OpenExisting);
        QVERIFY(project.ok());
        RunConfig wrongDataset = config("recommender_mf", nlohmann::json::object());
        wrongDataset.dataset = "nope";
        QVERIFY(!RecommenderTrainer(**project, wrongDataset).run().ok());
        RunConfig noKinds = config("recommender_mf", {{"kinds", "purchase"}});
        auto none = RecommenderTrainer(**project, noKinds).run();
        QVERIFY(!none.ok());
        QVERIFY(none.message().find("no interactions") != std::string::npos);
        QVERIFY(!RecommenderFactory::make("recommender_hybrid",
                                          {{"itemknn_weight", 0}, {"mf_weight", 0}, {"content_weight", 0},
                                           {"userknn_weight", 0}},
                                          1, {})
                     .ok());
        QVERIFY(RecommenderFactory::paramSchema("textcnn").specs().empty());
        QVERIFY(!RecommenderModel::loadRun(**project, 999).ok());
    }
};

QTEST_GUILESS_MAIN(RecommenderRunsTest)
#include "tst_recommenderruns.moc"
