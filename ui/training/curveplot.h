#pragma once

#include <QStringList>
#include <QTimer>
#include <QVector>
#include <QWidget>

#include <cstdint>
#include <utility>
#include <vector>

class QCPGraph;
class QCustomPlot;

// Line curves that grow while a run streams its metrics: every point is kept (no sample cap),
// redraws are coalesced on a timer (at most 25 per second, and only when something changed),
// with zoom and pan, a logarithmic y axis and exponential smoothing of what is drawn (the raw
// history stays untouched, so the smoothing can be changed at any time).
class CurvePlot : public QWidget {
    Q_OBJECT

public:
    static constexpr int kRedrawIntervalMs = 40;

    explicit CurvePlot(const QString &xLabel, const QString &yLabel, QWidget *parent = nullptr);

    // Appends to the named series, created with the next colour on first use.
    void addPoint(const QString &series, double x, double y);
    // Replaces a series' whole history (the runs overlay).
    void setSeries(const QString &series, const QVector<double> &x, const QVector<double> &y);
    // A recorded history, (step, value) pairs as RunStore::history reads them.
    void setSeries(const QString &series, const std::vector<std::pair<std::int64_t, double>> &points);
    void clear();

    // Weight of the past in the exponential moving average drawn: 0 draws the raw values, 0.99
    // smooths hardest.
    void setSmoothing(double weight);
    double smoothing() const { return m_smoothing; }
    void setLogScale(bool on);
    bool logScale() const { return m_logScale; }

    QStringList seriesNames() const;
    int pointCount(const QString &series) const;
    // What the graph holds for drawing (smoothed), for tests.
    QVector<double> drawnValues(const QString &series) const;
    int totalPoints() const;
    // Redraws done so far: the throttle's evidence.
    int replotCount() const { return m_replots; }
    QCustomPlot *plot() const { return m_plot; }

    bool savePng(const QString &path);
    bool savePdf(const QString &path);
    // One row per point: series, x, raw y.
    bool saveCsv(const QString &path) const;

public slots:
    // Draws now if anything changed since the last redraw.
    void redraw();

private:
    struct Series {
        QString name;
        QCPGraph *graph = nullptr;
        QVector<double> x;
        QVector<double> y;
        int drawn = 0;       // points already handed to the graph
        double average = 0;  // the moving average after `drawn` points
    };

    Series &seriesNamed(const QString &name);
    void markDirty();
    void drawNewPoints(Series &series);

    QCustomPlot *m_plot;
    std::vector<Series> m_series;
    QTimer m_throttle;
    bool m_dirty = false;
    bool m_followData = true; // rescale to the data until the user zooms or pans
    bool m_logScale = false;
    double m_smoothing = 0;
    int m_replots = 0;
};
