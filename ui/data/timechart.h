#pragma once

#include "core/store/postbrowser.h"

#include <QWidget>

class QCustomPlot;
class QCPBars;

// Posts per day or per week as bars on a date axis: when the posts of the current filters were
// written. The counts come from chorus::PostBrowser::postsOverTime.
class TimeChart : public QWidget {
    Q_OBJECT

public:
    explicit TimeChart(QWidget *parent = nullptr);

    void setCounts(const chorus::PostsOverTime &counts);
    int barCount() const;
    double barValue(int index) const;
    double barTotal() const;
    chorus::PostsOverTimeBucket bucket() const { return m_bucket; }
    QCustomPlot *plot() const { return m_plot; }

private:
    QCustomPlot *m_plot;
    QCPBars *m_bars;
    chorus::PostsOverTimeBucket m_bucket = chorus::PostsOverTimeBucket::Day;
};
