// Chinese text draws as real glyphs, not as empty boxes, where the views show text they did not
// write themselves: tokens on the attention heatmap's axes and in the attention explorer's token
// chips, and the projector's hover tooltip. Qt falls back to any installed font that has the
// characters, so this holds when a CJK font is installed (fonts-noto-cjk: packaging/setup.sh
// installs it, the .deb recommends it) and fails, naming what is missing, when none is.

#include "ui/attention/attentionheatmap.h"
#include "ui/attention/tokenchip.h"
#include "ui/embeddings/scatterview.h"

#include <QApplication>
#include <QFontDatabase>
#include <QGlyphRun>
#include <QMouseEvent>
#include <QTextLayout>
#include <QToolTip>
#include <QtTest>

#include <qcustomplot.h>

namespace {

const QStringList kChineseTokens = {QStringLiteral("我"), QStringLiteral("喜欢"), QStringLiteral("足球"),
                                    QStringLiteral("比赛"), QStringLiteral("！")};

// Characters of `text` that `font` (with Qt's fallback fonts, as a widget would draw it) can only
// draw as the missing-glyph box: glyph index 0 of whichever font the layout picked.
QString undrawable(const QString &text, const QFont &font)
{
    QTextLayout layout(text, font);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(1e6);
    layout.endLayout();
    QString missing;
    for (const QGlyphRun &run : layout.glyphRuns()) {
        for (const quint32 glyph : run.glyphIndexes())
            if (glyph == 0)
                missing += QStringLiteral("?");
    }
    return missing.isEmpty() ? QString() : QStringLiteral("%1 of the glyphs of \"%2\" are missing in %3 (is a CJK font such as fonts-noto-cjk installed?)")
                                               .arg(missing.size())
                                               .arg(text, font.family());
}

QStringList tickLabels(QCPAxis *axis)
{
    auto ticker = axis->ticker().dynamicCast<QCPAxisTickerText>();
    return ticker ? QStringList(ticker->ticks().values()) : QStringList();
}

} // namespace

class CjkRenderingTest : public QObject {
    Q_OBJECT

private slots:
    void theCheckCanFail()
    {
        // A font told not to borrow glyphs from other fonts cannot draw Chinese, and the check says
        // so: it is not blind to boxes.
        QFont latinOnly(QStringLiteral("DejaVu Sans"));
        latinOnly.setStyleStrategy(QFont::NoFontMerging);
        if (!QFontDatabase::families().contains(latinOnly.family()))
            QSKIP("DejaVu Sans is not installed (fonts-dejavu-core)");
        QVERIFY(undrawable(QStringLiteral("abc"), latinOnly).isEmpty());
        QVERIFY(!undrawable(QStringLiteral("足球"), latinOnly).isEmpty());
    }

    void heatmapTokens()
    {
        AttentionHeatmap heatmap;
        heatmap.resize(500, 400);
        const int n = int(kChineseTokens.size());
        QVector<QVector<double>> matrix(n, QVector<double>(n, 1.0 / n));
        heatmap.setMatrix(kChineseTokens, matrix, QStringLiteral("第 1 层"));
        QCOMPARE(heatmap.tokens(), kChineseTokens);
        for (QCPAxis *axis : {heatmap.plot()->xAxis, heatmap.plot()->yAxis}) {
            QCOMPARE(tickLabels(axis), kChineseTokens);
            for (const QString &token : kChineseTokens) {
                const QString problem = undrawable(token, axis->tickLabelFont());
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
            }
        }
        // The plot draws with those fonts without complaint.
        QVERIFY(!heatmap.plot()->toPixmap(500, 400).isNull());
    }

    void tokenChips()
    {
        for (const QString &token : kChineseTokens) {
            TokenChip chip(token, 0.4, 1.0);
            QCOMPARE(chip.text(), token);
            QVERIFY(chip.toolTip().startsWith(token));
            const QString problem = undrawable(chip.text(), chip.font());
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
    }

    void projectorTooltip()
    {
        ScatterView scatter;
        scatter.resize(600, 400);
        scatter.show();
        QVERIFY(QTest::qWaitForWindowExposed(&scatter));
        const QStringList labels = {QStringLiteral("今天的比赛太精彩了"), QStringLiteral("晚饭吃火锅"),
                                    QStringLiteral("议会通过了预算")};
        scatter.setPoints({0.0, 1.0, 2.0}, {0.0, 2.0, 1.0}, labels);
        scatter.plot()->replot(QCustomPlot::rpImmediateRefresh);
        for (int i = 0; i < labels.size(); ++i) {
            const QPointF pixel = scatter.pixelOf(i);
            QMouseEvent move(QEvent::MouseMove, pixel, scatter.plot()->mapToGlobal(pixel), Qt::NoButton, Qt::NoButton,
                             Qt::NoModifier);
            QApplication::sendEvent(scatter.plot(), &move);
            QCOMPARE(scatter.lastToolTip(), labels[i]);
            const QString problem = undrawable(scatter.lastToolTip(), QToolTip::font());
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
    }
};

QTEST_MAIN(CjkRenderingTest)
#include "tst_cjkrendering.moc"
