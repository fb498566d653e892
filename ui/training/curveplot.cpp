#include "ui/training/curveplot.h"

#include "ui/common/plotexporter.h"

#include <QFile>
#include <QMenu>
#include <QTextStream>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace {

const QColor kPalette[] = {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44), QColor(214, 39, 40),
                           QColor(148, 103, 189), QColor(140, 86, 75), QColor(227, 119, 194), QColor(127, 127, 127),
                           QColor(188, 189, 34), QColor(23, 190, 207)};

} // namespace

CurvePlot::CurvePlot(const QString &xLabel, const QString &yLabel, QWidget *parent)
    : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->xAxis->setLabel(xLabel);
    m_plot->yAxis->setLabel(yLabel);
    // Shown once there is a curve to name: an empty legend draws as a stray little box.
    m_plot->legend->setVisible(false);
    m_plot->legend->setFont(font());
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setMinimumHeight(120);
    // Once the user zooms or pans, new points no longer snap the view back; a double click does.
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { m_followData = false; });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *event) {
        if (event->buttons() & Qt::LeftButton)
            m_followData = false;
    });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] {
        m_followData = true;
        m_dirty = true;
        redraw();
    });
    // Points that arrived since the last throttled redraw are drawn before anything is exported.
    PlotExporter::attachContextMenu(
        m_plot, [this](const QString &path) { return saveCsv(path); },
        [this](QMenu &menu) {
            redraw();
            connect(menu.addAction(tr("Reset zoom")), &QAction::triggered, this, [this] {
                m_followData = true;
                m_dirty = true;
                redraw();
            });
        });

    m_throttle.setSingleShot(true);
    m_throttle.setInterval(kRedrawIntervalMs);
    connect(&m_throttle, &QTimer::timeout, this, &CurvePlot::redraw);
}

CurvePlot::Series &CurvePlot::seriesNamed(const QString &name)
{
    for (Series &s : m_series)
        if (s.name == name)
            return s;
    Series s;
    s.name = name;
    s.graph = m_plot->addGraph();
    s.graph->setName(name);
    QPen pen(kPalette[m_series.size() % (sizeof(kPalette) / sizeof(kPalette[0]))]);
    pen.setWidthF(1.6);
    s.graph->setPen(pen);
    m_series.push_back(s);
    return m_series.back();
}

void CurvePlot::markDirty()
{
    m_dirty = true;
    if (!m_throttle.isActive())
        m_throttle.start();
}

void CurvePlot::addPoint(const QString &series, double x, double y)
{
    Series &s = seriesNamed(series);
    s.x.append(x);
    s.y.append(y);
    markDirty();
}

void CurvePlot::setSeries(const QString &series, const QVector<double> &x, const QVector<double> &y)
{
    Series &s = seriesNamed(series);
    s.x = x;
    s.y = y;
    s.y.resize(s.x.size());
    s.drawn = 0;
    s.graph->data()->clear();
    markDirty();
}

void CurvePlot::setSeries(const QString &series, const std::vector<std::pair<std::int64_t, double>> &points)
{
    QVector<double> x, y;
    x.reserve(qsizetype(points.size()));
    y.reserve(qsizetype(points.size()));
    for (const auto &[step, value] : points) {
        x.append(double(step));
        y.append(value);
    }
    setSeries(series, x, y);
}

void CurvePlot::clear()
{
    m_plot->clearGraphs();
    m_series.clear();
    m_followData = true;
    markDirty();
}

void CurvePlot::setSmoothing(double weight)
{
    weight = std::clamp(weight, 0.0, 0.99);
    if (weight == m_smoothing)
        return;
    m_smoothing = weight;
    for (Series &s : m_series) {
        s.drawn = 0;
        s.graph->data()->clear();
    }
    markDirty();
}

void CurvePlot::setLogScale(bool on)
{
    if (on == m_logScale)
        return;
    m_logScale = on;
    if (on) {
        m_plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    } else {
        m_plot->yAxis->setScaleType(QCPAxis::stLinear);
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    }
    m_followData = true;
    markDirty();
}

void CurvePlot::drawNewPoints(Series &s)
{
    // Only the points not yet drawn are smoothed and appended: a long run costs the same per
    // redraw as a short one. Bias-corrected EMA, so the first points are not pulled towards 0.
    QVector<double> keys, values;
    keys.reserve(s.x.size() - s.drawn);
    values.reserve(s.x.size() - s.drawn);
    for (int i = s.drawn; i < s.x.size(); ++i) {
        s.average = i == 0 ? (1 - m_smoothing) * s.y[i] : m_smoothing * s.average + (1 - m_smoothing) * s.y[i];
        const double correction = 1 - std::pow(m_smoothing, i + 1);
        keys.append(s.x[i]);
        values.append(correction > 0 ? s.average / correction : s.y[i]);
    }
    s.graph->addData(keys, values, true);
    s.drawn = static_cast<int>(s.x.size());
}

void CurvePlot::redraw()
{
    if (!m_dirty)
        return;
    m_dirty = false;
    for (Series &s : m_series)
        if (s.drawn < s.x.size())
            drawNewPoints(s);
    if (m_followData && !m_series.empty()) {
        m_plot->rescaleAxes();
        // A little air above and below, so no curve runs along the frame; a flat curve (a constant
        // learning rate, up to rounding) gets a range around its value instead of a sliver.
        QCPRange y = m_plot->yAxis->range();
        const bool flat = y.size() <= 1e-9 * std::max(std::abs(y.lower), std::abs(y.upper));
        if (m_logScale && y.lower > 0) {
            const double factor = flat ? 2.0 : std::pow(y.upper / y.lower, 0.05);
            y = QCPRange(y.lower / factor, y.upper * factor);
        } else {
            const double pad = flat ? (y.upper != 0 ? std::abs(y.upper) * 0.1 : 0.5) : y.size() * 0.05;
            y = QCPRange(y.lower - pad, y.upper + pad);
        }
        m_plot->yAxis->setRange(y);
    }
    m_plot->legend->setVisible(!m_series.empty());
    m_plot->replot();
    ++m_replots;
}

QStringList CurvePlot::seriesNames() const
{
    QStringList names;
    for (const Series &s : m_series)
        names << s.name;
    return names;
}

int CurvePlot::pointCount(const QString &series) const
{
    for (const Series &s : m_series)
        if (s.name == series)
            return static_cast<int>(s.x.size());
    return 0;
}

QVector<double> CurvePlot::drawnValues(const QString &series) const
{
    QVector<double> values;
    for (const Series &s : m_series)
        if (s.name == series)
            for (auto it = s.graph->data()->constBegin(); it != s.graph->data()->constEnd(); ++it)
                values.append(it->value);
    return values;
}

int CurvePlot::totalPoints() const
{
    int total = 0;
    for (const Series &s : m_series)
        total += static_cast<int>(s.x.size());
    return total;
}

bool CurvePlot::savePng(const QString &path)
{
    redraw();
    return PlotExporter::savePng(m_plot, path);
}

bool CurvePlot::savePdf(const QString &path)
{
    redraw();
    return PlotExporter::savePdf(m_plot, path);
}

bool CurvePlot::saveCsv(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return false;
    QTextStream out(&file);
    out << "series,x,y\n";
    for (const Series &s : m_series) {
        QString name = s.name;
        name.replace('"', "\"\"");
        for (int i = 0; i < s.x.size(); ++i)
            out << '"' << name << "\"," << QString::number(s.x[i], 'g', 17) << ',' << QString::number(s.y[i], 'g', 17)
                << '\n';
    }
    return out.status() == QTextStream::Ok;
}
