// Vocabulary: counting, pruning, deterministic ids, unknown tokens, and JSON persistence with
// load errors reported as values.
#include "core/text/vocabulary.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

using namespace chorus;

namespace {

using Tokens = std::vector<std::string>;

// Counts: the 5, a 4, b 3, c 3, d 2, e 1, f 1.
std::vector<Tokens> corpus()
{
    return {{"the", "a", "b", "c", "d", "e"},
            {"the", "a", "b", "c", "d"},
            {"the", "a", "b", "c", "f"},
            {"the", "a"},
            {"the"}};
}

Vocabulary built(std::int64_t minCount = 1, std::size_t maxSize = 0,
                 std::vector<std::string> specials = Vocabulary::defaultSpecialTokens())
{
    Vocabulary vocabulary;
    for (const Tokens &post : corpus())
        vocabulary.add(post);
    const Status status = vocabulary.finalize(minCount, maxSize, std::move(specials));
    if (!status)
        qFatal("finalize failed: %s", status.message().c_str());
    return vocabulary;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

} // namespace

class VocabularyTest : public QObject {
    Q_OBJECT

private slots:
    void specialsFirstThenByCountThenToken()
    {
        const Vocabulary vocabulary = built();
        const Tokens expected = {"<pad>", "<unk>", "<bos>", "<eos>", "the", "a", "b", "c", "d", "e", "f"};
        QCOMPARE(vocabulary.tokens(), expected);
        QCOMPARE(vocabulary.size(), expected.size());
        QCOMPARE(vocabulary.id("<pad>"), std::int64_t(0));
        QCOMPARE(vocabulary.unknownId(), std::int64_t(1));
        QCOMPARE(vocabulary.specialId("<eos>"), std::int64_t(3));
        QCOMPARE(vocabulary.specialId("<cls>"), std::int64_t(-1));
        QCOMPARE(vocabulary.id("the"), std::int64_t(4));
        QCOMPARE(vocabulary.token(5), std::string("a"));
        QCOMPARE(vocabulary.count("the"), std::int64_t(5));
        QCOMPARE(vocabulary.count("c"), std::int64_t(3));
        QCOMPARE(vocabulary.countOf(vocabulary.id("d")), std::int64_t(2));
        QCOMPARE(vocabulary.count("<pad>"), std::int64_t(0));
        QCOMPARE(vocabulary.distinctSeen(), std::size_t(7));
        QCOMPARE(vocabulary.totalSeen(), std::int64_t(19));
    }

    void unknownTokensAndIds()
    {
        const Vocabulary vocabulary = built();
        QCOMPARE(vocabulary.id("never-seen"), vocabulary.unknownId());
        QCOMPARE(vocabulary.token(-1), std::string("<unk>"));
        QCOMPARE(vocabulary.token(1000), std::string("<unk>"));
        QVERIFY(!vocabulary.contains("never-seen"));
        const std::vector<std::int64_t> ids = vocabulary.encode({"the", "zzz", "b"});
        QCOMPARE(ids, (std::vector<std::int64_t>{4, 1, 6}));
        QCOMPARE(vocabulary.decode(ids), (Tokens{"the", "<unk>", "b"}));
    }

    void minCountDropsRareTokens()
    {
        const Vocabulary vocabulary = built(3);
        QCOMPARE(vocabulary.tokens(), (Tokens{"<pad>", "<unk>", "<bos>", "<eos>", "the", "a", "b", "c"}));
        QCOMPARE(vocabulary.id("d"), vocabulary.unknownId());
        QCOMPARE(vocabulary.count("d"), std::int64_t(0));
    }

    void maxSizeCountsSpecialsAndBreaksTiesByToken()
    {
        // Room for 3 regular tokens: the (5), a (4), then b and c tie at 3 and b sorts first.
        const Vocabulary vocabulary = built(1, 7);
        QCOMPARE(vocabulary.size(), std::size_t(7));
        QCOMPARE(vocabulary.tokens(), (Tokens{"<pad>", "<unk>", "<bos>", "<eos>", "the", "a", "b"}));
        // Exactly the specials: nothing else fits.
        QCOMPARE(built(1, 4).size(), std::size_t(4));
    }

    void customSpecials()
    {
        const Vocabulary vocabulary = built(1, 0, {"<unk>", "<mask>"});
        QCOMPARE(vocabulary.token(0), std::string("<unk>"));
        QCOMPARE(vocabulary.token(1), std::string("<mask>"));
        QCOMPARE(vocabulary.unknownId(), std::int64_t(0));
        QCOMPARE(vocabulary.token(2), std::string("the"));
    }

    void specialTokenSeenInTextIsNotDuplicated()
    {
        Vocabulary vocabulary;
        QVERIFY(vocabulary.add({"<unk>", "<unk>", "x"}).ok());
        QVERIFY(vocabulary.finalize().ok());
        QCOMPARE(vocabulary.size(), std::size_t(5));
        QCOMPARE(vocabulary.id("<unk>"), std::int64_t(1));
        QCOMPARE(vocabulary.count("<unk>"), std::int64_t(2));
    }

    void invalidFinalizeArguments()
    {
        {
            Vocabulary vocabulary;
            vocabulary.add({"a"});
            const Status status = vocabulary.finalize(1, 0, {"<pad>", "<bos>"});
            QVERIFY(!status.ok());
            QVERIFY(status.message().find("<unk>") != std::string::npos);
            QVERIFY(!vocabulary.isFinalized());
        }
        {
            Vocabulary vocabulary;
            QVERIFY(!vocabulary.finalize(1, 0, {"<unk>", "<unk>"}).ok());
            QVERIFY(!vocabulary.finalize(1, 2, {"<pad>", "<unk>", "<bos>"}).ok());
            QVERIFY(vocabulary.finalize(1, 0, {}).ok()); // empty means the defaults
            QCOMPARE(vocabulary.size(), std::size_t(4));
            QVERIFY(!vocabulary.finalize().ok());
            QVERIFY(!vocabulary.add({"late"}).ok());
            QCOMPARE(vocabulary.size(), std::size_t(4));
        }
        {
            Vocabulary vocabulary;
            QVERIFY(!vocabulary.addCount("x", -3).ok());
            QVERIFY(vocabulary.addCount("x", 3).ok());
            QCOMPARE(vocabulary.count("x"), std::int64_t(3));
        }
    }

    void sameCountsInAnyOrderGiveSameIds()
    {
        // 200 tokens with many tied counts, added in a different order each time.
        std::vector<std::string> stream;
        for (int token = 0; token < 200; ++token)
            for (int n = 0; n < 1 + token % 7; ++n)
                stream.push_back("t" + std::to_string(token * 7919 % 1000));
        Tokens first;
        std::mt19937 random(7);
        for (int round = 0; round < 5; ++round) {
            std::shuffle(stream.begin(), stream.end(), random);
            Vocabulary vocabulary;
            for (std::size_t at = 0; at < stream.size(); at += 13)
                vocabulary.add(Tokens(stream.begin() + std::ptrdiff_t(at),
                                      stream.begin() + std::ptrdiff_t(std::min(stream.size(), at + 13))));
            QVERIFY(vocabulary.finalize(2, 100).ok());
            if (round == 0)
                first = vocabulary.tokens();
            else
                QCOMPARE(vocabulary.tokens(), first);
        }
        QCOMPARE(first.size(), std::size_t(100));
        // Counts never increase along the ids after the specials.
        Vocabulary check;
        check.add(stream);
        QVERIFY(check.finalize(2, 100).ok());
        for (std::size_t id = 5; id < check.size(); ++id)
            QVERIFY(check.countOf(std::int64_t(id)) <= check.countOf(std::int64_t(id - 1)));
    }

    void jsonRoundTrip()
    {
        Vocabulary vocabulary;
        vocabulary.add({"héllo", "世界", "😂", "\"quoted\"", "héllo"});
        QVERIFY(vocabulary.finalize().ok());
        const Result<Vocabulary> back = Vocabulary::fromJson(vocabulary.toJson());
        QVERIFY2(back.ok(), back.ok() ? "" : back.message().c_str());
        QCOMPARE(back->tokens(), vocabulary.tokens());
        QCOMPARE(back->specialTokens(), vocabulary.specialTokens());
        QCOMPARE(back->unknownId(), vocabulary.unknownId());
        QCOMPARE(back->count("héllo"), std::int64_t(2));
        QCOMPARE(back->id("世界"), vocabulary.id("世界"));
        QCOMPARE(back->totalSeen(), std::int64_t(5));
        QCOMPARE(back->distinctSeen(), std::size_t(4));
        QVERIFY(back->isFinalized());

        // Embedded in a larger document, as a model stores it.
        nlohmann::json model = {{"name", "textcnn"}, {"vocabulary", vocabulary.toJson()}};
        const nlohmann::json reparsed = nlohmann::json::parse(model.dump());
        QVERIFY(Vocabulary::fromJson(reparsed.at("vocabulary")).ok());
    }

    void saveAndLoad()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath("vocab.json").toStdString();
        const Vocabulary vocabulary = built(2);
        QVERIFY(vocabulary.save(path).ok());
        QVERIFY(!QFile::exists(QString::fromStdString(path + ".tmp")));
        const Result<Vocabulary> loaded = Vocabulary::load(path);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.message().c_str());
        QCOMPARE(loaded->tokens(), vocabulary.tokens());
        QCOMPARE(loaded->encode({"the", "e"}), vocabulary.encode({"the", "e"}));

        Vocabulary unfinished;
        QVERIFY(!unfinished.save(dir.filePath("no.json").toStdString()).ok());
        QVERIFY(!vocabulary.save(dir.filePath("missing/dir/v.json").toStdString()).ok());
    }

    void loadErrors_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("mentions");
        const QByteArray good = QByteArray::fromStdString(built().toJson().dump());
        QTest::newRow("not json") << QByteArray("{\"format\": ") << "not valid JSON";
        QTest::newRow("array") << QByteArray("[1,2]") << "JSON object";
        QTest::newRow("wrong format") << QByteArray(R"({"format":"other","version":1})") << "format";
        QTest::newRow("future version")
            << QByteArray(R"({"format":"chorus-vocabulary","version":9,"tokens":[],"counts":[],"specialTokens":[]})")
            << "version 9";
        QTest::newRow("no tokens") << QByteArray(R"({"format":"chorus-vocabulary","version":1,"specialTokens":["<unk>"]})")
                                   << "\"tokens\"";
        QTest::newRow("token not a string")
            << QByteArray(R"({"format":"chorus-vocabulary","version":1,"specialTokens":["<unk>"],"tokens":["<unk>",5],"counts":[0,1]})")
            << "only strings";
        QTest::newRow("counts length")
            << QByteArray(R"({"format":"chorus-vocabulary","version":1,"specialTokens":["<unk>"],"tokens":["<unk>","a"],"counts":[0]})")
            << "counts";
        QTest::newRow("negative count")
            << QByteArray(R"({"format":"chorus-vocabulary","version":1,"specialTokens":["<unk>"],"tokens":["<unk>","a"],"counts":[0,-1]})")
            << "non-negative";
        QTest::newRow("duplicate token")
            << QByteArray(R"({"format":"chorus-vocabulary","version":1,"specialTokens":["<unk>"],"tokens":["<unk>","a","a"],"counts":[0,1,1]})")
            << "twice";
        QTest::newRow("no unknown")
            << QByteArray(R"({"format":"chorus-vocabulary","version":1,"specialTokens":["<pad>"],"tokens":["<pad>","a"],"counts":[0,1]})")
            << "<unk>";
        QTest::newRow("specials out of place")
            << QByteArray(R"({"format":"chorus-vocabulary","version":1,"specialTokens":["<unk>"],"tokens":["a","<unk>"],"counts":[1,0]})")
            << "should have id 0";
        QTest::newRow("truncated file") << good.left(good.size() / 2) << "not valid JSON";
    }

    void loadErrors()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("bad.json");
        writeFile(path, content);
        const Result<Vocabulary> loaded = Vocabulary::load(path.toStdString());
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.message().find(mentions.toStdString()) != std::string::npos, loaded.message().c_str());
        QVERIFY2(loaded.message().find("bad.json") != std::string::npos, loaded.message().c_str());
    }

    void missingFile()
    {
        const Result<Vocabulary> loaded = Vocabulary::load("/nonexistent/chorus/vocab.json");
        QVERIFY(!loaded.ok());
        QVERIFY(loaded.message().find("cannot open") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(VocabularyTest)
#include "tst_vocabulary.moc"
