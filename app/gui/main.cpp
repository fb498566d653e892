#include "core/demo/demogenerator.h"
#include "core/plugins/pluginmanager.h"
#include "core/split/datasetsplitter.h"
#include "core/store/project.h"
#include "ui/common/applanguage.h"
#include "ui/main/mainwindow.h"
#include "ui/main/tabscreenshots.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>

namespace {

// The demo project opened when no project is given: CHORUS_DEMO_PROJECT, else the per-user data dir.
QString defaultDemoProject()
{
    const QString fromEnv = qEnvironmentVariable("CHORUS_DEMO_PROJECT");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QDir().mkpath(dir);
    return QDir(dir).filePath(QStringLiteral("demo.chorus"));
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("chorus"));
    QApplication::setOrganizationName(QStringLiteral("chorus"));
    QApplication::setApplicationVersion(QStringLiteral(CHORUS_VERSION));
    // The desktop entry and the installed hicolor icon share this id (packaging/).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.chorus.Chorus"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("io.github.chorus.Chorus")));
    // Before anything shows text: View > Language's choice, else the system's language.
    AppLanguage::install(AppLanguage::saved());

    QCommandLineParser parser;
    const auto text = [](const char *source) { return QCoreApplication::translate("main", source); };
    parser.setApplicationDescription(text(QT_TRANSLATE_NOOP("main", "Chorus: a deep-learning workbench for social-media data")));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 text(QT_TRANSLATE_NOOP("main", "Project file (*.chorus); the demo project when omitted.")));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  text(QT_TRANSLATE_NOOP("main", "Render the window to FILE (PNG) once shown, then quit.")),
                                  QStringLiteral("file"));
    parser.addOption(screenshot);
    QCommandLineOption screenshots(QStringLiteral("screenshots"),
                                   text(QT_TRANSLATE_NOOP("main", "Render every tab of the window to DIR/NN-tab.png (the "
                                                                  "newest finished run selected), then quit.")),
                                   QStringLiteral("dir"));
    parser.addOption(screenshots);
    parser.process(app);

    // Plugins load once, before any window asks for import formats; a failed one is reported and
    // skipped (Help > Plugins shows why).
    for (const std::string &problem : chorus::PluginManager::global().problems())
        std::fprintf(stderr, "chorus: %s (skipped)\n", problem.c_str());

    const QStringList positional = parser.positionalArguments();
    const QString path = positional.isEmpty() ? defaultDemoProject() : positional.first();
    if (positional.isEmpty() && !QFileInfo::exists(path)) {
        // First start: make the demo project (a few seconds) so the window opens on something real.
        std::fprintf(stderr, "chorus: creating the demo project %s\n", qPrintable(path));
        auto project = chorus::Project::open(path.toStdString());
        if (project) {
            auto demo = chorus::DemoGenerator().generate(**project);
            if (demo) {
                chorus::SplitOptions split;
                split.seed = 1;
                split.stratifyTask = "sentiment";
                chorus::DatasetSplitter::create(**project, chorus::DemoGenerator::kPostsDataset, split);
            } else {
                std::fprintf(stderr, "chorus: %s\n", demo.message().c_str());
            }
        }
    }

    MainWindow window;
    if (const QString error = window.openProject(path); !error.isEmpty()) {
        if (parser.isSet(screenshot) || parser.isSet(screenshots)) {
            std::fprintf(stderr, "chorus: %s\n", qPrintable(error));
            return 1;
        }
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Cannot open project"), error);
        return 1;
    }
    window.show();
    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        QTimer::singleShot(500, &window, [&window, file] {
            const bool saved = window.grab().save(file);
            QApplication::exit(saved ? 0 : 1);
        });
    }
    if (parser.isSet(screenshots)) {
        const QString dir = parser.value(screenshots);
        QTimer::singleShot(500, &window, [&window, dir] {
            const QStringList written = TabScreenshots::save(window, dir);
            for (const QString &file : written)
                std::printf("%s\n", qPrintable(file));
            QApplication::exit(written.isEmpty() ? 1 : 0);
        });
    }
    return app.exec();
}
