// The dataset browser's filter bar, driven as a user would on the demo project: every filter (and a
// combination with the text search) leaves exactly the rows an independent SQL count names, the
// status bar shows that count, and the posts-over-time bars add up to it.
#include "core/demo/demogenerator.h"
#include "core/split/datasetsplitter.h"
#include "core/store/project.h"
#include "ui/data/postfilterbar.h"
#include "ui/data/poststablemodel.h"
#include "ui/data/timechart.h"
#include "ui/main/mainwindow.h"

#include <QTimeZone>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace chorus;

class BrowserFiltersTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::int64_t m_dataset = 0;
    std::int64_t m_split = 0;

    std::int64_t sqlCount(const std::string &where)
    {
        auto project = Project::open(m_path.toStdString());
        auto n = (*project)->db().queryInt("SELECT count(*) FROM posts p WHERE p.dataset_id = " + std::to_string(m_dataset) +
                                           " AND " + where);
        return n ? *n : -1;
    }

    static int allRows(MainWindow &window)
    {
        while (window.postsModel()->canFetchMore({}))
            window.postsModel()->fetchMore({});
        return window.postsModel()->rowCount();
    }

    // Rows in the table, the count in the status bar and the bars of the chart all name `expected`.
    void checkShown(MainWindow &window, std::int64_t expected)
    {
        QVERIFY(expected > 0);
        QCOMPARE(static_cast<std::int64_t>(allRows(window)), expected);
        QTRY_COMPARE_WITH_TIMEOUT(window.matchCount(), static_cast<qint64>(expected), 10000);
        QCOMPARE(window.timeChart()->barTotal(), static_cast<double>(expected));
    }

    void selectDemo(MainWindow &window)
    {
        for (int i = 0; i < window.datasetList()->count(); ++i)
            if (window.datasetList()->item(i)->data(Qt::UserRole).toLongLong() == m_dataset)
                window.datasetList()->setCurrentRow(i);
        // The label tasks are counted off the window's thread.
        QTRY_VERIFY_WITH_TIMEOUT(window.filterBar()->taskCombo()->count() > 1, 10000);
    }

    static int indexOfData(QComboBox *combo, const QVariant &data)
    {
        const int index = combo->findData(data);
        return index;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_path = m_dir.filePath("demo.chorus");
        auto project = Project::open(m_path.toStdString());
        QVERIFY(project.ok());
        DemoOptions options;
        options.posts = 600;
        options.users = 40;
        options.items = 30;
        options.withMedia = false;
        auto demo = DemoGenerator(options).generate(**project);
        QVERIFY(demo.ok());
        m_dataset = demo->postsDatasetId;
        SplitOptions split;
        split.seed = 3;
        auto made = DatasetSplitter::create(**project, DemoGenerator::kPostsDataset, split);
        QVERIFY(made.ok());
        m_split = made->splitId;
        // No media without OpenCV: give every 9th post a picture and every 20th a clip by hand.
        QVERIFY((*project)->db()
                    .exec("INSERT INTO media(post_id, kind, path) SELECT id, 'image', 'x.png' FROM posts WHERE id % 9 = 0"
                          " AND dataset_id = " + std::to_string(m_dataset) +
                          "; INSERT INTO media(post_id, kind, path) SELECT id, 'video', 'x.mp4' FROM posts WHERE id % 20 = 0"
                          " AND dataset_id = " + std::to_string(m_dataset))
                    .ok());
    }

    void eachFilterMatchesSql()
    {
        MainWindow window;
        QCOMPARE(window.openProject(m_path), QString());
        selectDemo(window);
        PostFilterBar *bar = window.filterBar();
        checkShown(window, sqlCount("1"));

        // Label task, then one value.
        bar->taskCombo()->setCurrentIndex(indexOfData(bar->taskCombo(), QString("topic")));
        checkShown(window, sqlCount("p.id IN (SELECT post_id FROM labels WHERE task = 'topic')"));
        const int sports = indexOfData(bar->valueCombo(), QString("sports"));
        QVERIFY(sports > 0);
        bar->valueCombo()->setCurrentIndex(sports);
        checkShown(window, sqlCount("p.id IN (SELECT post_id FROM labels WHERE task = 'topic' AND value = 'sports')"));
        bar->clear();
        checkShown(window, sqlCount("1"));

        // Split and part.
        bar->splitCombo()->setCurrentIndex(indexOfData(bar->splitCombo(), QVariant::fromValue<qlonglong>(m_split)));
        bar->partCombo()->setCurrentIndex(indexOfData(bar->partCombo(), QString("test")));
        checkShown(window, sqlCount("p.id IN (SELECT post_id FROM split_assignments WHERE split_id = " +
                                    std::to_string(m_split) + " AND part = 'test')"));
        bar->clear();

        // Media.
        bar->imageCheck()->setChecked(true);
        checkShown(window, sqlCount("p.id IN (SELECT post_id FROM media WHERE kind = 'image')"));
        bar->videoCheck()->setChecked(true);
        checkShown(window, sqlCount("p.id IN (SELECT post_id FROM media WHERE kind = 'image')"
                                    " AND p.id IN (SELECT post_id FROM media WHERE kind = 'video')"));
        bar->clear();

        // Date range: the middle of the demo's days, both ends inclusive.
        auto project = Project::open(m_path.toStdString());
        const std::int64_t first = *(*project)->db().queryInt("SELECT min(created_at) FROM posts WHERE dataset_id = " +
                                                              std::to_string(m_dataset));
        const QDate from = QDateTime::fromSecsSinceEpoch(first, QTimeZone::utc()).date().addDays(10);
        const QDate to = from.addDays(20);
        bar->fromEdit()->setDate(from);
        bar->toEdit()->setDate(to);
        const qint64 fromSecs = QDateTime(from, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
        const qint64 beforeSecs = QDateTime(to.addDays(1), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
        const std::string range = "p.created_at >= " + std::to_string(fromSecs) + " AND p.created_at < " + std::to_string(beforeSecs);
        checkShown(window, sqlCount(range));
        // 21 days: one bar per day, none outside the range.
        QVERIFY(window.timeChart()->bucket() == PostsOverTimeBucket::Day);
        QVERIFY(window.timeChart()->barCount() <= 21);

        // Combined with the text search and a label.
        bar->taskCombo()->setCurrentIndex(indexOfData(bar->taskCombo(), QString("sentiment")));
        bar->valueCombo()->setCurrentIndex(indexOfData(bar->valueCombo(), QString("positive")));
        QTest::keyClicks(window.searchField(), "the");
        QTest::keyClick(window.searchField(), Qt::Key_Return);
        checkShown(window, sqlCount(range + " AND p.id IN (SELECT post_id FROM labels WHERE task = 'sentiment' AND value = "
                                            "'positive') AND p.id IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH 'the')"));
    }

    void countsWithoutFiltersSumOverTime()
    {
        MainWindow window;
        QCOMPARE(window.openProject(m_path), QString());
        selectDemo(window);
        QTRY_VERIFY_WITH_TIMEOUT(window.matchCount() >= 0, 10000);
        QCOMPARE(window.timeChart()->barTotal(), static_cast<double>(window.matchCount()));
        QVERIFY(window.timeChart()->barCount() > 1);
    }

    void recountedLabelsKeepTheChosenFilter()
    {
        PostFilterBar bar;
        QSignalSpy changed(&bar, &PostFilterBar::changed);
        const std::vector<chorus::TaskLabelCounts> counts{{"sentiment", {{"positive", 30}, {"negative", 10}}},
                                                          {"topic", {{"sports", 5}}}};
        bar.setLabelCounts(counts);
        QCOMPARE(bar.taskCombo()->count(), 3); // any, sentiment, topic
        QCOMPARE(changed.count(), 0);          // nothing was filtered before
        bar.taskCombo()->setCurrentIndex(bar.taskCombo()->findData(QString("sentiment")));
        QCOMPARE(bar.valueCombo()->count(), 3); // any value, positive, negative
        QVERIFY(bar.valueCombo()->itemText(1).startsWith("positive (30)"));
        bar.valueCombo()->setCurrentIndex(bar.valueCombo()->findData(QString("negative")));
        changed.clear();

        // The same dataset counted again (after an import, say): the filter stays, nothing reloads.
        bar.setLabelCounts(counts);
        QCOMPARE(bar.taskCombo()->currentData().toString(), QString("sentiment"));
        QCOMPARE(bar.valueCombo()->currentData().toString(), QString("negative"));
        QCOMPARE(changed.count(), 0);

        // The chosen value is gone: back to any value, and the table is told.
        bar.setLabelCounts({{"sentiment", {{"positive", 31}}}});
        QCOMPARE(bar.taskCombo()->currentData().toString(), QString("sentiment"));
        QCOMPARE(bar.valueCombo()->currentData().toString(), QString());
        QCOMPARE(changed.count(), 1);
    }
};

QTEST_MAIN(BrowserFiltersTest)
#include "tst_browserfilters.moc"
