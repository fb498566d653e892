#include "ui/embeddings/pointgrid.h"

#include <algorithm>
#include <cmath>

void PointGrid::clear()
{
    m_columns = m_rows = 0;
    m_cellStart.clear();
    m_order.clear();
    m_positions.clear();
}

int PointGrid::cellOf(double x, double y) const
{
    const int column = std::clamp(int((x - m_area.left()) / m_cell), 0, m_columns - 1);
    const int row = std::clamp(int((y - m_area.top()) / m_cell), 0, m_rows - 1);
    return row * m_columns + column;
}

void PointGrid::build(const QVector<QPointF> &positions, const QRectF &area, double cellSize)
{
    clear();
    if (area.isEmpty() || cellSize <= 0)
        return;
    m_area = area;
    m_cell = cellSize;
    m_columns = std::max(1, int(std::ceil(area.width() / cellSize)));
    m_rows = std::max(1, int(std::ceil(area.height() / cellSize)));
    m_positions = positions;
    // Counting sort by cell: two passes, no per-cell containers.
    QVector<int> cells(positions.size(), -1);
    m_cellStart.fill(0, m_columns * m_rows + 1);
    for (int i = 0; i < positions.size(); ++i) {
        const QPointF &p = positions[i];
        if (!area.contains(p))
            continue;
        cells[i] = cellOf(p.x(), p.y());
        ++m_cellStart[cells[i] + 1];
    }
    for (int c = 0; c < m_columns * m_rows; ++c)
        m_cellStart[c + 1] += m_cellStart[c];
    m_order.resize(m_cellStart.back());
    QVector<int> fill = m_cellStart;
    for (int i = 0; i < positions.size(); ++i)
        if (cells[i] >= 0)
            m_order[fill[cells[i]]++] = i;
}

int PointGrid::nearest(const QPointF &position, double radius) const
{
    if (m_order.isEmpty() || !m_area.adjusted(-radius, -radius, radius, radius).contains(position))
        return -1;
    const int column = std::clamp(int((position.x() - m_area.left()) / m_cell), 0, m_columns - 1);
    const int row = std::clamp(int((position.y() - m_area.top()) / m_cell), 0, m_rows - 1);
    const int reach = std::max(1, int(std::ceil(radius / m_cell)));
    int best = -1;
    double bestDistance = radius * radius;
    for (int r = std::max(0, row - reach); r <= std::min(m_rows - 1, row + reach); ++r)
        for (int c = std::max(0, column - reach); c <= std::min(m_columns - 1, column + reach); ++c) {
            const int cell = r * m_columns + c;
            for (int k = m_cellStart[cell]; k < m_cellStart[cell + 1]; ++k) {
                const int i = m_order[k];
                const double dx = m_positions[i].x() - position.x();
                const double dy = m_positions[i].y() - position.y();
                const double d = dx * dx + dy * dy;
                // Ties go to the lower index, so the answer does not depend on the cell order.
                if (d < bestDistance || (d == bestDistance && best >= 0 && i < best)) {
                    bestDistance = d;
                    best = i;
                }
            }
        }
    return best;
}
