#include "ui/attention/barchart.h"

#include "ui/common/plotexporter.h"

#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>

BarChart::BarChart(const QString &title, const QString &valueLabel, QWidget *parent)
    : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setMinimumHeight(110);
    m_plot->plotLayout()->insertRow(0);
    auto *heading = new QCPTextElement(m_plot, title, QFont(font().family(), font().pointSize(), QFont::Bold));
    m_plot->plotLayout()->addElement(0, 0, heading);
    m_plot->yAxis->setLabel(valueLabel);
    m_plot->xAxis->grid()->setVisible(false);
    // Two bar series sharing the keys: the highlighted bar is its own series so it can have its own colour.
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setPen(Qt::NoPen);
    m_bars->setBrush(QColor(110, 150, 200));
    m_bars->setWidth(0.7);
    m_highlightBar = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_highlightBar->setPen(Qt::NoPen);
    m_highlightBar->setBrush(QColor(200, 30, 45));
    m_highlightBar->setWidth(0.7);
    PlotExporter::attachContextMenu(m_plot, [this](const QString &path) { return saveCsv(path); });
}

void BarChart::setValueRange(double lower, double upper)
{
    m_fixedRange = true;
    m_plot->yAxis->setRange(lower, upper);
    m_plot->replot();
}

void BarChart::setBars(const QStringList &labels, const QVector<double> &values, int highlight)
{
    m_labels = labels;
    m_values = values;
    m_values.resize(labels.size());
    m_highlight = highlight >= 0 && highlight < labels.size() ? highlight : -1;
    QVector<double> keys, plain, strong, strongKeys;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    // Every label when they fit; with many bars (video frames) every k-th, so labels never overlap.
    const int every = std::max(1, int(labels.size()) / 16 + (labels.size() % 16 ? 1 : 0));
    for (int i = 0; i < labels.size(); ++i) {
        if (i == m_highlight) {
            strongKeys.append(i);
            strong.append(m_values[i]);
        } else {
            keys.append(i);
            plain.append(m_values[i]);
        }
        if (i % every == 0)
            ticker->addTick(i, labels[i]);
    }
    m_bars->setData(keys, plain, true);
    m_highlightBar->setData(strongKeys, strong, true);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setRange(-0.6, std::max<double>(labels.size(), 1) - 0.4);
    if (!m_fixedRange) {
        double top = 0;
        for (double v : m_values)
            top = std::max(top, v);
        m_plot->yAxis->setRange(0, top > 0 ? top * 1.1 : 1.0);
    }
    m_plot->replot();
}

bool BarChart::saveCsv(const QString &path) const
{
    QVector<QStringList> rows;
    for (int i = 0; i < m_labels.size(); ++i)
        rows.append({m_labels[i], QString::number(m_values[i], 'g', 17)});
    return PlotExporter::writeCsv(path, {tr("label"), tr("value")}, rows);
}
