#pragma once

#include "core/analytics/holtforecaster.h"

#include <QString>
#include <QWidget>

#include <cstdint>
#include <vector>

namespace chorus {
// Declared, not included: core/analytics/timebucket.h's chorus::TimeBucket clashes with the enum of
// the same name in core/store/postbrowser.h, and AUTOMOC compiles every Q_OBJECT header of the
// library in one translation unit.
enum class TimeResolution;
}

class QCPGraph;
class QCustomPlot;

// A series and its forecast side by side: the history as a solid line, the next periods as a
// dashed line continuing from the last observation, and the prediction interval as a band (the
// upper bound's graph filled down to the lower bound's). Right click exports pictures or CSV.
class ForecastChart : public QWidget {
    Q_OBJECT

public:
    explicit ForecastChart(QWidget *parent = nullptr);

    void setData(const std::vector<std::int64_t> &bucketStarts, const std::vector<double> &history,
                 const std::vector<chorus::HoltForecastPoint> &forecast, chorus::TimeResolution resolution,
                 const QString &valueLabel);
    void clear();

    int historyCount() const;
    // The points as drawn (forecast steps 1..H).
    int forecastCount() const;
    double forecastValue(int step) const;
    double lowerBound(int step) const;
    double upperBound(int step) const;
    QCustomPlot *plot() const { return m_plot; }

    bool writeCsv(const QString &path) const;
    bool save(const QString &path) const;

private:
    QCustomPlot *m_plot;
    QCPGraph *m_history;
    QCPGraph *m_forecast;
    QCPGraph *m_lower;
    QCPGraph *m_upper;
    chorus::TimeResolution m_resolution;
};
