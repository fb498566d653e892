#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

#include <cstdint>
#include <vector>

namespace chorus {
// Declared, not included: core/analytics/timebucket.h's chorus::TimeBucket clashes with the enum of
// the same name in core/store/postbrowser.h, and AUTOMOC compiles every Q_OBJECT header of the
// library in one translation unit.
enum class TimeResolution;
}

class QCustomPlot;

// Series stacked on a time axis: one QCPGraph per series drawn at the cumulative value of it and
// every series before it, its area filled down to the graph below (the first to zero), so each
// band's height is the series' own value. Topic sizes over time and opinion shares use it. Right
// click exports PNG, SVG, PDF or the numbers as CSV (one row per bucket, one column per series).
class StackedAreaChart : public QWidget {
    Q_OBJECT

public:
    explicit StackedAreaChart(QWidget *parent = nullptr);

    // values: [series][bucket], every row as long as bucketStarts.
    void setSeries(const QStringList &names, const std::vector<std::int64_t> &bucketStarts,
                   const std::vector<std::vector<double>> &values, chorus::TimeResolution resolution,
                   const QString &valueLabel);
    void clear();

    int seriesCount() const { return m_names.size(); }
    int bucketCount() const { return int(m_starts.size()); }
    QStringList seriesNames() const { return m_names; }
    double value(int series, int bucket) const;
    // The top of the series' band: its value plus all series below it.
    double stackedValue(int series, int bucket) const;
    QCustomPlot *plot() const { return m_plot; }

    bool writeCsv(const QString &path) const;
    // By extension: .png, .svg, .pdf or .csv.
    bool save(const QString &path) const;

private:
    QCustomPlot *m_plot;
    QStringList m_names;
    std::vector<std::int64_t> m_starts;
    std::vector<std::vector<double>> m_values;
    chorus::TimeResolution m_resolution;
};
