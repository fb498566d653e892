#pragma once

#include <QStringList>
#include <QVector>
#include <QWidget>

class QCPBars;
class QCustomPlot;

// A small labelled bar chart (class probabilities, modality weights, per-frame attention) with the
// workbench's right-click export (PNG, PDF, CSV).
class BarChart : public QWidget {
    Q_OBJECT

public:
    BarChart(const QString &title, const QString &valueLabel, QWidget *parent = nullptr);

    // One bar per label; `highlight` (an index, -1 for none) is drawn in the strong colour.
    void setBars(const QStringList &labels, const QVector<double> &values, int highlight = -1);
    // A fixed value range (probabilities: 0..1); without one the axis follows the data.
    void setValueRange(double lower, double upper);
    void clear() { setBars({}, {}); }

    QStringList labels() const { return m_labels; }
    QVector<double> values() const { return m_values; }
    int highlighted() const { return m_highlight; }
    QCustomPlot *plot() const { return m_plot; }
    bool saveCsv(const QString &path) const;

private:
    QCustomPlot *m_plot;
    QCPBars *m_bars;
    QCPBars *m_highlightBar;
    QStringList m_labels;
    QVector<double> m_values;
    int m_highlight = -1;
    bool m_fixedRange = false;
};
