#include "ui/common/apptheme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace {

struct Platform {
    bool saved = false;
    QString style;
    QPalette palette;
};

Platform &platform()
{
    static Platform p;
    return p;
}

AppTheme::Theme &currentTheme()
{
    static AppTheme::Theme theme = AppTheme::System;
    return theme;
}

QPalette darkPalette()
{
    const QColor window(45, 45, 48), base(30, 30, 32), text(220, 220, 220), disabled(127, 127, 127);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(90, 160, 240));
    p.setColor(QPalette::Highlight, QColor(42, 110, 190));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, window.lighter(150));
    p.setColor(QPalette::Midlight, window.lighter(125));
    p.setColor(QPalette::Mid, window.darker(120));
    p.setColor(QPalette::Dark, window.darker(150));
    p.setColor(QPalette::Shadow, Qt::black);
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

} // namespace

void AppTheme::apply(Theme theme)
{
    Platform &saved = platform();
    if (!saved.saved) {
        saved.saved = true;
        saved.style = QApplication::style() ? QApplication::style()->name() : QString();
        saved.palette = QApplication::palette();
    }
    currentTheme() = theme;
    if (theme == System) {
        if (!saved.style.isEmpty())
            QApplication::setStyle(QStyleFactory::create(saved.style));
        QApplication::setPalette(saved.palette);
        return;
    }
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    // Fusion's standard palette is its light one.
    QApplication::setPalette(theme == Dark ? darkPalette() : QApplication::style()->standardPalette());
}

AppTheme::Theme AppTheme::current() { return currentTheme(); }

QString AppTheme::name(Theme theme)
{
    switch (theme) {
    case Light: return QStringLiteral("light");
    case Dark: return QStringLiteral("dark");
    case System: break;
    }
    return QStringLiteral("system");
}

AppTheme::Theme AppTheme::fromName(const QString &name)
{
    if (name == QLatin1String("light"))
        return Light;
    if (name == QLatin1String("dark"))
        return Dark;
    return System;
}

QString AppTheme::label(Theme theme)
{
    switch (theme) {
    case Light: return tr("&Light");
    case Dark: return tr("&Dark");
    case System: break;
    }
    return tr("&System");
}
