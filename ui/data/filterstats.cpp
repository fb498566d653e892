#include "ui/data/filterstats.h"

#include "core/store/project.h"

#include <string>

struct FilterStats::WorkerState {
    std::string path;
    std::unique_ptr<chorus::Project> project;
};

FilterStats::FilterStats(QObject *parent)
    : QObject(parent), m_worker(new QObject), m_state(std::make_unique<WorkerState>()),
      m_latest(std::make_shared<std::atomic<quint64>>(0))
{
    m_thread.setObjectName(QStringLiteral("filter statistics"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

FilterStats::~FilterStats()
{
    m_latest->fetch_add(1); // whatever is still queued is stale now
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

void FilterStats::request(const QString &projectPath, const chorus::PostFilter &filter)
{
    const quint64 generation = m_latest->fetch_add(1) + 1;
    m_busy = true;
    WorkerState *state = m_state.get();
    auto latest = m_latest;
    const std::string path = projectPath.toStdString();
    QMetaObject::invokeMethod(
        m_worker,
        [this, state, latest, generation, path, filter] {
            if (latest->load() != generation)
                return; // a newer request is queued behind this one
            QString error;
            qint64 count = 0;
            chorus::PostsOverTime overTime;
            if (!state->project || state->path != path) {
                state->project.reset();
                auto opened = chorus::Project::open(path, chorus::Project::OpenMode::OpenExisting);
                if (opened) {
                    state->project = std::move(*opened);
                    state->path = path;
                } else {
                    error = QString::fromStdString(opened.message());
                }
            }
            if (state->project) {
                chorus::PostBrowser browser(*state->project);
                auto counted = browser.count(filter);
                auto timeline = counted ? browser.postsOverTime(filter) : chorus::Result<chorus::PostsOverTime>(counted.error());
                if (timeline) {
                    count = *counted;
                    overTime = std::move(*timeline);
                } else {
                    error = QString::fromStdString(timeline.message());
                }
            }
            // Back on the window's thread; this object outlives the worker thread (see the destructor).
            QMetaObject::invokeMethod(
                this,
                [this, latest, generation, error, count, overTime] {
                    if (latest->load() != generation)
                        return;
                    m_busy = false;
                    if (error.isEmpty())
                        emit ready(count, overTime);
                    else
                        emit failed(error);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}
