// Per-epoch embedding snapshots: the blob format round-trips and refuses what is not a complete
// snapshot with a reason, and the history lists, loads and re-records epochs of a run.
#include "core/embeddings/embeddinghistory.h"
#include "core/embeddings/embeddingsnapshot.h"
#include "core/store/project.h"
#include "core/training/runstore.h"

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
            << QByteArray(R"({"format": "chorus-embeddings", "version": 2})" "\n") << "version 2 is not supported";
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
};

QTEST_GUILESS_MAIN(EmbeddingHistoryTest)
#include "tst_embeddinghistory.moc"
