// PostTokenizer: a run's tokenizer as its encoding stores it. The social tokenizer's options and
// a SentencePiece model travel through writeTo/readFrom and split text exactly as before; damaged
// encodings are errors that name the field.
#include "core/text/posttokenizer.h"
#include "core/text/sentencepiecelibrary.h"

#include <QtTest>

#include <string>
#include <vector>

using namespace chorus;

namespace {

std::vector<std::string> corpus()
{
    const std::vector<std::string> words = {"great", "game", "tonight", "awful", "service", "again", "happy",
                                            "birthday", "friends", "election", "results", "today"};
    std::vector<std::string> lines;
    for (int i = 0; i < 300; ++i) {
        std::string line;
        for (int w = 0; w < 6; ++w)
            line += (w ? " " : "") + words[static_cast<std::size_t>((i * 7 + w * 5) % 12)];
        lines.push_back(line + (i % 4 == 0 ? " 今天比赛很好" : " #win"));
    }
    return lines;
}

} // namespace

class PostTokenizerTest : public QObject {
    Q_OBJECT

private slots:
    void socialOptionsRoundTrip()
    {
        TokenizerOptions options;
        options.lowercase = false;
        options.normalizeUrls = true;
        const PostTokenizer tokenizer(options);
        QVERIFY(!tokenizer.isSentencePiece());
        QCOMPARE(tokenizer.pieceCount(), 0);
        const std::string text = "Sooo GOOD http://x.io/A @Ann #Win 😀";
        QCOMPARE(tokenizer.tokenize(text), SocialTokenizer(options).tokenize(text));

        nlohmann::json encoding = {{"vocabulary", nlohmann::json::array()}, {"sentencepiece", "stale"}};
        tokenizer.writeTo(encoding);
        QVERIFY(!encoding.contains("sentencepiece"));
        QCOMPARE(encoding["tokenizer"]["lowercase"].get<bool>(), false);
        auto back = PostTokenizer::readFrom(encoding);
        QVERIFY2(back.ok(), back.ok() ? "" : back.message().c_str());
        QVERIFY(!back->isSentencePiece());
        QVERIFY(back->options() == options);
        QCOMPARE(back->tokenize(text), tokenizer.tokenize(text));
    }

    void damagedEncodingsAreErrors_data()
    {
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no tokenizer") << R"({"vocabulary": []})" << "encoding: no 'tokenizer'";
        QTest::newRow("wrong type") << R"({"tokenizer": {"lowercase": "yes"}})" << "encoding.tokenizer:";
        QTest::newRow("model not a string") << R"({"tokenizer": {}, "sentencepiece": {"model": 5}})"
                                            << "encoding.sentencepiece.model: expected the model's bytes as a base64 string";
        QTest::newRow("bad base64") << R"({"tokenizer": {}, "sentencepiece": {"model": "ab$d"}})"
                                    << "encoding.sentencepiece.model: not base64 (character 2)";
        QTest::newRow("bad length") << R"({"tokenizer": {}, "sentencepiece": {"model": "abc"}})"
                                    << "not base64 (its length is not a multiple of 4)";
        QTest::newRow("padding inside") << R"({"tokenizer": {}, "sentencepiece": {"model": "ab==abcd"}})"
                                        << "not base64 (character 2)";
        QTest::newRow("not a model") << R"({"tokenizer": {}, "sentencepiece": {"model": "aGVsbG8gd29ybGQ="}})"
                                     << "this run splits text with SentencePiece:";
    }

    void damagedEncodingsAreErrors()
    {
        QFETCH(QString, encoding);
        QFETCH(QString, reason);
        auto read = PostTokenizer::readFrom(nlohmann::json::parse(encoding.toStdString()));
        QVERIFY(!read.ok());
        QVERIFY2(QString::fromStdString(read.message()).contains(reason), read.message().c_str());
    }

    void sentencePieceTravelsWithTheEncoding()
    {
        if (auto backend = SentencePieceLibrary::backend(); !backend)
            QSKIP(backend.message().c_str());
        SentencePieceOptions options;
        options.vocabSize = 120;
        options.hardVocabLimit = false;
        options.characterCoverage = 1.0;
        auto model = SentencePieceModel::train(corpus(), options);
        QVERIFY2(model.ok(), model.ok() ? "" : model.message().c_str());
        const std::string bytes = model->serialized();
        const PostTokenizer tokenizer = PostTokenizer::sentencePiece(std::move(*model));
        QVERIFY(tokenizer.isSentencePiece());
        QVERIFY(tokenizer.pieceCount() > 20 && tokenizer.pieceCount() <= 120);
        const std::string text = "great game tonight 今天很好 #win";
        const std::vector<std::string> pieces = tokenizer.tokenize(text);
        QVERIFY(pieces.size() >= 5);
        // Pieces mark word starts with U+2581; joined they spell the text again.
        std::string joined;
        for (const std::string &piece : pieces)
            joined += piece;
        QVERIFY2(joined.find("\xe2\x96\x81great") == 0, joined.c_str());

        nlohmann::json encoding = nlohmann::json::object();
        tokenizer.writeTo(encoding);
        QCOMPARE(encoding["sentencepiece"]["pieces"].get<int>(), tokenizer.pieceCount());
        // Through text, as the project stores it.
        auto back = PostTokenizer::readFrom(nlohmann::json::parse(encoding.dump()));
        QVERIFY2(back.ok(), back.ok() ? "" : back.message().c_str());
        QVERIFY(back->isSentencePiece());
        QCOMPARE(back->tokenize(text), pieces);
        QCOMPARE(back->tokenize("awful service again"), tokenizer.tokenize("awful service again"));
        // The stored bytes are the model's, every byte value included.
        nlohmann::json again = nlohmann::json::object();
        back->writeTo(again);
        QCOMPARE(again["sentencepiece"]["model"], encoding["sentencepiece"]["model"]);
        QVERIFY(bytes.size() > 100);
    }
};

QTEST_GUILESS_MAIN(PostTokenizerTest)
#include "tst_posttokenizer.moc"
