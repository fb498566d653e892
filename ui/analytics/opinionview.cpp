#include "ui/analytics/opinionview.h"

#include "core/analytics/analysisstore.h"
#include "core/analytics/opinionreport.h"
#include "core/store/project.h"
#include "ui/analytics/analyticsrunner.h"
#include "ui/analytics/forecastchart.h"
#include "ui/analytics/projectcatalog.h"
#include "ui/analytics/stackedareachart.h"
#include "ui/common/plotexporter.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

struct OpinionView::Pending {
    chorus::OpinionReport report;
    std::int64_t analysisId = 0;
    QString storeError;
};

OpinionView::OpinionView(QWidget *parent)
    : QWidget(parent), m_runner(new AnalyticsRunner(this)), m_task(new QComboBox), m_resolution(new QComboBox),
      m_hashtag(new QLineEdit), m_topicTask(new QComboBox), m_topicValue(new QLineEdit), m_horizon(new QSpinBox),
      m_forecastClass(new QComboBox), m_run(new QPushButton(tr("Show opinion"))), m_cancel(new QPushButton(tr("Cancel"))),
      m_progress(new QProgressBar), m_status(new QLabel), m_shift(new QLabel), m_shares(new StackedAreaChart),
      m_forecastChart(new ForecastChart), m_exportShares(new QPushButton(tr("Export shares..."))),
      m_exportForecast(new QPushButton(tr("Export forecast...")))
{
    m_resolution->addItem(tr("hour"), int(chorus::TimeResolution::Hour));
    m_resolution->addItem(tr("day"), int(chorus::TimeResolution::Day));
    m_resolution->addItem(tr("week"), int(chorus::TimeResolution::Week));
    m_resolution->setCurrentIndex(1);
    m_hashtag->setPlaceholderText(tr("optional, e.g. #election"));
    m_hashtag->setClearButtonEnabled(true);
    m_topicValue->setPlaceholderText(tr("topic value"));
    m_horizon->setRange(1, 365);
    m_horizon->setValue(7);
    m_progress->setRange(0, 1000);
    m_progress->setVisible(false);
    m_cancel->setEnabled(false);
    m_shift->setWordWrap(true);
    m_shift->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);

    auto *form = new QGridLayout;
    form->addWidget(new QLabel(tr("Opinion task")), 0, 0);
    form->addWidget(m_task, 0, 1);
    form->addWidget(new QLabel(tr("per")), 0, 2);
    form->addWidget(m_resolution, 0, 3);
    form->addWidget(new QLabel(tr("Hashtag")), 0, 4);
    form->addWidget(m_hashtag, 0, 5);
    form->addWidget(new QLabel(tr("or topic")), 0, 6);
    form->addWidget(m_topicTask, 0, 7);
    form->addWidget(m_topicValue, 0, 8);
    form->addWidget(m_run, 0, 9);
    form->addWidget(m_cancel, 0, 10);
    form->setColumnStretch(5, 1);
    form->setColumnStretch(8, 1);

    auto *sharesBox = new QWidget;
    auto *sharesLayout = new QVBoxLayout(sharesBox);
    sharesLayout->setContentsMargins(0, 0, 0, 0);
    auto *sharesBar = new QHBoxLayout;
    sharesBar->addWidget(new QLabel(tr("Class shares per bucket")));
    sharesBar->addStretch(1);
    sharesBar->addWidget(m_exportShares);
    sharesLayout->addLayout(sharesBar);
    sharesLayout->addWidget(m_shares, 1);
    auto *forecastBox = new QWidget;
    auto *forecastLayout = new QVBoxLayout(forecastBox);
    forecastLayout->setContentsMargins(0, 0, 0, 0);
    auto *forecastBar = new QHBoxLayout;
    forecastBar->addWidget(new QLabel(tr("Forecast the share of")));
    forecastBar->addWidget(m_forecastClass);
    forecastBar->addWidget(new QLabel(tr("for the next")));
    forecastBar->addWidget(m_horizon);
    forecastBar->addWidget(new QLabel(tr("periods (Holt)")));
    forecastBar->addStretch(1);
    forecastBar->addWidget(m_exportForecast);
    forecastLayout->addLayout(forecastBar);
    forecastLayout->addWidget(m_forecastChart, 1);
    auto *splitter = new QSplitter;
    splitter->addWidget(sharesBox);
    splitter->addWidget(forecastBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    auto *statusBar = new QHBoxLayout;
    statusBar->addWidget(m_progress);
    statusBar->addWidget(m_status, 1);
    layout->addLayout(statusBar);
    layout->addWidget(m_shift);
    layout->addWidget(splitter, 1);

    connect(m_run, &QPushButton::clicked, this, &OpinionView::run);
    connect(m_cancel, &QPushButton::clicked, this, &OpinionView::cancel);
    connect(m_forecastClass, &QComboBox::currentIndexChanged, this, &OpinionView::updateForecast);
    connect(m_horizon, &QSpinBox::valueChanged, this, &OpinionView::updateForecast);
    connect(m_topicTask, &QComboBox::currentIndexChanged, this, [this] { m_topicValue->setEnabled(m_topicTask->currentIndex() > 0); });
    connect(m_exportShares, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export opinion shares"), QStringLiteral("opinion.csv"),
                                                          tr("CSV (*.csv);;PNG (*.png);;SVG (*.svg);;PDF (*.pdf)"));
        if (path.isEmpty())
            return;
        const bool ok = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ? exportSharesCsv(path) : m_shares->save(path);
        if (!ok)
            m_status->setText(tr("Cannot write %1").arg(path));
    });
    connect(m_exportForecast, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export forecast"), QStringLiteral("forecast.png"),
                                                          tr("PNG (*.png);;SVG (*.svg);;PDF (*.pdf);;CSV (*.csv)"));
        if (!path.isEmpty() && !m_forecastChart->save(path))
            m_status->setText(tr("Cannot write %1").arg(path));
    });
    connect(m_runner, &AnalyticsRunner::progress, this, [this](const QString &stage, double fraction) {
        m_progress->setValue(int(fraction * 1000));
        m_status->setText(tr("%1...").arg(stage));
    });
    connect(m_runner, &AnalyticsRunner::finished, this, [this] {
        setBusy(false);
        m_report = std::make_unique<chorus::OpinionReport>(std::move(m_pending->report));
        m_analysisId = m_pending->analysisId;
        showResult();
        if (!m_pending->storeError.isEmpty())
            m_status->setText(tr("%1 (not stored: %2)").arg(m_status->text(), m_pending->storeError));
        if (m_analysisId > 0)
            emit analysisStored(m_analysisId);
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
    m_topicValue->setEnabled(false);
}

OpinionView::~OpinionView() = default;

void OpinionView::setProject(chorus::Project *project)
{
    m_runner->cancel();
    m_project = project;
    m_datasetId = 0;
    m_report.reset();
    m_analysisId = 0;
    showResult();
    refreshTasks();
}

void OpinionView::setDataset(std::int64_t datasetId)
{
    m_datasetId = datasetId;
    refreshTasks();
}

void OpinionView::refreshTasks()
{
    const QString task = m_task->currentText();
    const QString topic = m_topicTask->currentText();
    const QStringList tasks = m_project ? ProjectCatalog::labelTasks(*m_project, m_datasetId) : QStringList();
    m_task->clear();
    m_task->addItems(tasks);
    m_topicTask->clear();
    m_topicTask->addItem(tr("(no topic filter)"));
    m_topicTask->addItems(tasks);
    int index = m_task->findText(task);
    if (index < 0)
        index = m_task->findText(QStringLiteral("sentiment")); // the usual opinion task
    if (index >= 0)
        m_task->setCurrentIndex(index);
    index = m_topicTask->findText(topic);
    m_topicTask->setCurrentIndex(index > 0 ? index : 0);
}

void OpinionView::setTask(const QString &task)
{
    const int index = m_task->findText(task);
    if (index >= 0)
        m_task->setCurrentIndex(index);
}

void OpinionView::setResolution(const QString &resolution)
{
    if (auto parsed = chorus::TimeBucket::parseResolution(resolution.toStdString()))
        m_resolution->setCurrentIndex(m_resolution->findData(int(*parsed)));
}

void OpinionView::setHashtag(const QString &hashtag) { m_hashtag->setText(hashtag); }

void OpinionView::setTopicFilter(const QString &topicTask, const QString &topicValue)
{
    const int index = topicTask.isEmpty() ? 0 : m_topicTask->findText(topicTask);
    m_topicTask->setCurrentIndex(index > 0 ? index : 0);
    m_topicValue->setText(topicValue);
}

void OpinionView::setHorizon(int periods) { m_horizon->setValue(periods); }

void OpinionView::setForecastClass(const QString &name)
{
    const int index = m_forecastClass->findText(name);
    if (index >= 0)
        m_forecastClass->setCurrentIndex(index);
}

bool OpinionView::isRunning() const { return m_runner->isRunning(); }
const chorus::OpinionSeries *OpinionView::series() const { return m_report ? &m_report->series : nullptr; }
void OpinionView::cancel() { m_runner->cancel(); }

void OpinionView::setBusy(bool busy)
{
    m_run->setEnabled(!busy);
    m_cancel->setEnabled(busy);
    m_progress->setVisible(busy);
    if (busy)
        m_progress->setValue(0);
}

void OpinionView::run()
{
    if (!m_project || m_task->currentText().isEmpty()) {
        m_status->setText(tr("Pick the label task that holds the opinion (e.g. sentiment)"));
        return;
    }
    chorus::OpinionOptions options;
    options.datasetId = m_datasetId;
    options.task = m_task->currentText().toStdString();
    options.resolution = static_cast<chorus::TimeResolution>(m_resolution->currentData().toInt());
    options.hashtag = m_hashtag->text().trimmed().toStdString();
    if (m_topicTask->currentIndex() > 0) {
        if (m_topicValue->text().trimmed().isEmpty()) {
            m_status->setText(tr("Type the topic value to keep, or drop the topic filter"));
            return;
        }
        options.topicTask = m_topicTask->currentText().toStdString();
        options.topicValue = m_topicValue->text().trimmed().toStdString();
    }
    m_runner->cancel();
    m_pending = std::make_shared<Pending>();
    auto pending = m_pending;
    const int horizon = m_horizon->value();
    setBusy(true);
    m_status->setText(tr("Counting..."));
    m_runner->start(QString::fromStdString(m_project->path()),
                    [pending, options, horizon](chorus::Project &project, const AnalyticsRunner::Progress &progress) -> std::string {
                        auto report = chorus::OpinionReport::compute(project, options, horizon, progress);
                        if (!report)
                            return report.message();
                        if (!progress("storing", 1.0))
                            return {};
                        auto id = chorus::AnalysisStore(project).save("opinion", report->defaultName(), options.datasetId,
                                                                      report->paramsJson(), report->toJson());
                        if (id)
                            pending->analysisId = *id;
                        else
                            pending->storeError = QString::fromStdString(id.message());
                        pending->report = std::move(*report);
                        return {};
                    });
}

bool OpinionView::showStored(const chorus::StoredAnalysis &analysis)
{
    auto report = chorus::OpinionReport::fromJson(analysis.result);
    if (analysis.kind != "opinion" || !report) {
        m_status->setText(tr("Cannot show analysis %1: %2")
                              .arg(analysis.id)
                              .arg(report ? tr("it is not an opinion result") : QString::fromStdString(report.message())));
        return false;
    }
    m_runner->cancel();
    setBusy(false);
    m_report = std::make_unique<chorus::OpinionReport>(std::move(*report));
    m_analysisId = analysis.id;
    {
        // The form shows what the stored result was asked with; nothing recomputes meanwhile.
        const QSignalBlocker blockHorizon(m_horizon);
        const chorus::OpinionOptions &options = m_report->options;
        setTask(QString::fromStdString(options.task));
        m_resolution->setCurrentIndex(m_resolution->findData(int(options.resolution)));
        m_hashtag->setText(QString::fromStdString(options.hashtag));
        setTopicFilter(QString::fromStdString(options.topicTask), QString::fromStdString(options.topicValue));
        if (m_report->horizon > 0)
            m_horizon->setValue(m_report->horizon);
    }
    showResult();
    m_status->setText(tr("Stored analysis %1: %2").arg(analysis.id).arg(QString::fromStdString(analysis.name)) +
                      QLatin1String("; ") + m_status->text());
    emit resultShown();
    return true;
}

void OpinionView::showResult()
{
    m_forecast.reset();
    const QSignalBlocker block(m_forecastClass);
    m_forecastClass->clear();
    if (!m_report) {
        m_shares->clear();
        m_forecastChart->clear();
        m_shift->clear();
        return;
    }
    const chorus::OpinionSeries &s = m_report->series;
    QStringList names;
    std::vector<std::vector<double>> shares;
    for (std::size_t c = 0; c < s.classes.size(); ++c) {
        names << QString::fromStdString(s.classes[c]);
        std::vector<double> row;
        for (std::size_t b = 0; b < s.buckets.size(); ++b)
            row.push_back(s.share(c, b));
        shares.push_back(std::move(row));
    }
    m_shares->setSeries(names, s.buckets, shares, s.resolution, tr("share of labelled posts"));
    m_forecastClass->addItems(names);
    if (s.shift) {
        const chorus::OpinionShift &shift = *s.shift;
        const std::size_t c = shift.mostChangedClass;
        m_shift->setText(tr("Largest shift from %1: '%2' went from %3% to %4% (%5 posts before, %6 after; "
                            "total variation %7, chi-square %8)")
                             .arg(QString::fromStdString(s.bucketLabel(shift.bucket)), names[int(c)])
                             .arg(100 * shift.sharesBefore[c], 0, 'f', 1)
                             .arg(100 * shift.sharesAfter[c], 0, 'f', 1)
                             .arg(shift.postsBefore)
                             .arg(shift.postsAfter)
                             .arg(shift.distance, 0, 'f', 3)
                             .arg(shift.chiSquare, 0, 'f', 1));
        m_forecastClass->setCurrentIndex(int(c));
    } else {
        m_shift->setText(tr("Too few labelled buckets for a shift"));
    }
    std::int64_t labelled = 0;
    for (std::int64_t t : s.totals)
        labelled += t;
    m_status->setText(tr("%1 labelled posts in %2 buckets").arg(labelled).arg(s.buckets.size()));
    updateForecast();
}

void OpinionView::updateForecast()
{
    m_forecast.reset();
    const int c = m_forecastClass->currentIndex();
    if (!m_report || c < 0 || c >= int(m_report->series.classes.size())) {
        m_forecastChart->clear();
        return;
    }
    const chorus::OpinionSeries &s = m_report->series;
    const std::vector<double> history = m_report->shareHistory(std::size_t(c));
    // The forecast computed (or stored) with the series, while the horizon is the one it was made for.
    chorus::SeriesForecast forecast;
    if (m_horizon->value() == m_report->horizon && std::size_t(c) < m_report->forecasts.size())
        forecast = m_report->forecasts[std::size_t(c)];
    else
        forecast = chorus::SeriesForecast::of(history, m_horizon->value());
    if (!forecast.forecast) {
        m_forecastChart->setData(s.buckets, history, {}, s.resolution, tr("share"));
        m_status->setText(tr("No forecast: %1").arg(QString::fromStdString(forecast.error)));
        return;
    }
    m_forecast = std::move(*forecast.forecast);
    m_forecastChart->setData(s.buckets, history, m_forecast->points, s.resolution,
                             tr("share of '%1'").arg(m_forecastClass->currentText()));
}

bool OpinionView::exportSharesCsv(const QString &path) const
{
    if (!m_report)
        return false;
    const chorus::OpinionSeries &s = m_report->series;
    QStringList header{QStringLiteral("bucket"), QStringLiteral("bucket_start"), QStringLiteral("posts")};
    for (const std::string &c : s.classes)
        header << QString::fromStdString(c);
    for (const std::string &c : s.classes)
        header << QStringLiteral("share:") + QString::fromStdString(c);
    QVector<QStringList> rows;
    for (std::size_t b = 0; b < s.buckets.size(); ++b) {
        QStringList row{QString::fromStdString(s.bucketLabel(b)), QString::number(s.buckets[b]), QString::number(s.totals[b])};
        for (std::size_t c = 0; c < s.classes.size(); ++c)
            row << QString::number(s.counts[c][b]);
        for (std::size_t c = 0; c < s.classes.size(); ++c)
            row << QString::number(s.share(c, b), 'g', 10);
        rows << row;
    }
    return PlotExporter::writeCsv(path, header, rows);
}
