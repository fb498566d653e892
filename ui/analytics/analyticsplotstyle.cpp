#include "ui/analytics/analyticsplotstyle.h"

#include <qcustomplot.h>

QColor AnalyticsPlotStyle::seriesColor(int index)
{
    // Okabe-Ito's colour-blind safe set, then hues spread by the golden angle for the rest.
    static const QColor base[] = {QColor(0, 114, 178),  QColor(230, 159, 0),   QColor(0, 158, 115),
                                  QColor(204, 121, 167), QColor(86, 180, 233), QColor(213, 94, 0),
                                  QColor(240, 228, 66),  QColor(120, 120, 120)};
    constexpr int kBase = int(sizeof base / sizeof base[0]);
    if (index >= 0 && index < kBase)
        return base[index];
    return QColor::fromHsv((index * 137) % 360, 170, 200);
}

void AnalyticsPlotStyle::setTimeAxis(QCPAxis *axis, chorus::TimeResolution resolution)
{
    QSharedPointer<QCPAxisTickerDateTime> ticker(new QCPAxisTickerDateTime);
    ticker->setDateTimeSpec(Qt::UTC);
    ticker->setTickCount(4); // date labels are wide: fewer of them keep narrow charts legible
    ticker->setDateTimeFormat(resolution == chorus::TimeResolution::Hour ? QStringLiteral("MM-dd hh:mm")
                                                                         : QStringLiteral("yyyy-MM-dd"));
    axis->setTicker(ticker);
    switch (resolution) {
    case chorus::TimeResolution::Hour: axis->setLabel(tr("hour (UTC)")); break;
    case chorus::TimeResolution::Day: axis->setLabel(tr("day (UTC)")); break;
    case chorus::TimeResolution::Week: axis->setLabel(tr("week (UTC, from Monday)")); break;
    }
}

double AnalyticsPlotStyle::bucketCenter(std::int64_t bucketStart, chorus::TimeResolution resolution)
{
    return static_cast<double>(bucketStart) + chorus::TimeBucket::seconds(resolution) / 2.0;
}

QString AnalyticsPlotStyle::bucketLabel(std::int64_t bucketStart, chorus::TimeResolution resolution)
{
    return QString::fromStdString(chorus::TimeBucket::label(bucketStart, resolution));
}
