#include "ui/common/plotexporter.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSvgGenerator>
#include <QTextStream>

#include <qcustomplot.h>

namespace {

QString csvField(QString field)
{
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) && !field.contains(QLatin1Char('\n'))
        && !field.contains(QLatin1Char('\r')))
        return field;
    field.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + field + QLatin1Char('"');
}

} // namespace

bool PlotExporter::savePng(QCustomPlot *plot, const QString &path)
{
    plot->replot(QCustomPlot::rpImmediateRefresh);
    // Twice the screen resolution: sharp enough for a paper or a slide.
    return plot->savePng(path, 0, 0, 2.0);
}

bool PlotExporter::savePdf(QCustomPlot *plot, const QString &path)
{
    plot->replot(QCustomPlot::rpImmediateRefresh);
    return plot->savePdf(path);
}

bool PlotExporter::saveSvg(QCustomPlot *plot, const QString &path)
{
    plot->replot(QCustomPlot::rpImmediateRefresh);
    const QSize size = plot->viewport().size().isEmpty() ? plot->size() : plot->viewport().size();
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(plot->windowTitle());
    QCPPainter painter;
    if (!painter.begin(&generator))
        return false;
    // Cosmetic pens keep hairlines one pixel wide however the SVG is scaled.
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    plot->toPainter(&painter, size.width(), size.height());
    painter.end();
    return QFileInfo(path).size() > 0;
}

bool PlotExporter::save(QCustomPlot *plot, const QString &path, const CsvWriter &csv)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return savePng(plot, path);
    if (suffix == QLatin1String("pdf"))
        return savePdf(plot, path);
    if (suffix == QLatin1String("svg"))
        return saveSvg(plot, path);
    if (suffix == QLatin1String("csv") && csv)
        return csv(path);
    return false;
}

bool PlotExporter::writeCsv(const QString &path, const QStringList &header, const QVector<QStringList> &rows)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return false;
    QTextStream out(&file);
    auto line = [&out](const QStringList &fields) {
        QStringList quoted;
        for (const QString &f : fields)
            quoted << csvField(f);
        out << quoted.join(QLatin1Char(',')) << '\n';
    };
    line(header);
    for (const QStringList &row : rows)
        line(row);
    out.flush();
    return out.status() == QTextStream::Ok && file.error() == QFileDevice::NoError;
}

void PlotExporter::attachContextMenu(QCustomPlot *plot, CsvWriter csv, MenuHook beforeShow)
{
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(plot, &QWidget::customContextMenuRequested, plot, [plot, csv, beforeShow](const QPoint &position) {
        QMenu menu(plot);
        QAction *png = menu.addAction(tr("Export as PNG..."));
        QAction *svg = menu.addAction(tr("Export as SVG..."));
        QAction *pdf = menu.addAction(tr("Export as PDF..."));
        QAction *data = csv ? menu.addAction(tr("Export data as CSV...")) : nullptr;
        if (beforeShow) {
            menu.addSeparator();
            beforeShow(menu);
        }
        QAction *chosen = menu.exec(plot->mapToGlobal(position));
        if (!chosen || (chosen != png && chosen != svg && chosen != pdf && chosen != data))
            return; // nothing, or one of the plot's own actions (it handled it)
        const QString filter = chosen == png   ? tr("PNG images (*.png)")
                               : chosen == svg ? tr("SVG images (*.svg)")
                               : chosen == pdf ? tr("PDF files (*.pdf)")
                                               : tr("CSV files (*.csv)");
        const QString suffix = chosen == png   ? QStringLiteral("png")
                               : chosen == svg ? QStringLiteral("svg")
                               : chosen == pdf ? QStringLiteral("pdf")
                                               : QStringLiteral("csv");
        chooseAndWrite(plot, tr("Export plot"), filter, suffix, [&](const QString &path) {
            return chosen == png   ? savePng(plot, path)
                   : chosen == svg ? saveSvg(plot, path)
                   : chosen == pdf ? savePdf(plot, path)
                                   : (data && csv(path));
        });
    });
}

void PlotExporter::chooseAndWrite(QWidget *parent, const QString &title, const QString &filter, const QString &suffix,
                                  const std::function<bool(const QString &path)> &write)
{
    QString path = QFileDialog::getSaveFileName(parent, title, QString(), filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    if (!write(path))
        QMessageBox::warning(parent, tr("Export failed"), tr("Cannot write %1.").arg(path));
}
