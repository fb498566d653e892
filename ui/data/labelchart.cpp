#include "ui/data/labelchart.h"

#include "ui/common/plotexporter.h"
#include "ui/common/plottheme.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

#include <algorithm>

LabelChart::LabelChart(QWidget *parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setBrush(QColor(70, 130, 180));
    m_bars->setPen(Qt::NoPen);
    m_plot->yAxis->setLabel(tr("posts"));
    PlotTheme::followPalette(m_plot);
    PlotExporter::attachContextMenu(m_plot, [this](const QString &path) { return saveCsv(path); });
    setMinimumHeight(180);
}

namespace {

// A regression target (e.g. engagement) has hundreds of distinct numbers: one bar each would be
// unreadable, so numeric tasks with many values are shown as a 20-bin histogram instead.
bool histogramInstead(const std::vector<std::pair<std::string, std::int64_t>> &counts,
                      std::vector<std::pair<std::string, std::int64_t>> &bins)
{
    constexpr std::size_t kMaxBars = 20;
    if (counts.size() <= kMaxBars)
        return false;
    std::vector<std::pair<double, std::int64_t>> numeric;
    for (const auto &[value, count] : counts) {
        bool ok = false;
        const double number = QString::fromStdString(value).toDouble(&ok);
        if (!ok)
            return false;
        numeric.emplace_back(number, count);
    }
    double low = numeric.front().first, high = low;
    for (const auto &entry : numeric) {
        low = std::min(low, entry.first);
        high = std::max(high, entry.first);
    }
    const double width = high > low ? (high - low) / kMaxBars : 1.0;
    std::vector<std::int64_t> totals(kMaxBars, 0);
    for (const auto &[number, count] : numeric)
        totals[std::min(kMaxBars - 1, static_cast<std::size_t>((number - low) / width))] += count;
    bins.clear();
    for (std::size_t i = 0; i < kMaxBars; ++i)
        bins.emplace_back(QString::number(low + width * static_cast<double>(i), 'g', 3).toStdString(), totals[i]);
    return true;
}

} // namespace

void LabelChart::setCounts(const QString &task, const std::vector<std::pair<std::string, std::int64_t>> &valueCounts)
{
    std::vector<std::pair<std::string, std::int64_t>> bins;
    const bool histogram = histogramInstead(valueCounts, bins);
    const auto &counts = histogram ? bins : valueCounts;
    QVector<double> keys, values;
    m_labels.clear();
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double maximum = 0;
    int longestLabel = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        longestLabel = std::max(longestLabel, static_cast<int>(counts[i].first.size()));
        keys << static_cast<double>(i + 1);
        values << static_cast<double>(counts[i].second);
        m_labels << QString::fromStdString(counts[i].first);
        ticker->addTick(static_cast<double>(i + 1), m_labels.back());
        maximum = std::max(maximum, static_cast<double>(counts[i].second));
    }
    m_bars->setData(keys, values, true);
    m_counts = values;
    m_valueHeading = histogram ? tr("%1 (histogram, bins from)").arg(task) : task;
    m_plot->xAxis->setTicker(ticker);
    // Upright labels only while they fit side by side (topic labels such as "vote_election_poll"
    // do not); otherwise slanted, so neighbours never overprint each other.
    const bool crowded = counts.size() > 6 || longestLabel * static_cast<int>(counts.size()) > 40;
    m_plot->xAxis->setTickLabelRotation(crowded ? 45 : 0);
    m_plot->xAxis->setRange(0.3, static_cast<double>(counts.size()) + 0.7);
    m_plot->yAxis->setRange(0, maximum > 0 ? maximum * 1.1 : 1);
    m_plot->xAxis->setLabel(histogram ? tr("%1 (histogram, bins from)").arg(task) : task);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int LabelChart::barCount() const { return m_bars->data()->size(); }

double LabelChart::barValue(int index) const
{
    return index >= 0 && index < barCount() ? (m_bars->data()->constBegin() + index)->value : 0;
}

bool LabelChart::saveCsv(const QString &path) const
{
    QVector<QStringList> rows;
    for (int i = 0; i < m_labels.size(); ++i)
        rows.push_back({m_labels[i], QString::number(m_counts[i], 'f', 0)});
    return PlotExporter::writeCsv(path, {m_valueHeading.isEmpty() ? tr("value") : m_valueHeading, tr("posts")}, rows);
}
