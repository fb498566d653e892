// The embedding projector: word vectors with three planted clusters, projected by PCA, by t-SNE
// and by UMAP on the background thread (with progress and cancel), every point drawn, search highlights,
// cosine neighbours in the original space, hover and click through the screen-space grid,
// colouring, CSV and PNG export, and
// 100,000 points drawn and hovered in reasonable time.
#include "core/embeddings/projectortable.h"
#include "plantedwordvectors.h"
#include "core/embeddings/wordvectors.h"
#include "core/store/project.h"
#include "ui/embeddings/embeddingprojector.h"
#include "ui/embeddings/scatterview.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMouseEvent>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

#include <qcustomplot.h>

#include <cmath>
#include <limits>

using namespace chorus;
using namespace planted;

namespace {

int clusterOf(const QString &word)
{
    for (int c = 0; c < 3; ++c)
        if (word.startsWith(QLatin1String(kClusters[c])))
            return c;
    return -1;
}

void sendMouse(QWidget *widget, QEvent::Type type, const QPointF &position, Qt::MouseButton button)
{
    QMouseEvent event(type, position, widget->mapToGlobal(position), button,
                      type == QEvent::MouseButtonRelease || type == QEvent::MouseMove ? Qt::NoButton : Qt::MouseButtons(button),
                      Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
}

} // namespace

class EmbeddingProjectorTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    WordVectors m_vectors = clusteredVectors();

    // Loads the planted clusters and waits for the PCA that starts by itself.
    bool loadAndProject(EmbeddingProjector &projector)
    {
        QSignalSpy finished(&projector, &EmbeddingProjector::projectionFinished);
        projector.setWordVectors(m_vectors, QStringLiteral("planted"));
        return finished.wait(10000) || finished.count() == 1;
    }

    // Every point's nearest neighbour in the 2-D projection belongs to its own cluster.
    static int pointsNearestToAnotherCluster(const EmbeddingProjector &projector)
    {
        const QVector<double> &xy = projector.coordinates();
        int wrong = 0;
        for (int i = 0; i < kWords; ++i) {
            int nearest = -1;
            double best = std::numeric_limits<double>::max();
            for (int j = 0; j < kWords; ++j) {
                if (j == i)
                    continue;
                const double d = std::hypot(xy[2 * i] - xy[2 * j], xy[2 * i + 1] - xy[2 * j + 1]);
                if (d < best) {
                    best = d;
                    nearest = j;
                }
            }
            wrong += i / kPerCluster != nearest / kPerCluster;
        }
        return wrong;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(int(m_vectors.size()), kWords);
    }

    void pcaDrawsEveryPoint()
    {
        EmbeddingProjector projector;
        QVERIFY(loadAndProject(projector));
        QCOMPARE(projector.rows(), kWords);
        QCOMPARE(projector.scatter()->pointCount(), kWords);
        QCOMPARE(projector.coordinates().size(), 2 * kWords);
        QCOMPARE(pointsNearestToAnotherCluster(projector), 0);
        QVERIFY(projector.statusLabel()->text().contains(QLatin1String("PCA")));
        QVERIFY(!projector.isProjecting());
    }

    void tsneRunsInTheBackgroundAndKeepsClusters()
    {
        EmbeddingProjector projector;
        projector.setMethod(ProjectionMethod::Tsne);
        QSignalSpy loaded(&projector, &EmbeddingProjector::tableLoaded);
        projector.setWordVectors(m_vectors, QStringLiteral("planted"));
        QCOMPARE(loaded.count(), 1);
        QVERIFY(!projector.isProjecting()); // t-SNE waits for its parameters
        projector.perplexitySpin()->setValue(8);
        projector.iterationsSpin()->setValue(500);
        projector.thetaSpin()->setValue(0.5);
        projector.seedSpin()->setValue(3);
        QSignalSpy finished(&projector, &EmbeddingProjector::projectionFinished);
        QSignalSpy progress(projector.progressBar(), &QProgressBar::valueChanged);
        projector.runProjection();
        // The call returns at once; the work happens on the runner's thread.
        QVERIFY(projector.isProjecting());
        QVERIFY(projector.cancelButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
        QVERIFY(progress.count() > 0);
        QVERIFY(!projector.cancelButton()->isEnabled());
        QCOMPARE(projector.scatter()->pointCount(), kWords);
        QCOMPARE(projector.coordinates().size(), 2 * kWords);
        QCOMPARE(pointsNearestToAnotherCluster(projector), 0);
        QVERIFY(projector.statusLabel()->text().contains(QLatin1String("t-SNE")));
    }

    void umapRunsInTheBackgroundAndKeepsClusters()
    {
        EmbeddingProjector projector;
        projector.setMethod(ProjectionMethod::Umap);
        QVERIFY(projector.umapNeighboursSpin()->isVisibleTo(&projector));
        QVERIFY(!projector.perplexitySpin()->isVisibleTo(&projector));
        QSignalSpy loaded(&projector, &EmbeddingProjector::tableLoaded);
        projector.setWordVectors(m_vectors, QStringLiteral("planted"));
        QCOMPARE(loaded.count(), 1);
        QVERIFY(!projector.isProjecting()); // UMAP waits for its parameters
        projector.umapNeighboursSpin()->setValue(10);
        projector.minDistSpin()->setValue(0.2);
        projector.epochsSpin()->setValue(200);
        projector.seedSpin()->setValue(4);
        const chorus::UmapOptions options = projector.settings()->umapOptions();
        QCOMPARE(options.nNeighbors, 10);
        QCOMPARE(options.minDist, 0.2);
        QCOMPARE(options.epochs, 200);
        QCOMPARE(options.seed, std::uint64_t(4));
        QSignalSpy finished(&projector, &EmbeddingProjector::projectionFinished);
        QSignalSpy progress(projector.progressBar(), &QProgressBar::valueChanged);
        projector.runProjection();
        QVERIFY(projector.isProjecting());
        QVERIFY(projector.cancelButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
        QVERIFY(progress.count() > 0);
        QCOMPARE(projector.progressBar()->maximum(), 200); // the epochs, once the layout ran
        QVERIFY(!projector.cancelButton()->isEnabled());
        QCOMPARE(projector.scatter()->pointCount(), kWords);
        QCOMPARE(projector.coordinates().size(), 2 * kWords);
        QCOMPARE(pointsNearestToAnotherCluster(projector), 0);
        QVERIFY(projector.statusLabel()->text().contains(QLatin1String("UMAP")));

        // A bad parameter names its field and starts nothing.
        projector.umapNeighboursSpin()->setValue(100); // more than the 60 points
        QSignalSpy failed(&projector, &EmbeddingProjector::projectionFailed);
        projector.runProjection();
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.first().first().toString().contains(QLatin1String("n_neighbors")));
        QVERIFY(!projector.isProjecting());
    }

    void umapCancels()
    {
        EmbeddingProjector projector;
        projector.setMethod(ProjectionMethod::Umap);
        projector.setWordVectors(m_vectors, QStringLiteral("planted"));
        projector.epochsSpin()->setValue(5000);
        QSignalSpy finished(&projector, &EmbeddingProjector::projectionFinished);
        projector.runProjection();
        QVERIFY(projector.isProjecting());
        projector.cancelProjection();
        QVERIFY(!projector.isProjecting());
        QTest::qWait(200);
        QCOMPARE(finished.count(), 0);
        QCOMPARE(projector.scatter()->pointCount(), 0);
        QVERIFY(projector.statusLabel()->text().contains(QLatin1String("cancelled")));
    }

    void tsneCancels()
    {
        EmbeddingProjector projector;
        projector.setMethod(ProjectionMethod::Tsne);
        projector.setWordVectors(m_vectors, QStringLiteral("planted"));
        projector.perplexitySpin()->setValue(8);
        projector.iterationsSpin()->setValue(10000);
        QSignalSpy finished(&projector, &EmbeddingProjector::projectionFinished);
        projector.runProjection();
        QVERIFY(projector.isProjecting());
        projector.cancelProjection();
        QVERIFY(!projector.isProjecting());
        QVERIFY(!projector.cancelButton()->isEnabled());
        QTest::qWait(200);
        QCOMPARE(finished.count(), 0);
        QCOMPARE(projector.scatter()->pointCount(), 0);
        QVERIFY(projector.statusLabel()->text().contains(QLatin1String("cancelled")));
        // A bad parameter is refused before anything starts.
        projector.perplexitySpin()->setValue(80); // more than the 60 points
        QSignalSpy failed(&projector, &EmbeddingProjector::projectionFailed);
        projector.iterationsSpin()->setValue(500);
        projector.runProjection();
        QCOMPARE(failed.count(), 1);
        QVERIFY(!projector.isProjecting());
    }

    void searchHighlightsMatches()
    {
        EmbeddingProjector projector;
        QVERIFY(loadAndProject(projector));
        projector.searchField()->setText(QStringLiteral("river1"));
        QCOMPARE(projector.matchCount(), 10);
        QCOMPARE(projector.scatter()->highlightedCount(), 10);
        QVERIFY(projector.matchLabel()->text().contains(QLatin1String("10")));
        projector.searchField()->setText(QStringLiteral("STONE"));
        QCOMPARE(projector.matchCount(), kPerCluster);
        QCOMPARE(projector.scatter()->highlightedCount(), kPerCluster);
        projector.searchField()->clear();
        QCOMPARE(projector.matchCount(), 0);
        QCOMPARE(projector.scatter()->highlightedCount(), 0);
        // Highlights are drawn on top, not added to the points.
        QCOMPARE(projector.scatter()->pointCount(), kWords);
    }

    void selectionListsCosineNeighbours()
    {
        EmbeddingProjector projector;
        QVERIFY(loadAndProject(projector));
        const int row = 25; // river05
        projector.neighbourCountSpin()->setValue(kPerCluster - 1);
        projector.selectPoint(row);
        const QStringList neighbours = projector.neighbourLabels();
        QCOMPARE(neighbours.size(), kPerCluster - 1);
        // The true cosine ranking, computed here by brute force.
        const float *query = m_vectors.vectorAt(row);
        int best = -1;
        double bestCosine = -2;
        for (int j = 0; j < kWords; ++j) {
            if (j == row)
                continue;
            const float *v = m_vectors.vectorAt(j);
            double dot = 0, qq = 0, vv = 0;
            for (std::size_t d = 0; d < kDims; ++d) {
                dot += double(query[d]) * v[d];
                qq += double(query[d]) * query[d];
                vv += double(v[d]) * v[d];
            }
            const double cosine = dot / std::sqrt(qq * vv);
            if (cosine > bestCosine) {
                bestCosine = cosine;
                best = j;
            }
        }
        QCOMPARE(neighbours.first(), QString::fromStdString(m_vectors.words()[best]));
        for (const QString &word : neighbours)
            QCOMPARE(clusterOf(word), 1);
        QVERIFY(!neighbours.contains(QStringLiteral("river05")));
        QVERIFY(projector.neighbourList()->item(0)->text().contains(QString::number(bestCosine, 'f', 3)));
    }

    void hoverAndClickFindThePoint()
    {
        EmbeddingProjector projector;
        projector.resize(1200, 800);
        projector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&projector));
        QVERIFY(loadAndProject(projector));
        ScatterView *scatter = projector.scatter();
        scatter->plot()->replot(QCustomPlot::rpImmediateRefresh);
        const int row = 47; // stone07
        const QPointF pixel = scatter->pixelOf(row);
        QCOMPARE(scatter->pointAt(pixel), row);
        QCOMPARE(scatter->pointAt(pixel + QPointF(3, 2)) >= 0, true);
        // Far away from every point: nothing.
        QCOMPARE(scatter->pointAt(QPointF(-50, -50)), -1);

        sendMouse(scatter->plot(), QEvent::MouseMove, pixel, Qt::NoButton);
        QCOMPARE(scatter->lastToolTip(), QStringLiteral("stone07"));

        sendMouse(scatter->plot(), QEvent::MouseButtonPress, pixel, Qt::LeftButton);
        sendMouse(scatter->plot(), QEvent::MouseButtonRelease, pixel, Qt::LeftButton);
        QCOMPARE(projector.selectedPoint(), row);
        QCOMPARE(projector.neighbourList()->count(), projector.neighbourCountSpin()->value());
        QCOMPARE(clusterOf(projector.neighbourLabels().first()), 2);

        // After a zoom the grid follows the view.
        scatter->plot()->xAxis->scaleRange(0.5, scatter->plot()->xAxis->range().center());
        scatter->plot()->yAxis->scaleRange(0.5, scatter->plot()->yAxis->range().center());
        scatter->plot()->replot(QCustomPlot::rpImmediateRefresh);
        const QPointF moved = scatter->pixelOf(row);
        if (scatter->plot()->axisRect()->rect().contains(moved.toPoint()))
            QCOMPARE(scatter->pointAt(moved), row);
    }

    void colourByRankAndMetadata()
    {
        EmbeddingProjector projector;
        QVERIFY(loadAndProject(projector));
        const int rank = projector.colourCombo()->findData(QStringLiteral("rank"));
        QVERIFY(rank > 0);
        projector.colourCombo()->setCurrentIndex(rank);
        QCOMPARE(projector.scatter()->groupCount(), 2); // ranks 1-10 and 11-100
        QCOMPARE(projector.scatter()->pointCount(), kWords);
        QVERIFY(projector.scatter()->legendNames().first().contains(QLatin1String("1-10")));

        // A TSV pair with a cluster column.
        const QString vectors = m_dir.filePath(QStringLiteral("vectors.tsv"));
        const QString metadata = m_dir.filePath(QStringLiteral("metadata.tsv"));
        QFile v(vectors), m(metadata);
        QVERIFY(v.open(QIODevice::WriteOnly) && m.open(QIODevice::WriteOnly));
        m.write("word\tcluster\n");
        for (int i = 0; i < kWords; ++i) {
            QStringList values;
            for (std::size_t d = 0; d < kDims; ++d)
                values << QString::number(double(m_vectors.vectorAt(i)[d]), 'g', 9);
            v.write(values.join(QLatin1Char('\t')).toUtf8() + '\n');
            m.write(QByteArray::fromStdString(m_vectors.words()[i]) + '\t' + kClusters[i / kPerCluster] + '\n');
        }
        v.close();
        m.close();
        QSignalSpy loaded(&projector, &EmbeddingProjector::tableLoaded);
        QSignalSpy finished(&projector, &EmbeddingProjector::projectionFinished);
        projector.loadTsv(vectors, metadata);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.first().first().toInt(), kWords);
        QVERIFY(finished.count() == 1 || finished.wait(10000));
        QCOMPARE(projector.colourCombo()->findData(QStringLiteral("rank")), -1);
        const int cluster = projector.colourCombo()->findData(QStringLiteral("column:1"));
        QVERIFY(cluster > 0);
        projector.colourCombo()->setCurrentIndex(cluster);
        QCOMPARE(projector.scatter()->groupCount(), 3);
        QCOMPARE(projector.scatter()->pointCount(), kWords);
        QStringList legend = projector.scatter()->legendNames();
        legend.sort();
        QCOMPARE(legend, QStringList({QStringLiteral("apple (20)"), QStringLiteral("river (20)"), QStringLiteral("stone (20)")}));
        QCOMPARE(pointsNearestToAnotherCluster(projector), 0);

        // A broken pair is reported, not shown.
        QFile bad(m_dir.filePath(QStringLiteral("bad.tsv")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("1\t2\t3\n4\t5\n");
        bad.close();
        QSignalSpy failed(&projector, &EmbeddingProjector::loadFailed);
        projector.loadTsv(bad.fileName(), QString());
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.first().first().toString().contains(QLatin1String("bad.tsv:2")));
        QCOMPARE(projector.rows(), kWords);
    }

    void datasetPostsAreASourceColouredByTheirLabels()
    {
        // Three planted subjects, each with its own vocabulary, labelled as a task.
        auto project = Project::open(m_dir.filePath(QStringLiteral("posts.chorus")).toStdString());
        QVERIFY(project.ok());
        Project &p = **project;
        const char *const vocabulary[3][6] = {{"pizza", "pasta", "chef", "menu", "delicious", "restaurant"},
                                              {"match", "goal", "team", "season", "coach", "score"},
                                              {"vote", "election", "minister", "parliament", "policy", "campaign"}};
        const char *const subjects[] = {"food", "sports", "politics"};
        QVERIFY(p.db().exec("INSERT INTO datasets(id, name) VALUES (7, 'planted')").ok());
        DeterministicRandom random(5);
        constexpr int kPosts = 90;
        for (int i = 0; i < kPosts; ++i) {
            const int subject = i % 3;
            std::string text;
            for (int w = 0; w < 5; ++w)
                text += std::string(vocabulary[subject][random.below(6)]) + " ";
            auto insert = p.db().prepare("INSERT INTO posts(id, dataset_id, source_id, text, created_at) VALUES (?1, 7, ?2, ?3, ?4)");
            QVERIFY(insert.ok());
            insert->bind(1, std::int64_t(i + 1)).bind(2, std::to_string(i)).bind(3, text).bind(4, std::int64_t(1700000000 + i * 3600));
            insert->step();
            QVERIFY(!insert->failed());
            auto label = p.db().prepare("INSERT INTO labels(post_id, task, value) VALUES (?1, 'subject', ?2)");
            label->bind(1, std::int64_t(i + 1)).bind(2, std::string(subjects[subject]));
            label->step();
            QVERIFY(!label->failed());
        }

        EmbeddingProjector projector;
        projector.setProject(&p);
        const int source = projector.sourceCombo()->findData(QStringLiteral("planted"));
        QVERIFY(source >= 0);
        QVERIFY(projector.sourceCombo()->itemText(source).contains(QLatin1String("LSA")));
        projector.sourceCombo()->setCurrentIndex(source);
        QSignalSpy loaded(&projector, &EmbeddingProjector::tableLoaded);
        QSignalSpy finished(&projector, &EmbeddingProjector::projectionFinished);
        projector.loadPosts(QStringLiteral("planted"));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.first().first().toInt(), kPosts);
        QVERIFY(finished.count() == 1 || finished.wait(10000));
        QCOMPARE(projector.scatter()->pointCount(), kPosts);
        const chorus::ProjectorTable *table = projector.table();
        QVERIFY(table);
        QCOMPARE(table->columns.front(), std::string("text"));
        const auto subjectColumn = std::find(table->columns.begin(), table->columns.end(), "subject");
        QVERIFY(subjectColumn != table->columns.end());
        const int column = int(subjectColumn - table->columns.begin());
        const int colour = projector.colourCombo()->findData(QStringLiteral("column:%1").arg(column));
        QVERIFY(colour > 0);
        projector.colourCombo()->setCurrentIndex(colour);
        QCOMPARE(projector.scatter()->groupCount(), 3);
        // The neighbours of a food post in the LSA space are food posts.
        projector.selectPoint(0);
        const QStringList neighbours = projector.neighbourLabels();
        QVERIFY(!neighbours.isEmpty());
        for (const QString &text : neighbours)
            QVERIFY2(text.contains(QLatin1String("pizza")) || text.contains(QLatin1String("pasta")) ||
                         text.contains(QLatin1String("chef")) || text.contains(QLatin1String("menu")) ||
                         text.contains(QLatin1String("delicious")) || text.contains(QLatin1String("restaurant")),
                     qPrintable(text));
    }

    void exportsCsvAndImage()
    {
        EmbeddingProjector projector;
        QVERIFY(loadAndProject(projector));
        const QString csv = m_dir.filePath(QStringLiteral("points.csv"));
        QVERIFY(projector.exportCsv(csv));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), kWords + 1);
        QCOMPARE(lines.first(), QByteArray("word,x,y"));
        const QList<QByteArray> first = lines[1].split(',');
        QCOMPARE(first.size(), 3);
        QCOMPARE(first[0], QByteArray("apple00"));
        QCOMPARE(float(first[1].toDouble()), float(projector.coordinates()[0])); // written with float precision
        const QString png = m_dir.filePath(QStringLiteral("points.png"));
        QVERIFY(projector.exportImage(png));
        QVERIFY(QFileInfo(png).size() > 1000);
    }

    void hundredThousandPointsStayInteractive()
    {
        ScatterView view;
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const int n = 100000;
        DeterministicRandom random(5);
        QVector<double> x(n), y(n);
        QVector<int> group(n);
        QStringList labels;
        labels.reserve(n);
        for (int i = 0; i < n; ++i) {
            group[i] = i % 8;
            x[i] = group[i] * 3 + random.roughNormal();
            y[i] = (group[i] % 3) * 3 + random.roughNormal();
            labels << QStringLiteral("point %1").arg(i);
        }
        QVector<ScatterGroup> groups;
        for (int g = 0; g < 8; ++g)
            groups.append({QStringLiteral("group %1").arg(g), QColor::fromHsv(g * 45, 200, 200)});
        QElapsedTimer timer;
        timer.start();
        view.setPoints(x, y, labels);
        view.setGroups(group, groups);
        view.plot()->replot(QCustomPlot::rpImmediateRefresh);
        const qint64 buildMs = timer.elapsed();
        QCOMPARE(view.pointCount(), n);
        // Drawn without sampling: every graph holding points hands all of them to the painter.
        int held = 0;
        for (int g = 0; g < view.plot()->graphCount(); ++g) {
            QVERIFY(!view.plot()->graph(g)->adaptiveSampling());
            held += view.plot()->graph(g)->dataCount();
        }
        QVERIFY(held >= n);
        timer.restart();
        view.plot()->xAxis->scaleRange(0.8, view.plot()->xAxis->range().center());
        view.plot()->replot(QCustomPlot::rpImmediateRefresh);
        const qint64 zoomMs = timer.elapsed();
        timer.restart();
        const int found = view.pointAt(view.pixelOf(12345)); // builds the grid for this view
        const qint64 gridMs = timer.elapsed();
        timer.restart();
        int hits = 0;
        for (int i = 0; i < 1000; ++i)
            hits += view.pointAt(view.pixelOf(i * 97)) >= 0;
        const qint64 lookupMs = timer.elapsed();
        qInfo("100k points: build and first draw %lld ms, zoomed redraw %lld ms, grid %lld ms, 1000 hovers %lld ms",
              buildMs, zoomMs, gridMs, lookupMs);
        QVERIFY(found >= 0);
        QVERIFY(QLineF(view.pixelOf(found), view.pixelOf(12345)).length() < 1e-6);
        QVERIFY(hits > 500); // points zoomed out of view cannot be hovered
        QVERIFY2(buildMs < 5000, "drawing 100k points took too long");
        QVERIFY2(zoomMs < 2000, "redrawing 100k points took too long");
        QVERIFY2(lookupMs < 500, "hover lookups are too slow");
    }
};

QTEST_MAIN(EmbeddingProjectorTest)
#include "tst_embeddingprojector.moc"
