#include "ui/data/labelchart.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

LabelChart::LabelChart(QWidget *parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setBrush(QColor(70, 130, 180));
    m_bars->setPen(Qt::NoPen);
    m_plot->yAxis->setLabel(tr("posts"));
    setMinimumHeight(180);
}

void LabelChart::setCounts(const QString &task, const std::vector<std::pair<std::string, std::int64_t>> &counts)
{
    QVector<double> keys, values;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double maximum = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        keys << static_cast<double>(i + 1);
        values << static_cast<double>(counts[i].second);
        ticker->addTick(static_cast<double>(i + 1), QString::fromStdString(counts[i].first));
        maximum = std::max(maximum, static_cast<double>(counts[i].second));
    }
    m_bars->setData(keys, values, true);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setTickLabelRotation(counts.size() > 6 ? 45 : 0);
    m_plot->xAxis->setRange(0.3, static_cast<double>(counts.size()) + 0.7);
    m_plot->yAxis->setRange(0, maximum > 0 ? maximum * 1.1 : 1);
    m_plot->xAxis->setLabel(task);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int LabelChart::barCount() const { return m_bars->data()->size(); }

double LabelChart::barValue(int index) const
{
    return index >= 0 && index < barCount() ? (m_bars->data()->constBegin() + index)->value : 0;
}
