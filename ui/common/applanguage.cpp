#include "ui/common/applanguage.h"

#include "ui/common/workbenchsettings.h"

#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>

namespace {

const QString kSettingsKey = QStringLiteral("language");

struct Installed {
    AppLanguage::Language language = AppLanguage::System;
    std::unique_ptr<QTranslator> chorus;
    std::unique_ptr<QTranslator> qt;
};

Installed &installed()
{
    static Installed state;
    return state;
}

QString localeOf(AppLanguage::Language language)
{
    switch (language) {
    case AppLanguage::English: return QStringLiteral("en");
    case AppLanguage::SimplifiedChinese: return QStringLiteral("zh_CN");
    case AppLanguage::System: break;
    }
    return QString();
}

} // namespace

QString AppLanguage::resourcePath(const QString &locale)
{
    return QStringLiteral(":/i18n/chorus_%1.qm").arg(locale);
}

QStringList AppLanguage::availableLocales()
{
    QStringList locales;
    const QStringList files = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("chorus_*.qm")}, QDir::Files,
                                                                       QDir::Name);
    for (const QString &file : files)
        locales << file.mid(7, file.size() - 7 - 3); // "chorus_" ... ".qm"
    return locales;
}

QString AppLanguage::resolvedLocale(Language language)
{
    return language == System ? localeForUiLanguages(QLocale::system().uiLanguages()) : localeOf(language);
}

QString AppLanguage::localeForUiLanguages(const QStringList &uiLanguages)
{
    for (const QString &ui : uiLanguages) {
        const QLocale locale(ui);
        if (locale.language() == QLocale::Chinese) {
            const bool traditional = locale.script() == QLocale::TraditionalChineseScript
                                     || locale.territory() == QLocale::Taiwan || locale.territory() == QLocale::HongKong
                                     || locale.territory() == QLocale::Macao;
            if (!traditional)
                return localeOf(SimplifiedChinese);
        }
        if (locale.language() == QLocale::English)
            return localeOf(English);
    }
    return localeOf(English);
}

bool AppLanguage::install(Language language)
{
    Installed &state = installed();
    if (state.chorus)
        QCoreApplication::removeTranslator(state.chorus.get());
    if (state.qt)
        QCoreApplication::removeTranslator(state.qt.get());
    state.chorus.reset();
    state.qt.reset();
    state.language = language;

    const QString locale = resolvedLocale(language);
    auto qt = std::make_unique<QTranslator>();
    // Missing Qt translations (qt6-translations-l10n not installed) only leave Qt's buttons English.
    if (qt->load(QStringLiteral("qtbase_") + locale, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        state.qt = std::move(qt);
    }
    auto chorus = std::make_unique<QTranslator>();
    if (!chorus->load(resourcePath(locale)))
        return false;
    QCoreApplication::installTranslator(chorus.get());
    state.chorus = std::move(chorus);
    return true;
}

AppLanguage::Language AppLanguage::current() { return installed().language; }

QString AppLanguage::name(Language language)
{
    return language == System ? QStringLiteral("system") : localeOf(language);
}

AppLanguage::Language AppLanguage::fromName(const QString &name)
{
    if (name == QLatin1String("en"))
        return English;
    if (name == QLatin1String("zh_CN"))
        return SimplifiedChinese;
    return System;
}

QString AppLanguage::label(Language language)
{
    // A language's name is written in that language, so that someone who cannot read the current
    // one still finds their own.
    switch (language) {
    case English: return QStringLiteral("English");
    case SimplifiedChinese: return QStringLiteral("简体中文");
    case System: break;
    }
    return tr("&System");
}

AppLanguage::Language AppLanguage::saved()
{
    return fromName(WorkbenchSettings::open()->value(kSettingsKey).toString());
}

void AppLanguage::save(Language language)
{
    WorkbenchSettings::open()->setValue(kSettingsKey, name(language));
}
