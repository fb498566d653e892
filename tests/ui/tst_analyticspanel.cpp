// The Analytics tab on one generated project with planted structure: four topics with their own
// words, a hashtag that bursts on one day, sentiment that turns halfway through, and a user whose
// twin writes the same words. Every view is driven as a user would (form, Run, background thread)
// and checked against what was planted; CSV exports are read back.
#include "../core/trendsfixture.h"

// Not core/analytics/timebucket.h nor anything including it: mainwindow.h brings
// core/store/postbrowser.h, whose chorus::TimeBucket enum clashes with it.
#include "core/analytics/analysisstore.h"
#include "core/analytics/topicmodelresult.h"
#include "core/embeddings/wordvectors.h"
#include "core/store/project.h"
#include "core/training/runstore.h"
#include "core/util/deterministicrandom.h"
#include "ui/analytics/analyticspanel.h"
#include "ui/analytics/forecastchart.h"
#include "ui/analytics/opinionview.h"
#include "ui/analytics/projectcatalog.h"
#include "ui/analytics/stackedareachart.h"
#include "ui/analytics/storedanalysesview.h"
#include "ui/analytics/topicsview.h"
#include "ui/analytics/trendsview.h"
#include "ui/analytics/userprofileview.h"
#include "ui/main/mainwindow.h"

#include <QComboBox>
#include <QCompleter>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <qcustomplot.h>

#include <cmath>

using namespace chorus;

namespace {

constexpr int kTopics = 4;
// The planted topics, the #quake posts and the coffee and football chatter of the users.
constexpr int kClusters = kTopics + 1;
constexpr int kPerTopic = 50;
constexpr int kDays = 30;
constexpr int kBurstDay = 17; // 2024-03-18
const char *const kStems[kTopics] = {"goal", "vote", "chip", "soup"};
const char *const kSecretIds[] = {"ann-0001", "twin-0002", "bob-0003", "writer-00", "writer-01", "writer-02"};

QStringList readLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (QString &line : lines)
        line = line.trimmed();
    return lines;
}

// Every piece of text a person could read in a widget tree: labels, fields, lists, tables,
// combo boxes, completions and the tick labels of text axes.
QStringList visibleTexts(QWidget *root)
{
    QStringList out;
    for (QLabel *label : root->findChildren<QLabel *>())
        out << label->text() << label->toolTip();
    for (QLineEdit *edit : root->findChildren<QLineEdit *>()) {
        out << edit->text();
        if (edit->completer())
            if (auto *model = edit->completer()->model())
                for (int r = 0; r < model->rowCount(); ++r)
                    out << model->index(r, 0).data().toString();
    }
    for (QListWidget *list : root->findChildren<QListWidget *>())
        for (int i = 0; i < list->count(); ++i)
            out << list->item(i)->text() << list->item(i)->toolTip();
    for (QTableWidget *table : root->findChildren<QTableWidget *>())
        for (int r = 0; r < table->rowCount(); ++r)
            for (int c = 0; c < table->columnCount(); ++c)
                if (table->item(r, c))
                    out << table->item(r, c)->text();
    for (QComboBox *combo : root->findChildren<QComboBox *>())
        for (int i = 0; i < combo->count(); ++i)
            out << combo->itemText(i);
    for (QCustomPlot *plot : root->findChildren<QCustomPlot *>())
        for (QCPAxis *axis : plot->axisRect()->axes()) {
            out << axis->label();
            if (auto text = axis->ticker().dynamicCast<QCPAxisTickerText>())
                for (const QString &tick : text->ticks())
                    out << tick;
        }
    return out;
}

} // namespace

class AnalyticsPanelTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Project> m_project;
    std::unique_ptr<AnalyticsPanel> m_panel;
    std::int64_t m_ann = 0;
    std::int64_t m_twin = 0;
    std::int64_t m_datasetId = 0;

    void buildProject()
    {
        TrendsFixture f(m_path);
        m_datasetId = f.dataset;
        DeterministicRandom random(7);
        m_ann = f.user("ann-0001", "Ann");
        m_twin = f.user("twin-0002");
        const std::int64_t bob = f.user("bob-0003", "Bob");
        std::int64_t writers[3];
        for (int w = 0; w < 3; ++w)
            writers[w] = f.user("writer-0" + std::to_string(w));
        // Topics: 8 of 12 topic words and 2 noise words; topic posts are the dataset's background
        // and carry sentiment, 8 of 10 positive before day 15 and 3 of 10 from then on.
        int n = 0;
        for (int topic = 0; topic < kTopics; ++topic)
            for (int i = 0; i < kPerTopic; ++i, ++n) {
                std::string text;
                for (int w = 0; w < 8; ++w)
                    text += std::string(kStems[topic]) + char('a' + random.below(12)) + " ";
                text += "noise" + std::string(1, char('a' + random.below(6))) + " noise" +
                        std::string(1, char('a' + random.below(6)));
                const int day = n % kDays;
                const std::int64_t post =
                    f.post(writers[n % 3], TrendsFixture::kMarch1 + day * TrendsFixture::kDay + 600 * (n % 50), text, n % 5);
                f.label(post, "sentiment", (n / kDays) % 10 < (day < 15 ? 8 : 3) ? "positive" : "negative");
            }
        // #quake: one post a day, then 24 more on the burst day.
        for (int day = 0; day < kDays; ++day)
            for (int i = 0; i < (day == kBurstDay ? 25 : 1); ++i)
                f.post(writers[i % 3], TrendsFixture::kMarch1 + day * TrendsFixture::kDay + 1800 + 60 * i,
                       "#quake felt downtown", i == 3 ? 50 : 1);
        // Ann and her twin write about coffee, Bob about football.
        const char *coffee[] = {"espresso with perfect crema", "the barista pulled a ristretto",
                                "roasting beans for espresso", "crema ristretto barista"};
        const char *football[] = {"the striker scored a late goal", "penalty saved by the keeper",
                                  "offside again said the referee", "striker goal of the season"};
        for (int i = 0; i < 4; ++i) {
            const std::int64_t t = TrendsFixture::kMarch1 + i * 3 * TrendsFixture::kDay + 7200;
            f.label(f.post(m_ann, t, coffee[i], 10), "sentiment", "positive");
            f.post(m_twin, t + 60, coffee[3 - i], 2);
            f.post(bob, t + 120, football[i], 3);
        }
        f.commit();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath("analytics.chorus");
        buildProject();
        auto opened = Project::open(m_path.toStdString(), Project::OpenMode::OpenExisting);
        QVERIFY(opened.ok());
        m_project = std::move(*opened);
        m_panel = std::make_unique<AnalyticsPanel>();
        m_panel->resize(1200, 800);
        m_panel->setProject(m_project.get());
        QCOMPARE(m_panel->datasetId(), m_datasetId);
        QCOMPARE(m_panel->tabs()->count(), 4);
    }

    void cleanupTestCase()
    {
        m_panel.reset();
        m_project.reset();
    }

    void topicsRunInTheBackgroundAndAreStored()
    {
        TopicsView *topics = m_panel->topicsView();
        // Opening the panel looked for a stored model of the default task: there is none yet.
        QTRY_VERIFY(!topics->isRunning());
        QVERIFY(!topics->result());

        topics->setMethod(QStringLiteral("kmeans"));
        topics->setK(kClusters);
        topics->setTask(QStringLiteral("topic_cluster"));
        topics->setSeed(3);
        // A run that is cancelled leaves nothing behind, and the next one starts cleanly.
        topics->run();
        QVERIFY(topics->isRunning());
        QVERIFY(!topics->progressBar()->isHidden());
        topics->cancel();
        QVERIFY(!topics->isRunning());
        QVERIFY(!topics->result());

        QSignalSpy shown(topics, &TopicsView::resultShown);
        topics->run();
        QVERIFY(topics->isRunning()); // the window was not blocked: the work is on another thread
        QTRY_VERIFY_WITH_TIMEOUT(!topics->isRunning(), 15000);
        QVERIFY2(topics->result(), qPrintable(topics->statusLabel()->text()));
        QCOMPARE(shown.count(), 1);
        const TopicModelResult &result = *topics->result();
        QCOMPARE(int(result.topics.size()), kClusters);

        // The table: one row per topic; sizes add up to the posts that were assigned a topic.
        QTableWidget *table = topics->table();
        QCOMPARE(table->rowCount(), kClusters);
        qint64 sizes = 0;
        for (int r = 0; r < table->rowCount(); ++r)
            sizes += table->item(r, TopicsView::SizeColumn)->data(Qt::DisplayRole).toLongLong();
        qint64 assigned = 0;
        for (int a : result.assignments)
            assigned += a >= 0 ? 1 : 0;
        QCOMPARE(sizes, assigned);
        QVERIFY(assigned >= kTopics * kPerTopic);
        // Each planted topic is a row of its own whose top terms are that topic's words.
        QSet<QString> stemsSeen;
        for (int r = 0; r < table->rowCount(); ++r) {
            const QString firstTerm = table->item(r, TopicsView::TermsColumn)->text().section(QLatin1Char(' '), 0, 0);
            for (const char *stem : kStems)
                if (firstTerm.startsWith(QLatin1String(stem)))
                    stemsSeen.insert(QLatin1String(stem));
        }
        QCOMPARE(stemsSeen.size(), kTopics);
        // Selecting a topic lists its representative posts.
        table->selectRow(1);
        QVERIFY(topics->representatives()->count() > 0);

        // The chart: one stacked graph per topic; the top band's height is the sum of all topics.
        StackedAreaChart *chart = topics->chart();
        QCOMPARE(chart->seriesCount(), kClusters);
        QCOMPARE(chart->plot()->graphCount(), kClusters);
        QCOMPARE(chart->bucketCount(), kDays);
        double chartTotal = 0;
        for (int b = 0; b < chart->bucketCount(); ++b) {
            double sum = 0;
            for (int s = 0; s < kClusters; ++s)
                sum += chart->value(s, b);
            QCOMPARE(chart->stackedValue(kClusters - 1, b), sum);
            chartTotal += sum;
        }
        QCOMPARE(qint64(chartTotal), assigned); // every post of the fixture has a time
        for (int s = 1; s < kClusters; ++s)
            QCOMPARE(chart->plot()->graph(s)->channelFillGraph(), chart->plot()->graph(s - 1));

        // The topics are a label task now, one label per assigned post.
        auto stored = m_project->db().queryInt("SELECT COUNT(*) FROM labels WHERE task = 'topic_cluster'");
        QVERIFY(stored.ok());
        QCOMPARE(*stored, assigned);

        // Exports: the table as CSV (header + one row per topic), the chart's numbers and a picture.
        const QString tablePath = m_dir.filePath("topics.csv");
        QVERIFY(topics->exportTableCsv(tablePath));
        const QStringList lines = readLines(tablePath);
        QCOMPARE(lines.size(), 1 + kClusters);
        QVERIFY(lines[0].startsWith(QLatin1String("topic,label,posts,npmi,terms")));
        const QString chartCsv = m_dir.filePath("topics-over-time.csv");
        QVERIFY(topics->exportChart(chartCsv));
        QCOMPARE(readLines(chartCsv).size(), 1 + kDays);
        const QString png = m_dir.filePath("topics.png");
        QVERIFY(topics->exportChart(png));
        QVERIFY(QFileInfo(png).size() > 0);
    }

    void topicsOnWordVectorsOfARun()
    {
        // A finished word2vec run whose vectors put each planted topic's words (and #quake's) near
        // a direction of their own; noise words point nowhere in particular.
        DeterministicRandom random(5);
        constexpr std::size_t dims = 8;
        std::vector<std::string> words;
        std::vector<float> matrix;
        auto add = [&](const std::string &word, int direction) {
            words.push_back(word);
            for (std::size_t d = 0; d < dims; ++d)
                matrix.push_back(float((int(d) == direction ? 2.0 : 0.0) + 0.4 * random.roughNormal()));
        };
        for (int t = 0; t < kTopics; ++t)
            for (int i = 0; i < 12; ++i)
                add(std::string(kStems[t]) + char('a' + i), t);
        for (int i = 0; i < 6; ++i)
            add("noise" + std::string(1, char('a' + i)), -1);
        for (const char *word : {"#quake", "felt", "downtown"})
            add(word, kTopics);
        auto vectors = WordVectors::create(words, dims, matrix);
        QVERIFY(vectors.ok());
        const std::string binary = m_dir.filePath(QStringLiteral("vectors.bin")).toStdString();
        QVERIFY(vectors->save(binary, WordVectorFormat::Binary).ok());
        RunStore store(*m_project);
        auto run = store.create("word2vec", "posts", {{"model", "word2vec"}}, "cpu");
        QVERIFY(run.ok());
        QVERIFY(store.addCheckpoint(*run, 10, "latest", binary, std::nullopt).ok());
        QVERIFY(store.setStatus(*run, "finished").ok());
        m_panel->refresh(); // what the window does when a training run ends

        TopicsView *topics = m_panel->topicsView();
        topics->setMethod(QStringLiteral("kmeans"));
        topics->setEmbeddingRun(*run);
        topics->setK(kClusters);
        topics->setTask(QStringLiteral("topic_vectors"));
        QTRY_VERIFY(!topics->isRunning());
        topics->run();
        QTRY_VERIFY_WITH_TIMEOUT(!topics->isRunning(), 15000);
        QVERIFY2(topics->result() && topics->result()->task == "topic_vectors", qPrintable(topics->statusLabel()->text()));
        QCOMPARE(topics->result()->embedding, std::string("vectors"));
        QCOMPARE(topics->table()->rowCount(), kClusters);
        QSet<QString> stemsSeen;
        for (int r = 0; r < topics->table()->rowCount(); ++r)
            for (const char *stem : kStems)
                if (topics->table()->item(r, TopicsView::TermsColumn)->text().startsWith(QLatin1String(stem)))
                    stemsSeen.insert(QLatin1String(stem));
        QCOMPARE(stemsSeen.size(), kTopics);
        // Back to the LSA model for the tests that follow.
        topics->setEmbeddingRun(0);
        topics->setTask(QStringLiteral("topic_cluster"));
        QTRY_VERIFY_WITH_TIMEOUT(topics->result() && topics->result()->task == "topic_cluster", 10000);
    }

    void storedTopicsAreShownWhenThePanelOpens()
    {
        AnalyticsPanel other;
        other.setProject(m_project.get());
        TopicsView *topics = other.topicsView();
        QTRY_VERIFY_WITH_TIMEOUT(topics->result().has_value(), 10000);
        QCOMPARE(topics->table()->rowCount(), kClusters);
        QCOMPARE(topics->chart()->seriesCount(), kClusters);
        for (int t = 0; t < kClusters; ++t)
            QCOMPARE(topics->result()->topics[std::size_t(t)].label, m_panel->topicsView()->result()->topics[std::size_t(t)].label);
    }

    void trendsFindThePlantedBurst()
    {
        TrendsView *trends = m_panel->trendsView();
        trends->setKind(QStringLiteral("hashtag"));
        trends->setResolution(QStringLiteral("day"));
        trends->setTop(3);
        QSignalSpy shown(trends, &TrendsView::resultShown);
        trends->run();
        QVERIFY(trends->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1, 10000);
        QCOMPARE(trends->plot()->graphCount(), 1); // #quake is the only hashtag
        QCOMPARE(trends->plot()->graph(0)->dataCount(), kDays);

        QTableWidget *bursts = trends->burstTable();
        int found = -1;
        for (int r = 0; r < bursts->rowCount(); ++r)
            if (bursts->item(r, TrendsView::KeyColumn)->text() == QLatin1String("#quake") &&
                bursts->item(r, TrendsView::PeakColumn)->text() == QLatin1String("2024-03-18"))
                found = r;
        QVERIFY2(found >= 0, qPrintable(trends->statusLabel()->text()));
        QCOMPARE(bursts->item(found, TrendsView::StartColumn)->text(), QStringLiteral("2024-03-18"));
        QCOMPARE(trends->burstMarkCount(), trends->burstCount());
        // The posts that drove it, most engaging first, all inside the burst.
        bursts->selectRow(found);
        QListWidget *posts = trends->burstPosts();
        QVERIFY(posts->count() > 0);
        QVERIFY(posts->item(0)->text().contains(QLatin1String("[engagement 50]")));
        for (int i = 0; i < posts->count(); ++i) {
            QVERIFY(posts->item(i)->text().contains(QLatin1String("#quake")));
            QVERIFY(posts->item(i)->text().contains(QLatin1String("2024-03-18")));
        }

        const QString burstsCsv = m_dir.filePath("bursts.csv");
        QVERIFY(trends->exportBurstsCsv(burstsCsv));
        const QStringList lines = readLines(burstsCsv);
        QCOMPARE(lines.size(), 1 + bursts->rowCount());
        QVERIFY(lines.contains(QStringLiteral("#quake,2024-03-18,2024-03-18,") +
                               bursts->item(found, TrendsView::EndColumn)->text() + QLatin1Char(',') +
                               QString::number(bursts->item(found, TrendsView::IntensityColumn)->data(Qt::DisplayRole).toDouble(), 'g', 6) +
                               QLatin1Char(',') + bursts->item(found, TrendsView::PostsColumn)->text()));
        const QString seriesCsv = m_dir.filePath("trends.csv");
        QVERIFY(trends->exportChart(seriesCsv));
        QCOMPARE(readLines(seriesCsv).size(), 1 + kDays);
    }

    void trendsAreStoredAndReopenedWithoutCounting()
    {
        TrendsView *trends = m_panel->trendsView();
        const std::int64_t id = trends->analysisId();
        QVERIFY(id > 0);
        // Stored in the project, listed in the Stored analyses tab.
        auto stored = AnalysisStore(*m_project).list("trends");
        QVERIFY(stored.ok());
        QCOMPARE(stored->front().id, id);
        QCOMPARE(stored->front().datasetId, m_datasetId);
        StoredAnalysesView *list = m_panel->storedView();
        QVERIFY(list->select(id));
        QCOMPARE(list->selectedId(), id);

        auto drawn = [](QCustomPlot *plot) {
            QStringList lines;
            for (int g = 0; g < plot->graphCount(); ++g) {
                QStringList points;
                for (auto it = plot->graph(g)->data()->constBegin(); it != plot->graph(g)->data()->constEnd(); ++it)
                    points << QStringLiteral("%1:%2").arg(it->key, 0, 'f', 0).arg(it->value);
                lines << plot->graph(g)->name() + QLatin1Char('=') + points.join(QLatin1Char(','));
            }
            return lines;
        };
        const QStringList before = drawn(trends->plot());
        QCOMPARE(before.size(), 1);
        const int bursts = trends->burstCount();
        const QString csvBefore = m_dir.filePath("trends-before.csv");
        QVERIFY(trends->exportSeriesCsv(csvBefore));

        // Something else is shown meanwhile ...
        trends->setKind(QStringLiteral("term"));
        trends->setTop(4);
        QSignalSpy shown(trends, &TrendsView::resultShown);
        trends->run();
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1, 10000);
        QVERIFY(trends->analysisId() != id);
        QVERIFY(drawn(trends->plot()) != before);

        // ... and opening the stored one draws it again, at once (no thread, nothing counted).
        m_panel->tabs()->setCurrentIndex(0);
        QPushButton *open = nullptr;
        for (QPushButton *button : list->findChildren<QPushButton *>())
            if (button->text() == QLatin1String("Open"))
                open = button;
        QVERIFY(list->select(id));
        QVERIFY(open && open->isEnabled());
        open->click();
        QCOMPARE(shown.count(), 2);
        QVERIFY(!trends->isRunning());
        QCOMPARE(m_panel->tabs()->currentIndex(), 1);
        QCOMPARE(trends->analysisId(), id);
        QCOMPARE(drawn(trends->plot()), before);
        QCOMPARE(trends->burstCount(), bursts);
        QCOMPARE(trends->burstMarkCount(), bursts);
        // Its exports work as they did when it was computed.
        const QString csvAfter = m_dir.filePath("trends-after.csv");
        QVERIFY(trends->exportSeriesCsv(csvAfter));
        QCOMPARE(readLines(csvAfter), readLines(csvBefore));
        QVERIFY(trends->exportBurstsCsv(m_dir.filePath("bursts-after.csv")));
        QCOMPARE(readLines(m_dir.filePath("bursts-after.csv")).size(), 1 + bursts);

        // Renamed and deleted from the list.
        QVERIFY(list->renameAnalysis(id, QStringLiteral("quake")));
        QCOMPARE(AnalysisStore(*m_project).load(id)->name, std::string("quake"));
        const QString json = m_dir.filePath("quake.json");
        QVERIFY(list->exportJson(id, json));
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("\"#quake\""));
        QVERIFY(list->deleteAnalysis(id));
        QVERIFY(!AnalysisStore(*m_project).load(id).ok());
        QVERIFY(!m_panel->openAnalysis(id));
        trends->setKind(QStringLiteral("hashtag"));
    }

    void opinionSharesAndForecast()
    {
        OpinionView *opinion = m_panel->opinionView();
        opinion->setTask(QStringLiteral("sentiment"));
        opinion->setResolution(QStringLiteral("day"));
        opinion->setHorizon(5);
        QSignalSpy shown(opinion, &OpinionView::resultShown);
        opinion->run();
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1, 10000);
        QVERIFY2(opinion->series(), qPrintable(opinion->statusLabel()->text()));
        StackedAreaChart *shares = opinion->sharesChart();
        QCOMPARE(shares->seriesCount(), 2); // negative, positive
        QCOMPARE(shares->bucketCount(), kDays);
        for (int b = 0; b < shares->bucketCount(); ++b) {
            QVERIFY(std::abs(shares->value(0, b) + shares->value(1, b) - 1.0) < 1e-9);
            QVERIFY(std::abs(shares->stackedValue(1, b) - 1.0) < 1e-9);
        }
        // The shift is where sentiment turned, on day 15.
        QVERIFY2(opinion->shiftLabel()->text().contains(QLatin1String("2024-03-16")), qPrintable(opinion->shiftLabel()->text()));

        // Holt's forecast of the most changed class: H points, each inside its own interval.
        ForecastChart *forecast = opinion->forecastChart();
        QCOMPARE(forecast->historyCount(), kDays);
        QCOMPARE(forecast->forecastCount(), 5);
        for (int step = 1; step <= 5; ++step) {
            QVERIFY(forecast->lowerBound(step) <= forecast->forecastValue(step));
            QVERIFY(forecast->forecastValue(step) <= forecast->upperBound(step));
        }
        QVERIFY(forecast->upperBound(5) - forecast->lowerBound(5) > forecast->upperBound(1) - forecast->lowerBound(1));
        opinion->setHorizon(3);
        QCOMPARE(forecast->forecastCount(), 3);

        const QString csv = m_dir.filePath("opinion.csv");
        QVERIFY(opinion->exportSharesCsv(csv));
        const QStringList lines = readLines(csv);
        QCOMPARE(lines.size(), 1 + kDays);
        QCOMPARE(lines[0], QStringLiteral("bucket,bucket_start,posts,negative,positive,share:negative,share:positive"));
        const QString forecastCsv = m_dir.filePath("forecast.csv");
        QVERIFY(forecast->save(forecastCsv));
        QCOMPARE(readLines(forecastCsv).size(), 1 + kDays + 3);

        // Stored with the forecast it was computed with; reopened, the same shares and forecast.
        const std::int64_t id = opinion->analysisId();
        QVERIFY(id > 0);
        QCOMPARE(AnalysisStore(*m_project).load(id)->result["forecasts"]["negative"]["points"].size(), std::size_t(5));
        const double share = shares->value(1, 20);
        const double fifth = [&] {
            opinion->setHorizon(5);
            return forecast->forecastValue(5);
        }();
        opinion->setHorizon(2);
        QVERIFY(m_panel->openAnalysis(id));
        QCOMPARE(shown.count(), 2);
        QCOMPARE(opinion->analysisId(), id);
        QCOMPARE(shares->bucketCount(), kDays);
        QCOMPARE(shares->value(1, 20), share);
        QCOMPARE(forecast->forecastCount(), 5);
        QCOMPARE(forecast->forecastValue(5), fifth);
        QVERIFY(opinion->shiftLabel()->text().contains(QLatin1String("2024-03-16")));
        QVERIFY(opinion->exportSharesCsv(csv));
        QCOMPARE(readLines(csv), lines);
    }

    void usersShowProfileTwinAndPrivacy()
    {
        UserProfileView *users = m_panel->usersView();
        QVERIFY(users->authorNames().contains(QStringLiteral("Ann")));
        QSignalSpy shown(users, &UserProfileView::profileShown);
        users->showUser(QStringLiteral("ann-0001"));
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1, 10000);
        QVERIFY2(users->profile(), qPrintable(users->statusLabel()->text()));
        QCOMPARE(users->currentUserId(), m_ann);
        const QString summary = users->summaryLabel()->text();
        QVERIFY2(summary.startsWith(QLatin1String("Ann (#")) && summary.contains(QLatin1String("4 post(s)")) &&
                     summary.contains(QLatin1String("received 40 likes")),
                 qPrintable(summary));
        QVERIFY(users->activityPlot()->plottableCount() == 1);
        QVERIFY(users->labelPlot()->plottableCount() >= 1); // sentiment
        // Her posts, newest first, with their engagement.
        QCOMPARE(users->postsTable()->rowCount(), 4);
        QCOMPARE(users->postsTable()->item(0, 3)->text(), QString("crema ristretto barista"));
        QCOMPARE(users->postsTable()->item(3, 3)->text(), QString("espresso with perfect crema"));
        QCOMPARE(users->postsTable()->item(0, 1)->text(), QString("10"));
        // No recommender run in this project: nothing to recommend, and nothing made up.
        QCOMPARE(users->recommendationsList()->count(), 0);
        // The twin, who writes the same words, is the most similar user.
        QVERIFY(users->similarList()->count() > 0);
        QCOMPARE(users->similarList()->item(0)->data(Qt::UserRole).toLongLong(), m_twin);
        // Clicking a similar user opens their profile.
        users->similarList()->itemClicked(users->similarList()->item(0));
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 2, 10000);
        QCOMPARE(users->currentUserId(), m_twin);
        QCOMPARE(users->similarList()->item(0)->data(Qt::UserRole).toLongLong(), m_ann);

        // Without privacy the view names people (the scan below would see it) ...
        QVERIFY(visibleTexts(users).join(QLatin1Char('\n')).contains(QLatin1String("twin-0002")));
        // ... with it the profile is shown again under a pseudonym and no source id or name remains.
        users->setPrivacy(true);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 3, 10000);
        QCOMPARE(users->currentUserId(), m_twin);
        const QStringList texts = visibleTexts(users);
        for (const QString &text : texts) {
            for (const char *secret : kSecretIds)
                QVERIFY2(!text.contains(QLatin1String(secret)), qPrintable(text));
            QVERIFY2(!text.contains(QLatin1String("Ann")) && !text.contains(QLatin1String("Bob")), qPrintable(text));
        }
        // Source ids are not accepted as lookups under privacy.
        users->showUser(QStringLiteral("ann-0001"));
        QTRY_VERIFY_WITH_TIMEOUT(!users->isRunning(), 10000);
        QCOMPARE(users->currentUserId(), m_twin);
        QVERIFY(!users->statusLabel()->text().isEmpty());
        // A pseudonym from the completer is.
        QString pseudonym;
        for (const ProjectCatalog::Author &author : ProjectCatalog::authors(*m_project, m_datasetId, true))
            if (author.userId == m_ann)
                pseudonym = author.display;
        QVERIFY(!pseudonym.isEmpty());
        QVERIFY(users->authorNames().contains(pseudonym));
        users->showUser(pseudonym);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 4, 10000);
        QCOMPARE(users->currentUserId(), m_ann);

        // The feature table with the chosen tasks as columns, pseudonymous like the view.
        users->setTasks({QStringLiteral("sentiment")});
        QCOMPARE(users->checkedTasks(), QStringList{QStringLiteral("sentiment")});
        QSignalSpy exported(users, &UserProfileView::featuresExported);
        const QString csv = m_dir.filePath("users.csv");
        users->exportFeaturesCsv(csv);
        QTRY_VERIFY_WITH_TIMEOUT(exported.count() == 1, 10000);
        QCOMPARE(exported.at(0).at(1).toInt(), 6);
        const QStringList lines = readLines(csv);
        QCOMPARE(lines.size(), 1 + 6);
        QVERIFY(lines[0].contains(QLatin1String("sentiment=positive")));
        QVERIFY(!lines[0].contains(QLatin1String("source_id")));
        for (const QString &line : lines)
            for (const char *secret : kSecretIds)
                QVERIFY2(!line.contains(QLatin1String(secret)), qPrintable(line));
        users->setPrivacy(false);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 5, 10000);

        // Every profile shown was stored; Ann's, stored without privacy, reopens under privacy
        // with pseudonyms only, and the list does not name her either.
        const std::int64_t annId = users->analysisId();
        QVERIFY(annId > 0);
        QCOMPARE(AnalysisStore(*m_project).load(annId)->params["user_id"].get<std::int64_t>(), m_ann);
        QVERIFY(AnalysisStore(*m_project).list("profile")->size() >= 3);
        users->setPrivacy(true);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 6, 10000);
        QVERIFY(m_panel->openAnalysis(annId));
        QCOMPARE(shown.count(), 7);
        QCOMPARE(users->analysisId(), annId);
        QCOMPARE(users->currentUserId(), m_ann);
        QCOMPARE(users->postsTable()->rowCount(), 4);
        QCOMPARE(users->similarList()->item(0)->data(Qt::UserRole).toLongLong(), m_twin);
        QStringList hidden = visibleTexts(users) + visibleTexts(m_panel->storedView());
        for (const QString &text : hidden) {
            for (const char *secret : kSecretIds)
                QVERIFY2(!text.contains(QLatin1String(secret)), qPrintable(text));
            QVERIFY2(!text.contains(QLatin1String("Ann")) && !text.contains(QLatin1String("Bob")), qPrintable(text));
        }
        users->setPrivacy(false);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 8, 10000);
        QVERIFY(visibleTexts(m_panel->storedView()).join(QLatin1Char('\n')).contains(QLatin1String("profile of Ann")));
    }

    void mainWindowHasTheAnalyticsTab()
    {
        MainWindow window;
        QVERIFY(window.analyticsPanel());
        int index = -1;
        for (int i = 0; i < window.tabs()->count(); ++i)
            if (window.tabs()->tabText(i) == QLatin1String("Analytics"))
                index = i;
        QVERIFY(index >= 0);
        QCOMPARE(window.tabs()->widget(index), static_cast<QWidget *>(window.analyticsPanel()));
        QVERIFY(window.openProject(m_path).isEmpty());
        QCOMPARE(window.analyticsPanel()->datasetId(), m_datasetId);
        // The stored topics come up in the window's panel too.
        QTRY_VERIFY_WITH_TIMEOUT(window.analyticsPanel()->topicsView()->result().has_value(), 10000);
    }
};

QTEST_MAIN(AnalyticsPanelTest)
#include "tst_analyticspanel.moc"
