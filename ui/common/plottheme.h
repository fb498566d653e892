#pragma once

#include <QPalette>

class QCustomPlot;

// QCustomPlot draws with its own fixed colours (white background, black axes); this gives a plot
// the colours of a palette so it follows the workbench's light or dark theme. Call it from a
// widget's changeEvent on QEvent::PaletteChange (see followPalette).
class PlotTheme {
public:
    static void apply(QCustomPlot *plot, const QPalette &palette);
    // Applies the plot's own palette now and again whenever it changes (e.g. View > Theme).
    static void followPalette(QCustomPlot *plot);
};
