#include "ui/main/tabscreenshots.h"

#include "core/store/project.h"
#include "core/training/runstore.h"
#include "ui/embeddings/embeddingprojector.h"
#include "ui/main/mainwindow.h"
#include "ui/runs/runspanel.h"
#include "ui/sequences/seq2seqview.h"

#include <QCoreApplication>
#include <QDir>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLineEdit>
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

// The projector starts empty; show its first source (the newest run's vectors) projected.
void showFirstSource(EmbeddingProjector &projector)
{
    if (projector.sourceCombo()->count() == 0)
        return;
    projector.sourceCombo()->setCurrentIndex(0);
    bool done = false;
    const QMetaObject::Connection finished =
        QObject::connect(&projector, &EmbeddingProjector::projectionFinished, &projector, [&done] { done = true; });
    const QMetaObject::Connection failed =
        QObject::connect(&projector, &EmbeddingProjector::loadFailed, &projector, [&done] { done = true; });
    const QVariant source = projector.sourceCombo()->currentData();
    if (source.typeId() == QMetaType::QString)
        projector.loadPosts(source.toString());
    else
        projector.loadRun(source.toLongLong());
    QElapsedTimer clock;
    clock.start();
    while (!done && clock.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    QObject::disconnect(finished);
    QObject::disconnect(failed);
}

// The sequences view starts without input; decode an example with the first seq2seq run, as a
// person trying it would (a behaviour run gets the first actions its field suggests, if any).
void showExampleBeam(Seq2seqView &view)
{
    if (view.runChooser()->count() == 0 || view.shown())
        return;
    view.runChooser()->setCurrentIndex(0);
    if (view.inputField()->text().isEmpty())
        view.inputField()->setText(view.currentSource() == QLatin1String("replies")
                                       ? QStringLiteral("what do you think about the new phone")
                                       : view.inputField()->placeholderText());
    bool done = false;
    const QMetaObject::Connection shown =
        QObject::connect(&view, &Seq2seqView::explanationShown, &view, [&done] { done = true; });
    const QMetaObject::Connection failed = QObject::connect(&view, &Seq2seqView::failed, &view, [&done] { done = true; });
    view.generate();
    QElapsedTimer clock;
    clock.start();
    while (!done && clock.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    QObject::disconnect(shown);
    QObject::disconnect(failed);
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
        if (auto *projector = qobject_cast<EmbeddingProjector *>(tabs->widget(i)); projector && !projector->table())
            showFirstSource(*projector);
        if (auto *sequences = qobject_cast<Seq2seqView *>(tabs->widget(i)))
            showExampleBeam(*sequences);
        settle(1500);
        // A translated title may have no Latin letter to name the file by: the panel's object name
        // or class does.
        QString name = slug(tabs->tabText(i));
        if (name == QLatin1String("tab")) {
            const QWidget *panel = tabs->widget(i);
            name = slug(panel->objectName().isEmpty() ? QString::fromLatin1(panel->metaObject()->className())
                                                      : panel->objectName());
        }
        const QString file =
            QDir(dir).filePath(QStringLiteral("%1-%2.png").arg(i + 1, 2, 10, QLatin1Char('0')).arg(name));
        if (!window.grab().save(file))
            return {};
        written << file;
    }
    return written;
}
