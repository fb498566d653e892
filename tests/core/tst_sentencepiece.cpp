// SentencePieceModel: training unigram and BPE models on a generated English + Chinese corpus,
// round trips through the serialized bytes and files, and errors for unusable models.
#include "core/text/sentencepiecelibrary.h"
#include "core/text/sentencepiecemodel.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

using namespace chorus;

namespace {

// A few hundred post-like lines mixing English and Chinese, the same on every run.
std::vector<std::string> generatedCorpus(int lines = 400)
{
    const std::vector<std::string> english = {
        "the",     "election", "results", "were",   "announced", "today",   "and",    "people",
        "celebrated", "in",    "streets", "while",  "others",    "protested", "against", "new",
        "policies", "about",   "climate", "change", "energy",    "prices",  "rising", "quickly",
        "students", "shared",  "photos",  "of",     "their",     "cities",  "online", "watching",
        "football", "match",   "tonight", "with",   "friends",   "great",   "game",   "really"};
    const std::vector<std::string> chinese = {
        "今天", "选举", "结果", "公布", "人们", "在", "街头", "庆祝", "学生", "分享",
        "照片", "城市", "气候", "变化", "能源", "价格", "上涨", "很快", "朋友", "比赛"};
    std::vector<std::string> out;
    std::uint32_t state = 12345;
    const auto next = [&](std::uint32_t bound) {
        state = state * 1103515245u + 12345u;
        return (state >> 16) % bound;
    };
    for (int line = 0; line < lines; ++line) {
        std::string text;
        const std::uint32_t words = 5 + next(8);
        for (std::uint32_t w = 0; w < words; ++w) {
            if (line % 3 == 0) {
                text += chinese[next(std::uint32_t(chinese.size()))]; // Chinese without spaces
            } else {
                if (!text.empty())
                    text += ' ';
                text += english[next(std::uint32_t(english.size()))];
            }
        }
        if (line % 5 == 1)
            text += " 比赛 great";
        out.push_back(text);
    }
    return out;
}

void writeLines(const QString &path, const std::vector<std::string> &lines)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    for (const std::string &line : lines) {
        file.write(line.data(), qint64(line.size()));
        file.write("\r\n"); // Windows line ends must not leak into the model
    }
}

SentencePieceOptions smallOptions(SentencePieceOptions::ModelType type, int vocabSize)
{
    SentencePieceOptions options;
    options.type = type;
    options.vocabSize = vocabSize;
    options.characterCoverage = 1.0;
    return options;
}

} // namespace

class SentencePieceTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        auto backend = SentencePieceLibrary::backend();
        if (!backend) {
            // What a build without the module (or a sanitizer build) does, before the rest is skipped.
            QVERIFY(!SentencePieceModel::isAvailable());
            const Result<SentencePieceModel> trained =
                SentencePieceModel::train(generatedCorpus(10), SentencePieceOptions());
            QVERIFY(!trained.ok());
            QCOMPARE(trained.message(), backend.message());
            QVERIFY(!SentencePieceModel::fromSerialized("x").ok());
#ifdef CHORUS_HAVE_SENTENCEPIECE
            // A build with libsentencepiece has its module unless sanitizers keep it out.
            QVERIFY2(backend.message().find("sanitizer") != std::string::npos, backend.message().c_str());
#endif
            QSKIP(backend.message().c_str());
        }
        QVERIFY(SentencePieceModel::isAvailable());
        QVERIFY(QFile::exists(QString::fromStdString(SentencePieceLibrary::modulePath())));
    }

    void unigramFromFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::vector<std::string> corpus = generatedCorpus();
        const QString path = dir.filePath("corpus.txt");
        writeLines(path, corpus);

        const Result<SentencePieceModel> trained = SentencePieceModel::trainFromFile(
            path.toStdString(), smallOptions(SentencePieceOptions::ModelType::Unigram, 200));
        QVERIFY2(trained.ok(), trained.ok() ? "" : trained.message().c_str());
        const SentencePieceModel &model = *trained;
        QVERIFY(model.isLoaded());
        QCOMPARE(model.vocabSize(), 200);
        QCOMPARE(model.piece(0), std::string("<pad>"));
        QCOMPARE(model.piece(1), std::string("<unk>"));
        QCOMPARE(model.piece(2), std::string("<bos>"));
        QCOMPARE(model.piece(3), std::string("<eos>"));
        QCOMPARE(model.unknownId(), 1);
        QCOMPARE(model.piece(200), std::string());
        QCOMPARE(model.pieceId("no-such-piece-here"), 1);

        for (const std::string &line : corpus) {
            const std::vector<int> ids = model.encodeIds(line);
            QVERIFY(!ids.empty());
            for (int id : ids) {
                QVERIFY(id > 3 && id < 200);
                QVERIFY2(id != model.unknownId(), line.c_str());
            }
            QCOMPARE(model.decodeIds(ids), line);
            const std::vector<std::string> pieces = model.encodePieces(line);
            QCOMPARE(pieces.size(), ids.size());
            for (std::size_t i = 0; i < pieces.size(); ++i) {
                QCOMPARE(model.pieceId(pieces[i]), ids[i]);
                QVERIFY(pieces[i].find('\r') == std::string::npos);
            }
            QCOMPARE(model.decodePieces(pieces), line);
        }
        // Frequent words become single pieces ("▁" marks a word start).
        QVERIFY(model.pieceId("\u2581election") != model.unknownId());
        QVERIFY(model.pieceId("\u2581the") != model.unknownId());
        // Unseen characters are unknown, and invalid ids decode to nothing.
        const std::vector<int> unseen = model.encodeIds("\u05D0");
        QVERIFY(std::find(unseen.begin(), unseen.end(), model.unknownId()) != unseen.end());
        QCOMPARE(model.decodeIds({-5, 100000}), std::string());
    }

    void bpeFromSentences()
    {
        const std::vector<std::string> corpus = generatedCorpus(300);
        const Result<SentencePieceModel> trained =
            SentencePieceModel::train(corpus, smallOptions(SentencePieceOptions::ModelType::Bpe, 150));
        QVERIFY2(trained.ok(), trained.ok() ? "" : trained.message().c_str());
        QCOMPARE(trained->vocabSize(), 150);
        for (const std::string &line : corpus)
            QCOMPARE(trained->decodeIds(trained->encodeIds(line)), line);
        // Mixed text the model has not seen as a whole still round-trips.
        const std::string mixed = "great game 今天 比赛 friends";
        QCOMPARE(trained->decodeIds(trained->encodeIds(mixed)), mixed);
    }

    void trainingIsDeterministic()
    {
        const std::vector<std::string> corpus = generatedCorpus(200);
        const auto options = smallOptions(SentencePieceOptions::ModelType::Unigram, 120);
        const Result<SentencePieceModel> a = SentencePieceModel::train(corpus, options);
        const Result<SentencePieceModel> b = SentencePieceModel::train(corpus, options);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a->serialized(), b->serialized());
    }

    void serializedBytesAndFiles()
    {
        const Result<SentencePieceModel> trained =
            SentencePieceModel::train(generatedCorpus(200), smallOptions(SentencePieceOptions::ModelType::Unigram, 120));
        QVERIFY(trained.ok());
        const std::string sample = "students shared photos 学生分享照片";
        const std::vector<int> expected = trained->encodeIds(sample);

        const Result<SentencePieceModel> fromBytes = SentencePieceModel::fromSerialized(trained->serialized());
        QVERIFY(fromBytes.ok());
        QCOMPARE(fromBytes->encodeIds(sample), expected);
        QCOMPARE(fromBytes->serialized(), trained->serialized());

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath("model.spm").toStdString();
        QVERIFY(trained->save(path).ok());
        Result<SentencePieceModel> loaded = SentencePieceModel::load(path);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.message().c_str());
        QCOMPARE(loaded->encodeIds(sample), expected);

        // Moving keeps the model; the moved-from one is empty but safe to use.
        SentencePieceModel moved = std::move(*loaded);
        QVERIFY(!loaded->isLoaded());
        QVERIFY(loaded->encodeIds(sample).empty());
        QCOMPARE(moved.encodeIds(sample), expected);
        SentencePieceModel empty;
        QVERIFY(!empty.isLoaded());
        QVERIFY(empty.encodeIds(sample).empty());
        QCOMPARE(empty.vocabSize(), 0);
        QVERIFY(!empty.save(dir.filePath("empty.spm").toStdString()).ok());
    }

    void badModels()
    {
        QVERIFY(!SentencePieceModel::fromSerialized("").ok());
        const Result<SentencePieceModel> garbage = SentencePieceModel::fromSerialized("this is not a model \x01\x02\xFF");
        QVERIFY(!garbage.ok());
        QVERIFY(!garbage.message().empty());

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("bad.spm");
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(4096, '\x7F'));
        }
        const Result<SentencePieceModel> loaded = SentencePieceModel::load(path.toStdString());
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.message().find("bad.spm") != std::string::npos, loaded.message().c_str());
        QVERIFY(!SentencePieceModel::load(dir.filePath("missing.spm").toStdString()).ok());
    }

    void badTrainingInput()
    {
        const auto options = smallOptions(SentencePieceOptions::ModelType::Unigram, 100);
        QVERIFY(!SentencePieceModel::train(std::vector<std::string>{}, options).ok());
        QVERIFY(!SentencePieceModel::train(std::vector<std::string>{"", ""}, options).ok());
        QVERIFY(!SentencePieceModel::trainFromFile("/nonexistent/chorus/corpus.txt", options).ok());
        QVERIFY(!SentencePieceModel::train(generatedCorpus(20), smallOptions(SentencePieceOptions::ModelType::Bpe, 3)).ok());

        // More pieces than the text can fill: an error with the hard limit, a smaller model without.
        const Result<SentencePieceModel> tooBig =
            SentencePieceModel::train(generatedCorpus(50), smallOptions(SentencePieceOptions::ModelType::Unigram, 5000));
        QVERIFY(!tooBig.ok());
        QVERIFY(!tooBig.message().empty());
        SentencePieceOptions soft = smallOptions(SentencePieceOptions::ModelType::Unigram, 5000);
        soft.hardVocabLimit = false;
        const Result<SentencePieceModel> smaller = SentencePieceModel::train(generatedCorpus(50), soft);
        QVERIFY2(smaller.ok(), smaller.ok() ? "" : smaller.message().c_str());
        QVERIFY(smaller->vocabSize() < 5000);

        // A reader that fails stops training with its own message.
        int calls = 0;
        const SentencePieceModel::SentenceReader failing = [&](std::string &sentence) -> bool {
            if (++calls > 10)
                throw std::runtime_error("database went away");
            sentence = "some text here";
            return true;
        };
        const Result<SentencePieceModel> failed = SentencePieceModel::train(failing, options);
        QVERIFY(!failed.ok());
        QVERIFY2(failed.message().find("database went away") != std::string::npos, failed.message().c_str());
    }
};

QTEST_APPLESS_MAIN(SentencePieceTest)
#include "tst_sentencepiece.moc"
