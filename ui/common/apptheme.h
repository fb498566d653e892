#pragma once

#include <QCoreApplication>
#include <QString>

// The workbench's colour scheme (View > Theme): the platform's own, or Fusion with a light or a
// dark palette. Plots follow through PlotTheme::followPalette.
class AppTheme {
    Q_DECLARE_TR_FUNCTIONS(AppTheme)

public:
    enum Theme { System, Light, Dark };

    // Applies to the running QApplication. The first call remembers the platform style and
    // palette, so System can restore them later.
    static void apply(Theme theme);
    static Theme current();
    static QString name(Theme theme);    // "system", "light", "dark": the value kept in settings
    static Theme fromName(const QString &name); // System for anything unknown
    static QString label(Theme theme);   // translated, for menus
};
