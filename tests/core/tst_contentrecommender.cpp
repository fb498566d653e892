// TF-IDF content recommendations against values worked out by hand, and item texts read from a
// project (title plus the extras' topic).
#include "core/import/importoptions.h"
#include "core/import/importwriter.h"
#include "core/recommend/contentrecommender.h"
#include "core/store/project.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace chorus;

class ContentRecommenderTest : public QObject {
    Q_OBJECT

private slots:
    void scoresAreCosinesOfTfIdf()
    {
        // Columns a, b, c, d (d has no text). User 1 read a; user 2 read a and c.
        const InteractionMatrix m = InteractionMatrix::fromTriplets(
            {{1, "a", 1, 0}, {2, "a", 1, 0}, {2, "c", 1, 0}, {3, "b", 1, 0}, {3, "d", 1, 0}});
        ContentRecommender content({{"a", "Red apple, red!"}, {"b", "green APPLE"}, {"c", "red car"}});
        QVERIFY(content.fit(m).ok());
        QCOMPARE(content.vocabularySize(), 4); // red apple green car: punctuation dropped, lowercased

        const double n = 4; // items in the matrix
        auto idf = [&](double df) { return std::log((1 + n) / (1 + df)) + 1; };
        const double red = idf(2), apple = idf(2), green = idf(1), car = idf(1);
        // Item vectors before normalisation: a = (red 2*red, apple apple), b = (green, apple), c = (red, car).
        const double na = std::sqrt(4 * red * red + apple * apple);
        const double nb = std::sqrt(green * green + apple * apple);
        const double nc = std::sqrt(red * red + car * car);

        const auto one = content.scores(0);
        QCOMPARE(one.size(), std::size_t(4));
        QVERIFY(std::abs(one[0] - 1.0) < 1e-12);
        QVERIFY(std::abs(one[1] - apple * apple / (na * nb)) < 1e-12);
        QVERIFY(std::abs(one[2] - 2 * red * red / (na * nc)) < 1e-12);
        QCOMPARE(one[3], 0.0);

        // Profile of user 2: mean of unit vectors a and c; cosine with b.
        const double pRed = (2 * red / na + red / nc) / 2, pApple = (apple / na) / 2, pCar = (car / nc) / 2;
        const double pNorm = std::sqrt(pRed * pRed + pApple * pApple + pCar * pCar);
        const auto two = content.scores(1);
        QVERIFY(std::abs(two[1] - pApple * apple / nb / pNorm) < 1e-12);
        const auto top = content.recommend(1, 5, true);
        QCOMPARE(top.size(), std::size_t(2));
        QCOMPARE(top[0].item, 1); // b shares "apple"
        QCOMPARE(top[1].item, 3); // d has no text: 0
    }

    void loadsTitleAndTopic()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto project = Project::open(dir.filePath("p.chorus").toStdString());
        QVERIFY(project.ok());
        auto dataset = (*project)->ensureDataset("articles", "interactions");
        QVERIFY(dataset.ok());
        {
            ImportWriter writer((*project)->db(), *dataset, ImportOptions(), "");
            ItemRecord withTopic;
            withTopic.sourceId = "x1";
            withTopic.title = "Cup final tonight";
            withTopic.extras = {{"topic", "sports"}};
            QVERIFY(writer.item(std::move(withTopic)));
            ItemRecord plain;
            plain.sourceId = "x2";
            plain.title = "Untitled";
            QVERIFY(writer.item(std::move(plain)));
            QVERIFY(writer.finish().ok());
        }
        auto texts = ContentRecommender::loadItemTexts(**project, *dataset);
        QVERIFY2(texts.ok(), texts.ok() ? "" : texts.message().c_str());
        QCOMPARE(texts->size(), std::size_t(2));
        QCOMPARE(texts->at("x1"), std::string("Cup final tonight sports"));
        QCOMPARE(texts->at("x2"), std::string("Untitled"));
    }
};

QTEST_GUILESS_MAIN(ContentRecommenderTest)
#include "tst_contentrecommender.moc"
