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

template <typename Answer>
void FilterStats::queue(const Generation &latest, const QString &projectPath,
                        std::function<chorus::Result<Answer>(chorus::Project &)> compute,
                        std::function<void(const chorus::Result<Answer> &)> deliver)
{
    const quint64 generation = latest->fetch_add(1) + 1;
    WorkerState *state = m_state.get();
    const std::string path = projectPath.toStdString();
    QMetaObject::invokeMethod(
        m_worker,
        [this, state, latest, generation, path, compute = std::move(compute), deliver = std::move(deliver)] {
            if (latest->load() != generation)
                return; // a newer request is queued behind this one
            QString error;
            chorus::Project *project = state->projectAt(path, error);
            chorus::Result<Answer> answer = project ? compute(*project) : chorus::Result<Answer>(chorus::Error{error.toStdString()});
            // Back on the window's thread; this object outlives the worker thread (see the destructor).
            QMetaObject::invokeMethod(
                this,
                [latest, generation, answer = std::move(answer), deliver] {
                    if (latest->load() == generation)
                        deliver(answer);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

namespace {

struct FilterCounts {
    qint64 count = 0;
    chorus::PostsOverTime overTime;
};

} // namespace

void FilterStats::request(const QString &projectPath, const chorus::PostFilter &filter)
{
    m_busy = true;
    queue<FilterCounts>(
        m_latest, projectPath,
        [filter](chorus::Project &project) -> chorus::Result<FilterCounts> {
            chorus::PostBrowser browser(project);
            auto counted = browser.count(filter);
            if (!counted)
                return counted.error();
            auto timeline = browser.postsOverTime(filter);
            if (!timeline)
                return timeline.error();
            return FilterCounts{*counted, std::move(*timeline)};
        },
        [this](const chorus::Result<FilterCounts> &answer) {
            m_busy = false;
            if (answer)
                emit ready(answer->count, answer->overTime);
            else
                emit failed(QString::fromStdString(answer.message()));
        });
}

void FilterStats::requestLabels(const QString &projectPath, qint64 datasetId)
{
    queue<std::vector<chorus::TaskLabelCounts>>(
        m_latestLabels, projectPath,
        [datasetId](chorus::Project &project) { return chorus::PostBrowser(project).labelCountsByTask(datasetId); },
        [this, datasetId](const chorus::Result<std::vector<chorus::TaskLabelCounts>> &answer) {
            if (answer)
                emit labelsReady(datasetId, *answer);
            else
                emit failed(QString::fromStdString(answer.message()));
        });
}
