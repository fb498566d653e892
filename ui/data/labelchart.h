#pragma once

#include <QWidget>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

class QCustomPlot;
class QCPBars;

// A bar chart of how often each value of one label task occurs.
class LabelChart : public QWidget {
    Q_OBJECT

public:
    explicit LabelChart(QWidget *parent = nullptr);

    void setCounts(const QString &task, const std::vector<std::pair<std::string, std::int64_t>> &counts);
    int barCount() const;
    double barValue(int index) const;
    QCustomPlot *plot() const { return m_plot; }

private:
    QCustomPlot *m_plot;
    QCPBars *m_bars;
};
