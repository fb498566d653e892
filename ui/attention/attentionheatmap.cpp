#include "ui/attention/attentionheatmap.h"

#include "ui/common/plotexporter.h"
#include "ui/common/plottheme.h"

#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>

AttentionHeatmap::AttentionHeatmap(QWidget *parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setMinimumSize(220, 200);
    m_plot->plotLayout()->insertRow(0);
    m_title = new QCPTextElement(m_plot, QString(), QFont(font().family(), font().pointSize(), QFont::Bold));
    m_plot->plotLayout()->addElement(0, 0, m_title);
    m_plot->xAxis->setLabel(tr("attended token (key)"));
    m_plot->yAxis->setLabel(tr("attending token (query)"));
    // The first token at the top left, as the text reads.
    m_plot->yAxis->setRangeReversed(true);
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->grid()->setVisible(false);
    m_plot->xAxis->setTickLabelRotation(60);
    PlotTheme::followPalette(m_plot);
    PlotExporter::attachContextMenu(m_plot, [this](const QString &path) { return saveCsv(path); });
}

void AttentionHeatmap::clear()
{
    m_tokens.clear();
    m_matrix.clear();
    m_plot->clearPlottables();
    m_map = nullptr;
    m_title->setText(QString());
    m_plot->replot();
}

void AttentionHeatmap::setMatrix(const QStringList &tokens, const QVector<QVector<double>> &matrix, const QString &title)
{
    clear();
    const int n = int(tokens.size());
    const bool square = n > 0 && matrix.size() == n &&
                        std::all_of(matrix.begin(), matrix.end(), [n](const QVector<double> &row) { return row.size() == n; });
    if (!square)
        return;
    m_tokens = tokens;
    m_matrix = matrix;
    m_title->setText(title);
    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->data()->setSize(n, n);
    m_map->data()->setRange(QCPRange(0, n - 1), QCPRange(0, n - 1));
    double largest = 0;
    for (int q = 0; q < n; ++q)
        for (int k = 0; k < n; ++k) {
            m_map->data()->setCell(k, q, matrix[q][k]);
            largest = std::max(largest, matrix[q][k]);
        }
    QCPColorGradient gradient;
    gradient.setColorStopAt(0, QColor(255, 255, 255));
    gradient.setColorStopAt(1, QColor(200, 30, 45));
    m_map->setGradient(gradient);
    m_map->setDataRange(QCPRange(0, largest > 0 ? largest : 1));
    m_map->setInterpolate(false);
    QSharedPointer<QCPAxisTickerText> xTicks(new QCPAxisTickerText), yTicks(new QCPAxisTickerText);
    for (int i = 0; i < n; ++i) {
        xTicks->addTick(i, tokens[i]);
        yTicks->addTick(i, tokens[i]);
    }
    m_plot->xAxis->setTicker(xTicks);
    m_plot->yAxis->setTicker(yTicks);
    m_plot->xAxis->setRange(-0.5, n - 0.5);
    m_plot->yAxis->setRange(-0.5, n - 0.5);
    m_plot->replot();
}

double AttentionHeatmap::cell(int query, int key) const
{
    if (!m_map || query < 0 || key < 0 || query >= m_tokens.size() || key >= m_tokens.size())
        return 0.0;
    return m_map->data()->cell(key, query);
}

bool AttentionHeatmap::saveCsv(const QString &path) const
{
    QStringList header{tr("query \\ key")};
    header << m_tokens;
    QVector<QStringList> rows;
    for (int q = 0; q < m_matrix.size(); ++q) {
        QStringList row{m_tokens.value(q)};
        for (double value : m_matrix[q])
            row << QString::number(value, 'g', 6);
        rows << row;
    }
    return PlotExporter::writeCsv(path, header, rows);
}
