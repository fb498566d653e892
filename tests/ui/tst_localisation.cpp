// Localisation: the embedded translations load, a window built after installing one speaks it, the
// .ts files are complete and consistent, and View > Language is remembered.
#include "ui/common/applanguage.h"
#include "ui/common/runstatus.h"
#include "ui/common/stagetext.h"
#include "ui/common/workbenchsettings.h"
#include "ui/main/mainwindow.h"
#include "ui/models/modelschematext.h"

#include <QAction>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLibraryInfo>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct TsMessage {
    QString context;
    QString source;
    bool numerus = false;
    QString type;              // the translation's type attribute: empty when finished
    QStringList translations;  // one per numerus form, else one
};

struct TsFile {
    QString language;
    QList<TsMessage> messages;
    QString error;

    // The (only, or first numerus) translation of `source` in `context`.
    QString translation(const QString &context, const QString &source) const
    {
        for (const TsMessage &m : messages)
            if (m.context == context && m.source == source)
                return m.translations.value(0);
        return QString();
    }
};

TsFile readTs(const QString &path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = QStringLiteral("cannot open ") + path;
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const QStringView name = xml.name();
        if (name == QLatin1String("TS")) {
            ts.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("context")) {
            context.clear();
        } else if (name == QLatin1String("name") && context.isEmpty()) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = TsMessage();
            message.context = context;
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (message.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == QLatin1String("numerusform"))
                        message.translations << xml.readElementText();
                    else
                        xml.skipCurrentElement();
                }
            } else {
                message.translations << xml.readElementText();
            }
            ts.messages << message;
        }
    }
    if (xml.hasError())
        ts.error = path + QStringLiteral(": ") + xml.errorString();
    return ts;
}

QString tsPath(const QString &locale)
{
    return QStringLiteral(CHORUS_RESOURCES "/translations/chorus_%1.ts").arg(locale);
}

// %1, %L2, %n: what a translation must keep, in any order.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?\\d+|%n"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    found.sort();
    return found;
}

bool hasAccelerator(QString text)
{
    text.remove(QStringLiteral("&&"));
    return text.contains(QLatin1Char('&'));
}

bool hasHan(const QString &text)
{
    for (const QChar c : text)
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    return false;
}

QStringList menuTitles(const MainWindow &window)
{
    QStringList titles;
    for (const QAction *action : window.menuBar()->actions())
        titles << action->text();
    return titles;
}

QStringList tabTexts(const MainWindow &window)
{
    QStringList texts;
    for (int i = 0; i < window.tabs()->count(); ++i)
        texts << window.tabs()->tabText(i);
    return texts;
}

const char *const kMenus[] = {"&File", "&Edit", "&View", "&Data"};
const char *const kTabs[] = {"Data", "Models", "Training", "Runs", "Evaluation", "Attention", "Projector"};

} // namespace

class LocalisationTest : public QObject {
    Q_OBJECT

private:
    TsFile m_zh;
    TsFile m_en;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the language choice lives in the workbench settings
        WorkbenchSettings::open()->remove(QStringLiteral("language"));
        m_zh = readTs(tsPath(QStringLiteral("zh_CN")));
        m_en = readTs(tsPath(QStringLiteral("en")));
        QVERIFY2(m_zh.error.isEmpty(), qPrintable(m_zh.error));
        QVERIFY2(m_en.error.isEmpty(), qPrintable(m_en.error));
        QVERIFY(m_zh.messages.size() > 100);
    }

    void cleanup() { AppLanguage::install(AppLanguage::English); }

    void translationsAreEmbedded()
    {
        const QStringList locales = AppLanguage::availableLocales();
        QVERIFY2(locales.contains(QStringLiteral("en")) && locales.contains(QStringLiteral("zh_CN")),
                 qPrintable(locales.join(QLatin1Char(','))));
        QTranslator translator;
        QVERIFY(translator.load(AppLanguage::resourcePath(QStringLiteral("zh_CN"))));
        QCOMPARE(translator.language(), QStringLiteral("zh_CN"));
        const QString file = translator.translate("MainWindow", "&File");
        QCOMPARE(file, m_zh.translation(QStringLiteral("MainWindow"), QStringLiteral("&File")));
        QVERIFY(hasHan(file));
    }

    void tsFilesAreComplete_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
        QTest::newRow("en") << QStringLiteral("en");
    }

    void tsFilesAreComplete()
    {
        QFETCH(QString, locale);
        const TsFile &ts = locale == QLatin1String("en") ? m_en : m_zh;
        QCOMPARE(ts.language, locale == QLatin1String("en") ? QStringLiteral("en_US") : locale);
        QStringList problems;
        for (const TsMessage &m : ts.messages) {
            const QString where = m.context + QStringLiteral(": ") + m.source;
            if (!m.type.isEmpty())
                problems << m.type + QStringLiteral(" ") + where;
            // Chinese has one plural form, English two.
            const int forms = !m.numerus ? 1 : locale == QLatin1String("en") ? 2 : 1;
            if (m.translations.size() != forms)
                problems << QStringLiteral("%1 forms, not %2: ").arg(m.translations.size()).arg(forms) + where;
            for (const QString &t : m.translations) {
                if (t.trimmed().isEmpty())
                    problems << QStringLiteral("empty: ") + where;
                if (placeholders(t) != placeholders(m.source))
                    problems << QStringLiteral("placeholders differ: ") + where + QStringLiteral(" -> ") + t;
                if (hasAccelerator(t) != hasAccelerator(m.source))
                    problems << QStringLiteral("accelerator differs: ") + where + QStringLiteral(" -> ") + t;
                if (t.count(QLatin1Char('<')) != m.source.count(QLatin1Char('<')))
                    problems << QStringLiteral("markup differs: ") + where + QStringLiteral(" -> ") + t;
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 20).join(QLatin1Char('\n'))));
    }

    void everyChineseSourceIsInEnglish()
    {
        QSet<QString> english;
        for (const TsMessage &m : m_en.messages)
            english.insert(m.context + QLatin1Char('\x1f') + m.source);
        QStringList missing;
        for (const TsMessage &m : m_zh.messages)
            if (!english.contains(m.context + QLatin1Char('\x1f') + m.source))
                missing << m.context + QStringLiteral(": ") + m.source;
        QVERIFY2(missing.isEmpty(), qPrintable(missing.mid(0, 20).join(QLatin1Char('\n'))));
        QCOMPARE(m_en.messages.size(), m_zh.messages.size());
    }

    // The Models tab shows the registry's own texts (models/, in English); every one of them, for
    // the built-in families and the shipped plugins', has a Chinese translation.
    void modelRegistryTextsAreTranslated()
    {
        QProcess cli;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("CHORUS_PLUGIN_PATH"), QStringLiteral(CHORUS_PLUGIN_BUILD_DIR));
        cli.setProcessEnvironment(environment);
        cli.start(QStringLiteral(CHORUS_CLI_PATH), {QStringLiteral("models"), QStringLiteral("--json")});
        QVERIFY(cli.waitForFinished(120000));
        QCOMPARE(cli.exitCode(), 0);
        const QJsonArray models = QJsonDocument::fromJson(cli.readAllStandardOutput()).object().value(QLatin1String("models")).toArray();
        QVERIFY(models.size() > 10);

        const QStringList catalogue = ModelSchemaText::sources();
        QStringList problems;
        const auto check = [&](const QString &family, const QString &text, bool prose) {
            if (!catalogue.contains(text))
                problems << family + QStringLiteral(": not in ui/models/modelschematext.cpp: ") + text;
            const QString zh = m_zh.translation(QStringLiteral("ModelSchemaText"), text);
            if (zh.isEmpty() || (prose && !hasHan(zh)))
                problems << family + QStringLiteral(": no Chinese translation: ") + text;
        };
        bool sawPlugin = false;
        for (const QJsonValue &value : models) {
            const QJsonObject model = value.toObject();
            const QString family = model.value(QLatin1String("name")).toString();
            sawPlugin = sawPlugin || family == QLatin1String("han");
            check(family, model.value(QLatin1String("display_name")).toString(), false);
            check(family, model.value(QLatin1String("description")).toString(), true);
            for (const QJsonValue &param : model.value(QLatin1String("params")).toArray())
                check(family, param.toObject().value(QLatin1String("help")).toString(), true);
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 20).join(QLatin1Char('\n'))));
        QVERIFY2(sawPlugin, "the han plugin's family was not listed");

        QVERIFY(AppLanguage::install(AppLanguage::SimplifiedChinese));
        const std::string description = models.first().toObject().value(QLatin1String("description")).toString().toStdString();
        QVERIFY(hasHan(ModelSchemaText::translated(description)));
        QCOMPARE(ModelSchemaText::translated("a third-party plugin's text"), QStringLiteral("a third-party plugin's text"));
        QVERIFY(AppLanguage::install(AppLanguage::English));
        QCOMPARE(ModelSchemaText::translated(description), QString::fromStdString(description));
    }

    void chineseWindow()
    {
        QVERIFY(AppLanguage::install(AppLanguage::SimplifiedChinese));
        QCOMPARE(AppLanguage::current(), AppLanguage::SimplifiedChinese);
        MainWindow window;
        const QStringList titles = menuTitles(window);
        for (const char *menu : kMenus) {
            const QString expected = m_zh.translation(QStringLiteral("MainWindow"), QString::fromLatin1(menu));
            QVERIFY2(hasHan(expected), menu);
            QVERIFY2(titles.contains(expected), qPrintable(titles.join(QLatin1Char('|'))));
        }
        const QStringList tabs = tabTexts(window);
        for (const char *tab : kTabs) {
            const QString expected = m_zh.translation(QStringLiteral("MainWindow"), QString::fromLatin1(tab));
            QVERIFY2(tabs.contains(expected), qPrintable(tabs.join(QLatin1Char('|'))));
        }
        // Every tab, those added later included, is translated.
        for (const QString &tab : tabs)
            QVERIFY2(hasHan(tab), qPrintable(tab));
        QCOMPARE(QCoreApplication::translate("MainWindow", "%n post(s) match", nullptr, 3),
                 m_zh.translation(QStringLiteral("MainWindow"), QStringLiteral("%n post(s) match"))
                     .replace(QStringLiteral("%n"), QStringLiteral("3")));
        QCOMPARE(RunStatus::label(QStringLiteral("finished")),
                 m_zh.translation(QStringLiteral("RunStatus"), QStringLiteral("finished")));
        // Stage names reported by core in English are shown translated; unknown ones as reported.
        QCOMPARE(StageText::label(QStringLiteral("finding bursts")),
                 m_zh.translation(QStringLiteral("StageText"), QStringLiteral("finding bursts")));
        QCOMPARE(StageText::label(QStringLiteral("no such stage")), QStringLiteral("no such stage"));
        // The language menu names each language in its own script.
        auto *chinese = window.findChild<QAction *>(QStringLiteral("language-zh_CN"));
        QVERIFY(chinese);
        QCOMPARE(chinese->text(), QStringLiteral("简体中文"));
        // Qt's own texts follow when the system has Qt's translations (qt6-translations-l10n).
        if (QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_zh_CN.qm")))
            QVERIFY(hasHan(QCoreApplication::translate("QPlatformTheme", "Cancel")));
    }

    void englishWindow()
    {
        QVERIFY(AppLanguage::install(AppLanguage::SimplifiedChinese));
        QVERIFY(AppLanguage::install(AppLanguage::English)); // replaces, not stacks
        MainWindow window;
        const QStringList titles = menuTitles(window);
        for (const char *menu : kMenus)
            QVERIFY2(titles.contains(QString::fromLatin1(menu)), qPrintable(titles.join(QLatin1Char('|'))));
        QVERIFY(tabTexts(window).contains(QStringLiteral("Models")));
        QCOMPARE(QCoreApplication::translate("MainWindow", "%n post(s) match", nullptr, 1), QStringLiteral("1 post match"));
        QCOMPARE(QCoreApplication::translate("MainWindow", "%n post(s) match", nullptr, 2), QStringLiteral("2 posts match"));
    }

    void systemLanguage()
    {
        QCOMPARE(AppLanguage::localeForUiLanguages({QStringLiteral("zh-Hans-CN"), QStringLiteral("zh-CN")}),
                 QStringLiteral("zh_CN"));
        QCOMPARE(AppLanguage::localeForUiLanguages({QStringLiteral("zh")}), QStringLiteral("zh_CN"));
        QCOMPARE(AppLanguage::localeForUiLanguages({QStringLiteral("zh-SG")}), QStringLiteral("zh_CN"));
        // Traditional Chinese readers get English rather than simplified characters.
        QCOMPARE(AppLanguage::localeForUiLanguages({QStringLiteral("zh-TW")}), QStringLiteral("en"));
        QCOMPARE(AppLanguage::localeForUiLanguages({QStringLiteral("zh-Hant-HK")}), QStringLiteral("en"));
        // The first preferred language that has a translation wins.
        QCOMPARE(AppLanguage::localeForUiLanguages({QStringLiteral("de-DE"), QStringLiteral("zh-CN")}),
                 QStringLiteral("zh_CN"));
        QCOMPARE(AppLanguage::localeForUiLanguages({QStringLiteral("en-GB"), QStringLiteral("zh-CN")}),
                 QStringLiteral("en"));
        QCOMPARE(AppLanguage::localeForUiLanguages({QStringLiteral("fr-FR")}), QStringLiteral("en"));
        QCOMPARE(AppLanguage::localeForUiLanguages({}), QStringLiteral("en"));
        QVERIFY(AppLanguage::availableLocales().contains(AppLanguage::resolvedLocale(AppLanguage::System)));
        QVERIFY(AppLanguage::install(AppLanguage::System));
    }

    void settingRoundTrips()
    {
        for (const AppLanguage::Language l : {AppLanguage::System, AppLanguage::English, AppLanguage::SimplifiedChinese})
            QCOMPARE(AppLanguage::fromName(AppLanguage::name(l)), l);
        QCOMPARE(AppLanguage::fromName(QStringLiteral("klingon")), AppLanguage::System);

        AppLanguage::save(AppLanguage::SimplifiedChinese);
        QCOMPARE(WorkbenchSettings::open()->value(QStringLiteral("language")).toString(), QStringLiteral("zh_CN"));
        QCOMPARE(AppLanguage::saved(), AppLanguage::SimplifiedChinese);

        // The menu shows the saved choice and stores a new one; the window says a restart applies it.
        QVERIFY(AppLanguage::install(AppLanguage::English));
        MainWindow window;
        auto *chinese = window.findChild<QAction *>(QStringLiteral("language-zh_CN"));
        auto *english = window.findChild<QAction *>(QStringLiteral("language-en"));
        auto *system = window.findChild<QAction *>(QStringLiteral("language-system"));
        QVERIFY(chinese && english && system);
        QVERIFY(chinese->isChecked());
        QVERIFY(!english->isChecked());
        english->trigger();
        QCOMPARE(AppLanguage::saved(), AppLanguage::English);
        QVERIFY(english->isChecked() && !chinese->isChecked());
        chinese->trigger();
        QCOMPARE(AppLanguage::saved(), AppLanguage::SimplifiedChinese);
        QStringList statusTexts;
        for (const QLabel *label : window.statusBar()->findChildren<QLabel *>())
            statusTexts << label->text();
        QVERIFY2(statusTexts.join(QLatin1Char('|')).contains(QStringLiteral("Restart")),
                 qPrintable(statusTexts.join(QLatin1Char('|'))));
        system->trigger();
        QCOMPARE(AppLanguage::saved(), AppLanguage::System);
    }

    void cleanupTestCase() { WorkbenchSettings::open()->remove(QStringLiteral("language")); }
};

QTEST_MAIN(LocalisationTest)
#include "tst_localisation.moc"
