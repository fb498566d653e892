#include "ui/analytics/stackedareachart.h"

#include "core/analytics/timebucket.h"
#include "ui/analytics/analyticsplotstyle.h"
#include "ui/common/plotexporter.h"
#include "ui/common/plottheme.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

#include <algorithm>

StackedAreaChart::StackedAreaChart(QWidget *parent)
    : QWidget(parent), m_plot(new QCustomPlot(this)), m_resolution(chorus::TimeResolution::Day)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->legend->setVisible(false);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    PlotTheme::followPalette(m_plot);
    PlotExporter::attachContextMenu(m_plot, [this](const QString &path) { return writeCsv(path); });
    setMinimumHeight(180);
}

void StackedAreaChart::clear()
{
    setSeries({}, {}, {}, m_resolution, QString());
}

void StackedAreaChart::setSeries(const QStringList &names, const std::vector<std::int64_t> &bucketStarts,
                                 const std::vector<std::vector<double>> &values, chorus::TimeResolution resolution,
                                 const QString &valueLabel)
{
    m_names = names;
    m_starts = bucketStarts;
    m_values = values;
    m_values.resize(std::size_t(names.size()), std::vector<double>(bucketStarts.size(), 0.0));
    m_resolution = resolution;
    m_plot->clearGraphs();
    AnalyticsPlotStyle::setTimeAxis(m_plot->xAxis, resolution);
    m_plot->yAxis->setLabel(valueLabel);

    QVector<double> keys;
    for (std::int64_t start : m_starts)
        keys << AnalyticsPlotStyle::bucketCenter(start, resolution);
    QVector<double> cumulative(keys.size(), 0.0);
    double top = 0;
    QCPGraph *below = nullptr;
    for (int s = 0; s < names.size(); ++s) {
        const std::vector<double> &row = m_values[std::size_t(s)];
        for (int b = 0; b < keys.size(); ++b)
            cumulative[b] += b < int(row.size()) ? row[std::size_t(b)] : 0.0;
        QCPGraph *graph = m_plot->addGraph();
        graph->setName(names[s]);
        graph->setData(keys, cumulative, true);
        const QColor color = AnalyticsPlotStyle::seriesColor(s);
        graph->setPen(QPen(color.darker(120), 1));
        QColor fill = color;
        fill.setAlpha(170);
        graph->setBrush(fill);
        // The first band fills down to zero (QCustomPlot's default for a brush without a channel).
        if (below)
            graph->setChannelFillGraph(below);
        below = graph;
        for (double v : cumulative)
            top = std::max(top, v);
    }
    m_plot->legend->setVisible(!names.isEmpty() && names.size() <= 12);
    if (keys.isEmpty()) {
        m_plot->xAxis->setRange(0, 86400);
    } else {
        const double half = chorus::TimeBucket::seconds(resolution) / 2.0;
        m_plot->xAxis->setRange(keys.front() - half, keys.back() + half);
    }
    m_plot->yAxis->setRange(0, top > 0 ? top * 1.05 : 1);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

double StackedAreaChart::value(int series, int bucket) const
{
    if (series < 0 || series >= int(m_values.size()) || bucket < 0 || bucket >= int(m_values[std::size_t(series)].size()))
        return 0;
    return m_values[std::size_t(series)][std::size_t(bucket)];
}

double StackedAreaChart::stackedValue(int series, int bucket) const
{
    if (series < 0 || series >= m_plot->graphCount() || bucket < 0 || bucket >= m_plot->graph(series)->dataCount())
        return 0;
    return (m_plot->graph(series)->data()->constBegin() + bucket)->value;
}

bool StackedAreaChart::writeCsv(const QString &path) const
{
    QStringList header{tr("bucket"), tr("bucket_start")};
    header << m_names;
    QVector<QStringList> rows;
    for (std::size_t b = 0; b < m_starts.size(); ++b) {
        QStringList row{AnalyticsPlotStyle::bucketLabel(m_starts[b], m_resolution), QString::number(m_starts[b])};
        for (const std::vector<double> &series : m_values)
            row << QString::number(series[b], 'g', 10);
        rows << row;
    }
    return PlotExporter::writeCsv(path, header, rows);
}

bool StackedAreaChart::save(const QString &path) const
{
    return PlotExporter::save(m_plot, path, [this](const QString &csvPath) { return writeCsv(csvPath); });
}
