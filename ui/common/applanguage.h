#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QStringList>

// The workbench's language (View > Language): the system's, English or Simplified Chinese. The
// translations are compiled from resources/translations/*.ts and embedded under :/i18n; Qt's own
// (standard buttons, file dialogs) come from the system's Qt translations when installed.
class AppLanguage {
    Q_DECLARE_TR_FUNCTIONS(AppLanguage)

public:
    enum Language { System, English, SimplifiedChinese };

    // Installs the translators for `language` on the running application, replacing those of an
    // earlier call; System picks the first of QLocale::system()'s languages that has a translation,
    // else English. False when the workbench's own translation could not be loaded.
    static bool install(Language language);
    static Language current();
    // The translation in effect for `language`: "en" or "zh_CN".
    static QString resolvedLocale(Language language);
    // The translation for a list of preferred languages, best first (QLocale::uiLanguages() form,
    // e.g. "zh-Hans-CN"): the first with a translation, else "en". Traditional Chinese stays English.
    static QString localeForUiLanguages(const QStringList &uiLanguages);

    static QString name(Language language);          // "system", "en", "zh_CN": the value kept in settings
    static Language fromName(const QString &name);    // System for anything unknown
    static QString label(Language language);          // for menus: each language in its own script

    // The choice kept in WorkbenchSettings ("language").
    static Language saved();
    static void save(Language language);

    // The locales with an embedded translation, e.g. {"en", "zh_CN"}.
    static QStringList availableLocales();
    static QString resourcePath(const QString &locale); // ":/i18n/chorus_<locale>.qm"
};
