#pragma once

#include "core/analytics/timebucket.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

class QCPAxis;

// What the analytics charts share: series colours that stay apart on light and dark themes, and a
// UTC date axis whose labels fit the buckets (hours, days, ISO weeks).
class AnalyticsPlotStyle {
    Q_DECLARE_TR_FUNCTIONS(AnalyticsPlotStyle)

public:
    static QColor seriesColor(int index);
    static void setTimeAxis(QCPAxis *axis, chorus::TimeResolution resolution);
    // The x position of a bucket on that axis: its middle, so a point sits inside its own bucket.
    static double bucketCenter(std::int64_t bucketStart, chorus::TimeResolution resolution);
    static QString bucketLabel(std::int64_t bucketStart, chorus::TimeResolution resolution);
};
