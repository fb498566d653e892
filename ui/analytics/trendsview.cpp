#include "ui/analytics/trendsview.h"

#include "core/analytics/analysisstore.h"
#include "core/analytics/trendreport.h"
#include "core/store/project.h"
#include "core/util/timeparse.h"
#include "ui/analytics/analyticsplotstyle.h"
#include "ui/analytics/analyticsrunner.h"
#include "ui/analytics/projectcatalog.h"
#include "ui/common/plotexporter.h"
#include "ui/common/plottheme.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {

constexpr int kPostsPerBurst = 5;

} // namespace

struct TrendsView::Shown {
    chorus::TrendReport report;
    std::int64_t analysisId = 0;
    QString storeError; // why a computed result is not stored
};

TrendsView::TrendsView(QWidget *parent)
    : QWidget(parent), m_runner(new AnalyticsRunner(this)), m_kind(new QComboBox), m_task(new QComboBox),
      m_resolution(new QComboBox), m_top(new QSpinBox), m_run(new QPushButton(tr("Show trends"))),
      m_cancel(new QPushButton(tr("Cancel"))), m_progress(new QProgressBar), m_status(new QLabel),
      m_plot(new QCustomPlot), m_burstTable(new QTableWidget), m_burstPosts(new QListWidget),
      m_exportChart(new QPushButton(tr("Export chart..."))), m_exportBursts(new QPushButton(tr("Export bursts CSV..."))),
      m_shown(std::make_unique<Shown>())
{
    m_kind->addItem(tr("hashtags"), int(chorus::TrendKind::Hashtag));
    m_kind->addItem(tr("terms"), int(chorus::TrendKind::Term));
    m_kind->addItem(tr("label task values"), int(chorus::TrendKind::Label));
    m_task->setEnabled(false);
    m_resolution->addItem(tr("hour"), int(chorus::TimeResolution::Hour));
    m_resolution->addItem(tr("day"), int(chorus::TimeResolution::Day));
    m_resolution->addItem(tr("week"), int(chorus::TimeResolution::Week));
    m_resolution->setCurrentIndex(1);
    m_top->setRange(1, 50);
    m_top->setValue(8);
    m_progress->setRange(0, 1000);
    m_progress->setVisible(false);
    m_cancel->setEnabled(false);
    m_status->setWordWrap(true);

    auto *form = new QHBoxLayout;
    form->addWidget(new QLabel(tr("Count")));
    form->addWidget(m_kind);
    form->addWidget(m_task);
    form->addWidget(new QLabel(tr("per")));
    form->addWidget(m_resolution);
    form->addWidget(new QLabel(tr("top")));
    form->addWidget(m_top);
    form->addWidget(m_run);
    form->addWidget(m_cancel);
    form->addWidget(m_progress);
    form->addStretch(1);
    form->addWidget(m_exportChart);

    m_plot->legend->setVisible(true);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    m_plot->yAxis->setLabel(tr("posts"));
    m_plot->setMinimumHeight(200);
    PlotTheme::followPalette(m_plot);
    PlotExporter::attachContextMenu(m_plot, [this](const QString &path) { return exportSeriesCsv(path); });

    m_burstTable->setColumnCount(BurstColumnCount);
    m_burstTable->setHorizontalHeaderLabels({tr("Key"), tr("Start"), tr("Peak"), tr("End"), tr("Intensity"), tr("Posts")});
    m_burstTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_burstTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_burstTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_burstTable->verticalHeader()->setVisible(false);
    m_burstTable->horizontalHeader()->setSectionResizeMode(KeyColumn, QHeaderView::Stretch);
    m_burstPosts->setWordWrap(true);

    auto *burstBox = new QWidget;
    auto *burstLayout = new QVBoxLayout(burstBox);
    burstLayout->setContentsMargins(0, 0, 0, 0);
    auto *burstBar = new QHBoxLayout;
    burstBar->addWidget(new QLabel(tr("Bursts (Kleinberg)")));
    burstBar->addStretch(1);
    burstBar->addWidget(m_exportBursts);
    burstLayout->addLayout(burstBar);
    burstLayout->addWidget(m_burstTable);
    auto *postsBox = new QWidget;
    auto *postsLayout = new QVBoxLayout(postsBox);
    postsLayout->setContentsMargins(0, 0, 0, 0);
    postsLayout->addWidget(new QLabel(tr("Most engaging posts of the selected burst")));
    postsLayout->addWidget(m_burstPosts);
    auto *bottom = new QSplitter;
    bottom->addWidget(burstBox);
    bottom->addWidget(postsBox);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_plot);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);

    connect(m_kind, &QComboBox::currentIndexChanged, this,
            [this] { m_task->setEnabled(m_kind->currentData().toInt() == int(chorus::TrendKind::Label)); });
    connect(m_run, &QPushButton::clicked, this, &TrendsView::run);
    connect(m_cancel, &QPushButton::clicked, this, &TrendsView::cancel);
    connect(m_burstTable, &QTableWidget::itemSelectionChanged, this, &TrendsView::showBurstPosts);
    connect(m_exportChart, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export trends"), QStringLiteral("trends.png"),
                                                          tr("PNG (*.png);;SVG (*.svg);;PDF (*.pdf);;CSV (*.csv)"));
        if (!path.isEmpty() && !exportChart(path))
            m_status->setText(tr("Cannot write %1").arg(path));
    });
    connect(m_exportBursts, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export bursts"), QStringLiteral("bursts.csv"), tr("CSV (*.csv)"));
        if (!path.isEmpty() && !exportBurstsCsv(path))
            m_status->setText(tr("Cannot write %1").arg(path));
    });
    connect(m_runner, &AnalyticsRunner::progress, this, [this](const QString &stage, double fraction) {
        m_progress->setValue(int(fraction * 1000));
        m_status->setText(tr("%1...").arg(stage));
    });
    connect(m_runner, &AnalyticsRunner::finished, this, [this] {
        setBusy(false);
        *m_shown = std::move(*m_pending);
        showResult();
        if (!m_shown->storeError.isEmpty())
            m_status->setText(tr("%1 (not stored: %2)").arg(m_status->text(), m_shown->storeError));
        if (m_shown->analysisId > 0)
            emit analysisStored(m_shown->analysisId);
        emit resultShown();
    });
    connect(m_runner, &AnalyticsRunner::failed, this, [this](const QString &message) {
        setBusy(false);
        m_status->setText(message);
    });
    connect(m_runner, &AnalyticsRunner::cancelled, this, [this] {
        setBusy(false);
        m_status->setText(tr("Cancelled"));
    });
}

TrendsView::~TrendsView() = default;

void TrendsView::setProject(chorus::Project *project)
{
    m_runner->cancel();
    m_project = project;
    m_datasetId = 0;
    *m_shown = {};
    showResult();
    refreshTasks();
}

void TrendsView::setDataset(std::int64_t datasetId)
{
    m_datasetId = datasetId;
    refreshTasks();
}

void TrendsView::refreshTasks()
{
    const QString current = m_task->currentText();
    m_task->clear();
    if (m_project)
        m_task->addItems(ProjectCatalog::labelTasks(*m_project, m_datasetId));
    const int index = m_task->findText(current);
    if (index >= 0)
        m_task->setCurrentIndex(index);
}

void TrendsView::setKind(const QString &kind)
{
    if (auto parsed = chorus::TrendQuery::parseKind(kind.toStdString()))
        m_kind->setCurrentIndex(m_kind->findData(int(*parsed)));
}

void TrendsView::setLabelTask(const QString &task)
{
    const int index = m_task->findText(task);
    if (index >= 0)
        m_task->setCurrentIndex(index);
}

void TrendsView::setResolution(const QString &resolution)
{
    if (auto parsed = chorus::TimeBucket::parseResolution(resolution.toStdString()))
        m_resolution->setCurrentIndex(m_resolution->findData(int(*parsed)));
}

void TrendsView::setTop(int top) { m_top->setValue(top); }

const chorus::TrendSeries &TrendsView::series() const { return m_shown->report.series; }
int TrendsView::burstCount() const { return int(m_shown->report.bursts.size()); }
std::int64_t TrendsView::analysisId() const { return m_shown->analysisId; }

bool TrendsView::isRunning() const { return m_runner->isRunning(); }
void TrendsView::cancel() { m_runner->cancel(); }

void TrendsView::setBusy(bool busy)
{
    m_run->setEnabled(!busy);
    m_cancel->setEnabled(busy);
    m_progress->setVisible(busy);
    if (busy)
        m_progress->setValue(0);
}

void TrendsView::run()
{
    if (!m_project) {
        m_status->setText(tr("Open a project first"));
        return;
    }
    chorus::TrendReportOptions options;
    options.trend.datasetId = m_datasetId;
    options.trend.kind = static_cast<chorus::TrendKind>(m_kind->currentData().toInt());
    options.trend.resolution = static_cast<chorus::TimeResolution>(m_resolution->currentData().toInt());
    options.trend.top = m_top->value();
    options.bursts = true;
    options.postsPerBurst = kPostsPerBurst;
    if (options.trend.kind == chorus::TrendKind::Label) {
        if (m_task->currentText().isEmpty()) {
            m_status->setText(tr("Pick a label task to count"));
            return;
        }
        options.trend.task = m_task->currentText().toStdString();
    }
    m_runner->cancel();
    m_pending = std::make_shared<Shown>();
    auto pending = m_pending;
    setBusy(true);
    m_status->setText(tr("Counting..."));
    m_runner->start(QString::fromStdString(m_project->path()),
                    [pending, options](chorus::Project &project, const AnalyticsRunner::Progress &progress) -> std::string {
                        auto report = chorus::TrendReport::compute(project, options, progress);
                        if (!report)
                            return report.message();
                        if (!progress("storing", 1.0))
                            return {};
                        auto id = chorus::AnalysisStore(project).save("trends", report->defaultName(),
                                                                      options.trend.datasetId, report->paramsJson(),
                                                                      report->toJson());
                        if (id)
                            pending->analysisId = *id;
                        else
                            pending->storeError = QString::fromStdString(id.message());
                        pending->report = std::move(*report);
                        return {};
                    });
}

bool TrendsView::showStored(const chorus::StoredAnalysis &analysis)
{
    auto report = chorus::TrendReport::fromJson(analysis.result);
    if (analysis.kind != "trends" || !report) {
        m_status->setText(tr("Cannot show analysis %1: %2")
                              .arg(analysis.id)
                              .arg(report ? tr("it is not a trends result") : QString::fromStdString(report.message())));
        return false;
    }
    m_runner->cancel();
    m_shown->report = std::move(*report);
    m_shown->analysisId = analysis.id;
    m_shown->storeError.clear();
    const chorus::TrendOptions &options = m_shown->report.options.trend;
    m_kind->setCurrentIndex(m_kind->findData(int(options.kind)));
    m_resolution->setCurrentIndex(m_resolution->findData(int(options.resolution)));
    if (!options.task.empty())
        setLabelTask(QString::fromStdString(options.task));
    showResult();
    m_status->setText(tr("Stored analysis %1: %2").arg(analysis.id).arg(QString::fromStdString(analysis.name)) +
                      QLatin1String("; ") + m_status->text());
    emit resultShown();
    return true;
}

int TrendsView::burstMarkCount() const
{
    int count = 0;
    for (int i = 0; i < m_plot->itemCount(); ++i)
        if (qobject_cast<QCPItemRect *>(m_plot->item(i)))
            ++count;
    return count;
}

void TrendsView::showResult()
{
    m_plot->clearGraphs();
    m_plot->clearItems();
    const chorus::TimeResolution resolution = m_shown->report.series.resolution;
    AnalyticsPlotStyle::setTimeAxis(m_plot->xAxis, resolution);
    QVector<double> keys;
    for (std::int64_t start : m_shown->report.series.buckets)
        keys << AnalyticsPlotStyle::bucketCenter(start, resolution);
    double top = 0;
    for (std::size_t l = 0; l < m_shown->report.series.lines.size(); ++l) {
        const chorus::TrendSeries::Line &line = m_shown->report.series.lines[l];
        QVector<double> values(line.counts.begin(), line.counts.end());
        QCPGraph *graph = m_plot->addGraph();
        graph->setName(QString::fromStdString(line.key));
        graph->setPen(QPen(AnalyticsPlotStyle::seriesColor(int(l)), 1.6));
        graph->setData(keys, values, true);
        for (double v : values)
            top = std::max(top, v);
    }
    // A burst is a translucent span over its buckets in its key's colour, with a dot on the peak.
    for (const chorus::TrendBurst &row : m_shown->report.bursts) {
        const QColor color = AnalyticsPlotStyle::seriesColor(int(row.line));
        auto *span = new QCPItemRect(m_plot);
        span->topLeft->setType(QCPItemPosition::ptPlotCoords);
        span->bottomRight->setType(QCPItemPosition::ptPlotCoords);
        span->topLeft->setCoords(double(m_shown->report.series.buckets[row.burst.start]), top * 1.05 + 1);
        span->bottomRight->setCoords(double(m_shown->report.series.bucketEnd(row.burst.end)), 0);
        QColor fill = color;
        fill.setAlpha(40);
        span->setBrush(fill);
        span->setPen(QPen(color, 1, Qt::DotLine));
        auto *peak = new QCPItemTracer(m_plot);
        peak->setGraph(m_plot->graph(int(row.line)));
        peak->setGraphKey(AnalyticsPlotStyle::bucketCenter(m_shown->report.series.buckets[row.burst.peak], resolution));
        peak->setStyle(QCPItemTracer::tsCircle);
        peak->setSize(8);
        peak->setPen(QPen(color, 2));
    }
    if (keys.isEmpty()) {
        m_plot->xAxis->setRange(0, 86400);
    } else {
        const double half = chorus::TimeBucket::seconds(resolution) / 2.0;
        m_plot->xAxis->setRange(keys.front() - half, keys.back() + half);
    }
    m_plot->yAxis->setRange(0, top > 0 ? top * 1.1 : 1);
    m_plot->replot(QCustomPlot::rpQueuedReplot);

    const QSignalBlocker block(m_burstTable);
    m_burstTable->setRowCount(int(m_shown->report.bursts.size()));
    for (int r = 0; r < int(m_shown->report.bursts.size()); ++r) {
        const chorus::TrendBurst &row = m_shown->report.bursts[std::size_t(r)];
        auto *intensity = new QTableWidgetItem;
        intensity->setData(Qt::DisplayRole, row.burst.intensity);
        auto *posts = new QTableWidgetItem;
        posts->setData(Qt::DisplayRole, qlonglong(row.burst.count));
        m_burstTable->setItem(r, KeyColumn, new QTableWidgetItem(QString::fromStdString(m_shown->report.series.lines[row.line].key)));
        m_burstTable->setItem(r, StartColumn, new QTableWidgetItem(QString::fromStdString(m_shown->report.series.bucketLabel(row.burst.start))));
        m_burstTable->setItem(r, PeakColumn, new QTableWidgetItem(QString::fromStdString(m_shown->report.series.bucketLabel(row.burst.peak))));
        m_burstTable->setItem(r, EndColumn, new QTableWidgetItem(QString::fromStdString(m_shown->report.series.bucketLabel(row.burst.end))));
        m_burstTable->setItem(r, IntensityColumn, intensity);
        m_burstTable->setItem(r, PostsColumn, posts);
    }
    m_burstPosts->clear();
    if (!m_shown->report.series.lines.empty())
        m_status->setText(tr("%n key(s) over %1 buckets, %2 burst(s)", nullptr, int(m_shown->report.series.lines.size()))
                              .arg(m_shown->report.series.buckets.size())
                              .arg(m_shown->report.bursts.size()));
    else if (m_project)
        m_status->setText(QString());
}

void TrendsView::showBurstPosts()
{
    m_burstPosts->clear();
    const int r = m_burstTable->currentRow();
    if (r < 0 || r >= int(m_shown->report.bursts.size()))
        return;
    for (const chorus::TrendPost &post : m_shown->report.bursts[std::size_t(r)].posts) {
        auto *item = new QListWidgetItem(tr("[engagement %1] %2  %3")
                                             .arg(post.engagement())
                                             .arg(QString::fromStdString(chorus::formatIsoUtc(post.createdAt)),
                                                  QString::fromStdString(post.text)));
        item->setData(Qt::UserRole, QVariant::fromValue<qlonglong>(post.postId));
        m_burstPosts->addItem(item);
    }
}

bool TrendsView::exportSeriesCsv(const QString &path) const
{
    QStringList header{QStringLiteral("bucket"), QStringLiteral("bucket_start"), QStringLiteral("posts")};
    for (const chorus::TrendSeries::Line &line : m_shown->report.series.lines)
        header << QString::fromStdString(line.key);
    QVector<QStringList> rows;
    for (std::size_t b = 0; b < m_shown->report.series.buckets.size(); ++b) {
        QStringList row{QString::fromStdString(m_shown->report.series.bucketLabel(b)), QString::number(m_shown->report.series.buckets[b]),
                        QString::number(m_shown->report.series.posts[b])};
        for (const chorus::TrendSeries::Line &line : m_shown->report.series.lines)
            row << QString::number(line.counts[b]);
        rows << row;
    }
    return PlotExporter::writeCsv(path, header, rows);
}

bool TrendsView::exportBurstsCsv(const QString &path) const
{
    QVector<QStringList> rows;
    for (const chorus::TrendBurst &row : m_shown->report.bursts)
        rows << QStringList{QString::fromStdString(m_shown->report.series.lines[row.line].key),
                            QString::fromStdString(m_shown->report.series.bucketLabel(row.burst.start)),
                            QString::fromStdString(m_shown->report.series.bucketLabel(row.burst.peak)),
                            QString::fromStdString(m_shown->report.series.bucketLabel(row.burst.end)),
                            QString::number(row.burst.intensity, 'g', 6), QString::number(row.burst.count)};
    return PlotExporter::writeCsv(path, {QStringLiteral("key"), QStringLiteral("start"), QStringLiteral("peak"),
                                         QStringLiteral("end"), QStringLiteral("intensity"), QStringLiteral("posts")},
                                  rows);
}

bool TrendsView::exportChart(const QString &path) const
{
    return PlotExporter::save(m_plot, path, [this](const QString &csvPath) { return exportSeriesCsv(csvPath); });
}
