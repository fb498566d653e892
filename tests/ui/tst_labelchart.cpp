// The label distribution chart: one bar per class, a histogram for many-valued numeric targets.
#include "ui/data/labelchart.h"

#include <QtTest>

class LabelChartTest : public QObject {
    Q_OBJECT

private slots:
    void barPerClass()
    {
        LabelChart chart;
        chart.setCounts("sentiment", {{"positive", 30}, {"negative", 20}, {"neutral", 5}});
        QCOMPARE(chart.barCount(), 3);
        QCOMPARE(chart.barValue(0), 30.0);
        QCOMPARE(chart.barValue(2), 5.0);
        chart.setCounts("", {});
        QCOMPARE(chart.barCount(), 0);
    }

    void manyNumericValuesBecomeHistogram()
    {
        std::vector<std::pair<std::string, std::int64_t>> counts;
        for (int v = 0; v < 100; ++v)
            counts.emplace_back(std::to_string(v), 2);
        LabelChart chart;
        chart.setCounts("engagement", counts);
        QCOMPARE(chart.barCount(), 20);
        double total = 0;
        for (int i = 0; i < chart.barCount(); ++i) {
            QCOMPARE(chart.barValue(i), 10.0); // 5 values of 2 posts per bin
            total += chart.barValue(i);
        }
        QCOMPARE(total, 200.0);
    }

    void manyTextValuesStayBars()
    {
        std::vector<std::pair<std::string, std::int64_t>> counts;
        for (int v = 0; v < 30; ++v)
            counts.emplace_back("user" + std::to_string(v), 1);
        LabelChart chart;
        chart.setCounts("author", counts);
        QCOMPARE(chart.barCount(), 30);
    }
};

QTEST_MAIN(LabelChartTest)
#include "tst_labelchart.moc"
