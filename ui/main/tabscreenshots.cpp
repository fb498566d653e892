#include "ui/main/tabscreenshots.h"

#include "core/store/project.h"
#include "core/training/runstore.h"
#include "ui/main/mainwindow.h"
#include "ui/runs/runspanel.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QPixmap>
#include <QRegularExpression>
#include <QTabWidget>

namespace {

// Panels fill themselves from worker threads and processes (the projector's PCA, the statistics of
// the data tab); give them a moment, as a person looking at the window would.
void settle(int milliseconds)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < milliseconds)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

qint64 newestFinishedRun(const QString &projectPath)
{
    auto project = chorus::Project::open(projectPath.toStdString(), chorus::Project::OpenMode::OpenExisting);
    if (!project)
        return 0;
    auto runs = chorus::RunStore(**project).list();
    if (!runs)
        return 0;
    qint64 newest = 0;
    for (const chorus::RunSummary &run : *runs)
        if (run.status == "finished" && run.model != "word2vec" && run.id > newest)
            newest = run.id;
    return newest;
}

} // namespace

QString TabScreenshots::slug(const QString &title)
{
    QString s = title.toLower();
    s.remove(QLatin1Char('&'));
    s.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    s.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    return s.isEmpty() ? QStringLiteral("tab") : s;
}

QStringList TabScreenshots::save(MainWindow &window, const QString &dir)
{
    if (!QDir().mkpath(dir))
        return {};
    if (const qint64 run = newestFinishedRun(window.projectPath()); run > 0)
        window.runsPanel()->selectRuns({run});
    QStringList written;
    QTabWidget *tabs = window.tabs();
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        settle(1500);
        const QString file =
            QDir(dir).filePath(QStringLiteral("%1-%2.png").arg(i + 1, 2, 10, QLatin1Char('0')).arg(slug(tabs->tabText(i))));
        if (!window.grab().save(file))
            return {};
        written << file;
    }
    return written;
}
