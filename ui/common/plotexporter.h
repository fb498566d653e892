#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>

class QCustomPlot;
class QMenu;
class QWidget;

// Saving a QCustomPlot as a picture or its numbers as CSV, and the right-click menu that offers
// it, shared by every plot of the workbench.
class PlotExporter {
    Q_DECLARE_TR_FUNCTIONS(PlotExporter)

public:
    // Writes the data behind a plot to a CSV file; false when the file cannot be written.
    using CsvWriter = std::function<bool(const QString &path)>;

    static bool savePng(QCustomPlot *plot, const QString &path);
    static bool savePdf(QCustomPlot *plot, const QString &path);
    // Vector output for papers: the plot drawn through QSvgGenerator at its on-screen size.
    static bool saveSvg(QCustomPlot *plot, const QString &path);
    // By the file's extension: .png, .pdf, .svg or .csv (the latter only with a writer).
    static bool save(QCustomPlot *plot, const QString &path, const CsvWriter &csv = {});
    // A header and rows, quoted as RFC 4180 asks (fields holding a comma, quote or newline).
    static bool writeCsv(const QString &path, const QStringList &header, const QVector<QStringList> &rows);
    // Asks where to save (`suffix` is added when none is typed), writes with `write` and warns
    // when it fails.
    static void chooseAndWrite(QWidget *parent, const QString &title, const QString &filter, const QString &suffix,
                               const std::function<bool(const QString &path)> &write);
    // Called as the menu opens: a plot adds its own actions (each handling its `triggered`) and
    // brings its drawing up to date before it is exported.
    using MenuHook = std::function<void(QMenu &menu)>;
    // Right-click on the plot offers PNG, SVG and PDF, and CSV when a writer is given.
    static void attachContextMenu(QCustomPlot *plot, CsvWriter csv = {}, MenuHook beforeShow = {});
};
