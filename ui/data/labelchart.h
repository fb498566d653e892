#pragma once

#include <QStringList>
#include <QVector>
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
    // The bars drawn (a histogram's bins when it is one): value (or bin start) and posts.
    bool saveCsv(const QString &path) const;

private:
    QCustomPlot *m_plot;
    QCPBars *m_bars;
    QString m_valueHeading;
    QStringList m_labels;
    QVector<double> m_counts;
};
