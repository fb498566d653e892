#include "ui/sequences/crossattentionmap.h"

#include "ui/common/plotexporter.h"
#include "ui/common/plottheme.h"

#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>

namespace {

// QCPColorMapData spans the centres of its first and last cells, so a single cell would be drawn
// zero wide: a dimension of one token is stored as two equal cells around the token's position.
int storedCells(int tokens) { return tokens == 1 ? 2 : tokens; }
QCPRange storedRange(int tokens) { return tokens == 1 ? QCPRange(-0.25, 0.25) : QCPRange(0, tokens - 1); }

QSharedPointer<QCPAxisTickerText> tokenTicks(const QStringList &tokens)
{
    QSharedPointer<QCPAxisTickerText> ticks(new QCPAxisTickerText);
    for (int i = 0; i < tokens.size(); ++i)
        ticks->addTick(i, tokens[i]);
    return ticks;
}

} // namespace

CrossAttentionMap::CrossAttentionMap(QWidget *parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setMinimumSize(240, 200);
    m_plot->plotLayout()->insertRow(0);
    m_title = new QCPTextElement(m_plot, QString(), QFont(font().family(), font().pointSize(), QFont::Bold));
    m_plot->plotLayout()->addElement(0, 0, m_title);
    m_plot->xAxis->setLabel(tr("source token"));
    m_plot->yAxis->setLabel(tr("decoded token"));
    // The first decoded token at the top, as the output reads.
    m_plot->yAxis->setRangeReversed(true);
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->grid()->setVisible(false);
    m_plot->xAxis->setTickLabelRotation(60);
    // The weights' scale beside the map, aligned with its rows.
    m_scale = new QCPColorScale(m_plot);
    m_plot->plotLayout()->addElement(1, 1, m_scale);
    m_scale->setType(QCPAxis::atRight);
    m_scale->axis()->setLabel(tr("attention weight"));
    m_scale->setVisible(false);
    auto *margins = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    m_scale->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    PlotTheme::followPalette(m_plot);
    PlotExporter::attachContextMenu(m_plot, [this](const QString &path) { return saveCsv(path); });
}

void CrossAttentionMap::clear()
{
    m_decoded.clear();
    m_source.clear();
    m_matrix.clear();
    m_plot->clearPlottables();
    m_map = nullptr;
    m_scale->setVisible(false);
    m_title->setText(QString());
    m_plot->replot();
}

QString CrossAttentionMap::title() const { return m_title->text(); }

void CrossAttentionMap::setMatrix(const QStringList &decodedTokens, const QStringList &sourceTokens,
                                  const QVector<QVector<double>> &matrix, const QString &title)
{
    clear();
    const int rows = int(decodedTokens.size());
    const int columns = int(sourceTokens.size());
    const bool fits = rows > 0 && columns > 0 && matrix.size() == rows &&
                      std::all_of(matrix.begin(), matrix.end(),
                                  [columns](const QVector<double> &row) { return row.size() == columns; });
    if (!fits)
        return;
    m_decoded = decodedTokens;
    m_source = sourceTokens;
    m_matrix = matrix;
    m_title->setText(title);
    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->data()->setSize(storedCells(columns), storedCells(rows));
    m_map->data()->setRange(storedRange(columns), storedRange(rows));
    double largest = 0;
    for (int x = 0; x < storedCells(columns); ++x)
        for (int y = 0; y < storedCells(rows); ++y) {
            const double value = matrix[std::min(y, rows - 1)][std::min(x, columns - 1)];
            m_map->data()->setCell(x, y, value);
            largest = std::max(largest, value);
        }
    QCPColorGradient gradient;
    gradient.setColorStopAt(0, QColor(255, 255, 255));
    gradient.setColorStopAt(1, QColor(30, 90, 200));
    m_map->setColorScale(m_scale);
    m_scale->setVisible(true);
    m_map->setGradient(gradient);
    m_map->setDataRange(QCPRange(0, largest > 0 ? largest : 1));
    m_map->setInterpolate(false);
    m_plot->xAxis->setTicker(tokenTicks(sourceTokens));
    m_plot->yAxis->setTicker(tokenTicks(decodedTokens));
    m_plot->xAxis->setRange(-0.5, columns - 0.5);
    m_plot->yAxis->setRange(-0.5, rows - 0.5);
    m_plot->replot();
}

double CrossAttentionMap::cell(int decoded, int source) const
{
    if (!m_map || decoded < 0 || source < 0 || decoded >= m_decoded.size() || source >= m_source.size())
        return 0.0;
    // By position on the axes, the way the plot draws it.
    return m_map->data()->data(source, decoded);
}

bool CrossAttentionMap::saveCsv(const QString &path) const
{
    QStringList header{tr("decoded \\ source")};
    header << m_source;
    QVector<QStringList> rows;
    for (int r = 0; r < m_matrix.size(); ++r) {
        QStringList row{m_decoded.value(r)};
        for (double value : m_matrix[r])
            row << QString::number(value, 'g', 6);
        rows << row;
    }
    return PlotExporter::writeCsv(path, header, rows);
}
