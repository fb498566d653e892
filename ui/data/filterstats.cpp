#include "ui/data/filterstats.h"

#include "core/store/project.h"

#include <string>

struct FilterStats::WorkerState {
    std::string path;
    std::unique_ptr<chorus::Project> project;

    // The connection for `projectPath`, opened on first use and kept; nullptr with `error` set.
    chorus::Project *projectAt(const std::string &projectPath, QString &error)
    {
        if (!project || path != projectPath) {
            project.reset();
            auto opened = chorus::Project::open(projectPath, chorus::Project::OpenMode::OpenExisting);
            if (!opened) {
                error = QString::fromStdString(opened.message());
                return nullptr;
            }
            project = std::move(*opened);
            path = projectPath;
        }
        return project.get();
    }
};

FilterStats::FilterStats(QObject *parent)
    : QObject(parent), m_worker(new QObject), m_state(std::make_unique<WorkerState>()),
      m_latest(std::make_shared<std::atomic<quint64>>(0)), m_latestLabels(std::make_shared<std::atomic<quint64>>(0))
{
    m_thread.setObjectName(QStringLiteral("filter statistics"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

FilterStats::~FilterStats()
{
    m_latest->fetch_add(1); // whatever is still queued is stale now
    m_latestLabels->fetch_add(1);
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
            if (chorus::Project *project = state->projectAt(path, error)) {
                chorus::PostBrowser browser(*project);
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

void FilterStats::requestLabels(const QString &projectPath, qint64 datasetId)
{
    const quint64 generation = m_latestLabels->fetch_add(1) + 1;
    WorkerState *state = m_state.get();
    auto latest = m_latestLabels;
    const std::string path = projectPath.toStdString();
    QMetaObject::invokeMethod(
        m_worker,
        [this, state, latest, generation, path, datasetId] {
            if (latest->load() != generation)
                return;
            QString error;
            std::vector<chorus::TaskLabelCounts> tasks;
            if (chorus::Project *project = state->projectAt(path, error)) {
                auto counted = chorus::PostBrowser(*project).labelCountsByTask(datasetId);
                if (counted)
                    tasks = std::move(*counted);
                else
                    error = QString::fromStdString(counted.message());
            }
            QMetaObject::invokeMethod(
                this,
                [this, latest, generation, error, tasks, datasetId] {
                    if (latest->load() != generation)
                        return;
                    if (error.isEmpty())
                        emit labelsReady(datasetId, tasks);
                    else
                        emit failed(error);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}
