#include "ui/common/plottheme.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QObject>

namespace {

// Re-themes its plot whenever the plot's palette changes; owned by the plot.
class PaletteFollower : public QObject {
public:
    explicit PaletteFollower(QCustomPlot *plot) : QObject(plot), m_plot(plot) { plot->installEventFilter(this); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_plot && event->type() == QEvent::PaletteChange) {
            PlotTheme::apply(m_plot, m_plot->palette());
            m_plot->replot(QCustomPlot::rpQueuedReplot);
        }
        return false;
    }

private:
    QCustomPlot *m_plot;
};

void themeAxis(QCPAxis *axis, const QColor &text, const QColor &grid)
{
    axis->setBasePen(QPen(text, 0));
    axis->setTickPen(QPen(text, 0));
    axis->setSubTickPen(QPen(text, 0));
    axis->setTickLabelColor(text);
    axis->setLabelColor(text);
    axis->grid()->setPen(QPen(grid, 0, Qt::DotLine));
    axis->grid()->setZeroLinePen(QPen(grid, 0));
}

} // namespace

void PlotTheme::apply(QCustomPlot *plot, const QPalette &palette)
{
    if (!plot)
        return;
    const QColor background = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    // Grid lines halfway between text and background: visible on either theme, never loud.
    const QColor grid = QColor::fromRgbF((text.redF() + background.redF()) / 2, (text.greenF() + background.greenF()) / 2,
                                         (text.blueF() + background.blueF()) / 2);
    plot->setBackground(QBrush(background));
    for (QCPAxisRect *rect : plot->axisRects()) {
        rect->setBackground(QBrush(background));
        for (QCPAxis *axis : rect->axes())
            themeAxis(axis, text, grid);
    }
    // A colour scale keeps its axis in an axis rect of its own, outside plot->axisRects().
    for (int i = 0; i < plot->plotLayout()->elementCount(); ++i)
        if (auto *scale = qobject_cast<QCPColorScale *>(plot->plotLayout()->elementAt(i)))
            themeAxis(scale->axis(), text, grid);
    if (plot->legend) {
        plot->legend->setBrush(QBrush(palette.color(QPalette::AlternateBase)));
        plot->legend->setBorderPen(QPen(grid, 0));
        plot->legend->setTextColor(text);
    }
}

void PlotTheme::followPalette(QCustomPlot *plot)
{
    apply(plot, plot->palette());
    new PaletteFollower(plot);
}
