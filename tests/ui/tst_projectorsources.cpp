// The projector's sources from a project's runs: a word2vec run's vectors, a classifier's token
// embeddings and its posts through the worker program (a stand-in script here), the vectors a run
// recorded after each epoch, a factor recommender's user and item factors, and the runs with
// nothing to show.
#include "core/embeddings/embeddinghistory.h"
#include "core/embeddings/projectortable.h"
#include "core/embeddings/word2vecrun.h"
#include "core/embeddings/wordvectors.h"
#include "core/store/project.h"
#include "core/training/runstore.h"
#include "plantedwordvectors.h"
#include "ui/embeddings/embeddingprojector.h"

#include <nlohmann/json.hpp>

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;
using namespace planted;

class ProjectorSourcesTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    WordVectors m_vectors = clusteredVectors();

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(int(m_vectors.size()), kWords);
    }

    void loadsWord2VecRunAndWorkerExport()
    {
        auto project = Project::open(m_dir.filePath(QStringLiteral("runs.chorus")).toStdString());
        QVERIFY(project.ok());
        QVERIFY((*project)->ensureDataset("demo").ok());
        RunStore store(**project);
        auto w2v = store.create("word2vec", "demo", {{"model", "word2vec"}}, "cpu");
        QVERIFY(w2v.ok());
        const std::string binary = m_dir.filePath(QStringLiteral("vectors.bin")).toStdString();
        QVERIFY(m_vectors.save(binary, WordVectorFormat::Binary).ok());
        QVERIFY(store.addCheckpoint(*w2v, 10, "latest", binary, std::nullopt).ok());
        QVERIFY(store.setStatus(*w2v, "finished").ok());
        auto cnn = store.create("textcnn", "demo", {{"model", "textcnn"}}, "cpu");
        QVERIFY(cnn.ok());
        QVERIFY(store.addArtifact(*cnn, "encoding", "encoding", 0, "application/json",
                                  R"({"inputs": {"text": true}, "vocabulary": []})").ok());
        QVERIFY(store.setStatus(*cnn, "finished").ok());
        auto path = word2vecVectorsPath(**project, *w2v);
        QVERIFY(path.ok());
        QCOMPARE(*path, binary);
        QVERIFY(!word2vecVectorsPath(**project, *cnn).ok());

        // A stand-in for chorus-cli that writes a projector pair where `export --what embeddings` would.
        const QString script = m_dir.filePath(QStringLiteral("fake-cli.sh"));
        QFile fake(script);
        QVERIFY(fake.open(QIODevice::WriteOnly));
        fake.write("#!/bin/sh\n"
                   "if [ \"$1\" != export ] || [ \"$3\" != --run ] || [ \"$5\" != --what ] || [ \"$6\" != embeddings ]; then\n"
                   "  echo \"unexpected arguments: $*\" >&2; exit 2\nfi\n"
                   "mkdir -p \"$7\"\n"
                   "printf '0\\t0\\n1\\t0\\n0\\t1\\n1\\t1\\n' > \"$7/vectors.tsv\"\n"
                   "printf '<pad>\\n<unk>\\ngood\\nbad\\n' > \"$7/metadata.tsv\"\n");
        fake.close();
        QVERIFY(fake.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

        EmbeddingProjector projector;
        projector.setCliProgram(script);
        projector.setProject(project->get());
        // The word2vec run's vectors; the classifier's token embeddings and its posts.
        QCOMPARE(projector.sourceCombo()->count(), 3);

        QSignalSpy loaded(&projector, &EmbeddingProjector::tableLoaded);
        QSignalSpy failed(&projector, &EmbeddingProjector::loadFailed);
        projector.loadRun(*w2v);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.takeFirst().first().toInt(), kWords);
        QCOMPARE(projector.table()->label(0), std::string("apple00"));
        QVERIFY(projector.table()->frequencyOrdered);

        projector.loadRun(*cnn);
        QVERIFY(projector.isLoading());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(loaded.takeFirst().first().toInt(), 4);
        QCOMPARE(projector.table()->label(2), std::string("good"));
        QCOMPARE(projector.table()->dimensions, std::size_t(2));
        QVERIFY(!projector.isLoading());

        // What the worker says on failure reaches the user.
        projector.loadRun(999);
        QCOMPARE(failed.count(), 1); // no such run: known at once
        const QString failing = m_dir.filePath(QStringLiteral("failing-cli.sh"));
        QFile failingFile(failing);
        QVERIFY(failingFile.open(QIODevice::WriteOnly));
        failingFile.write("#!/bin/sh\necho 'loading the checkpoint' >&2\necho \"model 'textcnn' has no token embeddings\" >&2\nexit 1\n");
        failingFile.close();
        QVERIFY(failingFile.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        projector.setCliProgram(failing);
        projector.loadRun(*cnn);
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.count(), 2);
        QVERIFY(failed.last().first().toString().contains(QLatin1String("has no token embeddings")));
        projector.setCliProgram(m_dir.filePath(QStringLiteral("missing-cli")));
        projector.loadRun(*cnn);
        QVERIFY(failed.count() == 3 || failed.wait(10000));
        QVERIFY(failed.last().first().toString().contains(QLatin1String("missing-cli")));

        // The classifier's posts, as the worker's `export --what posts` writes them: several
        // metadata columns under a header, text first (the hover label), not frequency ordered.
        const QString postsScript = m_dir.filePath(QStringLiteral("posts-cli.sh"));
        QFile postsFake(postsScript);
        QVERIFY(postsFake.open(QIODevice::WriteOnly));
        postsFake.write("#!/bin/sh\n"
                        "if [ \"$1\" != export ] || [ \"$3\" != --run ] || [ \"$5\" != --what ] || [ \"$6\" != posts ]; then\n"
                        "  echo \"unexpected arguments: $*\" >&2; exit 2\nfi\n"
                        "mkdir -p \"$7\"\n"
                        "printf '0.5\\t1\\t0\\n0.4\\t0.9\\t0\\n-1\\t0\\t0.2\\n' > \"$7/vectors.tsv\"\n"
                        "printf 'text\\tpost_id\\tsplit\\tsentiment\\tpredicted\\n"
                        "great day\\t1\\ttrain\\tpositive\\tpositive\\nlovely\\t2\\ttest\\tpositive\\tpositive\\n"
                        "awful\\t3\\tvalid\\tnegative\\tpositive\\n' > \"$7/metadata.tsv\"\n");
        postsFake.close();
        QVERIFY(postsFake.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        projector.setCliProgram(postsScript);
        const int postsSource = projector.sourceCombo()->findData(
            QVariantMap{{QStringLiteral("posts_of_run"), QVariant::fromValue<qlonglong>(*cnn)}});
        QVERIFY(postsSource >= 0);
        QVERIFY(projector.sourceCombo()->itemText(postsSource).contains(QLatin1String("posts as the model sees them")));
        projector.sourceCombo()->setCurrentIndex(postsSource);
        QVERIFY(!projector.epochCombo()->isEnabled()); // this run recorded no posts per epoch
        projector.loadButton()->click();
        QVERIFY(projector.statusLabel()->text().contains(QLatin1String("over its posts")));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.takeFirst().first().toInt(), 3);
        QCOMPARE(projector.table()->columns,
                 (std::vector<std::string>{"text", "post_id", "split", "sentiment", "predicted"}));
        QCOMPARE(projector.table()->label(2), std::string("awful"));
        QVERIFY(!projector.table()->frequencyOrdered);
        QVERIFY(projector.colourCombo()->findText(QStringLiteral("predicted"), Qt::MatchContains) >= 0);
        projector.setProject(nullptr);
    }

    // A run that recorded its vectors after each epoch offers those epochs beside its final vectors;
    // an epoch loads from the project (no worker) and projects like any table.
    void recordedEpochsAreChoicesOfTheRun()
    {
        auto project = Project::open(m_dir.filePath(QStringLiteral("epochs.chorus")).toStdString());
        QVERIFY(project.ok());
        QVERIFY((*project)->ensureDataset("demo").ok());
        RunStore store(**project);
        auto w2v = store.create("word2vec", "demo", {{"model", "word2vec"}}, "cpu");
        auto bare = store.create("word2vec", "demo", {{"model", "word2vec"}}, "cpu");
        QVERIFY(w2v.ok() && bare.ok());
        const std::string binary = m_dir.filePath(QStringLiteral("epoch-vectors.bin")).toStdString();
        QVERIFY(m_vectors.save(binary, WordVectorFormat::Binary).ok());
        for (std::int64_t run : {*w2v, *bare}) {
            QVERIFY(store.addCheckpoint(run, 10, "latest", binary, std::nullopt).ok());
            QVERIFY(store.setStatus(run, "finished").ok());
        }
        // Epoch 1: the clusters not yet formed (every word alike); epoch 2: the first 12 words.
        EmbeddingHistory history(**project);
        for (int epoch : {1, 2}) {
            EmbeddingSnapshot snapshot;
            snapshot.epoch = epoch;
            snapshot.step = 5 * epoch;
            snapshot.dimensions = kDims;
            const std::size_t rows = epoch == 1 ? 6 : 12;
            for (std::size_t r = 0; r < rows; ++r) {
                snapshot.tokens.push_back(m_vectors.words()[r]);
                for (std::size_t d = 0; d < kDims; ++d)
                    snapshot.values.push_back(epoch == 1 ? 0.01f * float(d + r) : m_vectors.vectorAt(r)[d]);
            }
            QVERIFY(history.record(*w2v, snapshot).ok());
        }

        EmbeddingProjector projector;
        projector.setProject(project->get());
        QComboBox *epochs = projector.epochCombo();
        projector.sourceCombo()->setCurrentIndex(projector.sourceCombo()->findData(QVariant::fromValue<qlonglong>(*bare)));
        QCOMPARE(epochs->count(), 1); // final only
        QVERIFY(!epochs->isEnabled());
        projector.sourceCombo()->setCurrentIndex(projector.sourceCombo()->findData(QVariant::fromValue<qlonglong>(*w2v)));
        QCOMPARE(epochs->count(), 3);
        QVERIFY(epochs->isEnabled());
        QCOMPARE(epochs->itemText(0), QStringLiteral("Final"));
        QCOMPARE(epochs->itemText(2), QStringLiteral("Epoch 2 (step 10)"));

        QPushButton *load = projector.loadButton();
        QCOMPARE(load->text(), QStringLiteral("Load"));
        QSignalSpy loaded(&projector, &EmbeddingProjector::tableLoaded);
        QSignalSpy failed(&projector, &EmbeddingProjector::loadFailed);
        QSignalSpy projected(&projector, &EmbeddingProjector::projectionFinished);
        projector.setMethod(ProjectionMethod::Pca);
        epochs->setCurrentIndex(2);
        load->click();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.takeFirst().first().toInt(), 12);
        QCOMPARE(projector.table()->label(11), m_vectors.words()[11]);
        QVERIFY(projector.table()->frequencyOrdered);
        QVERIFY(projected.count() == 1 || projected.wait(10000));
        QCOMPARE(projector.coordinates().size(), 24);
        QVERIFY(projector.statusLabel()->text().contains(QLatin1String("epoch 2")));

        epochs->setCurrentIndex(1);
        load->click();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.takeFirst().first().toInt(), 6);
        epochs->setCurrentIndex(0);
        load->click();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.takeFirst().first().toInt(), kWords);
        QCOMPARE(failed.count(), 0);

        // Re-reading the runs keeps the chosen epoch; a missing one is an error on screen.
        epochs->setCurrentIndex(2);
        projector.refresh();
        QCOMPARE(epochs->currentData().toInt(), 2);
        projector.loadRunEpoch(*w2v, 7);
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.last().first().toString().contains(QLatin1String("no embedding snapshot for epoch 7 (it has epochs 1 to 2)")),
                 qPrintable(failed.last().first().toString()));
        QVERIFY(projector.statusLabel()->text().contains(QLatin1String("epoch 7")));
        projector.setProject(nullptr);
    }

    // Sources are what can be shown: a factor recommender's user and item factors (loaded from the
    // tables it wrote), a picture-only model's posts (no token table), never a neighbourhood
    // recommender or a seq2seq run.
    void recommenderFactorsAreSourcesAndVectorlessRunsAreNot()
    {
        auto project = Project::open(m_dir.filePath(QStringLiteral("recommenders.chorus")).toStdString());
        QVERIFY(project.ok());
        QVERIFY((*project)->ensureDataset("interactions", "interactions").ok());
        RunStore store(**project);
        auto finished = [&](const char *model) {
            auto id = store.create(model, "interactions", {{"model", model}}, "cpu");
            return id.ok() && store.setStatus(*id, "finished").ok() ? *id : std::int64_t(0);
        };
        const std::int64_t mf = finished("recommender_mf");
        const std::int64_t knn = finished("recommender_itemknn");
        const std::int64_t image = finished("image_cnn");
        const std::int64_t seq2seq = finished("seq2seq");
        QVERIFY(mf && knn && image && seq2seq);
        QVERIFY(store.addArtifact(image, "encoding", "encoding", 0, "application/json",
                                  R"({"inputs": {"text": false, "image": true}})").ok());
        const QString vectors = m_dir.filePath(QStringLiteral("item-vectors.tsv"));
        const QString metadata = m_dir.filePath(QStringLiteral("item-metadata.tsv"));
        QFile v(vectors), m(metadata);
        QVERIFY(v.open(QIODevice::WriteOnly) && m.open(QIODevice::WriteOnly));
        v.write("0.1\t0.2\t0.3\n0.3\t0.1\t0.0\n-0.2\t0.4\t0.1\n");
        m.write("item\ttitle\nitem-1\tFirst\nitem-2\tSecond\nitem-3\tThird\n");
        v.close();
        m.close();
        const nlohmann::json tables = {{"items", {{"vectors", vectors.toStdString()}, {"metadata", metadata.toStdString()}}},
                                       {"users", {{"vectors", "/nonexistent/user-vectors.tsv"}, {"metadata", ""}}}};
        QVERIFY(store.addArtifact(mf, "embeddings", "factors", 5, "application/json", tables.dump()).ok());

        EmbeddingProjector projector;
        projector.setProject(project->get());
        QStringList runSources;
        for (int i = 0; i < projector.sourceCombo()->count(); ++i)
            if (projector.sourceCombo()->itemText(i).startsWith('#'))
                runSources << projector.sourceCombo()->itemText(i);
        QCOMPARE(runSources.size(), 3);
        QVERIFY(runSources[0].contains(QLatin1String("recommender_mf")) && runSources[0].contains(QLatin1String("user factors")));
        QVERIFY(runSources[1].contains(QLatin1String("item factors")));
        QVERIFY(runSources[2].contains(QLatin1String("image_cnn")) && runSources[2].contains(QLatin1String("posts as the model sees them")));

        auto clickLoad = [&projector] { projector.loadButton()->click(); };
        QSignalSpy loaded(&projector, &EmbeddingProjector::tableLoaded);
        QSignalSpy failed(&projector, &EmbeddingProjector::loadFailed);
        projector.sourceCombo()->setCurrentIndex(projector.sourceCombo()->findText(runSources[1]));
        clickLoad();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.takeFirst().first().toInt(), 3);
        QCOMPARE(projector.table()->dimensions, std::size_t(3));
        // A table that is gone says so.
        projector.sourceCombo()->setCurrentIndex(projector.sourceCombo()->findText(runSources[0]));
        clickLoad();
        QVERIFY(failed.count() == 1 || failed.wait(10000));
        QVERIFY(failed.last().first().toString().contains(QLatin1String("user-vectors.tsv")));

        // The factors after each ALS iteration and the picture model's posts after each epoch are
        // the sources' epoch choices, read from the project.
        EmbeddingHistory history(**project);
        for (int iteration : {1, 2}) {
            EmbeddingSnapshot items;
            items.space = EmbeddingSpace::Items;
            items.epoch = iteration;
            items.step = iteration;
            items.dimensions = 3;
            items.labelColumn = "item";
            items.tokens = {"item-2", "item-1"};
            items.values = {0.1f * iteration, 0, 0, 0, 1, 0};
            items.columns = {"title", "users"};
            items.columnValues = {{"Second", "First"}, {"9", "4"}};
            QVERIFY(history.record(mf, items).ok());
        }
        EmbeddingSnapshot posts;
        posts.space = EmbeddingSpace::Posts;
        posts.epoch = 1;
        posts.step = 3;
        posts.dimensions = 2;
        posts.labelColumn = "text";
        posts.tokens = {"red square", "blue circle", "green"};
        posts.values = {1, 0, 0, 1, 0.5f, 0.5f};
        posts.columns = {"post_id", "split", "shape", "predicted"};
        posts.columnValues = {{"4", "5", "6"}, {"valid", "valid", "valid"}, {"square", "circle", "square"},
                              {"square", "square", "square"}};
        QVERIFY(store.addArtifact(image, "attention", "epoch-1", 3, "application/json", "{}").ok()); // not a snapshot
        QVERIFY(history.record(image, posts).ok());

        QComboBox *epochs = projector.epochCombo();
        projector.setMethod(ProjectionMethod::Pca);
        projector.sourceCombo()->setCurrentIndex(projector.sourceCombo()->findText(runSources[1]));
        QCOMPARE(epochs->count(), 3);
        QVERIFY(epochs->isEnabled());
        QCOMPARE(epochs->itemText(2), QStringLiteral("Iteration 2"));
        epochs->setCurrentIndex(2);
        clickLoad();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.takeFirst().first().toInt(), 2);
        // PCA starts by itself on a loaded table; its summary names what is shown.
        QCOMPARE(projector.table()->columns, (std::vector<std::string>{"item", "title", "users"}));
        QCOMPARE(projector.table()->label(0), std::string("item-2"));
        QCOMPARE(projector.table()->matrix[0], 0.2f);
        // A projection of the table shown before may finish first, so wait for this table's summary.
        QTRY_VERIFY2_WITH_TIMEOUT(projector.statusLabel()->text().contains(QLatin1String("iteration 2")),
                                  qPrintable(projector.statusLabel()->text()), 10000);
        projector.sourceCombo()->setCurrentIndex(projector.sourceCombo()->findText(runSources[0]));
        QVERIFY(!epochs->isEnabled()); // no user snapshots were recorded

        projector.sourceCombo()->setCurrentIndex(projector.sourceCombo()->findText(runSources[2]));
        QCOMPARE(epochs->count(), 2);
        QCOMPARE(epochs->itemText(1), QStringLiteral("Epoch 1 (step 3)"));
        epochs->setCurrentIndex(1);
        clickLoad();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.takeFirst().first().toInt(), 3);
        QCOMPARE(projector.table()->columns, (std::vector<std::string>{"text", "post_id", "split", "shape", "predicted"}));
        QVERIFY(!projector.table()->frequencyOrdered);
        QTRY_VERIFY2_WITH_TIMEOUT(projector.statusLabel()->text().contains(QLatin1String("saw them at epoch 1")),
                                  qPrintable(projector.statusLabel()->text()), 10000);
        projector.setProject(nullptr);
    }
};

QTEST_MAIN(ProjectorSourcesTest)
#include "tst_projectorsources.moc"
