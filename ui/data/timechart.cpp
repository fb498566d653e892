#include "ui/data/timechart.h"

#include "ui/common/plotexporter.h"
#include "ui/common/plottheme.h"

#include <qcustomplot.h>

#include <QTimeZone>
#include <QVBoxLayout>

#include <algorithm>

TimeChart::TimeChart(QWidget *parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setBrush(QColor(70, 130, 180));
    m_bars->setPen(Qt::NoPen);
    QSharedPointer<QCPAxisTickerDateTime> ticker(new QCPAxisTickerDateTime);
    ticker->setDateTimeSpec(Qt::UTC);
    ticker->setDateTimeFormat(QStringLiteral("yyyy-MM-dd"));
    m_plot->xAxis->setTicker(ticker);
    m_plot->yAxis->setLabel(tr("posts"));
    PlotTheme::followPalette(m_plot);
    PlotExporter::attachContextMenu(m_plot, [this](const QString &path) {
        QVector<QStringList> rows;
        for (auto it = m_bars->data()->constBegin(); it != m_bars->data()->constEnd(); ++it)
            rows << QStringList{QDateTime::fromSecsSinceEpoch(static_cast<qint64>(it->key), QTimeZone::utc()).date().toString(Qt::ISODate),
                                QString::number(static_cast<qint64>(it->value))};
        return PlotExporter::writeCsv(path, {m_bucket == chorus::PostsOverTimeBucket::Week ? tr("week") : tr("day"), tr("posts")},
                                      rows);
    });
    setMinimumHeight(160);
}

void TimeChart::setCounts(const chorus::PostsOverTime &counts)
{
    m_bucket = counts.bucket;
    const double width = counts.bucket == chorus::PostsOverTimeBucket::Week ? 7 * 86400.0 : 86400.0;
    QVector<double> keys, values;
    double maximum = 0;
    for (const auto &[start, posts] : counts.counts) {
        keys << static_cast<double>(start);
        values << static_cast<double>(posts);
        maximum = std::max(maximum, static_cast<double>(posts));
    }
    m_bars->setWidth(width * 0.9);
    // Bars are centred on their key; shift by half a bucket so each bar covers its own day or week.
    for (double &key : keys)
        key += width / 2;
    m_bars->setData(keys, values, true);
    if (keys.isEmpty())
        m_plot->xAxis->setRange(0, 86400);
    else
        m_plot->xAxis->setRange(keys.front() - width, keys.back() + width);
    m_plot->yAxis->setRange(0, maximum > 0 ? maximum * 1.1 : 1);
    m_plot->xAxis->setLabel(counts.bucket == chorus::PostsOverTimeBucket::Week ? tr("posts per week (UTC, from Monday)")
                                                                       : tr("posts per day (UTC)"));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int TimeChart::barCount() const { return m_bars->data()->size(); }

double TimeChart::barValue(int index) const
{
    return index >= 0 && index < barCount() ? (m_bars->data()->constBegin() + index)->value : 0;
}

double TimeChart::barTotal() const
{
    double total = 0;
    for (auto it = m_bars->data()->constBegin(); it != m_bars->data()->constEnd(); ++it)
        total += it->value;
    return total;
}
