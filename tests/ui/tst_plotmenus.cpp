// Every plot of the workbench offers the same right-click exports: PNG, SVG and PDF pictures and
// the data behind it as CSV. The menu is opened as a right click opens it and read back.
#include "ui/analytics/forecastchart.h"
#include "ui/analytics/stackedareachart.h"
#include "ui/analytics/trendsview.h"
#include "ui/analytics/userprofileview.h"
#include "ui/attention/attentionheatmap.h"
#include "ui/attention/barchart.h"
#include "ui/common/plotexporter.h"
#include "ui/data/labelchart.h"
#include "ui/data/timechart.h"
#include "ui/embeddings/embeddingprojector.h"
#include "ui/embeddings/scatterview.h"
#include "ui/runs/evaluationview.h"
#include "ui/sequences/crossattentionmap.h"
#include "ui/training/curveplot.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QMenu>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

namespace {

const QStringList kExports{QStringLiteral("Export as PNG..."), QStringLiteral("Export as SVG..."),
                           QStringLiteral("Export as PDF..."), QStringLiteral("Export data as CSV...")};

// Opens the plot's context menu, hands it to `use` while it is shown, then closes it; the texts of
// its actions (separators left out).
QStringList openMenu(QCustomPlot *plot, const std::function<void(QMenu *)> &use = {})
{
    QStringList texts;
    bool shown = false;
    QTimer::singleShot(0, plot, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        shown = true;
        for (QAction *action : menu->actions())
            if (!action->isSeparator())
                texts << action->text();
        if (use)
            use(menu);
        menu->close();
    });
    emit plot->customContextMenuRequested(QPoint(10, 10));
    if (!shown)
        texts << QStringLiteral("(no menu was shown)");
    return texts;
}

QAction *actionNamed(QMenu *menu, const QString &text)
{
    for (QAction *action : menu->actions())
        if (action->text() == text)
            return action;
    return nullptr;
}

} // namespace

class PlotMenusTest : public QObject {
    Q_OBJECT

private slots:
    void everyPlotOffersPictureAndDataExports()
    {
        LabelChart labels;
        TimeChart time;
        CurvePlot curves(QStringLiteral("step"), QStringLiteral("loss"));
        BarChart bars(QStringLiteral("probabilities"), QStringLiteral("p"));
        AttentionHeatmap heatmap;
        StackedAreaChart area;
        ForecastChart forecast;
        CrossAttentionMap crossAttention;
        EvaluationView evaluation;
        TrendsView trends;
        UserProfileView profile;
        EmbeddingProjector projector;
        const QList<QPair<QString, QCustomPlot *>> plots{
            {"label chart", labels.plot()},           {"time chart", time.plot()},
            {"training curves", curves.plot()},       {"bar chart", bars.plot()},
            {"attention heatmap", heatmap.plot()},    {"stacked area chart", area.plot()},
            {"forecast chart", forecast.plot()},      {"cross-attention map", crossAttention.plot()},
            {"confusion matrix", evaluation.matrixPlot()}, {"trends", trends.plot()},
            {"user activity", profile.activityPlot()}, {"user labels", profile.labelPlot()},
            {"projector", projector.scatter()->plot()}};
        for (const auto &[name, plot] : plots) {
            const QStringList texts = openMenu(plot);
            for (const QString &expected : kExports)
                QVERIFY2(texts.contains(expected), qPrintable(name + QStringLiteral(": ") + texts.join(QStringLiteral(", "))));
        }
    }

    void labelChartWritesItsBars()
    {
        LabelChart chart;
        chart.setCounts(QStringLiteral("sentiment"), {{"negative", 20}, {"positive", 30}});
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("labels.csv"));
        QVERIFY(chart.saveCsv(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("sentiment,posts\nnegative,20\npositive,30\n"));
        QVERIFY(PlotExporter::save(chart.plot(), dir.filePath(QStringLiteral("labels.svg"))));
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("labels.svg"))).size() > 0);
    }

    void curvePlotResetsItsZoomFromTheMenu()
    {
        CurvePlot curves(QStringLiteral("step"), QStringLiteral("loss"));
        curves.resize(400, 300);
        for (int step = 0; step <= 100; ++step)
            curves.addPoint(QStringLiteral("train loss"), step, 1.0 / (1 + step));
        curves.redraw();
        // Points that came since the last redraw are drawn before the menu shows.
        curves.addPoint(QStringLiteral("train loss"), 200, 0.001);
        curves.plot()->xAxis->setRange(40, 50); // as a zoom leaves it
        QWheelEvent wheel(QPointF(10, 10), curves.plot()->mapToGlobal(QPointF(10, 10)), QPoint(), QPoint(0, 120),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(curves.plot(), &wheel); // the user zoomed: new points no longer rescale
        int drawnBeforeReset = 0;
        const QStringList texts = openMenu(curves.plot(), [&](QMenu *menu) {
            drawnBeforeReset = curves.drawnValues(QStringLiteral("train loss")).size();
            if (QAction *reset = actionNamed(menu, QStringLiteral("Reset zoom")))
                reset->trigger();
        });
        QVERIFY2(texts.contains(QStringLiteral("Reset zoom")), qPrintable(texts.join(QStringLiteral(", "))));
        QCOMPARE(drawnBeforeReset, 102);
        QVERIFY(curves.plot()->xAxis->range().lower <= 0);
        QVERIFY(curves.plot()->xAxis->range().upper >= 200);
    }
};

QTEST_MAIN(PlotMenusTest)
#include "tst_plotmenus.moc"
