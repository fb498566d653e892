#pragma once

#include "ui/embeddings/pointgrid.h"

#include <QColor>
#include <QStringList>
#include <QVector>
#include <QWidget>

class QCPGraph;
class QCustomPlot;
class QMouseEvent;

struct ScatterGroup {
    QString name;
    QColor colour;
};

// Every point of a 2-D projection drawn with QCustomPlot (no sampling of the data: one graph per
// colour group, drawn as scatter symbols), with zoom and pan, a tooltip naming the point under
// the mouse (found through a screen-space grid, rebuilt only when the view changes), highlighted
// points drawn larger on top, and a click that reports the point hit.
class ScatterView : public QWidget {
    Q_OBJECT

public:
    static constexpr double kHoverRadius = 8.0; // pixels

    explicit ScatterView(QWidget *parent = nullptr);

    // Replaces the points (all in one group until setGroups) and fits the view to them.
    void setPoints(const QVector<double> &x, const QVector<double> &y, const QStringList &labels);
    void clear();
    // groupOfPoint[i] indexes `groups`; shown in the legend.
    void setGroups(const QVector<int> &groupOfPoint, const QVector<ScatterGroup> &groups);
    void setHighlighted(const QVector<int> &indices);
    // The point whose neighbours are listed, ringed; -1 for none.
    void setSelected(int index);
    void rescale();
    void redraw();

    int pointCount() const;          // points held by the group graphs: every point, once
    int groupCount() const { return m_groupGraphs.size(); }
    int highlightedCount() const;
    QStringList legendNames() const;
    // The point within kHoverRadius of a widget position of the plot, -1 when none.
    int pointAt(const QPointF &pixel);
    QPointF pixelOf(int index) const;
    QString label(int index) const { return m_labels.value(index); }
    QString lastToolTip() const { return m_lastToolTip; }
    QCustomPlot *plot() const { return m_plot; }

signals:
    void pointClicked(int index);

private:
    void ensureGrid();
    void mouseMoved(QMouseEvent *event);
    void mousePressed(QMouseEvent *event);
    void mouseReleased(QMouseEvent *event);

    QCustomPlot *m_plot;
    QVector<double> m_x;
    QVector<double> m_y;
    QStringList m_labels;
    QVector<QCPGraph *> m_groupGraphs;
    QCPGraph *m_highlight = nullptr;
    QCPGraph *m_selected = nullptr;
    PointGrid m_grid;
    QRectF m_gridArea;          // the view the grid was built for
    QRectF m_gridRanges;
    bool m_gridValid = false;
    QPoint m_pressPosition;
    QString m_lastToolTip;
};
