// WordVectors: exact word2vec text/binary round trips, fastText .vec, load errors that name the
// file and line, cosine lookups on a hand-made table, and filling a model's embedding matrix.
#include "core/embeddings/wordvectors.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

using namespace chorus;

namespace {

std::string writeFile(const QTemporaryDir &dir, const std::string &name, const std::string &bytes)
{
    const std::string path = dir.filePath(QString::fromStdString(name)).toStdString();
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path;
}

std::string readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string floatBytes(std::initializer_list<float> values)
{
    std::string out;
    for (float v : values) {
        char b[4];
        std::uint32_t bits;
        std::memcpy(&bits, &v, 4);
        for (int i = 0; i < 4; ++i) // little-endian whatever the host
            b[i] = static_cast<char>((bits >> (8 * i)) & 0xFF);
        out.append(b, 4);
    }
    return out;
}

// Values that a careless writer would lose: many digits, tiny, huge, negative zero.
WordVectors awkwardTable()
{
    std::vector<std::string> words = {"hello", "wörld", "#tag", "🙂", "x"};
    const std::size_t dims = 7;
    std::vector<float> m;
    std::uint64_t state = 12345;
    for (std::size_t i = 0; i < words.size() * dims; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        m.push_back(static_cast<float>(static_cast<double>(state >> 11) / 9007199254740992.0 - 0.5) * 0.37f);
    }
    m[0] = 1.0e-38f;
    m[1] = 3.4e38f;
    m[2] = -0.0f;
    m[3] = 0.1f;
    m[4] = std::numeric_limits<float>::denorm_min();
    auto table = WordVectors::create(words, dims, m);
    if (!table)
        qFatal("%s", table.message().c_str());
    return *table;
}

void compareExactly(const WordVectors &a, const WordVectors &b)
{
    QCOMPARE(b.words(), a.words());
    QCOMPARE(b.dimensions(), a.dimensions());
    QCOMPARE(b.matrix().size(), a.matrix().size());
    QVERIFY(std::memcmp(a.matrix().data(), b.matrix().data(), a.matrix().size() * sizeof(float)) == 0);
}

// king ~ queen, apple ~ pear; the two pairs orthogonal.
WordVectors handMadeTable()
{
    auto table = WordVectors::create({"king", "queen", "apple", "pear"}, 3,
                                     {1.0f, 0.0f, 0.0f,   //
                                      0.9f, 0.1f, 0.0f,   //
                                      0.0f, 0.0f, 2.0f,   //
                                      0.0f, 0.3f, 1.0f});
    if (!table)
        qFatal("%s", table.message().c_str());
    return *table;
}

} // namespace

class TestWordVectors : public QObject {
    Q_OBJECT

private slots:
    void textRoundTripIsExact()
    {
        QTemporaryDir dir;
        const WordVectors table = awkwardTable();
        const std::string path = dir.filePath("v.txt").toStdString();
        QVERIFY(table.save(path, WordVectorFormat::Text).ok());
        const std::string text = readFile(path);
        QVERIFY(text.rfind("5 7\n", 0) == 0);
        QVERIFY(text.find("\nwörld ") != std::string::npos);
        auto loaded = WordVectors::load(path, WordVectorFormat::Text);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.message().c_str());
        compareExactly(table, *loaded);
        QVERIFY(std::signbit(loaded->matrix()[2]));
    }

    void binaryRoundTripIsExactAndLaidOutLikeTheCTool()
    {
        QTemporaryDir dir;
        const WordVectors table = awkwardTable();
        const std::string path = dir.filePath("v.bin").toStdString();
        QVERIFY(table.save(path, WordVectorFormat::Binary).ok());
        const std::string bytes = readFile(path);
        // Header, then per word: bytes, space, 7 little-endian floats, newline.
        const std::string expectedStart = "5 7\nhello " + std::string(bytes.data() + 10, 28) + "\nwörld ";
        QVERIFY(bytes.rfind(expectedStart, 0) == 0);
        float first;
        std::memcpy(&first, bytes.data() + 10, 4);
        QCOMPARE(first, 1.0e-38f);
        std::size_t wordBytes = 0;
        for (const auto &w : table.words())
            wordBytes += w.size() + 1 + 7 * 4 + 1;
        QCOMPARE(bytes.size(), std::string("5 7\n").size() + wordBytes);
        auto loaded = WordVectors::load(path, WordVectorFormat::Binary);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.message().c_str());
        compareExactly(table, *loaded);
    }

    void binaryWrittenByHandLoads()
    {
        QTemporaryDir dir;
        const std::string bytes =
            "2 3\r\nalpha " + floatBytes({0.5f, -1.25f, 3.0f}) + "\nbeta " + floatBytes({1.0f, 2.0f, 4.0f}) + "\n";
        auto loaded = WordVectors::load(writeFile(dir, "h.bin", bytes), WordVectorFormat::Binary);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.message().c_str());
        QCOMPARE(loaded->words(), (std::vector<std::string>{"alpha", "beta"}));
        QCOMPARE(loaded->vector("alpha")[1], -1.25f);
        QCOMPARE(loaded->vector("beta")[2], 4.0f);
    }

    void fastTextVecLoads()
    {
        QTemporaryDir dir;
        // As fastText writes it: trailing space after the last value; CRLF as a Windows copy has.
        const std::string vec = "3 4 \r\n"
                                "</s> 0.1 0.2 0.3 0.4 \r\n"
                                "the -0.5 1e-3 2.5E+1 -0 \r\n"
                                "\r\n"
                                "naïve 1 2 3 4\r\n";
        auto loaded = WordVectors::loadFastText(writeFile(dir, "wiki.vec", vec));
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.message().c_str());
        QCOMPARE(loaded->size(), std::size_t(3));
        QCOMPARE(loaded->dimensions(), std::size_t(4));
        QCOMPARE(loaded->vector("the")[1], 1e-3f);
        QCOMPARE(loaded->vector("the")[2], 25.0f);
        QCOMPARE(loaded->vector("naïve")[3], 4.0f);
        QCOMPARE(loaded->indexOf("</s>"), std::int64_t(0));

        auto limited = WordVectors::loadFastText(writeFile(dir, "wiki2.vec", vec), 2);
        QVERIFY(limited.ok());
        QCOMPARE(limited->words(), (std::vector<std::string>{"</s>", "the"}));
    }

    void malformedFilesNameFileAndLine_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("binary");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray("") << false << "bad.txt: empty file";
        QTest::newRow("header words") << QByteArray("hello world\nhello 1 2\n") << false << "bad.txt:1: bad header";
        QTest::newRow("header one number") << QByteArray("3\n") << false << "bad.txt:1: bad header";
        QTest::newRow("header zero dims") << QByteArray("1 0\nx\n") << false << "bad.txt:1: bad header";
        QTest::newRow("too few values") << QByteArray("2 3\na 1 2 3\nb 1 2\n") << false
                                        << "bad.txt:3: expected a word and 3 values, found 2 values after 'b'";
        QTest::newRow("too many values") << QByteArray("2 2\na 1 2 3\nb 1 2\n") << false
                                         << "bad.txt:2: expected a word and 2 values, found 3";
        QTest::newRow("not a number") << QByteArray("1 2\na 1 x2\n") << false
                                      << "bad.txt:2: value 2 of 'a' is not a number: 'x2'";
        QTest::newRow("fewer words than header") << QByteArray("3 1\na 1\nb 2\n") << false
                                                 << "bad.txt:4: file ends after 2 of the 3 words";
        QTest::newRow("more words than header") << QByteArray("1 1\na 1\nb 2\n") << false
                                                << "bad.txt:3: more words than the 1";
        QTest::newRow("binary bad header") << QByteArray("two 2\n") << true << "bad.txt:1: bad header";
        const std::string oneAndHalf = "2 2\na " + floatBytes({1, 2}) + "\nb " + floatBytes({3}).substr(0, 4);
        QTest::newRow("binary truncated values")
            << QByteArray(oneAndHalf.data(), int(oneAndHalf.size())) << true
            << "bad.txt: entry 2: truncated: 'b' has 1 of 2 values";
        const std::string noSecond = "2 2\na " + floatBytes({1, 2}) + "\n";
        QTest::newRow("binary missing entry") << QByteArray(noSecond.data(), int(noSecond.size())) << true
                                              << "bad.txt: entry 2: truncated: file ends before the word";
        QTest::newRow("binary no space") << QByteArray("1 2\n") + QByteArray(70000, 'z') << true
                                         << "bad.txt: entry 1: no space after the word";
    }

    void malformedFilesNameFileAndLine()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, binary);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const std::string path = writeFile(dir, "bad.txt", content.toStdString());
        auto loaded = WordVectors::load(path, binary ? WordVectorFormat::Binary : WordVectorFormat::Text);
        QVERIFY(!loaded.ok());
        const QString message = QString::fromStdString(loaded.message());
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY2(message.startsWith(QString::fromStdString(path)), qPrintable(message));
    }

    void missingFileIsAnError()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("absent.vec").toStdString();
        auto loaded = WordVectors::loadFastText(path);
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.message().find("absent.vec") != std::string::npos, loaded.message().c_str());
    }

    void repeatedWordKeepsItsFirstVector()
    {
        QTemporaryDir dir;
        auto loaded = WordVectors::load(writeFile(dir, "r.txt", "3 1\na 1\nb 2\na 3\n"), WordVectorFormat::Text);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->size(), std::size_t(2));
        QCOMPARE(loaded->vector("a")[0], 1.0f);
    }

    void saveRefusesWordsWithWhitespace()
    {
        QTemporaryDir dir;
        auto table = WordVectors::create({"ok", "two words"}, 1, {1.0f, 2.0f});
        QVERIFY(table.ok());
        const Status saved = table->save(dir.filePath("w.txt").toStdString(), WordVectorFormat::Text);
        QVERIFY(!saved.ok());
        QVERIFY(saved.message().find("'two words'") != std::string::npos);
        QVERIFY(!QFile::exists(dir.filePath("w.txt")));
    }

    void createChecksItsInput()
    {
        QVERIFY(!WordVectors::create({"a", "a"}, 1, {1.0f, 2.0f}).ok());
        QVERIFY(!WordVectors::create({"a", "b"}, 2, {1.0f, 2.0f}).ok());
        QVERIFY(WordVectors::create({"a", "b"}, 1, {1.0f, 2.0f}).ok());
    }

    void similarityIsCosine()
    {
        const WordVectors table = handMadeTable();
        QCOMPARE(table.similarity("king", "king").value(), 1.0f);
        QVERIFY(std::abs(*table.similarity("king", "queen") - 0.9f / std::sqrt(0.82f)) < 1e-6f);
        QCOMPARE(table.similarity("king", "apple").value(), 0.0f);
        // Scale does not matter: apple is (0,0,2).
        QVERIFY(std::abs(*table.similarity("apple", "pear") - 1.0f / std::sqrt(1.09f)) < 1e-6f);
        QVERIFY(!table.similarity("king", "prince").has_value());
    }

    void nearestRanksByCosine()
    {
        const WordVectors table = handMadeTable();
        auto near = table.nearest("king", 2);
        QVERIFY(near.ok());
        QCOMPARE(near->size(), std::size_t(2));
        QCOMPARE((*near)[0].word, std::string("queen"));
        QCOMPARE((*near)[1].word, std::string("apple")); // apple and pear both 0: table order decides
        auto all = table.nearest("pear", 10);
        QVERIFY(all.ok());
        QCOMPARE(all->size(), std::size_t(3));
        QCOMPARE((*all)[0].word, std::string("apple"));
        QCOMPARE((*all)[1].word, std::string("queen"));
        QCOMPARE((*all)[2].word, std::string("king"));
        QVERIFY((*all)[0].similarity > (*all)[1].similarity);
        QVERIFY((*all)[1].similarity > (*all)[2].similarity);
        QVERIFY(!table.nearest("prince", 3).ok());
        QVERIFY(table.nearest("king", 0)->empty());

        const float query[3] = {0.0f, 0.0f, -1.0f};
        const auto opposite = table.nearestTo(query, 1, {"king"});
        QCOMPARE(opposite.size(), std::size_t(1));
        QCOMPARE(opposite[0].word, std::string("queen")); // 0 for king/queen, negative for fruit
    }

    void fillEmbeddingUsesPretrainedRows()
    {
        auto table = WordVectors::create({"hello", "World", "the"}, 2, {0.5f, -0.5f, 0.25f, 0.75f, -1.0f, 1.0f});
        QVERIFY(table.ok());
        const std::vector<std::string> vocabulary = {"<pad>", "hello", "world", "unseen", "other", "THE"};
        std::vector<float> matrix;
        const EmbeddingFillReport report = table->fillEmbedding(vocabulary, matrix);
        QCOMPARE(matrix.size(), vocabulary.size() * 2);
        QCOMPARE(report.zeroed, std::size_t(1));
        QCOMPARE(report.found, std::size_t(3));
        QCOMPARE(report.foundLowercase, std::size_t(2));
        QCOMPARE(report.missing, std::size_t(2));
        QCOMPARE(report.missingExamples, (std::vector<std::string>{"unseen", "other"}));
        QCOMPARE(matrix[0], 0.0f);
        QCOMPARE(matrix[1], 0.0f);
        QCOMPARE(matrix[2], 0.5f);
        QCOMPARE(matrix[4], 0.25f); // "world" found as "World"
        QCOMPARE(matrix[11], 1.0f); // "THE" found as "the"
        QVERIFY(report.scale > 0);
        for (int i : {6, 7, 8, 9}) {
            QVERIFY(std::abs(matrix[i]) <= report.scale);
            QVERIFY(matrix[i] != 0.0f);
        }
        QVERIFY(matrix[6] != matrix[8]);

        // A word's random row depends on the word and the seed, not on where it sits.
        std::vector<float> again;
        table->fillEmbedding({"unseen"}, again);
        QCOMPARE(again[0], matrix[6]);
        QCOMPARE(again[1], matrix[7]);
        EmbeddingFillOptions other;
        other.seed = 2;
        other.caseInsensitiveFallback = false;
        other.scale = 0.01f;
        const EmbeddingFillReport strict = table->fillEmbedding(vocabulary, again, other);
        QCOMPARE(strict.found, std::size_t(1));
        QCOMPARE(strict.missing, std::size_t(4));
        QVERIFY(again[6] != matrix[6]);
        QVERIFY(std::abs(again[6]) <= 0.01f);
    }
};

QTEST_APPLESS_MAIN(TestWordVectors)
#include "tst_wordvectors.moc"
