#include "ui/analytics/analyticsrunner.h"

#include "core/store/project.h"
#include "ui/common/stagetext.h"

#include <QThread>

#include <cmath>
#include <exception>

struct AnalyticsRunner::Outcome {
    QString error;
    bool cancelled = false;
};

AnalyticsRunner::AnalyticsRunner(QObject *parent) : QObject(parent) {}

AnalyticsRunner::~AnalyticsRunner() = default; // the threads are cancelled and waited for by m_threads

void AnalyticsRunner::cancel()
{
    if (m_threads.cancel())
        emit cancelled();
}

void AnalyticsRunner::start(const QString &projectPath, Work work)
{
    cancel();
    const AbandonableThreads::Job started = m_threads.begin();
    const std::uint64_t generation = started.generation;
    const std::shared_ptr<std::atomic<bool>> cancelFlag = started.cancelled;
    auto outcome = std::make_shared<Outcome>();
    const std::string path = projectPath.toStdString();
    QThread *thread = QThread::create([this, path, work = std::move(work), cancelFlag, outcome, generation] {
        // Nothing may escape the thread: every failure becomes the outcome's error.
        try {
            auto project = chorus::Project::open(path, chorus::Project::OpenMode::OpenExisting);
            if (!project) {
                outcome->error = QString::fromStdString(project.message());
            } else {
                // Core reports often (every few rows); the window needs a new value only when the
                // stage changes or the bar would move by a percent.
                std::string lastStage;
                double lastFraction = -1;
                const Progress progress = [&](const std::string &stage, double fraction) {
                    if (*cancelFlag)
                        return false;
                    if (stage != lastStage || std::abs(fraction - lastFraction) >= 0.01) {
                        lastStage = stage;
                        lastFraction = fraction;
                        QMetaObject::invokeMethod(
                            this,
                            [this, generation, stage = StageText::label(QString::fromStdString(stage)), fraction] {
                                if (m_threads.isCurrent(generation))
                                    emit this->progress(stage, fraction);
                            },
                            Qt::QueuedConnection);
                    }
                    return true;
                };
                const std::string error = work(**project, progress);
                if (*cancelFlag)
                    outcome->cancelled = true;
                else
                    outcome->error = QString::fromStdString(error);
            }
        } catch (const std::exception &e) {
            outcome->error = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(this, [this, generation, outcome] { deliver(generation, outcome); }, Qt::QueuedConnection);
    });
    m_threads.launch(thread);
}

void AnalyticsRunner::deliver(std::uint64_t generation, const std::shared_ptr<Outcome> &outcome)
{
    if (!m_threads.finish(generation))
        return; // cancelled or replaced while it ran
    if (outcome->cancelled)
        emit cancelled();
    else if (!outcome->error.isEmpty())
        emit failed(outcome->error);
    else
        emit finished();
}
