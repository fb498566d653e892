#pragma once

#include <QPointF>
#include <QRectF>
#include <QVector>

// Points bucketed into square cells of screen space, so the point under the mouse is found by
// looking at a few cells instead of every point. Rebuilt (O(n)) only when the view changes.
class PointGrid {
public:
    // `positions` in pixels; points outside `area` are left out (they cannot be hovered).
    void build(const QVector<QPointF> &positions, const QRectF &area, double cellSize);
    void clear();
    bool isEmpty() const { return m_order.isEmpty(); }

    // Index of the point nearest to `position` within `radius` pixels (radius <= cell size), -1 when none.
    int nearest(const QPointF &position, double radius) const;

private:
    int cellOf(double x, double y) const;

    QRectF m_area;
    double m_cell = 1;
    int m_columns = 0;
    int m_rows = 0;
    QVector<int> m_cellStart;  // m_columns * m_rows + 1 offsets into m_order
    QVector<int> m_order;      // point indices grouped by cell
    QVector<QPointF> m_positions;
};
