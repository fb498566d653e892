#include "ui/analytics/forecastchart.h"

#include "core/analytics/timebucket.h"
#include "ui/analytics/analyticsplotstyle.h"
#include "ui/common/plotexporter.h"
#include "ui/common/plottheme.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

#include <algorithm>

namespace {

double pointAt(const QCPGraph *graph, int index)
{
    return index >= 0 && index < graph->dataCount() ? (graph->data()->constBegin() + index)->value : 0.0;
}

} // namespace

ForecastChart::ForecastChart(QWidget *parent)
    : QWidget(parent), m_plot(new QCustomPlot(this)), m_resolution(chorus::TimeResolution::Day)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    const QColor color = AnalyticsPlotStyle::seriesColor(0);
    const QColor future = AnalyticsPlotStyle::seriesColor(5);
    m_lower = m_plot->addGraph();
    m_lower->setName(tr("lower bound"));
    m_lower->setPen(Qt::NoPen);
    m_upper = m_plot->addGraph();
    m_upper->setName(tr("95% interval"));
    m_upper->setPen(Qt::NoPen);
    QColor band = future;
    band.setAlpha(60);
    m_upper->setBrush(band);
    m_upper->setChannelFillGraph(m_lower);
    m_history = m_plot->addGraph();
    m_history->setName(tr("history"));
    m_history->setPen(QPen(color, 2));
    m_forecast = m_plot->addGraph();
    m_forecast->setName(tr("forecast"));
    m_forecast->setPen(QPen(future, 2, Qt::DashLine));
    m_forecast->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 4));
    m_plot->legend->setVisible(true);
    m_plot->legend->removeItem(m_plot->legend->itemWithPlottable(m_lower));
    PlotTheme::followPalette(m_plot);
    PlotExporter::attachContextMenu(m_plot, [this](const QString &path) { return writeCsv(path); });
    setMinimumHeight(160);
}

void ForecastChart::clear() { setData({}, {}, {}, m_resolution, QString()); }

void ForecastChart::setData(const std::vector<std::int64_t> &bucketStarts, const std::vector<double> &history,
                            const std::vector<chorus::HoltForecastPoint> &forecast, chorus::TimeResolution resolution,
                            const QString &valueLabel)
{
    m_resolution = resolution;
    AnalyticsPlotStyle::setTimeAxis(m_plot->xAxis, resolution);
    m_plot->yAxis->setLabel(valueLabel);
    QVector<double> keys, values;
    for (std::size_t i = 0; i < bucketStarts.size() && i < history.size(); ++i) {
        keys << AnalyticsPlotStyle::bucketCenter(bucketStarts[i], resolution);
        values << history[i];
    }
    m_history->setData(keys, values, true);
    QVector<double> fKeys, fValues, fLower, fUpper;
    const double width = double(chorus::TimeBucket::seconds(resolution));
    if (!keys.isEmpty()) {
        for (const chorus::HoltForecastPoint &p : forecast) {
            fKeys << keys.back() + p.step * width;
            fValues << p.value;
            fLower << p.lower;
            fUpper << p.upper;
        }
    }
    m_forecast->setData(fKeys, fValues, true);
    m_lower->setData(fKeys, fLower, true);
    m_upper->setData(fKeys, fUpper, true);
    double low = 0, high = 1;
    bool any = false;
    for (const QVector<double> *v : {&values, &fLower, &fUpper})
        for (double x : *v) {
            low = any ? std::min(low, x) : x;
            high = any ? std::max(high, x) : x;
            any = true;
        }
    if (any) {
        const double pad = (high - low) * 0.05 + 1e-9;
        m_plot->yAxis->setRange(low - pad, high + pad);
        const double first = keys.isEmpty() ? 0 : keys.front();
        const double last = fKeys.isEmpty() ? (keys.isEmpty() ? width : keys.back()) : fKeys.back();
        m_plot->xAxis->setRange(first - width / 2, last + width / 2);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int ForecastChart::historyCount() const { return m_history->dataCount(); }
int ForecastChart::forecastCount() const { return m_forecast->dataCount(); }
double ForecastChart::forecastValue(int step) const { return pointAt(m_forecast, step - 1); }
double ForecastChart::lowerBound(int step) const { return pointAt(m_lower, step - 1); }
double ForecastChart::upperBound(int step) const { return pointAt(m_upper, step - 1); }

bool ForecastChart::writeCsv(const QString &path) const
{
    QVector<QStringList> rows;
    for (auto it = m_history->data()->constBegin(); it != m_history->data()->constEnd(); ++it) {
        const auto start = static_cast<std::int64_t>(it->key - chorus::TimeBucket::seconds(m_resolution) / 2.0);
        rows << QStringList{AnalyticsPlotStyle::bucketLabel(start, m_resolution), QStringLiteral("history"),
                            QString::number(it->value, 'g', 10), QString(), QString()};
    }
    for (int i = 0; i < m_forecast->dataCount(); ++i) {
        const double key = (m_forecast->data()->constBegin() + i)->key;
        const auto start = static_cast<std::int64_t>(key - chorus::TimeBucket::seconds(m_resolution) / 2.0);
        rows << QStringList{AnalyticsPlotStyle::bucketLabel(start, m_resolution), QStringLiteral("forecast"),
                            QString::number(pointAt(m_forecast, i), 'g', 10), QString::number(pointAt(m_lower, i), 'g', 10),
                            QString::number(pointAt(m_upper, i), 'g', 10)};
    }
    return PlotExporter::writeCsv(path, {QStringLiteral("bucket"), QStringLiteral("kind"), QStringLiteral("value"),
                                         QStringLiteral("lower"), QStringLiteral("upper")},
                                  rows);
}

bool ForecastChart::save(const QString &path) const
{
    return PlotExporter::save(m_plot, path, [this](const QString &csvPath) { return writeCsv(csvPath); });
}
