// Per-epoch embedding snapshots: the blob format round-trips and refuses what is not a complete
// snapshot with a reason, and the history lists, loads and re-records epochs of a run.
#include "core/embeddings/embeddinghistory.h"
#include "core/embeddings/embeddingsnapshot.h"
#include "core/store/project.h"
#include "core/training/runstore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>

using namespace chorus;

namespace {

EmbeddingSnapshot sample(int epoch, float offset)
{
    EmbeddingSnapshot snapshot;
    snapshot.epoch = epoch;
    snapshot.step = 10 * epoch;
    snapshot.dimensions = 3;
    snapshot.tokens = {"<pad>", "good", "\xe5\xa5\xbd", "#tag"};
    for (std::size_t i = 0; i < snapshot.tokens.size() * 3; ++i)
        snapshot.values.push_back(offset + 0.25f * static_cast<float>(i) - 1.0f);
    return snapshot;
}

// Three posts as a classifier saw them, with the columns the trainer records.
EmbeddingSnapshot posts(int epoch)
{
    EmbeddingSnapshot snapshot;
    snapshot.space = EmbeddingSpace::Posts;
    snapshot.epoch = epoch;
    snapshot.step = 7 * epoch;
    snapshot.dimensions = 2;
    snapshot.labelColumn = "text";
    snapshot.tokens = {"so good \xf0\x9f\x98\x80", "awful\tday", ""};
    snapshot.values = {1.0f, 0.5f, -1.0f, 0.25f, 0.0f, float(epoch)};
    snapshot.columns = {"post_id", "split", "sentiment", "predicted"};
    snapshot.columnValues = {{"11", "12", "13"}, {"valid", "valid", "valid"}, {"pos", "neg", "-"}, {"pos", "pos", "neg"}};
    return snapshot;
}

} // namespace

class EmbeddingHistoryTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void roundTrips()
    {
        const EmbeddingSnapshot original = sample(2, 0.5f);
        auto decoded = EmbeddingSnapshot::decode(original.encode());
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.message().c_str());
        QCOMPARE(decoded->epoch, 2);
        QCOMPARE(decoded->step, std::int64_t(20));
        QCOMPARE(decoded->dimensions, std::size_t(3));
        QCOMPARE(decoded->tokens, original.tokens);
        QCOMPARE(decoded->values, original.values);
        const ProjectorTable table = decoded->toProjectorTable();
        QCOMPARE(table.rows, std::size_t(4));
        QCOMPARE(table.dimensions, std::size_t(3));
        QCOMPARE(table.label(2), std::string("\xe5\xa5\xbd"));
        QVERIFY(table.frequencyOrdered);
        QCOMPARE(table.matrix, original.values);

        EmbeddingSnapshot empty;
        auto none = EmbeddingSnapshot::decode(empty.encode());
        QVERIFY(none.ok());
        QCOMPARE(none->tokens.size(), std::size_t(0));
    }

    void postsKeepTheirMetadata()
    {
        const EmbeddingSnapshot original = posts(3);
        auto decoded = EmbeddingSnapshot::decode(original.encode());
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.message().c_str());
        QVERIFY(decoded->space == EmbeddingSpace::Posts);
        QCOMPARE(decoded->labelColumn, std::string("text"));
        QCOMPARE(decoded->tokens, original.tokens);
        QCOMPARE(decoded->columns, original.columns);
        QCOMPARE(decoded->columnValues, original.columnValues);
        const ProjectorTable table = decoded->toProjectorTable();
        QVERIFY(!table.frequencyOrdered);
        QCOMPARE(table.columns, (std::vector<std::string>{"text", "post_id", "split", "sentiment", "predicted"}));
        QCOMPARE(table.values[4][2], std::string("neg"));
        QCOMPARE(table.matrix, original.values);

        // Written as the projector's TSV pair and read back: the text's tab and the empty text
        // keep every line's columns.
        QTemporaryDir dir;
        const std::string vectors = dir.filePath("vectors.tsv").toStdString();
        const std::string metadata = dir.filePath("metadata.tsv").toStdString();
        QVERIFY(table.saveTsv(vectors, metadata).ok());
        auto back = ProjectorTable::loadTsv(vectors, metadata);
        QVERIFY2(back.ok(), back.ok() ? "" : back.message().c_str());
        QCOMPARE(back->columns, table.columns);
        QCOMPARE(back->values[0][1], std::string("awful day"));
        QCOMPARE(back->values[0][2], std::string("-"));
        QCOMPARE(back->values[3], table.values[3]);
        QCOMPARE(back->matrix, table.matrix);
        QVERIFY(!QFile::exists(dir.filePath("vectors.tsv.partial")));
    }

    void readsVersionOneBlobs()
    {
        // What sessions before the metadata columns wrote: tokens only, no space.
        std::string blob = R"({"format":"chorus-embeddings","version":1,"epoch":4,"step":40,"rows":2,"dimensions":1,)"
                           R"("tokens":["<pad>","good"]})";
        blob += '\n';
        const float values[] = {0.5f, -2.0f};
        blob.append(reinterpret_cast<const char *>(values), sizeof values); // little-endian here
        auto decoded = EmbeddingSnapshot::decode(blob);
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.message().c_str());
        QVERIFY(decoded->space == EmbeddingSpace::Tokens);
        QCOMPARE(decoded->epoch, 4);
        QCOMPARE(decoded->labelColumn, std::string("token"));
        QVERIFY(decoded->columns.empty());
        QCOMPARE(decoded->values, (std::vector<float>{0.5f, -2.0f}));
    }

    void refusesIncompleteBlobs_data()
    {
        QTest::addColumn<QByteArray>("blob");
        QTest::addColumn<QString>("reason");
        const std::string good = sample(1, 0).encode();
        const std::size_t newline = good.find('\n');
        QTest::newRow("empty") << QByteArray() << "no header line";
        QTest::newRow("not json") << QByteArray("hello\n") << "not a chorus-embeddings header";
        QTest::newRow("other format") << QByteArray(R"({"format": "npy"})" "\n") << "not a chorus-embeddings header";
        QTest::newRow("newer version")
            << QByteArray(R"({"format": "chorus-embeddings", "version": 3})" "\n") << "version 3 is not supported";
        QTest::newRow("truncated values") << QByteArray::fromStdString(good.substr(0, good.size() - 6))
                                          << "bytes of values for 4 x 3 floats";
        QTest::newRow("extra values") << QByteArray::fromStdString(good + std::string(12, '\0'))
                                      << "bytes of values for 4 x 3 floats";
        std::string header = good.substr(0, newline);
        std::string negative = header;
        negative.replace(negative.find("\"rows\":4"), 8, "\"rows\":-4");
        QTest::newRow("negative rows") << QByteArray::fromStdString(negative + good.substr(newline))
                                       << "'rows' is not a non-negative integer";
        std::string moreRows = header;
        moreRows.replace(moreRows.find("\"rows\":4"), 8, "\"rows\":5");
        QTest::newRow("rows and tokens differ") << QByteArray::fromStdString(moreRows + good.substr(newline))
                                                << "4 tokens for 5 rows";
        std::string huge = header;
        huge.replace(huge.find("\"dimensions\":3"), 14, "\"dimensions\":4611686018427387904");
        QTest::newRow("absurd dimensions") << QByteArray::fromStdString(huge + good.substr(newline)) << "bytes of values";
        std::string badSpace = header;
        badSpace.replace(badSpace.find("\"space\":\"tokens\""), 16, "\"space\":\"colors\"");
        QTest::newRow("unknown space") << QByteArray::fromStdString(badSpace + good.substr(newline))
                                       << "unknown embedding space 'colors'";
        EmbeddingSnapshot shortColumn = posts(1);
        shortColumn.columnValues[1].pop_back();
        QTest::newRow("short metadata column") << QByteArray::fromStdString(shortColumn.encode())
                                               << "metadata column 'split' has 2 values for 3 rows";
        EmbeddingSnapshot nan = sample(1, 0);
        nan.values[5] = std::numeric_limits<float>::quiet_NaN();
        QTest::newRow("not finite") << QByteArray::fromStdString(nan.encode()) << "value 5 is not finite";
    }

    void refusesIncompleteBlobs()
    {
        QFETCH(QByteArray, blob);
        QFETCH(QString, reason);
        auto decoded = EmbeddingSnapshot::decode(blob.toStdString());
        QVERIFY(!decoded.ok());
        QVERIFY2(QString::fromStdString(decoded.message()).contains(reason), decoded.message().c_str());
    }

    void historyRecordsListsAndLoads()
    {
        auto project = Project::open(m_dir.filePath("history.chorus").toStdString());
        QVERIFY(project.ok());
        QVERIFY((*project)->ensureDataset("demo").ok());
        RunStore runs(**project);
        auto run = runs.create("textcnn", "demo", {{"model", "textcnn"}}, "cpu");
        auto other = runs.create("textcnn", "demo", {{"model", "textcnn"}}, "cpu");
        QVERIFY(run.ok() && other.ok());
        EmbeddingHistory history(**project);
        auto none = history.epochs(*run);
        QVERIFY(none.ok() && none->empty());
        auto missing = history.load(*run, 1);
        QVERIFY(!missing.ok());
        QVERIFY2(missing.message().find("no embedding snapshot for epoch 1 (it recorded none)") != std::string::npos,
                 missing.message().c_str());

        for (int epoch : {2, 1, 3})
            QVERIFY(history.record(*run, sample(epoch, float(epoch))).ok());
        QVERIFY(history.record(*other, sample(1, 100)).ok());
        // Another artifact kind of the same name is not a snapshot.
        QVERIFY(runs.addArtifact(*run, "attention", "epoch-4", 40, "application/json", "{}").ok());
        auto epochs = history.epochs(*run);
        QVERIFY(epochs.ok());
        QCOMPARE(epochs->size(), std::size_t(3));
        for (int i = 0; i < 3; ++i) {
            QCOMPARE((*epochs)[std::size_t(i)].epoch, i + 1);
            QCOMPARE((*epochs)[std::size_t(i)].step, std::int64_t(10 * (i + 1)));
        }
        auto second = history.load(*run, 2);
        QVERIFY(second.ok());
        QCOMPARE(second->values, sample(2, 2).values);

        // A resumed run records an epoch again: the newest row is the one shown.
        EmbeddingSnapshot again = sample(2, 7);
        again.step = 25;
        QVERIFY(history.record(*run, again).ok());
        epochs = history.epochs(*run);
        QCOMPARE(epochs->size(), std::size_t(3));
        QCOMPARE((*epochs)[1].step, std::int64_t(25));
        QCOMPARE(history.load(*run, 2)->values, again.values);

        auto absent = history.load(*run, 9);
        QVERIFY(!absent.ok());
        QVERIFY2(absent.message().find("epoch 9 (it has epochs 1 to 3)") != std::string::npos, absent.message().c_str());

        // A damaged row names the run and epoch.
        QVERIFY((*project)->db().exec("UPDATE artifacts SET data = x'00' WHERE kind = 'embedding_epoch' AND name = 'epoch-3'").ok());
        auto damaged = history.load(*run, 3);
        QVERIFY(!damaged.ok());
        QVERIFY2(damaged.message().find("Run " + std::to_string(*run) + ", epoch 3: embedding snapshot") == 0,
                 damaged.message().c_str());
        // Deleting the run deletes its snapshots.
        QVERIFY(runs.setStatus(*run, "finished").ok());
        QVERIFY(runs.remove(*run).ok());
        QVERIFY(history.epochs(*run)->empty());
        QCOMPARE(history.epochs(*other)->size(), std::size_t(1));
    }

    void spacesAreKeptApart()
    {
        auto project = Project::open(m_dir.filePath("spaces.chorus").toStdString());
        QVERIFY(project.ok());
        QVERIFY((*project)->ensureDataset("demo").ok());
        RunStore runs(**project);
        auto run = runs.create("textcnn", "demo", {{"model", "textcnn"}}, "cpu");
        QVERIFY(run.ok());
        EmbeddingHistory history(**project);
        QVERIFY(history.record(*run, sample(1, 0)).ok());
        QVERIFY(history.record(*run, posts(1)).ok());
        QVERIFY(history.record(*run, posts(2)).ok());
        EmbeddingSnapshot users = sample(1, 3);
        users.space = EmbeddingSpace::Users;
        users.labelColumn = "user";
        QVERIFY(history.record(*run, users).ok());

        QCOMPARE(history.epochs(*run)->size(), std::size_t(1));
        QCOMPARE(history.epochs(*run, EmbeddingSpace::Posts)->size(), std::size_t(2));
        QCOMPARE(history.epochs(*run, EmbeddingSpace::Users)->size(), std::size_t(1));
        QVERIFY(history.epochs(*run, EmbeddingSpace::Items)->empty());
        QVERIFY(history.load(*run, 1)->space == EmbeddingSpace::Tokens);
        auto second = history.load(*run, 2, EmbeddingSpace::Posts);
        QVERIFY(second.ok());
        QCOMPARE(second->values, posts(2).values);
        QCOMPARE(history.load(*run, 1, EmbeddingSpace::Users)->labelColumn, std::string("user"));
        auto noTokens = history.load(*run, 2);
        QVERIFY(!noTokens.ok());
        QVERIFY2(noTokens.message().find("no embedding snapshot for epoch 2 (it has epochs 1 to 1)") != std::string::npos,
                 noTokens.message().c_str());
        auto noItems = history.load(*run, 1, EmbeddingSpace::Items);
        QVERIFY(!noItems.ok());
        QVERIFY2(noItems.message().find("no items embedding snapshot for epoch 1 (it recorded none)") != std::string::npos,
                 noItems.message().c_str());
        QVERIFY(parseEmbeddingSpace("posts").ok());
        QVERIFY(!parseEmbeddingSpace("Posts").ok());
    }
};

QTEST_GUILESS_MAIN(EmbeddingHistoryTest)
#include "tst_embeddinghistory.moc"
