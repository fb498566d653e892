// Topic discovery on a generated corpus with four planted topics: disjoint vocabularies, shared
// noise words, and (where asked) junk posts that belong to no topic.
#include "core/analytics/ctfidf.h"
#include "core/analytics/densityclustering.h"
#include "core/analytics/kmeans.h"
#include "core/analytics/lda.h"
#include "core/analytics/lsa.h"
#include "core/analytics/topiccoherence.h"
#include "core/analytics/topiccorpus.h"
#include "core/analytics/topicmodeler.h"
#include "core/embeddings/wordvectors.h"
#include "core/analytics/topicstore.h"
#include "core/analytics/topictermextractor.h"
#include "core/demo/demogenerator.h"
#include "core/analytics/topictimeline.h"
#include "core/metrics/clusteringmetrics.h"
#include "core/store/project.h"
#include "core/util/deterministicrandom.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <set>

using namespace chorus;

namespace {

constexpr int kTopics = 4;
constexpr int kPerTopic = 100;
constexpr int kJunkPosts = 40;
const char *const kTopicStems[kTopics] = {"goal", "vote", "chip", "soup"};

std::string topicWord(int topic, int i) { return std::string(kTopicStems[topic]) + static_cast<char>('a' + i); }

struct Planted {
    std::vector<std::string> texts;
    std::vector<int> truth; // planted topic, -1 for junk posts
    std::vector<std::optional<std::int64_t>> times;
};

// Topical posts: 8 words of their topic's 15 and 3 of 10 shared noise words. Junk posts: the same
// shape, but each word from a topic drawn anew: off-topic chatter that sits between the topics.
Planted plantedCorpus(bool withJunk, std::uint64_t seed = 11)
{
    DeterministicRandom random(seed);
    Planted p;
    const std::int64_t day0 = 1704067200; // 2024-01-01, a Monday
    for (int topic = 0; topic < kTopics; ++topic) {
        for (int n = 0; n < kPerTopic; ++n) {
            std::vector<std::string> words;
            for (int w = 0; w < 8; ++w)
                words.push_back(topicWord(topic, static_cast<int>(random.below(15))));
            for (int w = 0; w < 3; ++w)
                words.push_back("noise" + std::string(1, static_cast<char>('a' + random.below(10))));
            random.shuffle(words);
            std::string text;
            for (const std::string &w : words)
                text += w + " ";
            p.texts.push_back(text);
            p.truth.push_back(topic);
            // Topic t lives in days [t, t + 10).
            p.times.push_back(day0 + (topic + static_cast<std::int64_t>(random.below(10))) * 86400 + 3600);
        }
    }
    if (withJunk) {
        for (int n = 0; n < kJunkPosts; ++n) {
            std::string text;
            for (int w = 0; w < 8; ++w)
                text += topicWord(static_cast<int>(random.below(kTopics)), static_cast<int>(random.below(15))) + " ";
            for (int w = 0; w < 3; ++w)
                text += "noise" + std::string(1, static_cast<char>('a' + random.below(10))) + " ";
            p.texts.push_back(text);
            p.truth.push_back(-1);
            p.times.push_back(std::nullopt);
        }
    }
    // Interleave so that no method can lean on the order of the posts.
    std::vector<std::size_t> order(p.texts.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    random.shuffle(order);
    Planted shuffled;
    for (std::size_t i : order) {
        shuffled.texts.push_back(p.texts[i]);
        shuffled.truth.push_back(p.truth[i]);
        shuffled.times.push_back(p.times[i]);
    }
    return shuffled;
}

int plantedTopicOfTerm(const std::string &term)
{
    for (int t = 0; t < kTopics; ++t)
        if (term.rfind(kTopicStems[t], 0) == 0 && term.size() == std::string(kTopicStems[t]).size() + 1)
            return t;
    return -1;
}

TopicCorpus corpusOf(const Planted &p)
{
    auto corpus = TopicCorpus::fromTexts(p.texts, {}, p.times);
    if (!corpus)
        qFatal("%s", corpus.message().c_str());
    return std::move(*corpus);
}

} // namespace

class TopicsTest : public QObject {
    Q_OBJECT

private slots:
    void corpusFiltersRareAndUbiquitousTerms()
    {
        std::vector<std::string> texts(20, "common words here");
        for (int i = 0; i < 20; ++i)
            texts[static_cast<std::size_t>(i)] += i % 2 ? " apple pear" : " rocket";
        texts[0] += " hapax http://example.com @someone";
        auto corpus = TopicCorpus::fromTexts(texts);
        QVERIFY2(corpus.ok(), corpus.ok() ? "" : corpus.message().c_str());
        QCOMPARE(corpus->termId("common"), -1); // in every post: above the document-frequency ceiling
        QCOMPARE(corpus->termId("hapax"), -1);  // seen once: below minCount
        QVERIFY(corpus->termId("apple") >= 0);
        QVERIFY(corpus->termId("rocket") >= 0);
        QCOMPARE(corpus->size(), std::size_t{20});
        QCOMPARE(corpus->termCount(), std::size_t{3});
    }

    void chineseTermsAreCharacterBigramsWithoutFunctionCharacters()
    {
        const TopicTermExtractor extractor;
        const std::vector<std::string> terms = extractor.terms("今天的比赛太精彩了！我们去吃饺子 #NBA# Great match");
        const std::set<std::string> got(terms.begin(), terms.end());
        for (const char *word : {"比赛", "精彩", "饺子", "#nba", "great", "match"})
            QVERIFY2(got.count(word), word);
        // No single characters, no bigram across a function character (的, 了, 我, 们, 太), no
        // function word (今天, 我们).
        for (const char *absent : {"的", "了", "比", "天的", "的比", "精彩了", "今天", "我们", "们去"})
            QVERIFY2(!got.count(absent), absent);
        QVERIFY(got.count("去吃") && got.count("吃饺")); // boundary bigrams stay; frequency sorts them out

        TopicTermOptions perCharacter;
        perCharacter.cjkBigrams = false;
        const std::vector<std::string> characters = TopicTermExtractor(perCharacter).terms("饺子的味道");
        QCOMPARE(characters, (std::vector<std::string>{"饺", "子", "味", "道"}));

        // In a corpus, Chinese topics come out as words, not as 的_了_人.
        std::vector<std::string> texts;
        for (int i = 0; i < 12; ++i) {
            texts.push_back(i % 2 ? "这个饺子的味道很好，我们都喜欢饺子" : "昨晚的比赛很精彩，球迷都在看比赛");
            texts.push_back(i % 2 ? "The dumplings here are great" : "Great match by the team");
        }
        auto corpus = TopicCorpus::fromTexts(texts);
        QVERIFY2(corpus.ok(), corpus.ok() ? "" : corpus.message().c_str());
        QVERIFY(corpus->termId("饺子") >= 0 && corpus->termId("比赛") >= 0 && corpus->termId("球迷") >= 0);
        QCOMPARE(corpus->termId("的"), -1);
        for (const std::string &term : corpus->terms())
            QVERIFY2(term.size() != 3, term.c_str()); // no lone CJK character (3 UTF-8 bytes)
    }

    void adjustedRandIndexMatchesKnownValues()
    {
        QCOMPARE(adjustedRandIndex({0, 0, 1, 1}, {5, 5, 7, 7}), 1.0);
        // sklearn: adjusted_rand_score([0,0,1,1],[0,0,1,2]) = 0.5714285714285715
        QVERIFY(qAbs(adjustedRandIndex({0, 0, 1, 1}, {0, 0, 1, 2}) - 0.5714285714285715) < 1e-12);
        // No pair agrees: index 0, expected 6 * 3 / 15 = 1.2, maximum 4.5, so -1.2 / 3.3 = -4/11.
        QVERIFY(qAbs(adjustedRandIndex({0, 0, 0, 1, 1, 1}, {0, 1, 2, 0, 1, 2}) + 4.0 / 11.0) < 1e-12);
    }

    void kmeansOnLsaRecoversPlantedTopics()
    {
        const Planted planted = plantedCorpus(false);
        const TopicCorpus corpus = corpusOf(planted);
        auto lsa = latentSemanticAnalysis(corpus);
        QVERIFY(lsa.ok());
        QVERIFY(lsa->embedding.dimensions <= 64);
        for (std::size_t k = 1; k < lsa->singularValues.size(); ++k)
            QVERIFY(lsa->singularValues[k] <= lsa->singularValues[k - 1] + 1e-9);
        KMeansOptions options;
        options.k = 4;
        auto clusters = KMeans::cluster(lsa->embedding.view(), options);
        QVERIFY(clusters.ok());
        const double ari = adjustedRandIndex(planted.truth, clusters->assignments);
        QVERIFY2(ari > 0.8, qPrintable(QString("ARI %1").arg(ari)));

        // Same seed, same clusters.
        auto again = KMeans::cluster(latentSemanticAnalysis(corpus)->embedding.view(), options);
        QVERIFY(again->assignments == clusters->assignments);
    }

    void averagedWordVectorsSeparateTopics()
    {
        // Word vectors as a word2vec run might learn them: each topic's words near one direction,
        // the noise words near none in particular.
        const Planted planted = plantedCorpus(false);
        const TopicCorpus corpus = corpusOf(planted);
        DeterministicRandom random(9);
        const std::size_t dims = 16;
        std::vector<std::string> words;
        std::vector<float> matrix;
        for (const std::string &term : corpus.terms()) {
            const int topic = plantedTopicOfTerm(term);
            words.push_back(term);
            for (std::size_t d = 0; d < dims; ++d)
                matrix.push_back(static_cast<float>((topic >= 0 && d == static_cast<std::size_t>(topic) ? 2.0 : 0.0) +
                                                    0.5 * random.roughNormal()));
        }
        auto vectors = WordVectors::create(words, dims, matrix);
        QVERIFY(vectors.ok());
        auto embedding = averagedWordVectors(corpus, *vectors);
        QVERIFY(embedding.ok());
        QCOMPARE(embedding->rows, corpus.size());
        KMeansOptions options;
        options.k = 4;
        auto clusters = KMeans::cluster(embedding->view(), options);
        QVERIFY(clusters.ok());
        const double ari = adjustedRandIndex(planted.truth, clusters->assignments);
        QVERIFY2(ari > 0.8, qPrintable(QString("ARI %1").arg(ari)));
        // A table that knows none of the corpus's words is an error, not zero rows.
        auto unrelated = WordVectors::create({"zebra"}, 2, {1.0f, 0.0f});
        QVERIFY(!averagedWordVectors(corpus, *unrelated).ok());
    }

    void silhouetteEstimatesFourTopics()
    {
        const TopicCorpus corpus = corpusOf(plantedCorpus(false));
        auto lsa = latentSemanticAnalysis(corpus);
        auto estimate = KMeans::estimateK(lsa->embedding.view(), 2, 8, 400, 3);
        QVERIFY(estimate.ok());
        QString scores;
        for (const auto &s : estimate->silhouettes)
            scores += QString("k=%1: %2  ").arg(s.first).arg(s.second);
        QVERIFY2(estimate->k == 4, qPrintable(scores));
    }

    void densityClusteringLeavesJunkPostsOut()
    {
        const Planted planted = plantedCorpus(true);
        const TopicCorpus corpus = corpusOf(planted);
        auto lsa = latentSemanticAnalysis(corpus);
        QVERIFY(lsa.ok());
        DensityOptions options;
        auto density = DensityClustering::cluster(lsa->embedding.view(), options);
        QVERIFY(density.ok());
        int junkOut = 0;
        int topicalIn = 0;
        for (std::size_t i = 0; i < planted.truth.size(); ++i) {
            if (planted.truth[i] < 0)
                junkOut += density->assignments[i] < 0;
            else
                topicalIn += density->assignments[i] >= 0;
        }
        const QString what = QString("eps %1, clusters %2, junk out %3/%4, topical in %5/%6")
                                 .arg(density->epsilon).arg(density->clusters).arg(junkOut).arg(kJunkPosts)
                                 .arg(topicalIn).arg(kTopics * kPerTopic);
        QVERIFY2(junkOut >= kJunkPosts * 9 / 10, qPrintable(what));
        QVERIFY2(topicalIn >= kTopics * kPerTopic * 8 / 10, qPrintable(what));
        QVERIFY2(density->clusters >= 4 && density->clusters <= 6, qPrintable(what));
        // The planted topics themselves must not be merged or split much.
        std::vector<int> truth;
        std::vector<int> found;
        for (std::size_t i = 0; i < planted.truth.size(); ++i)
            if (planted.truth[i] >= 0 && density->assignments[i] >= 0) {
                truth.push_back(planted.truth[i]);
                found.push_back(density->assignments[i]);
            }
        QVERIFY2(adjustedRandIndex(truth, found) > 0.8, qPrintable(what));
    }

    void classTfIdfTermsComeFromPlantedVocabularies()
    {
        const Planted planted = plantedCorpus(false);
        const TopicCorpus corpus = corpusOf(planted);
        const std::vector<TopicTerms> terms = ClassTfIdf::topTerms(corpus, planted.truth, kTopics, 5);
        QCOMPARE(terms.size(), std::size_t{4});
        for (int t = 0; t < kTopics; ++t) {
            QCOMPARE(terms[static_cast<std::size_t>(t)].terms.size(), std::size_t{5});
            for (std::uint32_t w : terms[static_cast<std::size_t>(t)].terms)
                QCOMPARE(plantedTopicOfTerm(corpus.term(w)), t);
        }
        QCOMPARE(ClassTfIdf::label({"election", "vote", "#poll", "debate"}), std::string("election_vote_poll"));
    }

    void ldaRecoversPlantedTopics()
    {
        const Planted planted = plantedCorpus(false);
        const TopicCorpus corpus = corpusOf(planted);
        LdaOptions options;
        options.topics = 4;
        options.iterations = 200;
        auto lda = LdaModel::fit(corpus, options);
        QVERIFY(lda.ok());
        const double ari = adjustedRandIndex(planted.truth, lda->dominantTopic);
        QVERIFY2(ari > 0.6, qPrintable(QString("ARI %1").arg(ari)));
        for (std::size_t t = 0; t < 4; ++t) {
            std::set<int> sources;
            for (std::uint32_t w : lda->topTerms(t, 5))
                sources.insert(plantedTopicOfTerm(corpus.term(w)));
            QCOMPARE(sources.size(), std::size_t{1});
        }
    }

    void npmiPrefersPlantedTopicsOverRandomTerms()
    {
        const Planted planted = plantedCorpus(false);
        const TopicCorpus corpus = corpusOf(planted);
        const TopicCoherence coherence(corpus);
        double planted10 = 0;
        for (int t = 0; t < kTopics; ++t) {
            std::vector<std::uint32_t> terms;
            for (int i = 0; i < 10; ++i)
                terms.push_back(static_cast<std::uint32_t>(corpus.termId(topicWord(t, i))));
            planted10 += coherence.npmi(terms) / kTopics;
        }
        DeterministicRandom random(5);
        double random10 = 0;
        for (int s = 0; s < 20; ++s) {
            std::vector<std::uint32_t> terms;
            for (int i = 0; i < 10; ++i)
                terms.push_back(static_cast<std::uint32_t>(random.below(corpus.termCount())));
            random10 += coherence.npmi(terms) / 20;
        }
        QVERIFY2(planted10 > 0.2 && planted10 > random10 + 0.3,
                 qPrintable(QString("planted %1, random %2").arg(planted10).arg(random10)));
    }

    void modelerDescribesTopicsForBothMethods()
    {
        const TopicCorpus corpus = corpusOf(plantedCorpus(false));
        for (TopicMethod method : {TopicMethod::KMeans, TopicMethod::Lda}) {
            TopicModelerOptions options;
            options.method = method;
            options.k = 4;
            options.lda.iterations = 150;
            auto result = TopicModeler(options).run(corpus);
            QVERIFY2(result.ok(), result.ok() ? "" : result.message().c_str());
            QCOMPARE(result->topics.size(), std::size_t{4});
            std::int64_t total = 0;
            for (std::size_t t = 0; t < 4; ++t) {
                const TopicDescription &d = result->topics[t];
                QCOMPARE(d.id, static_cast<int>(t));
                if (t > 0)
                    QVERIFY(d.size <= result->topics[t - 1].size);
                total += d.size;
                QCOMPARE(d.terms.size(), std::size_t{10});
                const int source = plantedTopicOfTerm(d.terms[0]);
                QVERIFY(source >= 0);
                QVERIFY(QString::fromStdString(d.label).startsWith(kTopicStems[source]));
                QVERIFY(d.coherence > 0.1);
                QCOMPARE(d.representativePosts.size(), std::size_t{5});
            }
            QCOMPARE(total, static_cast<std::int64_t>(corpus.size()));
            QVERIFY(result->meanCoherence > 0.1);
        }
    }

    void ldaWithAutoKUsesTheLsaEstimateAndIsDeterministic()
    {
        const TopicCorpus corpus = corpusOf(plantedCorpus(false));
        TopicModelerOptions options;
        options.method = TopicMethod::Lda;
        options.embedding = TopicEmbedding::WordVectors; // ignored by LDA: k is estimated on LSA
        options.maxK = 8;
        options.lda.iterations = 100;
        auto first = TopicModeler(options).run(corpus);
        QVERIFY2(first.ok(), first.ok() ? "" : first.message().c_str());
        QCOMPARE(first->topics.size(), std::size_t{4});
        QCOMPARE(first->details.value("k_estimated", false), true);
        auto second = TopicModeler(options).run(corpus);
        QVERIFY(second->assignments == first->assignments);
        QCOMPARE(second->topics[0].terms, first->topics[0].terms);
    }

    // The bundled demo, whose posts mention their topic's places, people and hashtags around one
    // noun, in English and Chinese: k-means on LSA must find the four demo topics across both
    // languages. LDA, a bag-of-words mixture, spends topics on the language split when the two
    // vocabularies barely overlap (as any LDA would), so it is held to the topics within each
    // language.
    void demoTopicsMatchTheDemoTopicLabels()
    {
        QElapsedTimer timer;
        timer.start();
        QTemporaryDir dir;
        auto project = Project::open(dir.filePath("demo.chorus").toStdString());
        QVERIFY2(project.ok(), project.ok() ? "" : project.message().c_str());
        DemoOptions demo;
        demo.posts = 1200;
        demo.withMedia = false;
        auto summary = DemoGenerator(demo).generate(**project);
        QVERIFY2(summary.ok(), summary.ok() ? "" : summary.message().c_str());

        std::map<std::int64_t, int> truthOf;
        std::map<std::int64_t, std::string> languageOf;
        std::vector<std::string> texts[2]; // English, Chinese
        std::vector<std::int64_t> ids[2];
        auto select = (*project)->db().prepare(
            "SELECT p.id, p.text, p.language, l.value FROM posts p JOIN labels l ON l.post_id = p.id AND "
            "l.task = 'topic' ORDER BY p.id");
        QVERIFY(select.ok());
        std::map<std::string, int> topicIds;
        while (select->step()) {
            const std::string topic = select->text(3);
            const int id = topicIds.emplace(topic, static_cast<int>(topicIds.size())).first->second;
            truthOf[select->int64(0)] = id;
            const int language = select->text(2) == "zh" ? 1 : 0;
            texts[language].push_back(select->text(1));
            ids[language].push_back(select->int64(0));
        }
        QCOMPARE(topicIds.size(), std::size_t{4});
        QCOMPARE(truthOf.size(), std::size_t{1200});
        auto truthFor = [&](const std::vector<std::int64_t> &postIds) {
            std::vector<int> truth;
            for (std::int64_t id : postIds)
                truth.push_back(truthOf.at(id));
            return truth;
        };

        auto corpus = TopicCorpus::load(**project, DemoGenerator::kPostsDataset);
        QVERIFY2(corpus.ok(), corpus.ok() ? "" : corpus.message().c_str());
        TopicModelerOptions options;
        options.k = 4;
        auto kmeans = TopicModeler(options).run(*corpus);
        QVERIFY2(kmeans.ok(), kmeans.ok() ? "" : kmeans.message().c_str());
        const double kmeansAri = adjustedRandIndex(kmeans->assignments, truthFor(corpus->postIds()));
        qInfo("demo, k-means on LSA: ARI %.3f", kmeansAri);
        QVERIFY2(kmeansAri >= 0.5, std::to_string(kmeansAri).c_str());
        // Every topic is described by words of one demo topic, so its top terms cohere.
        for (const TopicDescription &topic : kmeans->topics)
            QVERIFY2(topic.coherence > 0, (topic.label + ": " + std::to_string(topic.coherence)).c_str());

        options.method = TopicMethod::Lda;
        for (int language = 0; language < 2; ++language) {
            auto part = TopicCorpus::fromTexts(texts[language], ids[language]);
            QVERIFY2(part.ok(), part.ok() ? "" : part.message().c_str());
            auto lda = TopicModeler(options).run(*part);
            QVERIFY2(lda.ok(), lda.ok() ? "" : lda.message().c_str());
            const double ldaAri = adjustedRandIndex(lda->assignments, truthFor(part->postIds()));
            qInfo("demo, LDA on the %s posts: ARI %.3f", language ? "Chinese" : "English", ldaAri);
            QVERIFY2(ldaAri >= 0.5, std::to_string(ldaAri).c_str());
        }
        QVERIFY(timer.elapsed() < 20000);
    }

    void topicsAreStoredAsLabelTaskAndReplaced()
    {
        QTemporaryDir dir;
        auto project = Project::open(dir.filePath("t.chorus").toStdString());
        QVERIFY(project.ok());
        auto datasetId = (*project)->ensureDataset("planted");
        QVERIFY(datasetId.ok());
        const Planted planted = plantedCorpus(true);
        {
            SqliteTransaction tx((*project)->db());
            auto insert = (*project)->db().prepare("INSERT INTO posts(dataset_id, source_id, created_at, text) VALUES (?, ?, ?, ?)");
            QVERIFY(insert.ok());
            for (std::size_t i = 0; i < planted.texts.size(); ++i) {
                insert->reset();
                insert->bind(1, *datasetId).bind(2, "p" + std::to_string(i)).bind(3, planted.times[i]).bind(4, planted.texts[i]);
                QVERIFY(insert->exec());
            }
            QVERIFY(tx.commit().ok());
        }
        auto corpus = TopicCorpus::load(**project, "planted");
        QVERIFY2(corpus.ok(), corpus.ok() ? "" : corpus.message().c_str());
        QCOMPARE(corpus->size(), planted.texts.size());

        TopicModelerOptions options;
        options.method = TopicMethod::Density;
        options.task = "found";
        auto result = TopicModeler(options).run(*corpus);
        QVERIFY(result.ok());
        result->dataset = "planted";
        QVERIFY(result->outliers >= kJunkPosts * 9 / 10);
        QVERIFY(TopicStore::save(**project, *result).ok());
        auto labelled = (*project)->db().queryInt("SELECT count(*) FROM labels WHERE task = 'found'");
        QCOMPARE(*labelled, static_cast<std::int64_t>(corpus->size()) - result->outliers);

        // Outliers get "outlier" when asked, and re-running replaces every label of the task.
        options.method = TopicMethod::KMeans;
        options.k = 3;
        auto second = TopicModeler(options).run(*corpus);
        QVERIFY(second.ok());
        second->dataset = "planted";
        TopicStoreOptions storeOptions;
        storeOptions.labelOutliers = true;
        QVERIFY(TopicStore::save(**project, *second, storeOptions).ok());
        QCOMPARE(*(*project)->db().queryInt("SELECT count(*) FROM labels WHERE task = 'found'"),
                 static_cast<std::int64_t>(corpus->size()));
        QCOMPARE(*(*project)->db().queryInt("SELECT count(DISTINCT value) FROM labels WHERE task = 'found' AND value != 'outlier'"),
                 std::int64_t{3});
        auto stored = TopicStore::load(**project, *datasetId, "found");
        QVERIFY(stored.ok() && stored->has_value());
        QCOMPARE((*stored)->method, std::string("kmeans"));
        QCOMPARE((*stored)->topics.size(), std::size_t{3});
        QCOMPARE((*stored)->topics[0].label, second->topics[0].label);

        // A task holding someone else's labels is refused and left as it was.
        QVERIFY((*project)->db().exec("INSERT INTO labels(post_id, task, value) SELECT id, 'gold', 'x' FROM posts").ok());
        second->task = "gold";
        const Status refused = TopicStore::save(**project, *second);
        QVERIFY(!refused.ok());
        QVERIFY(QString::fromStdString(refused.message()).contains("gold"));
        QCOMPARE(*(*project)->db().queryInt("SELECT count(*) FROM labels WHERE task = 'gold' AND value = 'x'"),
                 static_cast<std::int64_t>(corpus->size()));

        // Sizes over time from what is stored: topical posts span 13 days, junk posts have no time.
        auto series = TopicTimeline::fromProject(**project, *datasetId, "found", TimeResolution::Day);
        QVERIFY(series.ok());
        QCOMPARE(series->topics.size(), std::size_t{3});
        QCOMPARE(series->bucketStarts.size(), std::size_t{13});
        std::int64_t counted = series->undated;
        for (const auto &row : series->counts)
            for (std::int64_t c : row)
                counted += c;
        QCOMPARE(counted, *(*project)->db().queryInt("SELECT count(*) FROM labels WHERE task = 'found' AND value != 'outlier'"));
        const TopicTimeSeries inMemory = TopicTimeline::fromResult(*second, corpus->times(), TimeResolution::Day);
        QCOMPARE(inMemory.topics, series->topics);
        QCOMPARE(inMemory.bucketStarts, series->bucketStarts);
        QVERIFY(inMemory.counts == series->counts);
        auto weekly = TopicTimeline::fromProject(**project, *datasetId, "found", TimeResolution::Week);
        QCOMPARE(weekly->bucketStarts.size(), std::size_t{2});
        QCOMPARE(weekly->bucketStarts[0], std::int64_t{1704067200}); // Monday 2024-01-01
    }
};

QTEST_APPLESS_MAIN(TopicsTest)
#include "tst_topics.moc"
