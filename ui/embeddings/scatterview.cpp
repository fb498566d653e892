#include "ui/embeddings/scatterview.h"

#include <QToolTip>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>

namespace {

constexpr double kPointSize = 4.0;
constexpr double kHighlightSize = 9.0;
constexpr int kClickSlop = 4; // pixels the mouse may move between press and release of a click

QCPGraph *scatterGraph(QCustomPlot *plot, const QColor &colour, double size, QCPScatterStyle::ScatterShape shape)
{
    QCPGraph *graph = plot->addGraph();
    graph->setLineStyle(QCPGraph::lsNone);
    graph->setScatterStyle(QCPScatterStyle(shape, colour, colour, size));
    graph->setPen(QPen(colour));
    // Every point is drawn: QCustomPlot's adaptive sampling would drop points that share a pixel
    // column, and an outlier hidden that way is exactly what an analyst looks for.
    graph->setAdaptiveSampling(false);
    return graph;
}

} // namespace

ScatterView::ScatterView(QWidget *parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->legend->setVisible(false);
    m_plot->legend->setFont(font());
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_plot->setMinimumSize(200, 200);
    m_plot->setMouseTracking(true);
    m_plot->addLayer(QStringLiteral("points"), m_plot->layer(QStringLiteral("main")), QCustomPlot::limBelow);
    connect(m_plot, &QCustomPlot::mouseMove, this, &ScatterView::mouseMoved);
    connect(m_plot, &QCustomPlot::mousePress, this, &ScatterView::mousePressed);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &ScatterView::mouseReleased);
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] { rescale(); });
}

void ScatterView::clear()
{
    setPoints({}, {}, {});
}

void ScatterView::setPoints(const QVector<double> &x, const QVector<double> &y, const QStringList &labels)
{
    m_x = x;
    m_y = y;
    m_labels = labels;
    m_gridValid = false;
    m_plot->clearGraphs();
    m_groupGraphs.clear();
    m_highlight = m_selected = nullptr;
    setGroups(QVector<int>(x.size(), 0), {ScatterGroup{tr("points"), QColor(31, 119, 180)}});
    rescale();
}

void ScatterView::setGroups(const QVector<int> &groupOfPoint, const QVector<ScatterGroup> &groups)
{
    for (QCPGraph *graph : std::as_const(m_groupGraphs))
        m_plot->removeGraph(graph);
    m_groupGraphs.clear();
    QVector<QVector<double>> keys(groups.size()), values(groups.size());
    for (int i = 0; i < m_x.size() && i < groupOfPoint.size(); ++i) {
        const int g = groupOfPoint[i];
        if (g < 0 || g >= groups.size())
            continue;
        keys[g].append(m_x[i]);
        values[g].append(m_y[i]);
    }
    for (int g = 0; g < groups.size(); ++g) {
        QCPGraph *graph = scatterGraph(m_plot, groups[g].colour, kPointSize, QCPScatterStyle::ssDisc);
        graph->setName(tr("%1 (%2)").arg(groups[g].name).arg(keys[g].size()));
        graph->setData(keys[g], values[g]);
        // The groups' layer lies below "main", where the highlights and the selection are drawn.
        graph->setLayer(QStringLiteral("points"));
        m_groupGraphs.append(graph);
    }
    m_plot->legend->setVisible(groups.size() > 1);
    redraw();
}

void ScatterView::setHighlighted(const QVector<int> &indices)
{
    if (!m_highlight) {
        m_highlight = scatterGraph(m_plot, QColor(230, 30, 30), kHighlightSize, QCPScatterStyle::ssDisc);
        m_highlight->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QPen(Qt::black, 1.0), QColor(230, 30, 30), kHighlightSize));
        m_highlight->removeFromLegend();
    }
    QVector<double> keys, values;
    for (int i : indices)
        if (i >= 0 && i < m_x.size()) {
            keys.append(m_x[i]);
            values.append(m_y[i]);
        }
    m_highlight->setData(keys, values);
    redraw();
}

void ScatterView::setSelected(int index)
{
    if (!m_selected) {
        m_selected = scatterGraph(m_plot, Qt::black, 14, QCPScatterStyle::ssCircle);
        m_selected->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 2.0), Qt::NoBrush, 14));
        m_selected->removeFromLegend();
    }
    if (index >= 0 && index < m_x.size())
        m_selected->setData({m_x[index]}, {m_y[index]});
    else
        m_selected->data()->clear();
    redraw();
}

void ScatterView::rescale()
{
    m_plot->rescaleAxes();
    // A little margin so the outermost points are not cut in half by the frame.
    m_plot->xAxis->scaleRange(1.05, m_plot->xAxis->range().center());
    m_plot->yAxis->scaleRange(1.05, m_plot->yAxis->range().center());
    redraw();
}

void ScatterView::redraw()
{
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int ScatterView::pointCount() const
{
    int count = 0;
    for (const QCPGraph *graph : m_groupGraphs)
        count += graph->dataCount();
    return count;
}

int ScatterView::highlightedCount() const
{
    return m_highlight ? m_highlight->dataCount() : 0;
}

QStringList ScatterView::legendNames() const
{
    QStringList names;
    for (int i = 0; i < m_plot->legend->itemCount(); ++i)
        if (auto *item = qobject_cast<QCPPlottableLegendItem *>(m_plot->legend->item(i)))
            names << item->plottable()->name();
    return names;
}

QPointF ScatterView::pixelOf(int index) const
{
    if (index < 0 || index >= m_x.size())
        return {};
    return {m_plot->xAxis->coordToPixel(m_x[index]), m_plot->yAxis->coordToPixel(m_y[index])};
}

void ScatterView::ensureGrid()
{
    const QRectF area = m_plot->axisRect()->rect();
    const QRectF ranges(m_plot->xAxis->range().lower, m_plot->yAxis->range().lower, m_plot->xAxis->range().size(),
                        m_plot->yAxis->range().size());
    if (m_gridValid && area == m_gridArea && ranges == m_gridRanges)
        return;
    QVector<QPointF> pixels(m_x.size());
    for (int i = 0; i < m_x.size(); ++i)
        pixels[i] = pixelOf(i);
    m_grid.build(pixels, area, 2 * kHoverRadius);
    m_gridArea = area;
    m_gridRanges = ranges;
    m_gridValid = true;
}

int ScatterView::pointAt(const QPointF &pixel)
{
    if (m_x.isEmpty())
        return -1;
    ensureGrid();
    return m_grid.nearest(pixel, kHoverRadius);
}

void ScatterView::mouseMoved(QMouseEvent *event)
{
    if (event->buttons() != Qt::NoButton)
        return; // panning: the view moves under the mouse, no tooltip
    const int index = pointAt(event->position());
    const QString text = index >= 0 ? m_labels.value(index) : QString();
    if (text == m_lastToolTip)
        return;
    m_lastToolTip = text;
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, m_plot);
}

void ScatterView::mousePressed(QMouseEvent *event)
{
    m_pressPosition = event->position().toPoint();
}

void ScatterView::mouseReleased(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || (event->position().toPoint() - m_pressPosition).manhattanLength() > kClickSlop)
        return;
    const int index = pointAt(event->position());
    if (index >= 0)
        emit pointClicked(index);
}
